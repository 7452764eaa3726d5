import { type Play, type PlayRank, RANKS, type Suit } from '@guandan/engine';
import type { Translate } from '../../i18n';
import type { TrickEntry } from './trick';

/**
 * How big a bomb is, on the engine's ladder: 4 cards < 5 cards < straight flush < 6 or more cards < joker bomb.
 * The table's effect and caption grow with it.
 */
export type BombTier = 'four' | 'five' | 'flush' | 'six' | 'joker';
export const BOMB_TIERS: readonly BombTier[] = ['four', 'five', 'flush', 'six', 'joker'];

export interface PlayCaption {
  play: Play;
  /** The play's key as players say it: a rank ('A', '10'), a span for sequences ('10–A'), '' for the joker bomb. */
  key: string;
  /** The suit of a straight flush. */
  suit: Suit | null;
  bomb: BombTier | null;
}

const SEQUENCE_LENGTH = { Straight: 5, StraightFlush: 5, ThreePair: 3, TwoTrips: 2 } as const;
const SUIT_SYMBOLS: Record<Suit, string> = { S: '♠', H: '♥', C: '♣', D: '♦' };

/** A natural rank as printed: 10 for T, the jokers by their codes (the view names them). */
function rankText(rank: PlayRank): string {
  return rank === 'T' ? '10' : rank;
}

/** The span of a sequence from its top rank: A sits low under 2 when the window runs past it (A2345, A2). */
function sequenceSpan(top: PlayRank, length: number): string {
  const index = RANKS.indexOf(top as (typeof RANKS)[number]);
  const low = index - length + 1;
  const lowRank = low < 0 ? 'A' : RANKS[low];
  return `${rankText(lowRank)}–${rankText(top)}`;
}

export function bombTier(play: Pick<Play, 'type' | 'cards'>): BombTier | null {
  if (play.type === 'JokerBomb') return 'joker';
  if (play.type === 'StraightFlush') return 'flush';
  if (play.type !== 'Bomb') return null;
  return play.cards.length >= 6 ? 'six' : play.cards.length === 5 ? 'five' : 'four';
}

/** 1 for the smallest bomb up to 5 for the joker bomb; 0 for a play that is no bomb. */
export function bombPower(tier: BombTier | null): number {
  return tier === null ? 0 : BOMB_TIERS.indexOf(tier) + 1;
}

/**
 * The suit of a straight flush: the suit its natural cards share. A wild card (the level's heart) may stand in
 * for any card, so it is not counted; jokers never take part in one.
 */
function flushSuit(play: Play, wild: string | null): Suit | null {
  const suits = play.cards.filter((card) => card !== wild).map((card) => card[0] as Suit);
  return suits[0] ?? null;
}

/** What the table writes under a play: its type, its key, and how big a bomb it is. */
export function playCaption(play: Play, level: string): PlayCaption {
  const wild = `H${level}`;
  let key: string;
  if (play.type === 'JokerBomb') key = '';
  else if (play.type in SEQUENCE_LENGTH) key = sequenceSpan(play.rank, SEQUENCE_LENGTH[play.type as keyof typeof SEQUENCE_LENGTH]);
  else key = rankText(play.rank);
  return { play, key, suit: play.type === 'StraightFlush' ? flushSuit(play, wild) : null, bomb: bombTier(play) };
}

/** The words of a caption, e.g. 对子 A, 4张炸 6, 同花顺 ♠10–A, 天王炸. */
export function captionWords(caption: PlayCaption, t: Translate): string {
  const { play } = caption;
  const key = caption.key === 'SB' ? t('caption.smallJoker') : caption.key === 'HR' ? t('caption.bigJoker') : caption.key;
  switch (play.type) {
    case 'Bomb':
      return t('caption.bomb', { n: play.cards.length, key });
    case 'StraightFlush':
      return t('caption.StraightFlush', { key: `${caption.suit ? SUIT_SYMBOLS[caption.suit] : ''}${key}` });
    case 'JokerBomb':
      return t('caption.JokerBomb');
    default:
      return t(`caption.${play.type}`, { key });
  }
}

/** The entry of the trick that must be beaten: its last play (passes after it do not change it); null on a lead. */
export function standingIndex(trick: readonly TrickEntry[]): number | null {
  for (let index = trick.length - 1; index >= 0; index--) if (trick[index].play !== null) return index;
  return null;
}
