/** The wallet kit, loaded the first time a wallet is used: viem (~60 KB over brotli) stays out of the first load. */
export function loadWalletKit(): Promise<typeof import('./wallet-kit')> {
  kit ??= import('./wallet-kit').catch((error: unknown) => {
    kit = null; // a failed download (offline) is tried again next time
    throw error;
  });
  return kit;
}

let kit: Promise<typeof import('./wallet-kit')> | null = null;
