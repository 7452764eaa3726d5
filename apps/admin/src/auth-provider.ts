import type { AuthProvider, UserIdentity } from 'react-admin';
import { ApiError } from './api/api-error';
import type { SessionApi } from './api/session-api';
import type { SessionStore } from './api/session-store';
import { isOperatorRole, mayAccess } from './lib/permissions';

/** Refusals that mean the account may not use the platform at all for now. */
const SHUT_OUT = new Set(['ACCOUNT_BANNED', 'ACCOUNT_SUSPENDED']);

export interface LoginParams {
  email: string;
  password: string;
}

export interface AuthProviderDeps {
  sessions: SessionStore;
  sessionApi: SessionApi;
  now?: () => number;
}

/**
 * Sign-in with the platform's own accounts. Signing in is two steps: the platform checks the password
 * (`/auth/login`), then the console asks who that is on the staff side (`/admin/me`); a person without a staff
 * role is refused and the session just opened is closed again, so no token of theirs stays in the browser.
 * Permissions are the role (`STAFF_ROLES`).
 */
export function createAuthProvider(deps: AuthProviderDeps): AuthProvider {
  const now = deps.now ?? Date.now;
  return {
    async login({ email, password }: LoginParams) {
      const session = await deps.sessionApi.login(email.trim(), password);
      const refuse = async (serverMessage: string): Promise<never> => {
        await deps.sessionApi.logout(session.refresh_token).catch(() => undefined);
        throw new ApiError(403, 'NO_OPERATOR_ROLE', 'gg.error.NO_OPERATOR_ROLE', serverMessage);
      };
      let me;
      try {
        me = await deps.sessionApi.adminMe(session.jwt);
      } catch (error) {
        if (error instanceof ApiError && error.status === 403) return refuse(error.serverMessage);
        throw error;
      }
      if (!isOperatorRole(me.role)) return refuse(`role ${me.role}`);
      deps.sessions.write({ jwt: session.jwt, refreshToken: session.refresh_token, expiresAt: now() + session.expires_in * 1000, me });
    },

    async logout() {
      const session = deps.sessions.read();
      deps.sessions.clear();
      // Ending the session on the server too, so the refresh token cannot be used again from this browser.
      if (session !== null) await deps.sessionApi.logout(session.refreshToken).catch(() => undefined);
    },

    async checkAuth() {
      // message: false: a visit before signing in goes to the sign-in page without an error toast.
      if (deps.sessions.read() === null) throw { redirectTo: '/login', message: false };
    },

    async checkError(error: unknown) {
      // The session is gone (a 401: refresh refused, signed out everywhere) or the account itself is shut out (a
      // staff account banned or suspended): sign in again. Any other 403 is one action refused to this role and
      // leaves the session alone.
      if (error instanceof ApiError && (error.status === 401 || SHUT_OUT.has(error.code))) throw error;
    },

    async getIdentity(): Promise<UserIdentity> {
      const me = deps.sessions.read()?.me;
      if (me === undefined) throw new ApiError(401, 'UNAUTHORIZED', 'gg.error.UNAUTHORIZED', 'not signed in');
      return { id: me.user_id, fullName: me.username, role: me.role };
    },

    async getPermissions() {
      return deps.sessions.read()?.me.role ?? null;
    },

    async canAccess({ resource, action }: { resource: string; action: string }) {
      return mayAccess(deps.sessions.read()?.me.role, resource, action);
    },
  };
}
