import { teamOf } from '@guandan/engine';
import { type GameEnded, humanSeats, outcomeFor } from '../records/index.js';

/**
 * The $PLAY a finished game pays, in whole PLAY (docs/TOKENOMICS.md explains each figure). Amounts are kept in
 * milli-PLAY integers until they become token units, so no rounding drifts.
 */
export const TOKENOMICS = {
  /** To each person on the team whose player finished a deal first. */
  perDealWon: 10,
  /** On top, per level that deal raised the team (1 to 3). */
  perLevelRaised: 5,
  /** To each person on the team that won the game. */
  gameWon: 20,
  /** Ranked games pay this many times more. */
  rankedMultiplier: 2,
  /**
   * A game with no person on the other team (bots only as opponents) pays a fifth: it still rewards practice but
   * two accounts cannot farm bots at full rate.
   */
  botOpponentsFactor: 0.2,
  /** The most one account earns in a UTC day; what goes over is not paid. */
  dailyCap: 500,
} as const;

const MILLI = 1000;
/** 10^18 token units per PLAY, 10^15 per milli-PLAY. */
const UNITS_PER_MILLI = 10n ** 15n;

export interface GameReward {
  userId: string;
  /** Milli-PLAY. */
  milli: number;
}

/** What each person of the game earns before the daily cap; people who earn nothing are left out. */
export function gameRewards(game: GameEnded): GameReward[] {
  const people = humanSeats(game);
  const rewards: GameReward[] = [];
  for (const person of people) {
    const team = teamOf(person.seat);
    const dealsWon = game.deals.filter((deal) => deal.team === team);
    let play = dealsWon.length * TOKENOMICS.perDealWon + dealsWon.reduce((sum, deal) => sum + deal.rise, 0) * TOKENOMICS.perLevelRaised;
    if (outcomeFor(game, team) === 'win') play += TOKENOMICS.gameWon;
    if (game.gameMode === 'ranked') play *= TOKENOMICS.rankedMultiplier;
    const facesPeople = people.some((other) => teamOf(other.seat) !== team);
    const factor = facesPeople ? 1 : TOKENOMICS.botOpponentsFactor;
    const milli = Math.round(play * factor * MILLI);
    if (milli > 0) rewards.push({ userId: person.userId, milli });
  }
  return rewards;
}

/** The part of `milli` that fits under the daily cap after `earnedToday` milli-PLAY. */
export function underDailyCap(milli: number, earnedToday: number): number {
  return Math.max(0, Math.min(milli, TOKENOMICS.dailyCap * MILLI - earnedToday));
}

export function milliToUnits(milli: number): bigint {
  return BigInt(milli) * UNITS_PER_MILLI;
}
