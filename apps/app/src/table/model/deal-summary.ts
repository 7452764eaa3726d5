import type { Card, DealResult, Rank, Seat, SeatView, Team } from '@guandan/engine';

/** The tribute the next deal opens with, as its first view tells it. */
export type NextTribute =
  | { kind: 'single'; giver: Seat; receiver: Seat }
  | { kind: 'double'; givers: Seat[]; receivers: Seat[] }
  | { kind: 'anti'; seats: Seat[] };

export interface SummaryRow {
  seat: Seat;
  /** 1 for 头游 ... 4 for 末游. */
  place: number;
  /** The cards the seat still held when the deal ended; empty for the seats that went out. */
  rest: Card[];
}

/** What the table shows between two deals. */
export interface DealSummary {
  number: number;
  /** The level the deal was played at (its level cards rank high among the cards left). */
  level: Rank;
  team: Team;
  rise: number;
  /** The levels the deal was played at; null when the table did not see the deal being played (a reload). */
  levelsBefore: [Rank, Rank] | null;
  levelsAfter: [Rank, Rank];
  rows: SummaryRow[];
  tribute: NextTribute | null;
  /** A team that failed at its A this deal, and a team sent back to 2 for it. */
  failedAttempt: Team | null;
  demoted: Team | null;
}

/** The parts of the next deal's view that tell its tribute. */
export type NextDealView = Pick<SeatView, 'dealNumber' | 'tribute' | 'antiTribute'>;

/**
 * The summary of an ended deal: finishing order with the cards each seat still held, the levels before and after,
 * and the tribute the next deal opens with (read from the next deal's view, and only from that deal's: the rules
 * may have no tribute at all).
 */
export function dealSummary(result: DealResult, levelsBefore: [Rank, Rank] | null, next: NextDealView | null): DealSummary {
  const rows = result.order.map((seat, index) => ({
    seat,
    place: index + 1,
    rest: result.restCards.find((entry) => entry.seat === seat)?.cards ?? [],
  }));
  return {
    number: result.number,
    level: result.level,
    team: result.team,
    rise: result.rise,
    levelsBefore,
    levelsAfter: result.levels,
    rows,
    tribute: next !== null && next.dealNumber === result.number + 1 ? nextTribute(result, next) : null,
    failedAttempt: result.failedAttempt,
    demoted: result.demoted,
  };
}

function nextTribute(result: DealResult, next: NextDealView): NextTribute | null {
  if (next.antiTribute !== null && next.antiTribute.length > 0) return { kind: 'anti', seats: next.antiTribute };
  const tribute = next.tribute;
  if (tribute === null || tribute.givers.length === 0) return null;
  // Tribute goes to the last deal's first finisher; a double one to the first two, the bigger card to 头游.
  if (tribute.kind === 'single') return { kind: 'single', giver: tribute.givers[0], receiver: result.order[0] };
  return { kind: 'double', givers: tribute.givers, receivers: result.order.slice(0, 2) };
}
