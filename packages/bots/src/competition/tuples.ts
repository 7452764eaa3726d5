import {
  ACE,
  type Action,
  type Card,
  classify,
  type Play,
  PLAY_TYPES,
  type PlayRank,
  type PlayType,
  RANKS,
  rankIndex,
  type Rank,
  type Rules,
} from '@guandan/engine';
import { readRank } from './wire.js';

/**
 * Actions as the AI-competition platform spells them: `[type, rank, cards]` (COMPETITION_PROTOCOL.md). Its bots
 * crash or misplay on any other spelling, so this file is the one place that turns an engine play into a tuple and
 * back. Where the platform differs from the engine's names:
 *
 * - a joker single or pair has rank `B` (small) or `R` (big), not the card code: `["Single","B",["SB"]]`;
 * - a sequence (Straight, StraightFlush, ThreePair, TwoTrips) is ranked by its lowest card, A counting as 1 in
 *   A2345, AA2233 and AAA222 (the engine ranks it by its top card): `["Straight","A",["HA","S2","C3","D4","H5"]]`;
 * - the joker bomb is a `Bomb` of rank `JOKER` (the engine has a type of its own): `["Bomb","JOKER",[...]]`.
 *
 * Pass is `["PASS","PASS","PASS"]`, a tribute `["tribute","tribute",[card]]`, a return `["back","back",[card]]`.
 */
export type PlatformPlayType = Exclude<PlayType, 'JokerBomb'>;
export type PlatformRank = Rank | 'B' | 'R' | 'JOKER';
export type PlayTuple = [type: PlatformPlayType, rank: PlatformRank, cards: Card[]];
export type PassTuple = ['PASS', 'PASS', 'PASS'];
export type TributeTuple = ['tribute', 'tribute', Card[]];
export type BackTuple = ['back', 'back', Card[]];
export type ActionTuple = PlayTuple | PassTuple | TributeTuple | BackTuple;

/** How many consecutive ranks a sequence spans: its lowest card (the platform's rank) is span - 1 below its top (the engine's). */
const SEQUENCE_SPANS: Partial<Record<PlayType, number>> = { Straight: 5, StraightFlush: 5, ThreePair: 3, TwoTrips: 2 };

const PLATFORM_PLAY_TYPES: readonly string[] = PLAY_TYPES.filter((type) => type !== 'JokerBomb');

/** The natural index of a sequence's lowest card as the platform names it; an A there is the low one (-1). */
const lowestIndex = (rank: Rank): number => (rank === 'A' ? -1 : rankIndex(rank));

export function passTuple(): PassTuple {
  return ['PASS', 'PASS', 'PASS'];
}

export function playToTuple(play: Play): PlayTuple {
  const { type, rank } = play;
  const cards = [...play.cards];
  // Only the joker bomb has rank JOKER; testing both narrows the type and the rank for the cases below.
  if (type === 'JokerBomb' || rank === 'JOKER') return ['Bomb', 'JOKER', cards];
  if (rank === 'SB') return [type, 'B', cards];
  if (rank === 'HR') return [type, 'R', cards];
  const span = SEQUENCE_SPANS[type];
  if (span === undefined) return [type, rank, cards];
  const lowest = rankIndex(rank) - span + 1;
  return [type, lowest < 0 ? 'A' : RANKS[lowest], cards];
}

export function tributeTuple(card: Card): TributeTuple {
  return ['tribute', 'tribute', [card]];
}

export function backTuple(card: Card): BackTuple {
  return ['back', 'back', [card]];
}

/** Whether a wire value is the pass tuple (only its type is checked). */
export function isPassTuple(value: unknown): boolean {
  return Array.isArray(value) && value[0] === 'PASS';
}

/** The cards of a wire tuple, or null when it has none. */
export function tupleCards(value: unknown): Card[] | null {
  if (!Array.isArray(value) || value.length !== 3) return null;
  const cards: unknown = value[2];
  if (!Array.isArray(cards) || cards.length === 0 || !cards.every((card) => typeof card === 'string')) return null;
  return cards as Card[];
}

/**
 * The engine's type and rank for the type and rank fields of a platform play tuple (the inverse of playToTuple),
 * or null when they are not the platform's spelling of a play. It needs no level, so a client reads plays right
 * even before an act has told it the deal's level.
 */
function engineReading(type: unknown, rank: unknown): { type: PlayType; rank: PlayRank } | null {
  if (type === 'Bomb' && rank === 'JOKER') return { type: 'JokerBomb', rank: 'JOKER' };
  if (typeof type !== 'string' || !PLATFORM_PLAY_TYPES.includes(type)) return null;
  const playType = type as PlatformPlayType;
  if ((playType === 'Single' || playType === 'Pair') && (rank === 'B' || rank === 'R')) {
    return { type: playType, rank: rank === 'B' ? 'SB' : 'HR' };
  }
  const natural = readRank(rank);
  if (natural === null) return null;
  const span = SEQUENCE_SPANS[playType];
  if (span === undefined) return { type: playType, rank: natural };
  const top = lowestIndex(natural) + span - 1;
  return top <= ACE ? { type: playType, rank: RANKS[top] } : null;
}

/**
 * Reads a play tuple from the wire as an engine play. A tuple in the platform's spelling is taken as declared; any
 * other spelling (OpenGuanDan's `FourKings`, say) is classified at the level and the reading of its type is taken
 * (else the strongest). Null for a pass, a tribute, a return or anything that is not a play.
 */
export function tupleToPlay(value: unknown, level: string, rules?: Partial<Rules>): Play | null {
  const cards = tupleCards(value);
  if (cards === null) return null;
  const [type, rank] = value as unknown[];
  const declared = engineReading(type, rank);
  if (declared !== null) return { ...declared, cards: [...cards] };
  if (type === 'PASS' || type === 'tribute' || type === 'back') return null;
  let readings: Play[];
  try {
    readings = classify(cards, level, rules);
  } catch {
    return null;
  }
  return readings.find((play) => play.type === type) ?? readings[0] ?? null;
}

function sameCards(a: readonly Card[], b: readonly Card[]): boolean {
  if (a.length !== b.length) return false;
  const left = [...a].sort();
  const right = [...b].sort();
  return left.every((card, i) => card === right[i]);
}

/** The same ranks, suits ignored: `S9 H9` and `C9 D9`. */
function sameRanks(a: readonly Card[], b: readonly Card[]): boolean {
  return sameCards(
    a.map((card) => card.slice(1)),
    b.map((card) => card.slice(1)),
  );
}

/**
 * The index in an `actionList` of the entry that matches an engine action, or -1. A play matches an entry with the
 * same cards (and the same type and rank when the action declares a reading); failing that, an entry with the
 * same type, rank and card ranks in other suits (a host may list other suits for the same play).
 */
export function indexOfAction(list: readonly unknown[], action: Action): number {
  const tuples = list.map((entry) => (Array.isArray(entry) ? entry : []));
  switch (action.kind) {
    case 'pass':
      return tuples.findIndex((tuple) => tuple[0] === 'PASS');
    case 'tribute':
    case 'return': {
      const type = action.kind === 'tribute' ? 'tribute' : 'back';
      return tuples.findIndex((tuple) => tuple[0] === type && sameCards(tupleCards(tuple) ?? [], [action.card]));
    }
    case 'play': {
      const reading = action.reading;
      const readingMatches = (tuple: unknown[]): boolean => {
        if (reading === undefined) return true;
        const declared = engineReading(tuple[0], tuple[1]);
        return declared !== null && declared.type === reading.type && declared.rank === reading.rank;
      };
      const exact = tuples.findIndex(
        (tuple) => !isPassTuple(tuple) && readingMatches(tuple) && sameCards(tupleCards(tuple) ?? [], action.cards),
      );
      if (exact >= 0 || reading === undefined) return exact;
      return tuples.findIndex(
        (tuple) => !isPassTuple(tuple) && readingMatches(tuple) && sameRanks(tupleCards(tuple) ?? [], action.cards),
      );
    }
    default:
      return -1;
  }
}
