import {
  BIG_JOKER,
  type Card,
  cardId,
  classify,
  HR_ID,
  type Play,
  type PlayType,
  rankIndex,
  SB_ID,
  SMALL_JOKER,
  wildId,
} from '@guandan/engine';

/**
 * A split of a hand into plays: the bot's plan for the cards it holds. Fewer plays means fewer turns to go out;
 * bombs are kept apart as the hand's reserve.
 */
export interface HandPlan {
  plays: Play[];
  bombs: Play[];
  /** Plays other than bombs: how many times the hand must win the lead or follow to go out. */
  steps: number;
}

/** Natural rank indexes of each five-card window, A low first. */
const WINDOWS = Array.from({ length: 10 }, (_, w) => [0, 1, 2, 3, 4].map((i) => (w - 1 + i + 13) % 13));

interface Groups {
  /** Natural cards per rank index (wilds excluded). */
  byRank: Card[][];
  wilds: Card[];
  smallJokers: number;
  bigJokers: number;
}

function groupHand(hand: readonly Card[], level: number): Groups {
  const wild = wildId(level);
  const byRank: Card[][] = [[], [], [], [], [], [], [], [], [], [], [], [], []];
  const groups: Groups = { byRank, wilds: [], smallJokers: 0, bigJokers: 0 };
  for (const card of hand) {
    const id = cardId(card);
    if (id === SB_ID) groups.smallJokers++;
    else if (id === HR_ID) groups.bigJokers++;
    else if (id === wild) groups.wilds.push(card);
    else byRank[id % 13].push(card);
  }
  return groups;
}

/** Reads concrete cards as the given type (the strongest such reading). */
function asPlay(cards: Card[], level: string, type: PlayType): Play {
  const reading = classify(cards, level).find((play) => play.type === type);
  if (reading === undefined) throw new Error(`internal: ${cards.join(' ')} is not ${type}`);
  return reading;
}

/** How many plays the counts split into: groups by rank, trips carrying pairs. */
function groupSteps(counts: readonly number[]): number {
  let singles = 0;
  let pairs = 0;
  let trips = 0;
  for (const count of counts) {
    if (count === 1) singles++;
    else if (count === 2) pairs++;
    else if (count === 3) trips++;
  }
  return singles + pairs + trips - Math.min(trips, pairs);
}

/** The straights (as window indexes) that leave the fewest plays, searched to a small depth. */
function bestStraights(counts: number[], depth: number): { windows: number[]; steps: number } {
  let best = { windows: [] as number[], steps: groupSteps(counts) };
  if (depth === 0) return best;
  for (let w = 0; w < WINDOWS.length; w++) {
    const ranks = WINDOWS[w];
    if (!ranks.every((rank) => counts[rank] > 0 && counts[rank] < 4)) continue;
    for (const rank of ranks) counts[rank]--;
    const rest = bestStraights(counts, depth - 1);
    for (const rank of ranks) counts[rank]++;
    if (rest.steps + 1 < best.steps) best = { windows: [w, ...rest.windows], steps: rest.steps + 1 };
  }
  return best;
}

/** Splits a hand into plays: joker bomb and four-of-a-kind bombs apart, straights that save plays, then groups. */
export function planHand(hand: readonly Card[], level: string): HandPlan {
  const levelIndex = rankIndex(level);
  const groups = groupHand(hand, levelIndex);
  const plays: Play[] = [];
  const bombs: Play[] = [];

  if (groups.smallJokers === 2 && groups.bigJokers === 2) bombs.push(asPlay(['SB', 'SB', 'HR', 'HR'], level, 'JokerBomb'));
  else {
    for (const [count, joker] of [
      [groups.smallJokers, SMALL_JOKER],
      [groups.bigJokers, BIG_JOKER],
    ] as const) {
      if (count === 2) plays.push(asPlay([joker, joker], level, 'Pair'));
      else if (count === 1) plays.push(asPlay([joker], level, 'Single'));
    }
  }
  const cards = groups.byRank.map((list) => [...list]);
  for (let rank = 0; rank < 13; rank++) {
    if (cards[rank].length >= 4) {
      bombs.push(asPlay(cards[rank], level, 'Bomb'));
      cards[rank] = [];
    }
  }
  const counts = cards.map((list) => list.length);
  for (const w of bestStraights(counts, 2).windows) {
    const straight = WINDOWS[w].map((rank) => cards[rank].pop() as Card);
    const type = new Set(straight.map((card) => card[0])).size === 1 ? 'StraightFlush' : 'Straight';
    (type === 'StraightFlush' ? bombs : plays).push(asPlay(straight, level, type));
  }
  const trips: Card[][] = [];
  const pairs: Card[][] = [];
  for (let rank = 0; rank < 13; rank++) {
    const group = cards[rank];
    if (group.length === 3) trips.push(group);
    else if (group.length === 2) pairs.push(group);
    else if (group.length === 1) plays.push(asPlay(group, level, 'Single'));
  }
  // Low trips carry the lowest pairs; the level rank is left in its natural order here, which is good enough
  // for a plan.
  const naturalOrder = (group: Card[]): number => (rankIndex(group[0][1]) === levelIndex ? 13 : rankIndex(group[0][1]));
  trips.sort((a, b) => naturalOrder(a) - naturalOrder(b));
  pairs.sort((a, b) => naturalOrder(a) - naturalOrder(b));
  for (const triple of trips) {
    const pair = pairs.length > 0 && naturalOrder(pairs[0]) < 12 ? pairs.shift() : undefined;
    plays.push(pair === undefined ? asPlay(triple, level, 'Trips') : asPlay([...triple, ...pair], level, 'ThreeWithTwo'));
  }
  for (const pair of pairs) plays.push(asPlay(pair, level, 'Pair'));
  for (const wild of groups.wilds) plays.push(asPlay([wild], level, 'Single'));
  return { plays, bombs, steps: plays.length };
}

