import { type Action, type Card, cardId, cardOrder, isBomb, type Play, playKey, rankIndex, type SeatView } from '@guandan/engine';
import { playAction, playOptions } from '../options.js';
import { type HandPlan, planHand } from './decompose.js';

/** How strong a play is within its type: card order for groups, the top card for sequences. */
export function valueOf(play: Play, level: string): number {
  return playKey(play.type, play.rank, rankIndex(level));
}

/** The weakest of some plays, longer plays first among equals (they shed more cards). */
export function weakest(plays: readonly Play[], level: string): Play | undefined {
  let best: Play | undefined;
  for (const play of plays) {
    if (
      best === undefined ||
      valueOf(play, level) < valueOf(best, level) ||
      (valueOf(play, level) === valueOf(best, level) && play.cards.length > best.cards.length)
    ) {
      best = play;
    }
  }
  return best;
}

export const partnerSeat = (seat: number): number => (seat + 2) % 4;
export const isOpponent = (seat: number, other: number): boolean => seat % 2 !== other % 2;

/** Whether `play` is one of the legal options (same type, rank and cards as a multiset). */
function sameCards(a: readonly Card[], b: readonly Card[]): boolean {
  if (a.length !== b.length) return false;
  const sorted = (cards: readonly Card[]): string => [...cards].sort().join();
  return sorted(a) === sorted(b);
}

/** Whether a planned play beats what is on the table, i.e. is among the legal options. */
export function legalOf(plan: readonly Play[], options: readonly Play[]): Play[] {
  return plan.filter((play) =>
    options.some((option) => option.type === play.type && option.rank === play.rank && sameCards(option.cards, play.cards)),
  );
}

/** The hand that remains after a play. */
export function handAfter(hand: readonly Card[], played: readonly Card[]): Card[] {
  const rest = [...hand];
  for (const card of played) rest.splice(rest.indexOf(card), 1);
  return rest;
}

/** A decision in the play phase: the view, the legal plays and the hand's plan. */
export interface Turn {
  view: SeatView;
  options: Play[];
  plan: HandPlan;
  over: Play | null;
}

export function turnOf(view: SeatView): Turn {
  return { view, options: playOptions(view), plan: planHand(view.hand, view.level), over: view.trick.lastPlay };
}

/** A legal play that empties the hand, if there is one. */
export function goingOut(turn: Turn): Play | undefined {
  return turn.options.find((play) => play.cards.length === turn.view.hand.length);
}

export function pass(view: SeatView): Action {
  return { kind: 'pass', seat: view.seat };
}

export function play(view: SeatView, chosen: Play): Action {
  return playAction(view, chosen);
}

/** The weakest bomb that beats the table, from the plan's bombs first, then any legal bomb. */
export function weakestBomb(turn: Turn): Play | undefined {
  const level = turn.view.level;
  return weakestByLadder(legalOf(turn.plan.bombs, turn.options)) ?? weakestByLadder(turn.options.filter((option) => isBomb(option.type)));

  function weakestByLadder(bombs: Play[]): Play | undefined {
    const ladder = (bomb: Play): number =>
      bomb.type === 'JokerBomb' ? 1000 : (bomb.type === 'StraightFlush' ? 5.5 : bomb.cards.length) * 20 + valueOf(bomb, level);
    return [...bombs].sort((a, b) => ladder(a) - ladder(b))[0];
  }
}

/** Tribute or return: the allowed card whose loss leaves the best plan (fewest plays, then the lowest card). */
export function bestCardToGive(hand: readonly Card[], allowed: readonly Card[], level: string): Card {
  const levelIndex = rankIndex(level);
  let best = allowed[0];
  let bestScore = Infinity;
  for (const card of allowed) {
    const plan = planHand(handAfter(hand, [card]), level);
    const score = plan.steps * 100 - plan.bombs.length * 10 + cardOrder(cardId(card), levelIndex) / 100;
    if (score < bestScore) {
      bestScore = score;
      best = card;
    }
  }
  return best;
}
