import type { BotLevel } from '@guandan/bots';
import type { Outcome } from '../records/index.js';

/** Everyone's rating before their first ranked game. */
export const INITIAL_RATING = 1500;

/** A bot seat plays at a fixed rating for its level; it is never changed by the games it plays. */
export const BOT_RATINGS: Record<BotLevel, number> = { random: 1000, easy: 1200, normal: 1500, hard: 1700 };

/** How far one game can move a rating. */
export const K_FACTOR = 32;

const OUTCOME_SCORE: Record<Outcome, number> = { win: 1, draw: 0.5, loss: 0 };

/** A team's rating: the mean of its two seats' ratings. */
export function teamRating(seatRatings: readonly number[]): number {
  return seatRatings.reduce((sum, rating) => sum + rating, 0) / seatRatings.length;
}

/**
 * Team Elo: with team ratings R and R', the expected score is E = 1 / (1 + 10^((R' - R) / 400)) and every person
 * of the team moves by K × (S − E), S being 1 for a win, 0.5 for a draw and 0 for a loss. Both seats of a team
 * move by the same amount, so between two all-human teams the four changes sum to zero.
 */
export function ratingChange(team: number, opponents: number, outcome: Outcome): number {
  const expected = 1 / (1 + 10 ** ((opponents - team) / 400));
  return K_FACTOR * (OUTCOME_SCORE[outcome] - expected);
}
