import { BIG_JOKER, fullDeck, rankIndex, type Rank, sortHand } from '../cards.js';
import { nextInt, shuffle } from '../rng.js';
import { type MatchEvent, type MatchState, type Seat, teamOf } from './types.js';

/** Deals the next deal into a draft state: shuffles, deals 27 each, and sets up tribute or anti-tribute. */
export function startDeal(draft: MatchState, events: MatchEvent[]): void {
  const previous = draft.history.at(-1);
  const number = draft.history.length + 1;
  const levelTeam = previous === undefined ? null : previous.team;
  const level: Rank = levelTeam === null ? '2' : draft.levels[levelTeam];
  const levelIndex = rankIndex(level);
  const deck = shuffle(draft.rng, fullDeck());
  const hands = [0, 1, 2, 3].map((seat) => sortHand(deck.slice(seat * 27, seat * 27 + 27), levelIndex));
  draft.deal = {
    number,
    level,
    levelTeam,
    hands,
    turn: null,
    trick: { leader: 0, lastPlay: null, lastSeat: null, passes: 0 },
    finished: [],
    tribute: null,
    antiTribute: null,
    log: [],
  };

  if (previous === undefined) {
    events.push({ kind: 'dealStarted', deal: number, level, levelTeam, tribute: 'none' });
    beginPlay(draft, nextInt(draft.rng, 4) as Seat, events);
    return;
  }
  const [first, second, third, fourth] = previous.order;
  const double = teamOf(second) === teamOf(first);
  const givers: Seat[] = double ? [third, fourth] : [fourth];
  const bigJokers = givers.flatMap((seat) => hands[seat].filter((card) => card === BIG_JOKER).map(() => seat));
  if (bigJokers.length >= 2) {
    const seats = [...new Set(bigJokers)];
    draft.deal.antiTribute = seats;
    events.push({ kind: 'dealStarted', deal: number, level, levelTeam, tribute: 'anti' });
    events.push({ kind: 'antiTribute', seats });
    beginPlay(draft, first, events);
    return;
  }
  draft.deal.tribute = { kind: double ? 'double' : 'single', givers, pending: [], paid: [], returned: [] };
  draft.phase = 'tribute';
  events.push({ kind: 'dealStarted', deal: number, level, levelTeam, tribute: double ? 'double' : 'single' });
}

export function beginPlay(draft: MatchState, leader: Seat, events: MatchEvent[]): void {
  draft.phase = 'play';
  draft.deal.turn = leader;
  draft.deal.trick = { leader, lastPlay: null, lastSeat: null, passes: 0 };
  events.push({ kind: 'playBegins', leader });
}
