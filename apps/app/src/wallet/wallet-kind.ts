import type { WalletType } from '@guandan/protocol';

/**
 * The wallets the app can use: a browser wallet (EIP-1193, `window.ethereum`) and, on the local development chain
 * only, a dev wallet whose key the app makes and keeps on the device.
 */
export type WalletKind = 'injected' | 'dev';

/** The wallets to offer, the browser's first: it is the player's own; the dev wallet is a convenience for testing. */
export function walletChoices(available: { injected: boolean; localChain: boolean }): WalletKind[] {
  return [...(available.injected ? (['injected'] as const) : []), ...(available.localChain ? (['dev'] as const) : [])];
}

/**
 * How the server records the wallet. The protocol's types are metamask, walletconnect and magic: a browser wallet is
 * recorded as metamask (the usual one), and the dev wallet as magic, the protocol's only kind of key held for the
 * player by an app rather than by a wallet of their own.
 */
export function walletTypeOf(kind: WalletKind): WalletType {
  return kind === 'injected' ? 'metamask' : 'magic';
}
