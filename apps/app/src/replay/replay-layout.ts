import type { Point, SeatPosition, Size } from '../table/view/table-layout';

/** Where the replay draws each seat's open hand (rows of overlapping cards) and its last play. */
export interface ReplayLayout {
  size: Size;
  card: Size;
  headerHeight: number;
  controlsHeight: number;
  /** Top-left of each hand's first row, the step between cards, cards per row and the gap between rows. */
  hands: Record<SeatPosition, { x: number; y: number; step: number; perRow: number; rowGap: number; width: number }>;
  trick: Record<SeatPosition, Point>;
  /** Where each seat's name goes (centre of the label's baseline box). */
  names: Record<SeatPosition, Point>;
  centre: Point;
  compact: boolean;
}

const HAND = 27;

export function replayLayout(size: Size): ReplayLayout {
  const { width, height } = size;
  const compact = height < 500;
  const headerHeight = compact ? 36 : 48;
  const controlsHeight = compact ? 48 : 60;
  const cardHeight = Math.round(Math.max(48, Math.min(height * 0.12, 84)));
  const card = { width: Math.round(cardHeight * 0.7), height: cardHeight };
  const margin = compact ? 10 : 18;
  const wideStep = Math.min(card.width * 0.5, (width * 0.62 - card.width) / (HAND - 1));
  const wideWidth = wideStep * (HAND - 1) + card.width;
  const sidePerRow = 14;
  const sideStep = Math.min(card.width * 0.42, (width * 0.2 - card.width) / (sidePerRow - 1));
  const sideWidth = sideStep * (sidePerRow - 1) + card.width;
  const rowGap = card.height * 0.55;
  const bottomY = height - controlsHeight - card.height - (compact ? 14 : 22);
  const topY = headerHeight + (compact ? 18 : 24);
  const sideY = (topY + card.height + bottomY) / 2 - (card.height + rowGap) / 2;
  const hands = {
    bottom: { x: (width - wideWidth) / 2, y: bottomY, step: wideStep, perRow: HAND, rowGap, width: wideWidth },
    top: { x: (width - wideWidth) / 2, y: topY, step: wideStep, perRow: HAND, rowGap, width: wideWidth },
    left: { x: margin, y: sideY, step: sideStep, perRow: sidePerRow, rowGap, width: sideWidth },
    right: { x: width - margin - sideWidth, y: sideY, step: sideStep, perRow: sidePerRow, rowGap, width: sideWidth },
  };
  const middleY = (topY + card.height + bottomY) / 2;
  const trick = {
    bottom: { x: width / 2, y: bottomY - card.height * 0.75 },
    top: { x: width / 2, y: topY + card.height * 1.75 },
    left: { x: margin + sideWidth + card.width * 1.6, y: middleY },
    right: { x: width - margin - sideWidth - card.width * 1.6, y: middleY },
  };
  const names = {
    bottom: { x: width / 2, y: bottomY + card.height + 10 },
    top: { x: width / 2, y: topY - 12 },
    left: { x: margin + sideWidth / 2, y: sideY - 14 },
    right: { x: width - margin - sideWidth / 2, y: sideY - 14 },
  };
  return { size, card, headerHeight, controlsHeight, hands, trick, names, centre: { x: width / 2, y: middleY }, compact };
}

/** Top-left of the `index`-th card of a hand of `count` at `position`, rows centred. */
export function replayCardAt(layout: ReplayLayout, position: SeatPosition, index: number, count: number): Point {
  const hand = layout.hands[position];
  const row = Math.floor(index / hand.perRow);
  const inRow = Math.min(hand.perRow, count - row * hand.perRow);
  const rowWidth = hand.step * (inRow - 1) + layout.card.width;
  const left = hand.x + (hand.width - rowWidth) / 2;
  return { x: Math.round(left + (index % hand.perRow) * hand.step), y: Math.round(hand.y + row * hand.rowGap) };
}

/** Top-left corners of a play of `count` cards around `centre`. */
export function replayTrickAt(layout: ReplayLayout, centre: Point, count: number): Point[] {
  const step = layout.card.width * 0.45;
  const total = step * Math.max(0, count - 1) + layout.card.width;
  return Array.from({ length: count }, (_, index) => ({
    x: Math.round(centre.x - total / 2 + index * step),
    y: Math.round(centre.y - layout.card.height / 2),
  }));
}
