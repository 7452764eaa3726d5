import type { EngineErrorCode } from '@guandan/engine';

/**
 * Every error code the platform answers with, over REST (`{error: {code, message}}`) and realtime (`ERROR`).
 * Codes are stable: clients branch on them, messages are for people.
 */
export const PLATFORM_ERROR_CODES = [
  'BAD_REQUEST',
  'BAD_MESSAGE',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'CHAT_RATE_LIMITED',
  'EMAIL_TAKEN',
  'USERNAME_TAKEN',
  'USERNAME_INVALID',
  'USERNAME_HIDDEN_CHARACTERS',
  'USERNAME_MIXED_SCRIPTS',
  'INVALID_CREDENTIALS',
  'ACCOUNT_BANNED',
  'ACCOUNT_SUSPENDED',
  'SIGNED_OUT',
  'MUTED',
  'TOKEN_EXPIRED',
  'INVALID_TOKEN',
  'INVALID_NONCE',
  'NONCE_EXPIRED',
  'NONCE_USED',
  'INVALID_SIWE_MESSAGE',
  'INVALID_SIGNATURE',
  'WALLET_ALREADY_LINKED',
  'WALLET_IN_USE',
  'WALLET_REQUIRED',
  'CHAIN_OFF',
  'RELAY_SENDER_REFUSED',
  'RELAY_TARGET_REFUSED',
  'INVALID_AMOUNT',
  'ROOM_NOT_FOUND',
  'ROOM_FULL',
  'ROOM_NOT_WAITING',
  'ALREADY_IN_ROOM',
  'NOT_IN_ROOM',
  'NOT_IN_GAME',
  'INSUFFICIENT_COINS',
  'FRIEND_REQUEST_EXISTS',
  'NOT_FRIENDS',
  'SHOP_CLOSED',
  'PAYMENT_HOLD',
  'SPENDING_LIMIT',
  'SELF_EXCLUDED',
  'KYC_REQUIRED',
  'KYC_OFF',
  'ADDRESS_SANCTIONED',
  'UNDER_AGE',
  'AGE_REQUIRED',
  'BAD_WEBHOOK',
  'UNAVAILABLE',
  'INTERNAL',
] as const;

export type PlatformErrorCode = (typeof PLATFORM_ERROR_CODES)[number];

/** Engine refusals (an illegal play, out of turn, ...) reach clients with the engine's own code. */
export type ErrorCode = PlatformErrorCode | EngineErrorCode;

/** The HTTP status each platform code is answered with. */
export const HTTP_STATUS: Record<PlatformErrorCode, number> = {
  BAD_REQUEST: 400,
  BAD_MESSAGE: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  CHAT_RATE_LIMITED: 429,
  EMAIL_TAKEN: 409,
  USERNAME_TAKEN: 409,
  USERNAME_INVALID: 400,
  USERNAME_HIDDEN_CHARACTERS: 400,
  USERNAME_MIXED_SCRIPTS: 400,
  INVALID_CREDENTIALS: 401,
  ACCOUNT_BANNED: 403,
  ACCOUNT_SUSPENDED: 403,
  SIGNED_OUT: 401,
  MUTED: 403,
  TOKEN_EXPIRED: 401,
  INVALID_TOKEN: 401,
  INVALID_NONCE: 401,
  NONCE_EXPIRED: 401,
  NONCE_USED: 401,
  INVALID_SIWE_MESSAGE: 401,
  INVALID_SIGNATURE: 401,
  WALLET_ALREADY_LINKED: 409,
  WALLET_IN_USE: 409,
  WALLET_REQUIRED: 409,
  CHAIN_OFF: 503,
  RELAY_SENDER_REFUSED: 403,
  RELAY_TARGET_REFUSED: 403,
  INVALID_AMOUNT: 400,
  ROOM_NOT_FOUND: 404,
  ROOM_FULL: 409,
  ROOM_NOT_WAITING: 409,
  ALREADY_IN_ROOM: 409,
  NOT_IN_ROOM: 409,
  NOT_IN_GAME: 409,
  INSUFFICIENT_COINS: 402,
  FRIEND_REQUEST_EXISTS: 409,
  NOT_FRIENDS: 404,
  SHOP_CLOSED: 503,
  PAYMENT_HOLD: 403,
  SPENDING_LIMIT: 403,
  SELF_EXCLUDED: 403,
  KYC_REQUIRED: 403,
  KYC_OFF: 409,
  ADDRESS_SANCTIONED: 403,
  UNDER_AGE: 403,
  AGE_REQUIRED: 403,
  BAD_WEBHOOK: 400,
  UNAVAILABLE: 503,
  INTERNAL: 500,
};

/** An error with a code from the protocol; the server turns it into an HTTP answer or an `ERROR` message. */
export class ProtocolError extends Error {
  readonly code: ErrorCode;
  readonly status: number;

  constructor(code: ErrorCode, message: string, status?: number) {
    super(message);
    this.name = 'ProtocolError';
    this.code = code;
    this.status = status ?? (code in HTTP_STATUS ? HTTP_STATUS[code as PlatformErrorCode] : 400);
  }
}
