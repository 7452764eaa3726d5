import type { Eip1193Provider } from './eip1193';

/** Phones have no injected wallet (WalletConnect would be the way there; not built yet). */
export function injectedProvider(): Eip1193Provider | null {
  return null;
}
