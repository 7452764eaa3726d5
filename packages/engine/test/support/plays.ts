import assert from 'node:assert/strict';
import { beats, classify, parseCards, type Play, type PlayType, type Rules } from '../../src/index.js';

/** The readings of a set of cards as `"Type rank"` strings, in the engine's order (strongest first). */
export function readingsOf(cards: string, level: string, rules?: Partial<Rules>): string[] {
  return classify(parseCards(cards), level, rules).map((play) => `${play.type} ${play.rank}`);
}

/** The one reading of `cards` with the given type (and rank, when given); fails when there is none. */
export function playOf(cards: string, level: string, type: PlayType, rank?: string): Play {
  const found = classify(parseCards(cards), level).find(
    (play) => play.type === type && (rank === undefined || play.rank === rank),
  );
  assert.ok(found, `${cards} at level ${level} should read as ${type}${rank === undefined ? '' : ` ${rank}`}`);
  return found;
}

/** `stronger` beats `weaker`, and `weaker` does not beat `stronger`. */
export function assertBeats(stronger: Play, weaker: Play, level: string): void {
  const names = `${stronger.cards.join(' ')} over ${weaker.cards.join(' ')} at level ${level}`;
  assert.equal(beats(stronger, weaker, level), true, `${names} should beat`);
  assert.equal(beats(weaker, stronger, level), false, `${names}: the weaker play should not beat back`);
}
