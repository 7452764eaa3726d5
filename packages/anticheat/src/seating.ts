import { type Seat, SEATS, teamOf } from '@guandan/engine';
import type { GameObservation } from './observations.js';

/** Two accounts at one table, on opposite teams. */
export interface OpposedPair {
  first: string;
  second: string;
  firstSeat: Seat;
  secondSeat: Seat;
}

export function isOpponent(seat: Seat, other: Seat): boolean {
  return teamOf(seat) !== teamOf(other);
}

/** The seat of an action, or null for `timeUp`, which no seat takes. */
export function actingSeat(action: GameObservation['actions'][number]): Seat | null {
  return action.kind === 'timeUp' ? null : action.seat;
}

/** Every pair of distinct accounts seated against each other in a game. */
export function opposedPairs(game: GameObservation): OpposedPair[] {
  const pairs: OpposedPair[] = [];
  for (const firstSeat of SEATS) {
    for (const secondSeat of SEATS) {
      if (secondSeat <= firstSeat || !isOpponent(firstSeat, secondSeat)) continue;
      const first = game.seats[firstSeat];
      const second = game.seats[secondSeat];
      if (first !== null && second !== null && first !== second) pairs.push({ first, second, firstSeat, secondSeat });
    }
  }
  return pairs;
}

/** A key for an unordered pair of accounts, the same whichever is named first. */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

/** The two accounts of a pair key, in sorted order. */
export function pairOfKey(key: string): [string, string] {
  const [a, b] = key.split('\u0000');
  return [a, b];
}
