import { type Card, type Rank, rankIndex, rankName } from './cards.js';
import { EngineError } from './errors.js';

export type PlayType =
  | 'Single'
  | 'Pair'
  | 'Trips'
  | 'ThreeWithTwo'
  | 'Straight'
  | 'ThreePair'
  | 'TwoTrips'
  | 'Bomb'
  | 'StraightFlush'
  | 'JokerBomb';

/** The key a play compares by: a natural rank, a joker (`SB`, `HR`) for joker singles and pairs, `JOKER` for the joker bomb. */
export type PlayRank = Rank | 'SB' | 'HR' | 'JOKER';

/** A play as RULES.md defines it: a reading of concrete cards. */
export interface Play {
  type: PlayType;
  rank: PlayRank;
  cards: Card[];
}

export const PLAY_TYPES: readonly PlayType[] = [
  'Single',
  'Pair',
  'Trips',
  'ThreeWithTwo',
  'Straight',
  'ThreePair',
  'TwoTrips',
  'Bomb',
  'StraightFlush',
  'JokerBomb',
];

/** Play types whose key is the top card's natural rank (A may be low) rather than card order. */
export const isSequence = (type: PlayType): boolean =>
  type === 'Straight' || type === 'StraightFlush' || type === 'ThreePair' || type === 'TwoTrips';

export const isBomb = (type: PlayType): boolean => type === 'Bomb' || type === 'StraightFlush' || type === 'JokerBomb';

/** Key values of the jokers in card order (see cardOrder). */
export const SB_KEY = 14;
export const HR_KEY = 15;
export const LEVEL_KEY = 13;

/**
 * The numeric key of a play: card order for groups (level rank 13, SB 14, HR 15), the natural index of the top
 * card for sequences, 0 for the joker bomb.
 */
export function playKey(type: PlayType, rank: PlayRank, level: number): number {
  if (type === 'JokerBomb') return 0;
  if (rank === 'SB') return SB_KEY;
  if (rank === 'HR') return HR_KEY;
  const index = rankIndex(rank);
  if (isSequence(type)) return index;
  return index === level ? LEVEL_KEY : index;
}

export function keyRank(type: PlayType, key: number, level: number): PlayRank {
  if (type === 'JokerBomb') return 'JOKER';
  if (key === SB_KEY) return 'SB';
  if (key === HR_KEY) return 'HR';
  if (key === LEVEL_KEY && !isSequence(type)) return rankName(level);
  return rankName(key);
}

/**
 * Position on the bomb ladder: 4 < 5 < straight flush < 6 < 7 < 8 < 9 < 10 < joker bomb, then the key.
 * Non-bombs are -1.
 */
export function bombStrength(type: PlayType, size: number, key: number): number {
  if (type === 'JokerBomb') return 8 * 16;
  if (type === 'StraightFlush') return 2 * 16 + key;
  if (type !== 'Bomb') return -1;
  return (size <= 5 ? size - 4 : size - 3) * 16 + key;
}

/** A play reduced to what comparison needs. */
export interface PlayShape {
  type: PlayType;
  size: number;
  key: number;
}

/** Whether `play` beats `over`; both are assumed to be valid readings. */
export function outranks(play: PlayShape, over: PlayShape): boolean {
  const playBomb = bombStrength(play.type, play.size, play.key);
  const overBomb = bombStrength(over.type, over.size, over.key);
  if (playBomb >= 0 || overBomb >= 0) return playBomb > overBomb;
  return play.type === over.type && play.size === over.size && play.key > over.key;
}

/** Sort weight for readings of one set of cards: bombs by the ladder above everything else, then the key. */
export function strength(shape: PlayShape): number {
  const bomb = bombStrength(shape.type, shape.size, shape.key);
  return bomb >= 0 ? 1000 + bomb : shape.key * 16 + PLAY_TYPES.indexOf(shape.type);
}

export function assertPlayShape(play: unknown): asserts play is Play {
  const candidate = play as Partial<Play> | null;
  if (
    typeof candidate !== 'object' ||
    candidate === null ||
    !PLAY_TYPES.includes(candidate.type as PlayType) ||
    typeof candidate.rank !== 'string' ||
    !Array.isArray(candidate.cards)
  ) {
    throw new EngineError('BAD_PLAY', `not a play: ${JSON.stringify(play)}`);
  }
}

