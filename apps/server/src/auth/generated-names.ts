import { randomInt } from 'node:crypto';

const NAME_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/**
 * A made-up name can clash with an existing one (or one taken on purpose); this many draws, each less likely to
 * clash than the one before, make that vanishingly unlikely.
 */
export const GENERATED_NAME_ATTEMPTS = 5;

/** `Guest-XXXXX`, fresh at every attempt. */
export function guestName(): string {
  return `Guest-${randomSuffix()}`;
}

/** How many characters of the address each wallet name shows, from the start (with `0x`) and from the end. */
const WALLET_NAME_SHAPES = [
  [6, 4],
  [8, 6],
  [10, 8],
] as const;

/**
 * The name of an account made by a wallet sign-in: the address as wallets abbreviate it, `0xAbCd...1234`; a clash
 * shows more of the address, then adds a random tag. Every form stays within the username rules (letters, digits,
 * `.` and `-`; at most 24 characters).
 */
export function walletName(address: string, attempt: number): string {
  if (attempt > WALLET_NAME_SHAPES.length) return `${abbreviated(address, WALLET_NAME_SHAPES[0])}-${randomSuffix()}`;
  return abbreviated(address, WALLET_NAME_SHAPES[attempt - 1]);
}

function abbreviated(address: string, [head, tail]: readonly [number, number]): string {
  return `${address.slice(0, head)}...${address.slice(-tail)}`;
}

function randomSuffix(): string {
  return Array.from({ length: 5 }, () => NAME_ALPHABET[randomInt(NAME_ALPHABET.length)]).join('');
}
