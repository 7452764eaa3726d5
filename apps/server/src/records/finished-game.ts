import type { Action, DealResult, Rules, Seat } from '@guandan/engine';
import type { BotLevel } from '@guandan/bots';
import type { GameMode } from '@guandan/protocol';

/** A seat of a finished game: a person (userId) or a bot. */
export interface FinishedSeat {
  seat: Seat;
  userId: string | null;
  username: string;
  botLevel: BotLevel | null;
}

/** Everything the tables domain hands over when a game ends; the record and the `GameEnded` event are built from it. */
export interface FinishedGame {
  gameId: string;
  roomId: string;
  gameMode: GameMode;
  /** Game coins staked per deal by each person (RoomConfig.base_bet). */
  baseBet: number;
  seats: FinishedSeat[];
  /** Null for a drawn game (fixed deals ending level). */
  winningTeam: 0 | 1 | null;
  deals: DealResult[];
  seed: string;
  rules: Rules;
  actions: Action[];
  startedAt: string;
  endedAt: string;
}

export const GAME_ENDED = 'GameEnded';
