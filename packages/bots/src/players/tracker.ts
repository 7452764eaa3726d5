import { type Card, cardId, cardOrder, rankIndex, type SeatView } from '@guandan/engine';

/** Card counting from the public record: the cards this seat neither holds nor has seen played this deal. */
export class CardTracker {
  /** Unseen copies per card id. */
  private readonly unseen = new Uint8Array(54);
  private readonly level: number;

  constructor(view: SeatView) {
    this.level = rankIndex(view.level);
    // Two decks: every card starts with two unseen copies.
    this.unseen.fill(2);
    for (const card of view.hand) this.unseen[cardId(card)]--;
    for (const entry of view.log) for (const card of entry.play?.cards ?? []) this.unseen[cardId(card)]--;
  }

  /** Unseen cards that outrank `card` as a single. */
  higherSingles(card: Card): number {
    const order = cardOrder(cardId(card), this.level);
    let count = 0;
    for (let id = 0; id < 54; id++) if (this.unseen[id] > 0 && cardOrder(id, this.level) > order) count += this.unseen[id];
    return count;
  }

  /** Whether some unseen pair (two copies of one rank, or a rank and the wild) outranks a pair of this card's rank. */
  higherPairPossible(card: Card): boolean {
    const order = cardOrder(cardId(card), this.level);
    const byOrder = new Uint8Array(16);
    for (let id = 0; id < 54; id++) byOrder[cardOrder(id, this.level)] += this.unseen[id];
    const wilds = this.unseen[13 + this.level];
    for (let higher = order + 1; higher < 16; higher++) {
      const jokers = higher >= 14;
      if (byOrder[higher] >= 2 || (!jokers && byOrder[higher] >= 1 && wilds >= 1)) return true;
    }
    return false;
  }
}
