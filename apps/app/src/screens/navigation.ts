import type { DealResult, Seat } from '@guandan/engine';
import type { GameEndedPayload, GameMode, GameRoom, TablePlayer } from '@guandan/protocol';

/** What the player had before a game, to show what it changed. */
export interface Standing {
  coins: number;
  rating: number | null;
  /** Coins only move when the room plays for a stake. */
  baseBet: number;
}

/** A finished game as the results screen shows it. */
export interface GameResult {
  ended: GameEndedPayload;
  lastDeal: DealResult | null;
  players: TablePlayer[];
  mySeat: Seat | null;
  gameMode: GameMode;
  before: Standing | null;
}

/** Every screen of the signed-in app with what it needs; the sign-in screen lives outside the stack. */
export type Screen =
  | { name: 'lobby' }
  | { name: 'ranking' }
  | { name: 'profile' }
  | { name: 'wallet' }
  | { name: 'dao' }
  | { name: 'room'; room: GameRoom }
  | { name: 'table'; roomId: string; gameMode: GameMode }
  | { name: 'result'; result: GameResult }
  | { name: 'replay'; gameId: string; seat: Seat | null };

export type TabName = 'lobby' | 'ranking' | 'profile' | 'wallet' | 'dao';
