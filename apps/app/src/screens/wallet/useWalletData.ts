import type { Reward, TokenBalance, Wallet } from '@guandan/protocol';
import type { RealtimeClient, RestClient, StakingInfo } from '@guandan/sdk';
import { useCallback, useEffect, useRef, useState } from 'react';

export interface WalletData {
  /** The account's linked wallet: undefined while asking, null when none. */
  link: Wallet | null | undefined;
  balance: TokenBalance | null;
  rewards: Reward[] | null;
  /** Only with a linked wallet on a chain. */
  staking: StakingInfo | null;
  error: unknown;
  refresh(): void;
  /** After something changed the balances (a transaction, a mint): read now, and again once the server's cache has run out. */
  refreshAfterChange(): void;
}

/** While a reward of a linked wallet is being minted, look again this often (REWARD_EARNED may come first anyway). */
const MINTING_POLL_MS = 4000;
/**
 * The server serves balances from a short cache (BALANCE_CACHE_MS, 5 s by default) that neither a mint nor the
 * player's own transactions clear, so a read right after one can show the balance from before: read once more after
 * the cache has run out.
 */
const AFTER_CHANGE_MS = 5500;

/** What the wallet page shows, read again after each action, on REWARD_EARNED, and while rewards are on their way. */
export function useWalletData(rest: RestClient, realtime: RealtimeClient, chainOn: boolean): WalletData {
  const [link, setLink] = useState<Wallet | null | undefined>(undefined);
  const [balance, setBalance] = useState<TokenBalance | null>(null);
  const [rewards, setRewards] = useState<Reward[] | null>(null);
  const [staking, setStaking] = useState<StakingInfo | null>(null);
  const [error, setError] = useState<unknown>(null);
  const alive = useRef(true);

  const refresh = useCallback(() => {
    void (async () => {
      try {
        const [wallet, nextBalance, nextRewards] = await Promise.all([rest.economy.wallet(), rest.economy.balance(), rest.economy.rewards()]);
        // Staking needs a wallet on a chain; without them the server refuses (WALLET_REQUIRED, CHAIN_OFF).
        const nextStaking = wallet !== null && chainOn ? await rest.economy.staking().catch(() => null) : null;
        if (!alive.current) return;
        setLink(wallet);
        setBalance(nextBalance);
        setRewards(nextRewards);
        setStaking(nextStaking);
        setError(null);
      } catch (failure) {
        if (alive.current) setError(failure);
      }
    })();
  }, [rest, chainOn]);

  useEffect(() => {
    alive.current = true;
    refresh();
    return () => {
      alive.current = false;
    };
  }, [refresh]);

  const settleTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const refreshAfterChange = useCallback(() => {
    refresh();
    if (settleTimer.current !== null) clearTimeout(settleTimer.current);
    settleTimer.current = setTimeout(() => {
      settleTimer.current = null;
      refresh();
    }, AFTER_CHANGE_MS);
  }, [refresh]);
  useEffect(
    () => () => {
      if (settleTimer.current !== null) clearTimeout(settleTimer.current);
    },
    [],
  );

  useEffect(() => realtime.on('REWARD_EARNED', refreshAfterChange), [realtime, refreshAfterChange]);

  const minting = chainOn && link !== null && link !== undefined && (rewards ?? []).some((reward) => reward.status === 'pending' || reward.status === 'minting');
  useEffect(() => {
    if (!minting) return;
    const timer = setInterval(refresh, MINTING_POLL_MS);
    return () => clearInterval(timer);
  }, [minting, refresh]);

  return { link, balance, rewards, staking, error, refresh, refreshAfterChange };
}
