import { quantity, utf8Hex } from './address';
import type { Eip1193Provider } from './eip1193';
import type { RpcCall } from './json-rpc';
import { waitForReceipt } from './receipt';
import { WalletError } from './wallet-error';
import { walletTypeOf } from './wallet-kind';
import type { WalletSigner } from './wallet-signer';

type Hex = `0x${string}`;

/** Public chains make a block every few seconds. */
const POLL_MS = 1500;

/** The browser wallet's account: asking for it opens the wallet's "connect" prompt the first time. */
async function requestAccount(rpc: RpcCall): Promise<Hex> {
  const accounts = await rpc('eth_requestAccounts');
  const first = Array.isArray(accounts) ? (accounts[0] as unknown) : undefined;
  if (typeof first !== 'string' || !/^0x[0-9a-fA-F]{40}$/.test(first)) throw new WalletError('noWallet', 'the wallet gave no account');
  return first as Hex;
}

/** Puts the wallet on `chainId`, asking it to switch when it is elsewhere (the wallet asks the person). */
async function onChain(rpc: RpcCall, chainId: number): Promise<void> {
  const current = Number(await rpc('eth_chainId'));
  if (current === chainId) return;
  try {
    await rpc('wallet_switchEthereumChain', [{ chainId: quantity(chainId) }]);
  } catch (error) {
    throw new WalletError('wrongChain', `the wallet is on chain ${current}, not ${chainId}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * A browser wallet (EIP-1193): it fills in gas and fees, signs and sends itself, asking the person each time. Only
 * standard methods are used (eth_requestAccounts, personal_sign, eth_sendTransaction), so any injected wallet works.
 */
export async function openInjectedWallet(provider: Eip1193Provider): Promise<WalletSigner> {
  const rpc: RpcCall = (method, params) => provider.request(params === undefined ? { method } : { method, params });
  const address = await requestAccount(rpc);
  return {
    kind: 'injected',
    walletType: walletTypeOf('injected'),
    address,
    signMessage: async (message) => (await rpc('personal_sign', [utf8Hex(message), address])) as Hex,
    async sendAndConfirm(transaction, chainId) {
      await onChain(rpc, chainId);
      const sent = { from: address, to: transaction.to, data: transaction.data, value: quantity(BigInt(transaction.value)) };
      const hash = (await rpc('eth_sendTransaction', [sent])) as Hex;
      return waitForReceipt(rpc, hash, POLL_MS);
    },
  };
}
