/** The provider's verdict on a check, in the platform's terms. */
export type CheckStatus = 'started' | 'pending' | 'approved' | 'rejected' | 'retry';

/** A verified identity-provider event about one person's check at one verification level. */
export type KycEvent =
  | { kind: 'status'; key: string; userId: string; applicantId: string; level: string; status: Exclude<CheckStatus, 'started'>; at: string }
  | { kind: 'ignored'; key: string; type: string };

/**
 * The identity provider (Sumsub): a check for a person at a verification level (an applicant and a short-lived
 * token for the provider's own web flow), and its signed webhooks. `readEvent` refuses (BAD_WEBHOOK) what it
 * cannot verify.
 */
export interface IdentityChecks {
  readonly provider: string;
  startCheck(userId: string, level: string): Promise<{ applicantId: string; accessToken: string; expiresIn: number }>;
  readEvent(rawBody: Buffer, headers: Record<string, string | string[] | undefined>): KycEvent;
}
