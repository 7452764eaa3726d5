import { actorsOf } from './apply.js';
import type { MatchState, Seat, SeatView } from './types.js';

/**
 * Exactly what one seat may know: its own hand, every seat's card count and the public record. Other hands, the
 * random state and a double-tribute card not yet shown stay out.
 */
export function viewFor(state: MatchState, seat: Seat): SeatView {
  const deal = state.deal;
  const tribute = deal.tribute;
  return {
    seat,
    rules: state.rules,
    phase: state.phase,
    dealNumber: deal.number,
    level: deal.level,
    levelTeam: deal.levelTeam,
    levels: [...state.levels],
    aFailures: [...state.aFailures],
    hand: [...deal.hands[seat]],
    handCounts: deal.hands.map((hand) => hand.length),
    turn: deal.turn,
    actors: actorsOf(state),
    trick: { ...deal.trick },
    finished: [...deal.finished],
    log: [...deal.log],
    tribute:
      tribute === null
        ? null
        : {
            kind: tribute.kind,
            givers: [...tribute.givers],
            submitted: tribute.pending.map((entry) => entry.seat),
            mySubmitted: tribute.pending.find((entry) => entry.seat === seat)?.card ?? null,
            paid: [...tribute.paid],
            returned: [...tribute.returned],
          },
    antiTribute: deal.antiTribute === null ? null : [...deal.antiTribute],
    lastDeal: state.history.at(-1) ?? null,
    winner: state.winner,
  };
}
