import type { RestClient } from '@guandan/sdk';
import { useEffect, useState } from 'react';
import type { Standing } from '../navigation';

/** The game's effects are applied by consumers of an outbox after it ends, so they show up a moment later. */
const TRIES = 8;
const WAIT_MS = 750;

export interface Settlement {
  coinsDelta: number | null;
  ratingDelta: number | null;
  settled: boolean;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What the game changed for me: coins always, rating for ranked games, read until they move (or we stop waiting). */
export function useSettlement(rest: RestClient, before: Standing | null, ranked: boolean): Settlement {
  const [settlement, setSettlement] = useState<Settlement>({ coinsDelta: null, ratingDelta: null, settled: false });

  useEffect(() => {
    if (before === null) {
      setSettlement({ coinsDelta: null, ratingDelta: null, settled: true });
      return;
    }
    let alive = true;
    void (async () => {
      const needCoins = before.baseBet > 0;
      const needRating = ranked && before.rating !== null;
      let coins = before.coins;
      let rating = before.rating;
      for (let attempt = 0; attempt < TRIES && alive && (needCoins || needRating); attempt++) {
        const [user, mine] = await Promise.all([needCoins ? rest.me().catch(() => null) : null, needRating ? rest.myRating().catch(() => null) : null]);
        if (user !== null) coins = user.game_coin_balance;
        if (mine !== null) rating = mine.rating;
        if ((!needCoins || coins !== before.coins) && (!needRating || rating !== before.rating)) break;
        await sleep(WAIT_MS);
      }
      if (!alive) return;
      setSettlement({
        coinsDelta: coins - before.coins,
        ratingDelta: ranked && rating !== null && before.rating !== null ? Math.round(rating - before.rating) : null,
        settled: true,
      });
    })();
    return () => {
      alive = false;
    };
  }, [rest, before, ranked]);

  return settlement;
}
