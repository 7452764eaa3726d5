import type { AccountFacts } from '../observations.js';
import type { SimAccount } from './model.js';

/** What the platform would know about each simulated account outside its games. */
export function accountFacts(accounts: readonly SimAccount[], signIns: ReadonlyMap<string, number[]>): AccountFacts[] {
  return accounts.map((account) => ({
    accountId: account.id,
    createdAt: account.createdAt,
    devices: [...account.identity.devices],
    addresses: [...account.identity.addresses],
    wallet: account.identity.wallet,
    signIns: [...(signIns.get(account.id) ?? [])].sort((a, b) => a - b),
  }));
}
