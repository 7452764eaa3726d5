import type { PreparedTransactions } from '@guandan/protocol';
import type { RestClient } from '@guandan/sdk';
import { useCallback, useRef, useState } from 'react';
import { loadWalletKit } from '../../wallet/load-wallet-kit';

/** Where one wallet action stands; `action` names it, so that each panel shows only its own. */
export type TxStatus =
  | { phase: 'idle' }
  | { phase: 'preparing'; action: string }
  | { phase: 'sending'; action: string; step: number; total: number }
  | { phase: 'done'; action: string }
  | { phase: 'failed'; action: string; error: unknown };

export interface Transactions {
  status: TxStatus;
  busy: boolean;
  /** Sends what the server prepares (or prepared already, for a swap quote) from the account's wallet; true when all confirmed. */
  send(action: string, prepared: PreparedTransactions | (() => Promise<PreparedTransactions>)): Promise<boolean>;
  /** Any other step with the same status line (the faucet, linking a wallet). */
  task(action: string, work: () => Promise<void>): Promise<boolean>;
}

/**
 * One wallet action at a time, with its progress for the page. `localChain` lets the device's dev wallet sign;
 * `onSettled` runs after every action, succeeded or not, to read the balances again.
 */
export function useTransactions(rest: RestClient, localChain: boolean, onSettled: () => void): Transactions {
  const [status, setStatus] = useState<TxStatus>({ phase: 'idle' });
  // A ref as well as the state: two presses within one render must not start two actions.
  const running = useRef(false);

  const task = useCallback(
    async (action: string, work: () => Promise<void>) => {
      if (running.current) return false;
      running.current = true;
      setStatus({ phase: 'preparing', action });
      try {
        await work();
        setStatus({ phase: 'done', action });
        return true;
      } catch (error) {
        setStatus({ phase: 'failed', action, error });
        return false;
      } finally {
        running.current = false;
        onSettled();
      }
    },
    [onSettled],
  );

  const send = useCallback(
    (action: string, prepared: PreparedTransactions | (() => Promise<PreparedTransactions>)) =>
      task(action, async () => {
        const [kit, ready] = await Promise.all([loadWalletKit(), typeof prepared === 'function' ? prepared() : prepared]);
        const signer = await kit.walletFor(ready.from, rest, localChain);
        const total = ready.transactions.length;
        await kit.sendPrepared(signer, ready, (index) => setStatus({ phase: 'sending', action, step: index + 1, total }));
      }),
    [task, rest, localChain],
  );

  const busy = status.phase === 'preparing' || status.phase === 'sending';
  return { status, busy, send, task };
}
