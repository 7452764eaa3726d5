import type { RestClient } from '@guandan/sdk';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { storage } from '../platform/storage';
import { STORAGE_KEYS } from '../session/storage-keys';
import { quantity } from './address';
import { RpcFailure, type RpcCall } from './json-rpc';
import { waitForReceipt } from './receipt';
import { walletTypeOf } from './wallet-kind';
import type { PreparedTransaction, WalletSigner } from './wallet-signer';

type Hex = `0x${string}`;

/** Blocks on the local chain come as soon as a transaction does: look for the receipt often. */
const POLL_MS = 300;

/**
 * JSON-RPC to the local chain through the server's relay (`POST /v4/chain/rpc`). It goes through the REST client, so
 * each call carries the session's current JWT and an expired one is refreshed and the call retried, as for every
 * other request; the chain's own error answers come back as RpcFailure.
 */
function relay(rest: RestClient): RpcCall {
  let id = 0;
  return async (method, params = []) => {
    id += 1;
    const answer = await rest.economy.rpc({ jsonrpc: '2.0', id, method, params });
    if (answer.error !== undefined) throw new RpcFailure(answer.error.code, answer.error.message, answer.error.data);
    return answer.result;
  };
}

/**
 * The EIP-1559 fields a wallet fills in, asked of the chain right before signing (after the previous transaction's
 * receipt, so the nonce and an approval it relies on are current). The gas limit gets a fifth on top of the estimate
 * and the fee cap twice the base fee, as wallets do, so a block's change does not strand the transaction; what is
 * not used is not paid.
 */
async function fill(rpc: RpcCall, from: Hex, transaction: PreparedTransaction) {
  const call = { from, to: transaction.to, data: transaction.data, value: quantity(BigInt(transaction.value)) };
  const [chainId, nonce, block, tip, gas] = await Promise.all([
    rpc('eth_chainId'),
    rpc('eth_getTransactionCount', [from, 'pending']),
    rpc('eth_getBlockByNumber', ['latest', false]),
    rpc('eth_maxPriorityFeePerGas'),
    rpc('eth_estimateGas', [call]),
  ]);
  const baseFee = BigInt((block as { baseFeePerGas?: string } | null)?.baseFeePerGas ?? 0);
  const priority = BigInt(tip as string);
  return {
    type: 'eip1559' as const,
    chainId: Number(chainId),
    nonce: Number(nonce),
    gas: (BigInt(gas as string) * 6n) / 5n,
    maxPriorityFeePerGas: priority,
    maxFeePerGas: baseFee * 2n + priority,
    to: transaction.to as Hex,
    data: transaction.data as Hex,
    value: BigInt(transaction.value),
  };
}

async function keptKey(): Promise<Hex | null> {
  const kept = await storage.get(STORAGE_KEYS.devWalletKey);
  return kept !== null && /^0x[0-9a-fA-F]{64}$/.test(kept) ? (kept as Hex) : null;
}

/** The device's dev wallet key, made on first use. A test key for the local chain: it never leaves the device. */
async function devWalletKey(): Promise<Hex> {
  const kept = await keptKey();
  if (kept !== null) return kept;
  const key = generatePrivateKey();
  await storage.set(STORAGE_KEYS.devWalletKey, key);
  return key;
}

/**
 * The local dev wallet: signs on the device with its own key and sends the signed transactions through the server's
 * relay to the local chain (which has no address a browser could reach).
 */
export async function openDevWallet(rest: RestClient): Promise<WalletSigner> {
  return devWallet(rest, await devWalletKey());
}

/** The dev wallet this device already has, or null (without making one). */
export async function keptDevWallet(rest: RestClient): Promise<WalletSigner | null> {
  const key = await keptKey();
  return key === null ? null : devWallet(rest, key);
}

function devWallet(rest: RestClient, key: Hex): WalletSigner {
  const account = privateKeyToAccount(key);
  const rpc = relay(rest);
  return {
    kind: 'dev',
    walletType: walletTypeOf('dev'),
    address: account.address,
    signMessage: (message) => account.signMessage({ message }),
    async sendAndConfirm(transaction) {
      const signed = await account.signTransaction(await fill(rpc, account.address, transaction));
      const hash = (await rpc('eth_sendRawTransaction', [signed])) as Hex;
      return waitForReceipt(rpc, hash, POLL_MS);
    },
  };
}
