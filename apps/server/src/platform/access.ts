import type { StaffRole } from '@guandan/protocol';

/** Who a request or a socket is signed in as. */
export interface AuthUser {
  userId: string;
  isGuest: boolean;
}

/** Checks an access token: the auth domain's token service is one. Refuses with UNAUTHORIZED. */
export interface AccessVerifier {
  verifyAccess(token: string): Promise<AuthUser>;
}

/** The token of an `Authorization: Bearer …` header, or null. */
export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return match === null ? null : match[1];
}

/** The staff role of a user (player when none): the admin domain's, asked by every route that needs a role. */
export interface StaffRoleLookup {
  roleOf(userId: string): Promise<StaffRole>;
}
