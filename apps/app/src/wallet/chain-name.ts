import type { StringKey } from '../i18n';

/** Chains the platform is deployed on (docs/CHAIN.md), by EIP-155 id. */
const KNOWN: Readonly<Record<number, StringKey>> = {
  137: 'chain.polygon',
  80002: 'chain.amoy',
};

/** The chain's name as the wallet page shows it; the local development chain is named as such whatever its id. */
export function chainNameKey(chainId: number, local: boolean): StringKey {
  if (local) return 'chain.local';
  return KNOWN[chainId] ?? 'chain.other';
}
