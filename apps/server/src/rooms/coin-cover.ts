import { ProtocolError } from '@guandan/protocol';

/** Each deal can cost up to three levels' worth of the bet: a player must cover that to sit down. */
export const BET_COVER = 3;

/** Refuses a seat at a table of `baseBet` to someone whose `coins` could not pay what one deal may cost. */
export function requireBetCover(coins: number, baseBet: number): void {
  const needed = baseBet * BET_COVER;
  if (coins < needed) throw new ProtocolError('INSUFFICIENT_COINS', `a base bet of ${baseBet} needs ${needed} game coins`);
}
