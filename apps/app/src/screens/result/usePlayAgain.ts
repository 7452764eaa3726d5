import type { GameMode, GameRoom } from '@guandan/protocol';
import type { RestClient } from '@guandan/sdk';
import { useState } from 'react';

export interface PlayAgain {
  busy: boolean;
  /** Why the last try failed (the caller words it), or null. */
  failure: unknown;
  start: () => void;
}

/**
 * 再来一局: a new game of the same mode. Quick match and ranked queue again as from the lobby; a custom room is
 * opened again with the finished room's settings (length, stake, bots, rules), for friends to join by its new code.
 */
export function usePlayAgain(rest: RestClient, gameMode: GameMode, finishedRoomId: string, onEnterRoom: (room: GameRoom) => void): PlayAgain {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const start = () => {
    if (busy) return;
    setBusy(true);
    setFailure(null);
    const request = async (): Promise<GameRoom> => {
      if (gameMode !== 'custom') return rest.createRoom(gameMode);
      const { base_bet, match_length, rules, bot_level } = (await rest.room(finishedRoomId)).room_config;
      return rest.createRoom('custom', { base_bet, match_length, rules, bot_level });
    };
    request()
      .then(onEnterRoom)
      .catch((error: unknown) => {
        setFailure(error);
        setBusy(false);
      });
  };
  return { busy, failure, start };
}
