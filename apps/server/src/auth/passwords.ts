import { randomBytes } from 'node:crypto';
import { type Algorithm, hash, type Options, verify } from '@node-rs/argon2';

/**
 * argon2id with the OWASP baseline (19 MiB, 2 passes, 1 lane). The library's `Algorithm` enum is const (erased at
 * runtime), so the value is written out and checked against the enum's type.
 */
const ARGON2ID = 2 satisfies Algorithm.Argon2id;
const OPTIONS: Options = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export async function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/** The hash carries its own parameters, so hashes made with older settings still verify. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return verify(passwordHash, password);
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends the time of a real verification when there is no account to check, so the answer time does not tell
 * whether an email is registered.
 */
export async function verifyNothing(password: string): Promise<void> {
  dummyHash ??= hashPassword(randomBytes(16).toString('base64url'));
  await verify(await dummyHash, password);
}
