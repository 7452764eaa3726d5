import type { Seat } from '@guandan/engine';
import type { GameMode, PerSeat } from '../observations.js';
import type { SeatPlan, SeatRole, SimAccount } from './model.js';
import type { Random } from './random.js';

/** A game before it has an id: when, which room, who sits where (null: a bot). */
export interface Draft {
  startedAt: number;
  mode: GameMode;
  baseBet: number;
  seats: PerSeat<SeatPlan | null>;
}

/** The base bet of quick match rooms. */
export const QUICK_BET = 10;

export function fair(account: SimAccount): SeatPlan {
  return { accountId: account.id, style: account.style, timing: account.timing, role: { kind: 'fair' } };
}

export function withRole(account: SimAccount, role: SeatRole): SeatPlan {
  return { ...fair(account), role };
}

/** Seats up to four people in random seats; bots take the empty ones. */
export function seatTable(people: readonly SimAccount[], random: Random): PerSeat<SeatPlan | null> {
  const seats: PerSeat<SeatPlan | null> = [null, null, null, null];
  random.shuffled([0, 1, 2, 3]).slice(0, people.length).forEach((seat, i) => (seats[seat] = fair(people[i])));
  return seats;
}

/**
 * Seats two accounts against each other (seat s and s + 1 or s + 3), each told the other's seat, and others (or
 * bots) in the two seats left.
 */
export function facingSeats(
  first: (opponent: Seat) => SeatPlan,
  second: (opponent: Seat) => SeatPlan,
  others: readonly SeatPlan[],
  random: Random,
): PerSeat<SeatPlan | null> {
  const seat = random.int(4) as Seat;
  const facing = ((seat + (random.chance(0.5) ? 1 : 3)) % 4) as Seat;
  const seats: PerSeat<SeatPlan | null> = [null, null, null, null];
  seats[seat] = first(facing);
  seats[facing] = second(seat);
  ([0, 1, 2, 3] as Seat[]).filter((s) => s !== seat && s !== facing).forEach((s, i) => (seats[s] = others[i] ?? null));
  return seats;
}
