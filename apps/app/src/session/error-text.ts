import { ApiError } from '@guandan/sdk';
import type { StringKey, Translate } from '../i18n';

/** Refusals with words of their own; any other code reads as the generic message. */
const KNOWN: Partial<Record<ApiError['code'], StringKey>> = {
  INVALID_CREDENTIALS: 'error.INVALID_CREDENTIALS',
  ACCOUNT_LOCKED: 'error.ACCOUNT_LOCKED',
  EMAIL_TAKEN: 'error.EMAIL_TAKEN',
  USERNAME_TAKEN: 'error.USERNAME_TAKEN',
  RATE_LIMITED: 'error.RATE_LIMITED',
  NETWORK: 'error.NETWORK',
  BAD_REQUEST: 'error.BAD_REQUEST',
  UNAUTHORIZED: 'error.UNAUTHORIZED',
  INVALID_TOKEN: 'error.UNAUTHORIZED',
  TOKEN_EXPIRED: 'error.UNAUTHORIZED',
  ROOM_NOT_FOUND: 'error.ROOM_NOT_FOUND',
  ROOM_FULL: 'error.ROOM_FULL',
  ROOM_NOT_WAITING: 'error.ROOM_NOT_WAITING',
  ALREADY_IN_ROOM: 'error.ALREADY_IN_ROOM',
  NOT_IN_ROOM: 'error.NOT_IN_ROOM',
  INSUFFICIENT_COINS: 'error.INSUFFICIENT_COINS',
  FRIEND_REQUEST_EXISTS: 'error.FRIEND_REQUEST_EXISTS',
  NOT_FOUND: 'error.NOT_FOUND',
  FORBIDDEN: 'error.FORBIDDEN',
};

/** Words for a failed request, in the player's language. */
export function errorText(t: Translate, error: unknown): string {
  const key = error instanceof ApiError && Object.hasOwn(KNOWN, error.code) ? KNOWN[error.code] : undefined;
  return t(key ?? 'error.generic');
}
