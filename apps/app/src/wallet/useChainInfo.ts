import type { ChainInfo } from '@guandan/protocol';
import type { RestClient } from '@guandan/sdk';
import { useCallback, useEffect, useState } from 'react';

/** The platform's chain: still asking, none (CHAIN=off, or the server could not say), or its contracts. */
export type ChainState = { status: 'loading' } | { status: 'off' } | { status: 'on'; chain: ChainInfo };

/** Asks the server once which chain it runs on (no session needed), for the sign-in screen and the wallet pages. */
export function useChainInfo(rest: RestClient): { chain: ChainState; reload: () => void } {
  const [chain, setChain] = useState<ChainState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let alive = true;
    rest.economy
      .chain()
      .then((info) => alive && setChain(info === null ? { status: 'off' } : { status: 'on', chain: info }))
      .catch(() => alive && setChain({ status: 'off' }));
    return () => {
      alive = false;
    };
  }, [rest, attempt]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { chain, reload };
}

/** Whether the app may offer the dev wallet: only on the local development chain. */
export function isLocalChain(chain: ChainState): boolean {
  return chain.status === 'on' && chain.chain.local;
}
