import { ProtocolError } from '@guandan/protocol';
import { type Address, getAddress, type Hex, isAddress, isAddressEqual, recoverMessageAddress } from 'viem';
import { createSiweMessage, parseSiweMessage, validateSiweMessage } from 'viem/siwe';

/** What the wallet shows above the message's fields. One text for signing in and for linking: see docs/PROTOCOL.md. */
export const SIGN_IN_STATEMENT = 'Sign in to Guandan Global with this wallet.';

export interface SignInRequest {
  address: Address;
  /** RFC 3986 authority (host and any port) the signature is bound to. */
  domain: string;
  uri: string;
  chainId: number;
  nonce: string;
  issuedAt: Date;
  expirationTime: Date;
}

/** The EIP-4361 message for the wallet to sign; throws viem's error when `domain` or `uri` is not valid there. */
export function signInMessage(request: SignInRequest): string {
  return createSiweMessage({ ...request, statement: SIGN_IN_STATEMENT, version: '1' });
}

/** The fields of a signed message, read without trusting them yet. */
export type SignedFields = ReturnType<typeof parseSiweMessage>;

/** The message's fields; INVALID_SIWE_MESSAGE when it has no nonce or address, so is not EIP-4361 at all. */
export function readSignInMessage(message: string): SignedFields & { nonce: string; address: Address } {
  const fields = parseSiweMessage(message);
  const { nonce, address } = fields;
  if (nonce === undefined || address === undefined) throw invalidMessage('this is not an EIP-4361 sign-in message');
  return { ...fields, nonce, address };
}

/**
 * Whether the fields are a well-formed sign-in by `address` for `domain` and `nonce`, in force at `now` (version,
 * nonce form, expiry and not-before as EIP-4361 defines them).
 */
export function inForce(fields: SignedFields, expected: { domain: string; nonce: string; address: Address }, now: Date): boolean {
  return validateSiweMessage({ message: fields, ...expected, time: now });
}

/**
 * Whether the key of `address` signed `message` (personal_sign, EIP-191). Offline, by recovering the signer:
 * externally owned accounts only, as a contract wallet's signature needs a chain to check.
 */
export async function signedBy(message: string, signature: Hex, address: Address): Promise<boolean> {
  try {
    return isAddressEqual(await recoverMessageAddress({ message, signature }), address);
  } catch {
    return false; // not a signature at all (a bad recovery byte, a point off the curve)
  }
}

/**
 * The address in its checksummed (EIP-55) spelling, the one the database keeps, so one wallet has one spelling.
 * BAD_REQUEST when it is mixed case with a wrong checksum: most likely a mistyped address.
 */
export function checksummed(address: string): Address {
  if (!isAddress(address)) throw new ProtocolError('BAD_REQUEST', `body: ${address} has a wrong EIP-55 checksum: check the address`);
  return getAddress(address);
}

export function invalidMessage(why: string): ProtocolError {
  return new ProtocolError('INVALID_SIWE_MESSAGE', why);
}
