import { beats, type Card, cardId, cardOrder, isBomb, type Play, playKey, rankIndex, type Rank, type Rules } from '@guandan/engine';
import { isMyTurn, type TableState } from './table-state';

/** Natural cards are grouped by rank, each joker by itself; the wild stands apart (it is counted on its own). */
function groupOf(card: Card): string {
  return card === 'SB' || card === 'HR' ? card : card[1];
}

function groupSizes(cards: readonly Card[], wild: Card): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const card of cards) if (card !== wild) sizes.set(groupOf(card), (sizes.get(groupOf(card)) ?? 0) + 1);
  return sizes;
}

/** What playing `cards` out of `hand` spends: wilds, and groups it splits (a bomb split is the worst). */
interface Cost {
  wilds: number;
  splitsBomb: number;
  splitsGroup: number;
}

function costOf(cards: readonly Card[], held: Map<string, number>, wild: Card): Cost {
  const used = groupSizes(cards, wild);
  let splitsBomb = 0;
  let splitsGroup = 0;
  for (const [group, count] of used) {
    const inHand = held.get(group) ?? count;
    if (count < inHand) {
      splitsGroup++;
      if (inHand >= 4) splitsBomb++;
    }
  }
  return { wilds: cards.filter((card) => card === wild).length, splitsBomb, splitsGroup };
}

interface RankedPlay {
  play: Play;
  bomb: boolean;
  key: number;
  cost: Cost;
}

/**
 * Plays in the order a player would want them offered: plain plays before bombs; plain plays that keep wilds,
 * bombs and groups whole first, then the lowest; bombs from the weakest up.
 */
function orderPlays(plays: readonly Play[], hand: readonly Card[], level: Rank, rules: Rules): Play[] {
  const levelIndex = rankIndex(level);
  const wild = `H${level}`;
  const held = groupSizes(hand, wild);
  const ranked: RankedPlay[] = plays.map((play) => ({
    play,
    bomb: isBomb(play.type),
    key: playKey(play.type, play.rank, levelIndex),
    cost: costOf(play.cards, held, wild),
  }));
  const bombOrder = (a: RankedPlay, b: RankedPlay): number => {
    if (!a.bomb || !b.bomb) return 0;
    if (beats(a.play, b.play, level, rules)) return 1;
    return beats(b.play, a.play, level, rules) ? -1 : 0;
  };
  ranked.sort(
    (a, b) =>
      Number(a.bomb) - Number(b.bomb) ||
      bombOrder(a, b) ||
      a.cost.wilds - b.cost.wilds ||
      a.cost.splitsBomb - b.cost.splitsBomb ||
      a.cost.splitsGroup - b.cost.splitsGroup ||
      a.key - b.key ||
      b.play.cards.length - a.play.cards.length,
  );
  return ranked.map((entry) => entry.play);
}

/** Tribute must be the highest card anyway; a return gives away the cheapest card that splits nothing. */
function orderExchangeCards(cards: readonly Card[], hand: readonly Card[], level: Rank, tribute: boolean): Card[] {
  const levelIndex = rankIndex(level);
  const wild = `H${level}`;
  const held = groupSizes(hand, wild);
  const order = (card: Card): number => cardOrder(cardId(card), levelIndex);
  if (tribute) return [...cards].sort((a, b) => order(b) - order(a));
  return [...cards].sort((a, b) => {
    const costA = costOf([a], held, wild);
    const costB = costOf([b], held, wild);
    return costA.splitsBomb - costB.splitsBomb || costA.splitsGroup - costB.splitsGroup || order(a) - order(b);
  });
}

/** The legal options of this seat, best suggestion first; empty when it has nothing to do (or only passing). */
export function hints(state: TableState): Card[][] {
  const view = state.view;
  if (view === null || !isMyTurn(state)) return [];
  if (view.phase === 'tribute' || view.phase === 'return') {
    return orderExchangeCards(state.legal.cards, view.hand, view.level, view.phase === 'tribute').map((card) => [card]);
  }
  return orderPlays(state.legal.plays, view.hand, view.level, view.rules).map((play) => play.cards);
}

/** The hint for the `counter`-th press of the hint button: the suggestions in turn, round and round. */
export function nextHint(state: TableState, counter: number): Card[] | null {
  const all = hints(state);
  return all.length === 0 ? null : all[((counter % all.length) + all.length) % all.length];
}
