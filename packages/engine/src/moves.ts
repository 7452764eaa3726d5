import { type Card, cardId, cardName, HR_ID, naturalCard, rankIndex, SB_ID, wildId } from './cards.js';
import { FIVE_WINDOWS, shapeOfPlay, THREE_PAIR_WINDOWS, TWO_TRIPS_WINDOWS } from './classify.js';
import {
  bombStrength,
  HR_KEY,
  isBomb,
  keyRank,
  LEVEL_KEY,
  type Play,
  type PlayShape,
  type PlayType,
  SB_KEY,
} from './play.js';
import { type CombinationRules, combinationRules, type Rules } from './rules.js';

/** Rank index of each position of every five-card window, A low in the first. */
const FIVE_WINDOW_RANKS = FIVE_WINDOWS.map(({ top }) => [0, 1, 2, 3, 4].map((i) => (top - 4 + i + 13) % 13));
const THREE_PAIR_WINDOW_RANKS = THREE_PAIR_WINDOWS.map(({ top }) => [0, 1, 2].map((i) => (top - 2 + i + 13) % 13));
const TWO_TRIPS_WINDOW_RANKS = TWO_TRIPS_WINDOWS.map(({ top }) => [0, 1].map((i) => (top - 1 + i + 13) % 13));
/** Subsets of five positions with at most two members: which positions of a straight the wilds fill. */
const WILD_PLACEMENTS = Array.from({ length: 32 }, (_, mask) => mask).filter((mask) => popcount(mask) <= 2);

function popcount(mask: number): number {
  let count = 0;
  for (let rest = mask; rest !== 0; rest &= rest - 1) count++;
  return count;
}

/** Scratch counts shared by every generator: generation is synchronous, so one set is enough. */
const HELD = new Uint8Array(52);
const PER_RANK = new Uint8Array(13);
const SUITS_OF = new Uint8Array(13);

/**
 * Generates every distinct legal play of one hand. Distinct means a different type, key or multiset of ranks
 * (a wild counts as a wild; suits count only for straight flushes).
 */
class MoveGenerator {
  readonly out: Play[] = [];
  /** Copies of each natural card id held, wilds excluded. */
  private readonly held = HELD.fill(0);
  /** Natural cards held per rank, wilds excluded. */
  private readonly perRank = PER_RANK.fill(0);
  /** Bitmask of the suits held per rank, wilds excluded. */
  private readonly suitsOf = SUITS_OF.fill(0);
  private wilds = 0;
  private smallJokers = 0;
  private bigJokers = 0;
  private readonly wildCard: Card;

  constructor(
    hand: readonly Card[],
    private readonly level: number,
    private readonly rules: CombinationRules,
    private readonly over: PlayShape | null,
  ) {
    const wild = wildId(level);
    this.wildCard = cardName(wild);
    for (const card of hand) {
      const id = cardId(card);
      if (id === SB_ID) this.smallJokers++;
      else if (id === HR_ID) this.bigJokers++;
      else if (id === wild) this.wilds++;
      else {
        this.held[id]++;
        this.perRank[id % 13]++;
        this.suitsOf[id % 13] |= 1 << ((id / 13) | 0);
      }
    }
  }

  generate(): Play[] {
    const over = this.over;
    const wants = (type: PlayType): boolean => over === null || (!isBomb(over.type) && over.type === type);
    if (wants('Single')) this.singles();
    if (wants('Pair')) this.pairs();
    if (wants('Trips')) this.trips();
    if (wants('ThreeWithTwo')) this.threeWithTwo();
    if (wants('Straight')) this.straights(false);
    if (wants('ThreePair')) this.runsOfGroups('ThreePair', THREE_PAIR_WINDOWS, THREE_PAIR_WINDOW_RANKS, 2);
    if (wants('TwoTrips')) this.runsOfGroups('TwoTrips', TWO_TRIPS_WINDOWS, TWO_TRIPS_WINDOW_RANKS, 3);
    this.bombs();
    this.straights(true);
    if (this.smallJokers === 2 && this.bigJokers === 2) this.emit('JokerBomb', 0, ['SB', 'SB', 'HR', 'HR']);
    return this.out;
  }

  private order(rank: number): number {
    return rank === this.level ? LEVEL_KEY : rank;
  }

  /** Whether a play of this shape may be listed: anything on lead, otherwise only what beats the table. */
  private allowed(type: PlayType, size: number, key: number): boolean {
    const over = this.over;
    if (over === null) return true;
    const mine = bombStrength(type, size, key);
    const theirs = bombStrength(over.type, over.size, over.key);
    if (mine >= 0 || theirs >= 0) return mine > theirs;
    return key > over.key;
  }

  private emit(type: PlayType, key: number, cards: Card[]): void {
    this.out.push({ type, rank: keyRank(type, key, this.level), cards });
  }

  /** Appends `count` natural cards of a rank, lowest suit first. */
  private take(rank: number, count: number, cards: Card[]): Card[] {
    for (let suit = 0; suit < 4 && count > 0; suit++) {
      const id = suit * 13 + rank;
      for (let copy = this.held[id]; copy > 0 && count > 0; copy--, count--) cards.push(cardName(id));
    }
    return cards;
  }

  private addWilds(count: number, cards: Card[]): Card[] {
    for (let i = 0; i < count; i++) cards.push(this.wildCard);
    return cards;
  }

  private singles(): void {
    for (let rank = 0; rank < 13; rank++) {
      const key = this.order(rank);
      if (this.perRank[rank] > 0 && this.allowed('Single', 1, key)) this.emit('Single', key, this.take(rank, 1, []));
    }
    if (this.wilds > 0 && this.allowed('Single', 1, LEVEL_KEY)) this.emit('Single', LEVEL_KEY, [this.wildCard]);
    if (this.smallJokers > 0 && this.allowed('Single', 1, SB_KEY)) this.emit('Single', SB_KEY, ['SB']);
    if (this.bigJokers > 0 && this.allowed('Single', 1, HR_KEY)) this.emit('Single', HR_KEY, ['HR']);
  }

  private pairs(): void {
    for (let rank = 0; rank < 13; rank++) {
      const key = this.order(rank);
      if (!this.allowed('Pair', 2, key)) continue;
      const held = this.perRank[rank];
      if (held >= 2) this.emit('Pair', key, this.take(rank, 2, []));
      if (held >= 1 && this.wilds >= 1) this.emit('Pair', key, this.addWilds(1, this.take(rank, 1, [])));
    }
    if (this.wilds === 2 && this.allowed('Pair', 2, LEVEL_KEY)) this.emit('Pair', LEVEL_KEY, this.addWilds(2, []));
    if (this.smallJokers === 2 && this.allowed('Pair', 2, SB_KEY)) this.emit('Pair', SB_KEY, ['SB', 'SB']);
    if (this.bigJokers === 2 && this.allowed('Pair', 2, HR_KEY)) this.emit('Pair', HR_KEY, ['HR', 'HR']);
  }

  private trips(): void {
    for (let rank = 0; rank < 13; rank++) {
      const key = this.order(rank);
      if (!this.allowed('Trips', 3, key)) continue;
      for (let wilds = 0; wilds <= this.wilds; wilds++) {
        const naturals = 3 - wilds;
        if (naturals <= this.perRank[rank]) this.emit('Trips', key, this.addWilds(wilds, this.take(rank, naturals, [])));
      }
    }
  }

  private threeWithTwo(): void {
    for (let triple = 0; triple < 13; triple++) {
      const key = this.order(triple);
      if (!this.allowed('ThreeWithTwo', 5, key)) continue;
      for (let tripleWilds = 0; tripleWilds <= this.wilds; tripleWilds++) {
        const tripleNaturals = 3 - tripleWilds;
        if (tripleNaturals > this.perRank[triple]) continue;
        const spare = this.wilds - tripleWilds;
        for (let pair = 0; pair < 13; pair++) {
          if (pair === triple) continue;
          for (let pairNaturals = 2; pairNaturals >= 1; pairNaturals--) {
            const pairWilds = 2 - pairNaturals;
            if (pairNaturals > this.perRank[pair] || pairWilds > spare) continue;
            const cards = this.take(triple, tripleNaturals, []);
            this.take(pair, pairNaturals, cards);
            this.emit('ThreeWithTwo', key, this.addWilds(tripleWilds + pairWilds, cards));
          }
        }
        if (spare === 2) this.emit('ThreeWithTwo', key, this.addWilds(2, this.take(triple, 3, [])));
        if (this.rules.fullHouseJokerPair) {
          for (const [held, joker] of [
            [this.smallJokers, 'SB'],
            [this.bigJokers, 'HR'],
          ] as const) {
            if (held === 2) {
              const cards = this.addWilds(tripleWilds, this.take(triple, tripleNaturals, []));
              cards.push(joker, joker);
              this.emit('ThreeWithTwo', key, cards);
            }
          }
        }
      }
    }
  }

  /**
   * Five-card runs. `flush` false lists plain straights, which need natural cards of at least two suits (five
   * that can all be one suit read as a straight flush); `flush` true lists straight flushes, one per suit.
   */
  private straights(flush: boolean): void {
    const type: PlayType = flush ? 'StraightFlush' : 'Straight';
    for (let w = 0; w < FIVE_WINDOWS.length; w++) {
      const key = FIVE_WINDOWS[w].top;
      const ranks = FIVE_WINDOW_RANKS[w];
      let missing = 0;
      for (let position = 0; position < 5; position++) {
        if (this.perRank[ranks[position]] === 0) missing |= 1 << position;
      }
      if (popcount(missing) > this.wilds || !this.allowed(type, 5, key)) continue;
      for (const placement of WILD_PLACEMENTS) {
        if ((placement & missing) !== missing || popcount(placement) > this.wilds) continue;
        const wilds = popcount(placement);
        let common = 0b1111;
        let union = 0;
        for (let position = 0; position < 5; position++) {
          if (placement & (1 << position)) continue;
          const suits = this.suitsOf[ranks[position]];
          common &= suits;
          union |= suits;
        }
        if (flush) {
          for (let suit = 0; suit < 4; suit++) {
            if (!(common & (1 << suit))) continue;
            const cards: Card[] = [];
            for (let position = 0; position < 5; position++) {
              if (!(placement & (1 << position))) cards.push(naturalCard(suit, ranks[position]));
            }
            this.emit(type, key, this.addWilds(wilds, cards));
          }
        } else if ((union & (union - 1)) !== 0) {
          this.emit(type, key, this.addWilds(wilds, this.mixedSuits(ranks, placement)));
        }
      }
    }
  }

  /** One natural card per unfilled position, of at least two suits (the caller knows two suits are held). */
  private mixedSuits(ranks: readonly number[], placement: number): Card[] {
    const suits: number[] = [];
    for (let position = 0; position < 5; position++) {
      if (placement & (1 << position)) continue;
      const held = this.suitsOf[ranks[position]];
      suits.push(31 - Math.clz32(held & -held));
    }
    if (suits.every((suit) => suit === suits[0])) {
      let index = 0;
      for (let position = 0; position < 5; position++) {
        if (placement & (1 << position)) continue;
        const others = this.suitsOf[ranks[position]] & ~(1 << suits[0]);
        if (others !== 0) {
          suits[index] = 31 - Math.clz32(others & -others);
          break;
        }
        index++;
      }
    }
    const cards: Card[] = [];
    let index = 0;
    for (let position = 0; position < 5; position++) {
      if (!(placement & (1 << position))) cards.push(naturalCard(suits[index++], ranks[position]));
    }
    return cards;
  }

  /** ThreePair (groups of 2 over 3 ranks) and TwoTrips (groups of 3 over 2 ranks), wilds filling any group. */
  private runsOfGroups(
    type: PlayType,
    windows: readonly { top: number }[],
    windowRanks: readonly (readonly number[])[],
    group: number,
  ): void {
    const length = windowRanks[0].length;
    const size = group * length;
    for (let w = 0; w < windows.length; w++) {
      const key = windows[w].top;
      const ranks = windowRanks[w];
      let most = 0;
      for (const rank of ranks) most += Math.min(group, this.perRank[rank]);
      if (size - most > this.wilds || !this.allowed(type, size, key)) continue;
      // Count in base (group + 1): one digit per rank of the window, the natural cards it takes.
      const combinations = (group + 1) ** length;
      for (let code = 0; code < combinations; code++) {
        let naturals = 0;
        let fits = true;
        for (let i = 0, rest = code; i < length; i++, rest = (rest / (group + 1)) | 0) {
          const count = rest % (group + 1);
          if (count > this.perRank[ranks[i]]) fits = false;
          naturals += count;
        }
        if (!fits || size - naturals > this.wilds) continue;
        const cards: Card[] = [];
        for (let i = 0, rest = code; i < length; i++, rest = (rest / (group + 1)) | 0) {
          this.take(ranks[i], rest % (group + 1), cards);
        }
        this.emit(type, key, this.addWilds(size - naturals, cards));
      }
    }
  }

  private bombs(): void {
    for (let rank = 0; rank < 13; rank++) {
      const held = this.perRank[rank];
      if (held === 0 || held + this.wilds < 4) continue;
      const key = this.order(rank);
      for (let wilds = 0; wilds <= this.wilds; wilds++) {
        for (let naturals = Math.max(1, 4 - wilds); naturals <= held; naturals++) {
          const size = naturals + wilds;
          if (size > this.rules.maxBombSize) break;
          if (this.allowed('Bomb', size, key)) this.emit('Bomb', key, this.addWilds(wilds, this.take(rank, naturals, [])));
        }
      }
    }
  }
}

/**
 * Every distinct legal play from a hand at a level: on lead when `over` is null, otherwise the plays that beat
 * `over`. Grouped by type, weakest key first within a group; bombs after the plain types.
 */
export function legalMoves(hand: readonly Card[], level: string, over: Play | null, rules?: Partial<Rules>): Play[] {
  const levelIndex = rankIndex(level);
  const combination = combinationRules(rules);
  const overShape = over === null ? null : shapeOfPlay(over, levelIndex, combination);
  return new MoveGenerator(hand, levelIndex, combination, overShape).generate();
}
