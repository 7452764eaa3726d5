import type { RoomConfig } from '@guandan/protocol';
import type { MatchedMode, MatchQueue } from './match-queue.js';
import type { PlayerDirectory } from './player-directory.js';
import { rankedWindow } from './ranked-window.js';
import type { Room } from './room.js';
import type { Seating } from './seating.js';

/**
 * Whether a waiting room suits a player: the same base bet and, in ranked (`rating` not null), a room rating within
 * the window the room has earned by waiting until `now`.
 */
export function suits(room: Room, baseBet: number, rating: number | null, now: number): boolean {
  if (room.config.base_bet !== baseBet) return false;
  return rating === null || Math.abs((room.rating ?? rating) - rating) <= rankedWindow(now - Date.parse(room.createdAt));
}

/** Quick match and ranked: a seat in the oldest room that suits the player, or a new room that others will find. */
export class Matchmaking {
  constructor(private readonly deps: { matchQueue: MatchQueue; players: PlayerDirectory; seating: Seating }) {}

  async seat(userId: string, username: string, mode: MatchedMode, config: RoomConfig): Promise<Room> {
    const rating = mode === 'ranked' ? await this.deps.players.rating(userId) : null;
    for (const candidate of await this.deps.matchQueue.candidates(mode)) {
      if (!suits(candidate, config.base_bet, rating, Date.now())) continue;
      const joined = await this.deps.seating.trySeat(candidate.id, userId, username, rating);
      if (joined !== null) return joined;
    }
    // Strangers cannot agree on house rules: a matched room plays the standard ones.
    return this.deps.seating.open(userId, username, mode, { ...config, rules: {} }, rating);
  }
}
