import { type Action, isBomb, type Play, type SeatView } from '@guandan/engine';
import type { Bot } from '../bot.js';
import { planHand } from './decompose.js';
import { decideWith } from './decision.js';
import {
  handAfter,
  isOpponent,
  legalOf,
  partnerSeat,
  pass,
  play,
  type Turn,
  valueOf,
  weakest,
  weakestBomb,
} from './policy.js';
import { CardTracker } from './tracker.js';

/** Opponents with this many cards or fewer are a threat worth breaking plans and bombing for. */
const THREAT = 6;

/**
 * Leads for the partnership: feed a partner about to go out a play it can take, and keep an opponent who is about to
 * go out from following with the size it holds.
 */
function normalLead(turn: Turn): Action {
  const { view, plan } = turn;
  const level = view.level;
  const nonBombs = plan.plays;
  const partnerCards = view.handCounts[partnerSeat(view.seat)];
  if (partnerCards > 0 && partnerCards <= 2) {
    const feed = weakest(nonBombs.filter((p) => p.cards.length === partnerCards && (p.type === 'Single' || p.type === 'Pair')), level);
    if (feed !== undefined) return play(view, feed);
  }
  const nextOpponent = (view.seat + 1) % 4;
  const danger = view.handCounts[nextOpponent] > 0 ? view.handCounts[nextOpponent] : view.handCounts[(view.seat + 3) % 4];
  if (danger > 0 && danger <= 3) {
    const safe = weakest(nonBombs.filter((p) => p.cards.length !== danger), level);
    if (safe !== undefined) return play(view, safe);
    const strongest = [...nonBombs].sort((a, b) => valueOf(b, level) - valueOf(a, level))[0];
    if (strongest !== undefined) return play(view, strongest);
  }
  const chosen = weakest(nonBombs, level) ?? weakest(plan.bombs, level) ?? turn.options[0];
  return play(view, chosen);
}

/** Whether nothing unseen can beat this single or pair (barring bombs). */
function isBoss(candidate: Play, tracker: CardTracker): boolean {
  if (candidate.type === 'Single') return tracker.higherSingles(candidate.cards[0]) === 0;
  if (candidate.type === 'Pair') return !tracker.higherPairPossible(candidate.cards[0]);
  return false;
}

function normalFollow(turn: Turn): Action {
  const { view, plan, options } = turn;
  const level = view.level;
  const standing = view.trick.lastSeat;
  if (standing === null || !isOpponent(view.seat, standing)) return pass(view);
  const threat = view.handCounts[standing] <= THREAT;
  const fitting = weakest(legalOf(plan.plays, options), level);
  if (fitting !== undefined) return play(view, fitting);

  // Break the plan when it costs at most one extra play, or when the opponent is close to going out; prefer a
  // card nothing unseen can beat.
  let tracker: CardTracker | undefined;
  let best: { play: Play; score: number } | undefined;
  for (const option of options) {
    if (isBomb(option.type)) continue;
    const damage = planHand(handAfter(view.hand, option.cards), level).steps + 1 - plan.steps;
    if (damage > 1 && !threat) continue;
    tracker ??= new CardTracker(view);
    const score = damage * 100 + valueOf(option, level) - (isBoss(option, tracker) ? 50 : 0);
    if (best === undefined || score < best.score) best = { play: option, score };
  }
  if (best !== undefined) return play(view, best.play);

  const partnerCards = view.handCounts[partnerSeat(view.seat)];
  const worthBombing = threat || plan.steps <= 2 || (partnerCards > 0 && partnerCards <= 3);
  const bomb = worthBombing ? weakestBomb(turn) : undefined;
  return bomb === undefined ? pass(view) : play(view, bomb);
}

/** `easy` plus partnership: never over a partner's winning play, feeds a partner close to out, counts cards. */
export function normalDecide(view: SeatView): Action {
  return decideWith(view, normalPlay);
}

/** The normal level's play or pass in the play phase (the hand cannot go out in one play). */
export function normalPlay(turn: Turn): Action {
  return turn.over === null ? normalLead(turn) : normalFollow(turn);
}

export function normalBot(): Bot {
  return { level: 'normal', decide: normalDecide };
}
