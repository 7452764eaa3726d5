import type { RestClient } from '@guandan/sdk';
import { useEffect, useState } from 'react';

/** The room's stake, said in the quit confirmation: null until it is known, and for good if the look-up fails. */
export function useBaseBet(rest: RestClient, roomId: string): number | null {
  const [baseBet, setBaseBet] = useState<number | null>(null);
  useEffect(() => {
    rest
      .room(roomId)
      .then((room) => setBaseBet(room.room_config.base_bet))
      .catch(() => undefined);
  }, [rest, roomId]);
  return baseBet;
}
