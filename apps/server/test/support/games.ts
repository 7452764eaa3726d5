import type { GameStatePayload, ServerMessage } from '@guandan/protocol';
import type { TestPlayer } from './players.js';

/** The next view that asks this player to act. */
export function nextTurn(player: TestPlayer, timeoutMs = 15_000): Promise<ServerMessage<'GAME_STATE_UPDATE'>> {
  return player.realtime.next(
    'GAME_STATE_UPDATE',
    (message) => {
      const { view } = message.payload as GameStatePayload;
      return view.actors.includes(view.seat) && view.phase !== 'over';
    },
    timeoutMs,
  );
}

/** Four players in one custom room (invite code, ready-up), playing `deals` deals. */
export async function customTable(players: TestPlayer[], deals = 1): Promise<string> {
  const [host, ...guests] = players;
  const room = await host.rest.createRoom('custom', { match_length: deals });
  for (const guest of guests) await guest.rest.joinByCode(room.invite_code as string);
  for (const player of players) await player.rest.ready(room.room_id, true);
  return room.room_id;
}
