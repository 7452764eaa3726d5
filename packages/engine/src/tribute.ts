import { type Card, cardId, cardOrder, isJoker, rankIndex, rankOf, wildId } from './cards.js';
import { EngineError } from './errors.js';
import type { Rules } from './rules.js';

function distinct(cards: Card[]): Card[] {
  return [...new Set(cards)];
}

function assertHand(hand: readonly Card[]): number[] {
  if (!Array.isArray(hand) || hand.length === 0) throw new EngineError('BAD_CARD', 'hand must be a non-empty array of cards');
  return hand.map(cardId);
}

/** The cards a giver may pay as tribute: the highest by card order, never a ♥ level card (wild). */
export function tributeCards(hand: readonly Card[], level: number): Card[] {
  const ids = assertHand(hand);
  const wild = wildId(level);
  let best = -1;
  for (const id of ids) if (id !== wild) best = Math.max(best, cardOrder(id, level));
  return distinct(hand.filter((card, i) => ids[i] !== wild && cardOrder(ids[i], level) === best));
}

/**
 * The cards a receiver may return: any card whose value is 10 or lower with the level rank counted high, or,
 * holding none, the lowest card by card order. With `returnCap: 'any'`, any card.
 */
export function returnCards(hand: readonly Card[], level: number, returnCap: Rules['returnCap']): Card[] {
  const ids = assertHand(hand);
  if (returnCap === 'any') return distinct([...hand]);
  const ten = rankIndex('T');
  const low = hand.filter((_, i) => !isJoker(ids[i]) && rankOf(ids[i]) <= ten && rankOf(ids[i]) !== level);
  if (low.length > 0) return distinct(low);
  const lowest = Math.min(...ids.map((id) => cardOrder(id, level)));
  return distinct(hand.filter((_, i) => cardOrder(ids[i], level) === lowest));
}

/** Tribute choices for a hand at a level (`"2"`..`"A"`). */
export function tributeOptions(hand: readonly Card[], level: string): Card[] {
  return tributeCards(hand, rankIndex(level));
}

/** Return choices for a hand at a level, under the rule options' `returnCap`. */
export function returnOptions(hand: readonly Card[], level: string, rules?: Partial<Rules>): Card[] {
  const cap = rules?.returnCap ?? 10;
  if (cap !== 10 && cap !== 'any') throw new EngineError('BAD_RULES', 'returnCap must be one of 10, "any"');
  return returnCards(hand, rankIndex(level), cap);
}
