import type { DealResult, Seat } from '@guandan/engine';
import type { GameEndedPayload, GameMode, GameRoom, TablePlayer } from '@guandan/protocol';
import type { PurchaseReturn } from '../shop/purchase-return';

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
  /** The coin shop; `returned` when the player just came back from the payment page. */
  | { name: 'shop'; returned?: PurchaseReturn }
  /** The player's spending limits and self-exclusion, opened from the shop (its tab stays lit). */
  | { name: 'limits' }
  | { name: 'room'; room: GameRoom }
  | { name: 'table'; roomId: string; gameMode: GameMode }
  | { name: 'result'; result: GameResult }
  | { name: 'replay'; gameId: string; seat: Seat | null };

/** The pages under the top bar: its tabs, and the shop opened from the coins. */
export type TabName = 'lobby' | 'ranking' | 'profile' | 'wallet' | 'dao' | 'shop';
