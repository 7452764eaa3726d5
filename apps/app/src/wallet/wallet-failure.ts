import { ApiError } from '@guandan/sdk';
import { WalletError } from './wallet-error';

/** The errors in a failure's cause chain, outermost first. */
function causes(error: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let current = error; current !== undefined && current !== null && chain.length < 20; current = (current as { cause?: unknown }).cause) chain.push(current);
  return chain;
}

/** EIP-1193: the person refused the request in their wallet. */
const USER_REJECTED = 4001;

/**
 * A failed wallet action as the app words it: a WalletError, or the server's ApiError when the server refused (so
 * the player reads the server's reason). A wallet or a node says what happened in a JSON-RPC code and an English
 * message, somewhere in the cause chain.
 */
export function walletFailure(error: unknown): Error {
  const chain = causes(error);
  const wallet = chain.find((cause): cause is WalletError => cause instanceof WalletError);
  if (wallet !== undefined) return wallet;
  const api = chain.find((cause): cause is ApiError => cause instanceof ApiError);
  if (api !== undefined) return api;
  const message = chain.map((cause) => (cause instanceof Error ? cause.message : String(cause))).join(': ');
  if (chain.some((cause) => (cause as { code?: unknown }).code === USER_REJECTED)) return new WalletError('rejected', message);
  if (/insufficient funds/i.test(message)) return new WalletError('noGas', message);
  if (/revert/i.test(message)) return new WalletError('reverted', message);
  return new WalletError('failed', message);
}
