import {
  type Action,
  type Card,
  classify,
  type Play,
  PLAY_TYPES,
  type PlayRank,
  type PlayType,
  RANKS,
  type Rules,
} from '@guandan/engine';

/**
 * Actions as the AI-competition protocol spells them: `[type, rank, cards]`.
 *
 * - Plays use the engine's type and rank names (`["Pair","T",["ST","HT"]]`).
 * - The joker bomb is `["JokerBomb","JOKER",["SB","SB","HR","HR"]]`: the protocol does not confirm a spelling, so
 *   we send the engine's own names. When reading a tuple we also accept `["Bomb","JOKER",...]` and
 *   `["FourKings",...]` (OpenGuanDan).
 * - Pass is `["PASS","PASS","PASS"]`, a tribute `["tribute","tribute",[card]]`, a return `["back","back",[card]]`.
 */
export type PlayTuple = [type: PlayType, rank: PlayRank, cards: Card[]];
export type PassTuple = ['PASS', 'PASS', 'PASS'];
export type TributeTuple = ['tribute', 'tribute', Card[]];
export type BackTuple = ['back', 'back', Card[]];
export type ActionTuple = PlayTuple | PassTuple | TributeTuple | BackTuple;

export function passTuple(): PassTuple {
  return ['PASS', 'PASS', 'PASS'];
}

export function playToTuple(play: Play): PlayTuple {
  return [play.type, play.rank, [...play.cards]];
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

/** Type and rank of a wire tuple in the engine's names (joker bomb and joker rank aliases resolved). */
function engineReading(value: unknown[]): { type: string; rank: string } {
  const type = String(value[0]);
  const rank = String(value[1]);
  if (type === 'FourKings' || (type === 'Bomb' && rank === 'JOKER')) return { type: 'JokerBomb', rank: 'JOKER' };
  const aliases: Record<string, string> = { B: 'SB', R: 'HR', '10': 'T' };
  return { type, rank: aliases[rank] ?? rank };
}

const PLAY_RANKS: readonly string[] = [...RANKS, 'SB', 'HR', 'JOKER'];

/**
 * Reads a play tuple from the wire as an engine play. A tuple in the engine's names is taken as declared; any
 * other spelling is classified at the level and the reading of its type is taken (else the strongest). Null for a
 * pass, a tribute, a return or anything that is not a play.
 */
export function tupleToPlay(value: unknown, level: string, rules?: Partial<Rules>): Play | null {
  const cards = tupleCards(value);
  if (cards === null || isPassTuple(value)) return null;
  const { type, rank } = engineReading(value as unknown[]);
  if (type === 'tribute' || type === 'back') return null;
  if (PLAY_TYPES.includes(type as PlayType) && PLAY_RANKS.includes(rank)) {
    return { type: type as PlayType, rank: rank as PlayRank, cards: [...cards] };
  }
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
        const { type, rank } = engineReading(tuple);
        return type === reading.type && rank === reading.rank;
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
