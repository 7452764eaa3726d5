import { ACE, type Card, cardId, HR_ID, rankIndex, SB_ID, wildId } from './cards.js';
import { EngineError } from './errors.js';
import {
  assertPlayShape,
  HR_KEY,
  keyRank,
  LEVEL_KEY,
  type Play,
  type PlayShape,
  type PlayType,
  playKey,
  SB_KEY,
  strength,
} from './play.js';
import { type CombinationRules, combinationRules, type Rules } from './rules.js';

/** Rank bitmasks of the sequence windows, keyed by the top card's natural index. A is bit 12 and may sit low. */
function windows(length: number, lowestTop: number): { top: number; mask: number }[] {
  const result = [];
  for (let top = lowestTop; top <= ACE; top++) {
    let mask = 0;
    for (let rank = top - length + 1; rank <= top; rank++) mask |= 1 << (rank < 0 ? ACE : rank);
    result.push({ top, mask });
  }
  return result;
}
export const FIVE_WINDOWS = windows(5, 3);
export const THREE_PAIR_WINDOWS = windows(3, 1);
export const TWO_TRIPS_WINDOWS = windows(2, 0);

const counts = new Uint8Array(13);

/** Internal: the readings (type and key) of a set of card ids, unsorted. */
export function readShapes(ids: readonly number[], level: number, rules: CombinationRules): PlayShape[] {
  const size = ids.length;
  if (size === 0 || size > 10) return [];
  const wild = wildId(level);
  counts.fill(0);
  let wilds = 0;
  let smallJokers = 0;
  let bigJokers = 0;
  let rankMask = 0;
  let suitMask = 0;
  let distinct = 0;
  let maxCount = 0;
  let firstRank = -1;
  let secondRank = -1;
  for (let i = 0; i < size; i++) {
    const id = ids[i];
    if (id === SB_ID) smallJokers++;
    else if (id === HR_ID) bigJokers++;
    else if (id === wild) wilds++;
    else {
      const rank = id % 13;
      const count = ++counts[rank];
      if (count === 1) {
        distinct++;
        rankMask |= 1 << rank;
        if (firstRank < 0) firstRank = rank;
        else if (secondRank < 0) secondRank = rank;
      }
      if (count > maxCount) maxCount = count;
      suitMask |= 1 << ((id / 13) | 0);
    }
  }
  const order = (rank: number): number => (rank === level ? LEVEL_KEY : rank);
  const shapes: PlayShape[] = [];

  if (smallJokers + bigJokers > 0) {
    if (size === 1) shapes.push({ type: 'Single', size, key: smallJokers ? SB_KEY : HR_KEY });
    else if (size === 2 && (smallJokers === 2 || bigJokers === 2)) {
      shapes.push({ type: 'Pair', size, key: smallJokers ? SB_KEY : HR_KEY });
    } else if (size === 4 && smallJokers === 2 && bigJokers === 2) shapes.push({ type: 'JokerBomb', size, key: 0 });
    else if (
      size === 5 &&
      rules.fullHouseJokerPair &&
      smallJokers + bigJokers === 2 &&
      (smallJokers === 2 || bigJokers === 2) &&
      distinct === 1
    ) {
      shapes.push({ type: 'ThreeWithTwo', size, key: order(firstRank) });
    }
    return shapes;
  }

  if (distinct <= 1) {
    const key = distinct === 0 ? LEVEL_KEY : order(firstRank);
    if (size === 1) shapes.push({ type: 'Single', size, key });
    else if (size === 2) shapes.push({ type: 'Pair', size, key });
    else if (size === 3) shapes.push({ type: 'Trips', size, key });
    else if (size <= rules.maxBombSize) shapes.push({ type: 'Bomb', size, key });
  }
  if (size === 5) {
    if (distinct === 1 && counts[firstRank] === 3 && wilds === 2) {
      shapes.push({ type: 'ThreeWithTwo', size, key: order(firstRank) });
    } else if (distinct === 2) {
      const a = counts[firstRank];
      const b = counts[secondRank];
      if (a <= 3 && b <= 2) shapes.push({ type: 'ThreeWithTwo', size, key: order(firstRank) });
      if (b <= 3 && a <= 2) shapes.push({ type: 'ThreeWithTwo', size, key: order(secondRank) });
    } else if (maxCount === 1) {
      const type: PlayType = (suitMask & (suitMask - 1)) === 0 ? 'StraightFlush' : 'Straight';
      for (const window of FIVE_WINDOWS) {
        if ((rankMask & ~window.mask) === 0) shapes.push({ type, size, key: window.top });
      }
    }
  } else if (size === 6 && distinct >= 2) {
    if (maxCount <= 2) {
      for (const window of THREE_PAIR_WINDOWS) {
        if ((rankMask & ~window.mask) === 0) shapes.push({ type: 'ThreePair', size, key: window.top });
      }
    }
    if (maxCount <= 3) {
      for (const window of TWO_TRIPS_WINDOWS) {
        if ((rankMask & ~window.mask) === 0) shapes.push({ type: 'TwoTrips', size, key: window.top });
      }
    }
  }
  if (shapes.length > 1) shapes.sort((x, y) => strength(y) - strength(x));
  return shapes;
}

/**
 * Every reading of a set of cards at a level, strongest first; `[]` when the cards are no play.
 * Each reading is a Play over the same cards.
 */
export function classify(cards: readonly Card[], level: string, rules?: Partial<Rules>): Play[] {
  if (!Array.isArray(cards)) throw new EngineError('BAD_CARD', 'cards must be an array of cards');
  const levelIndex = rankIndex(level);
  const shapes = readShapes(cards.map(cardId), levelIndex, combinationRules(rules));
  return shapes.map((shape) => ({ type: shape.type, rank: keyRank(shape.type, shape.key, levelIndex), cards: cards.slice() }));
}

/** Checks that a play is a reading of its own cards and returns its shape; BAD_PLAY otherwise. */
export function shapeOfPlay(play: unknown, level: number, rules: CombinationRules): PlayShape {
  assertPlayShape(play);
  const ids = play.cards.map(cardId);
  let key: number;
  try {
    key = playKey(play.type, play.rank, level);
  } catch {
    throw new EngineError('BAD_PLAY', `not a play rank: ${JSON.stringify(play.rank)}`);
  }
  const shape = readShapes(ids, level, rules).find((candidate) => candidate.type === play.type && candidate.key === key);
  if (shape === undefined) throw new EngineError('BAD_PLAY', `${play.cards.join(' ')} is not ${play.type} ${play.rank}`);
  return shape;
}
