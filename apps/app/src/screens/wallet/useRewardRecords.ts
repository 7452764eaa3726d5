import type { GameRecord, Reward } from '@guandan/protocol';
import type { RestClient } from '@guandan/sdk';
import { useEffect, useRef, useState } from 'react';

/** The most records the API gives in one page, as many as the rewards it lists. */
const RECORDS_PAGE = 100;

/**
 * The player's game records behind their rewards, to name each rewarded game by its mode and outcome. Read again
 * only when a reward names a game not read yet (a new win), not on every balance poll.
 */
export function useRewardRecords(rest: RestClient, rewards: readonly Reward[] | null): readonly GameRecord[] {
  const [records, setRecords] = useState<readonly GameRecord[]>([]);
  const asked = useRef(new Set<string>());
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  useEffect(() => {
    if (rewards === null) return;
    const unknown = rewards.filter((reward) => !asked.current.has(reward.game_id));
    if (unknown.length === 0) return;
    for (const reward of unknown) asked.current.add(reward.game_id);
    // Not cancelled when the rewards are read again meanwhile: that read finds these games asked for already.
    rest
      .records(1, RECORDS_PAGE)
      .then((next) => {
        if (mounted.current) setRecords(next);
      })
      // Without records the rows still show the date and amount; the next read of the rewards asks again.
      .catch(() => {
        for (const reward of unknown) asked.current.delete(reward.game_id);
      });
  }, [rest, rewards]);

  return records;
}
