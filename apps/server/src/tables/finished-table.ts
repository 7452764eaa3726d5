import type { Action } from '@guandan/engine';
import type { FinishedGame } from '../records/index.js';
import type { TableSnapshot } from './snapshot.js';

/** A finished table as the records domain keeps it: who sat where, how it went, and every action for the replay. */
export function finishedGameOf(table: TableSnapshot, actions: Action[], endedAt: string): FinishedGame {
  const state = table.state;
  return {
    gameId: table.gameId,
    roomId: table.roomId,
    gameMode: table.gameMode,
    baseBet: table.baseBet,
    seats: table.seats.map((seat) => ({
      seat: seat.seat,
      userId: seat.userId,
      username: seat.username,
      botLevel: seat.userId === null ? seat.botLevel : null,
      quit: seat.userId !== null && seat.quit,
      autoPlayed: seat.userId !== null && seat.autoPlay,
    })),
    winningTeam: state.winner,
    deals: state.history,
    seed: String(state.seed),
    rules: state.rules,
    actions,
    startedAt: table.startedAt,
    endedAt,
    ...(table.ended === undefined ? {} : { endedEarly: table.ended }),
  };
}
