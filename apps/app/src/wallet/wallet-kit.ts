/**
 * Everything that signs, behind one module the app loads on demand (load-wallet-kit.ts), so that viem's key and
 * signing code stays out of the first load of the web app.
 */
import type { PreparedTransactions, Session, Wallet } from '@guandan/protocol';
import type { RestClient } from '@guandan/sdk';
import { sameAddress } from './address';
import { keptDevWallet, openDevWallet } from './dev-wallet';
import { injectedProvider } from './injected-provider';
import { openInjectedWallet } from './injected-wallet';
import { WalletError } from './wallet-error';
import { walletFailure } from './wallet-failure';
import type { WalletKind } from './wallet-kind';
import type { WalletSigner } from './wallet-signer';

export type { WalletSigner } from './wallet-signer';

async function open(kind: WalletKind, rest: RestClient): Promise<WalletSigner> {
  if (kind === 'dev') return openDevWallet(rest);
  const provider = injectedProvider();
  if (provider === null) throw new WalletError('noWallet', 'no browser wallet on this page');
  return openInjectedWallet(provider);
}

/** Runs a wallet action, turning whatever the wallet, viem or the chain threw into a WalletError or the server's ApiError. */
async function worded<T>(action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    throw walletFailure(error);
  }
}

/** Opens a wallet (for a browser wallet: asks the person to connect it). */
export function openWallet(kind: WalletKind, rest: RestClient): Promise<WalletSigner> {
  return worded(() => open(kind, rest));
}

/**
 * The wallet that holds `linked` (the account's wallet), to send its transactions: this device's dev wallet when it
 * is that one (local chain), else the browser wallet, whose account sendPrepared checks.
 */
export function walletFor(linked: string, rest: RestClient, localChain: boolean): Promise<WalletSigner> {
  return worded(async () => {
    const dev = localChain ? await keptDevWallet(rest) : null;
    if (dev !== null && sameAddress(dev.address, linked)) return dev;
    if (injectedProvider() !== null) return open('injected', rest);
    throw new WalletError('noWallet', `no wallet on this device holds ${linked}`);
  });
}

/** Signs in with a wallet: the server's EIP-4361 message, signed by the wallet, makes a session (and the account the first time). */
export function signInWithWallet(kind: WalletKind, rest: RestClient): Promise<Session> {
  return worded(async () => {
    const signer = await open(kind, rest);
    const { message } = await rest.walletNonce(signer.address);
    return rest.walletSignIn(message, await signer.signMessage(message), signer.walletType);
  });
}

/** Links a wallet to the signed-in account, proving it holds the key the same way as signing in. */
export function linkWallet(kind: WalletKind, rest: RestClient): Promise<Wallet | null> {
  return worded(async () => {
    const signer = await open(kind, rest);
    const { message } = await rest.walletNonce(signer.address);
    const signature = await signer.signMessage(message);
    return rest.economy.connectWallet({ wallet_type: signer.walletType, wallet_address: signer.address, message, signature });
  });
}

/**
 * Sends what the server prepared, in order, each only after the one before is mined (an approval must be in place
 * before the call that spends it). `onStep` hears the 0-based index of each transaction as it goes to the wallet.
 */
export function sendPrepared(signer: WalletSigner, prepared: PreparedTransactions, onStep: (index: number) => void): Promise<`0x${string}`[]> {
  return worded(async () => {
    if (!sameAddress(prepared.from, signer.address)) {
      throw new WalletError('wrongAccount', `prepared for ${prepared.from}, the wallet is ${signer.address}`);
    }
    const hashes: `0x${string}`[] = [];
    for (const [index, transaction] of prepared.transactions.entries()) {
      onStep(index);
      hashes.push(await signer.sendAndConfirm(transaction, prepared.chain_id));
    }
    return hashes;
  });
}
