import { ProtocolError } from '@guandan/protocol';
import { type Address, getAddress } from 'viem';
import type { Db } from '../platform/db/database.js';
import type { ChainRuntime } from './chain-runtime.js';

/** The chain, or a clear refusal when the platform runs without one. */
export function requireChain(chain: ChainRuntime | null): ChainRuntime {
  if (chain === null) throw new ProtocolError('CHAIN_OFF', 'this platform runs without a chain (CHAIN=off)');
  return chain;
}

/** Endpoints that hand out test funds or relay raw transactions exist on the local development chain only. */
export function requireLocalChain(chain: ChainRuntime | null): ChainRuntime {
  const runtime = requireChain(chain);
  if (runtime.funder === null) throw new ProtocolError('CHAIN_OFF', 'only on the local development chain');
  return runtime;
}

/** The caller's linked wallet; token, staking and DAO requests need one. */
export async function requireWallet(db: Db, userId: string): Promise<Address> {
  const row = await db.selectFrom('users').select('wallet_address').where('id', '=', userId).executeTakeFirst();
  if (row === undefined) throw new ProtocolError('NOT_FOUND', 'no such user');
  if (row.wallet_address === null) throw new ProtocolError('WALLET_REQUIRED', 'link a wallet first (POST /v4/wallet/connect)');
  return getAddress(row.wallet_address);
}
