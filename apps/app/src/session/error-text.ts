import { ApiError } from '@guandan/sdk';
import type { StringKey, Translate } from '../i18n';
import { WalletError } from '../wallet/wallet-error';

/** Refusals with words of their own; any other code reads as the generic message. */
const KNOWN: Partial<Record<ApiError['code'], StringKey>> = {
  INVALID_CREDENTIALS: 'error.INVALID_CREDENTIALS',
  ACCOUNT_BANNED: 'error.ACCOUNT_BANNED',
  ACCOUNT_SUSPENDED: 'error.ACCOUNT_SUSPENDED',
  SIGNED_OUT: 'error.SIGNED_OUT',
  MUTED: 'error.MUTED',
  EMAIL_TAKEN: 'error.EMAIL_TAKEN',
  USERNAME_TAKEN: 'error.USERNAME_TAKEN',
  USERNAME_INVALID: 'auth.usernameCharacters',
  USERNAME_HIDDEN_CHARACTERS: 'auth.usernameCharacters',
  USERNAME_MIXED_SCRIPTS: 'auth.usernameScripts',
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
  WALLET_REQUIRED: 'error.WALLET_REQUIRED',
  WALLET_IN_USE: 'error.WALLET_IN_USE',
  WALLET_ALREADY_LINKED: 'error.WALLET_ALREADY_LINKED',
  INVALID_SIGNATURE: 'error.INVALID_SIGNATURE',
  INVALID_NONCE: 'error.INVALID_NONCE',
  NONCE_EXPIRED: 'error.NONCE_EXPIRED',
  NONCE_USED: 'error.NONCE_USED',
  INVALID_SIWE_MESSAGE: 'error.INVALID_SIWE_MESSAGE',
  CHAIN_OFF: 'error.CHAIN_OFF',
  SHOP_CLOSED: 'error.SHOP_CLOSED',
  PAYMENT_HOLD: 'error.PAYMENT_HOLD',
  SPENDING_LIMIT: 'error.SPENDING_LIMIT',
  SELF_EXCLUDED: 'error.SELF_EXCLUDED',
  UNDER_AGE: 'error.UNDER_AGE',
  AGE_REQUIRED: 'error.AGE_REQUIRED',
  UNAVAILABLE: 'error.UNAVAILABLE',
};

/** Words for a failed request or wallet action, in the player's language. */
export function errorText(t: Translate, error: unknown): string {
  if (error instanceof WalletError) return t(`wallet.error.${error.problem}`);
  const key = error instanceof ApiError && Object.hasOwn(KNOWN, error.code) ? KNOWN[error.code] : undefined;
  return t(key ?? 'error.generic');
}
