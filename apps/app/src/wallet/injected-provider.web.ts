import type { Eip1193Provider } from './eip1193';

/** The browser wallet (MetaMask and the like) the page was given, if any. */
export function injectedProvider(): Eip1193Provider | null {
  const candidate = (window as { ethereum?: Partial<Eip1193Provider> }).ethereum;
  return typeof candidate?.request === 'function' ? (candidate as Eip1193Provider) : null;
}
