import { beats, type Card, isBomb, type Play, type SeatView } from '@guandan/engine';
import { planHand } from './decompose.js';
import { isOpponent } from './policy.js';

/** A seat passed when an opponent's play stood: soft evidence about what it held then. */
export interface PassEvidence {
  seat: number;
  over: Play;
  /** Cards the seat played after the pass, which it still held when it passed. */
  playedSince: Card[];
}

/** The most recent passes on an opponent's plain (non-bomb) play, by seats other than the viewer. */
export function passEvidence(view: SeatView, limit = 8): PassEvidence[] {
  const found: PassEvidence[] = [];
  let standing: { seat: number; play: Play } | null = null;
  view.log.forEach((entry, index) => {
    if (entry.play !== null) {
      standing = { seat: entry.seat, play: entry.play };
      return;
    }
    const over = standing as { seat: number; play: Play } | null;
    if (over === null || entry.seat === view.seat || !isOpponent(entry.seat, over.seat)) return;
    if (isBomb(over.play.type)) return;
    const playedSince = view.log
      .slice(index + 1)
      .filter((later) => later.seat === entry.seat && later.play !== null)
      .flatMap((later) => later.play?.cards ?? []);
    found.push({ seat: entry.seat, over: over.play, playedSince });
  });
  return found.slice(-limit);
}

/**
 * Whether sampled hands agree with the evidence under the model that others play like `normal`: a seat that
 * passed on an opponent's play did not hold a planned play that beat it.
 */
export function consistentWith(evidence: readonly PassEvidence[], hands: readonly Card[][], level: string): boolean {
  for (const { seat, over, playedSince } of evidence) {
    const handThen = [...hands[seat], ...playedSince];
    const plan = planHand(handThen, level);
    if (plan.plays.some((play) => play.type === over.type && play.cards.length === over.cards.length && beats(play, over, level))) {
      return false;
    }
  }
  return true;
}

