import { BIG_JOKER, type Card, type PlayType, SMALL_JOKER } from '@guandan/engine';

const SUIT_SYMBOLS: Record<string, string> = { S: '♠', H: '♥', C: '♣', D: '♦' };

/** A card's name for screen readers and logs: '♠A', '♥10', '大王', '小王'. */
export function cardLabel(card: Card): string {
  if (card === BIG_JOKER) return '大王';
  if (card === SMALL_JOKER) return '小王';
  const rank = card[1] === 'T' ? '10' : card[1];
  return `${SUIT_SYMBOLS[card[0]] ?? card[0]}${rank}`;
}

/** The i18n key naming each play type (the strings live in src/i18n/table.ts). */
export const PLAY_TYPE_KEYS = {
  Single: 'type.Single',
  Pair: 'type.Pair',
  Trips: 'type.Trips',
  ThreeWithTwo: 'type.ThreeWithTwo',
  Straight: 'type.Straight',
  ThreePair: 'type.ThreePair',
  TwoTrips: 'type.TwoTrips',
  Bomb: 'type.Bomb',
  StraightFlush: 'type.StraightFlush',
  JokerBomb: 'type.JokerBomb',
} as const satisfies Record<PlayType, string>;

export function playTypeKey(type: PlayType): (typeof PLAY_TYPE_KEYS)[PlayType] {
  return PLAY_TYPE_KEYS[type];
}
