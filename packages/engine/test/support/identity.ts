import { beats, cardName, classify, type Play, rankIndex, wildId } from '../../src/index.js';

const isJokerCard = (card: string): boolean => card === 'SB' || card === 'HR';

/**
 * What makes two plays the same move: type, key and the multiset of ranks, with a wild counted as a wild; the
 * suit only for straight flushes.
 */
export function moveIdentity(play: Play, level: string): string {
  const wild = cardName(wildId(rankIndex(level)));
  const ranks = play.cards.map((card) => (card === wild ? 'W' : isJokerCard(card) ? card : card[1])).sort();
  const suit = play.type === 'StraightFlush' ? (play.cards.find((card) => card !== wild) ?? '')[0] : '';
  return `${play.type}|${play.rank}|${ranks.join('')}|${suit}`;
}

/** Every distinct move in a hand, found by classifying every subset of up to ten cards. */
export function bruteForceMoves(hand: readonly string[], level: string, over: Play | null): Set<string> {
  const found = new Set<string>();
  const n = hand.length;
  for (let mask = 1; mask < 1 << n; mask++) {
    const cards: string[] = [];
    for (let i = 0; i < n; i++) if (mask & (1 << i)) cards.push(hand[i]);
    if (cards.length > 10) continue;
    for (const reading of classify(cards, level)) {
      if (over === null || beats(reading, over, level)) found.add(moveIdentity(reading, level));
    }
  }
  return found;
}
