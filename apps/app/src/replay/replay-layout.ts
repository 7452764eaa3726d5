import type { Point, Rect, SeatPosition, Size } from '../table/view/table-layout';

/**
 * Where the replay draws each seat: a band per seat with its name on top, its open hand in rows below on the
 * left and its last play on the right. The bands keep the table's places as far as the shape allows: the partner
 * above, the viewer below, left and right side by side in landscape, one under the other in portrait (a phone held
 * upright has no room for hands on the sides). Every card is drawn far enough from the next for its corner index
 * (rank and suit) to be read: the cards shrink and the hands wrap into more rows before that is given up.
 */
export interface ReplayLayout {
  size: Size;
  card: Size;
  headerHeight: number;
  controlsHeight: number;
  /** The header wraps the description of the step onto a second line. */
  narrowHeader: boolean;
  bands: Record<SeatPosition, Rect>;
  /** Each band's hand: where its rows start, the step between cards, cards per row and the step between rows. */
  hands: Record<SeatPosition, { x: number; y: number; step: number; perRow: number; rowStep: number; width: number }>;
  /** Each band's last play: the centre of its area and the area's width. */
  trick: Record<SeatPosition, Point>;
  trickWidth: number;
  /** Each seat's name label: its top-left; it spans the band's width. */
  names: Record<SeatPosition, Point>;
  nameHeight: number;
  /** The middle of the felt, where its glow centres. */
  centre: Point;
  compact: boolean;
}

/** A full hand. */
const HAND = 27;
/** The card width a neighbour must leave visible for the corner index (see card-art: rank and suit at 0.07-0.27). */
export const MIN_STEP_RATIO = 0.36;
/** The card height a lower row must leave visible above it (rank and suit end at about 0.45). */
const ROW_STEP_RATIO = 0.5;
const CARD_RATIO = 0.7;
const MAX_CARD_HEIGHT = 84;
const MIN_CARD_HEIGHT = 40;
/** The share of a band's width the hand takes; the last play gets the rest. */
const HAND_SHARE = 0.66;
const GAP = 8;

/** Bands in rows, top to bottom: the partner above, the sides, the viewer below. */
const ARRANGEMENTS: Record<'portrait' | 'landscape', readonly (readonly SeatPosition[])[][]> = {
  portrait: [[['top'], ['left'], ['right'], ['bottom']]],
  // Three rows keep the table's places; on a short screen two rows give bigger cards: the viewer bottom left, the
  // next seat in turn (right) beside, the partner across, the left seat above the viewer.
  landscape: [
    [['top'], ['left', 'right'], ['bottom']],
    [['left', 'top'], ['bottom', 'right']],
  ],
};

export function replayLayout(size: Size): ReplayLayout {
  const candidates = ARRANGEMENTS[size.height > size.width ? 'portrait' : 'landscape'].map((rows) => layoutFor(size, rows));
  // The arrangement with the biggest cards; on a tie the first, the more table-like.
  return candidates.reduce((best, candidate) => (candidate.card.height > best.card.height ? candidate : best));
}

function layoutFor(size: Size, rows: readonly (readonly SeatPosition[])[]): ReplayLayout {
  const { width, height } = size;
  const compact = height < 500;
  const narrowHeader = width < 600;
  const headerHeight = narrowHeader ? 84 : compact ? 40 : 48;
  const controlsHeight = compact ? 44 : 56;
  const nameHeight = compact ? 16 : 20;
  const margin = compact ? 8 : 12;
  const top = headerHeight + (compact ? 4 : 8);
  const bottom = height - controlsHeight - (compact ? 4 : 8);
  const inner = width - 2 * margin;
  const rowHeight = (bottom - top - GAP * (rows.length - 1)) / rows.length;
  const bands = {} as Record<SeatPosition, Rect>;
  rows.forEach((row, rowIndex) => {
    const bandWidth = (inner - GAP * (row.length - 1)) / row.length;
    row.forEach((position, column) => {
      bands[position] = { x: margin + column * (bandWidth + GAP), y: top + rowIndex * (rowHeight + GAP), width: bandWidth, height: rowHeight };
    });
  });
  const handBox = (band: Rect) => ({ width: band.width * HAND_SHARE, height: band.height - nameHeight - 4 });
  // One card size for every band (one card atlas): the largest that every band can show readably.
  const cardHeight = Math.max(
    MIN_CARD_HEIGHT,
    Math.min(MAX_CARD_HEIGHT, ...Object.values(bands).map((band) => largestCard(handBox(band)))),
  );
  // Rounded down, so the rounding can never take back the room the index was given.
  const card = { width: Math.floor(cardHeight * CARD_RATIO), height: Math.floor(cardHeight) };
  const hands = {} as ReplayLayout['hands'];
  const trick = {} as Record<SeatPosition, Point>;
  const names = {} as Record<SeatPosition, Point>;
  let trickWidth = Infinity;
  for (const [position, band] of Object.entries(bands) as [SeatPosition, Rect][]) {
    const box = handBox(band);
    const rowCount = rowsFor(box, card.height);
    const perRow = Math.ceil(HAND / rowCount);
    const step = perRow <= 1 ? 0 : Math.min(card.width * 0.55, (box.width - card.width) / (perRow - 1));
    const handTop = band.y + nameHeight + 4;
    hands[position] = { x: band.x, y: handTop, step, perRow, rowStep: card.height * ROW_STEP_RATIO, width: box.width };
    const trickLeft = band.x + box.width + GAP;
    const trickRight = band.x + band.width;
    trickWidth = Math.min(trickWidth, trickRight - trickLeft);
    trick[position] = { x: (trickLeft + trickRight) / 2, y: handTop + box.height / 2 };
    names[position] = { x: band.x, y: band.y };
  }
  return { size, card, headerHeight, controlsHeight, narrowHeader, bands, hands, trick, trickWidth, names, nameHeight, centre: { x: width / 2, y: (top + bottom) / 2 }, compact };
}

/** The rows a hand wraps into: the fewest that keep the corner index visible, if they fit in the box's height. */
function rowsFor(box: Size, cardHeight: number): number {
  const cardWidth = cardHeight * CARD_RATIO;
  for (let rows = 1; rows <= 4; rows++) {
    const perRow = Math.ceil(HAND / rows);
    const fitsAcross = cardWidth * (1 + (perRow - 1) * MIN_STEP_RATIO) <= box.width + 0.5;
    const fitsDown = cardHeight * (1 + (rows - 1) * ROW_STEP_RATIO) <= box.height + 0.5;
    if (fitsAcross && fitsDown) return rows;
  }
  // Nothing fits readably (a tiny window): as many rows as fit down, the cards overlapping more.
  return Math.max(1, Math.min(4, Math.floor((box.height / cardHeight - 1) / ROW_STEP_RATIO) + 1));
}

/** The tallest card a full hand can be shown with in `box`, over one to four rows. */
function largestCard(box: Size): number {
  let best = 0;
  for (let rows = 1; rows <= 4; rows++) {
    const perRow = Math.ceil(HAND / rows);
    const byWidth = box.width / (1 + (perRow - 1) * MIN_STEP_RATIO) / CARD_RATIO;
    const byHeight = box.height / (1 + (rows - 1) * ROW_STEP_RATIO);
    best = Math.max(best, Math.min(byWidth, byHeight));
  }
  return Math.floor(best);
}

/** Top-left of the `index`-th card of a hand of `count` at `position`: rows from the left, top to bottom. */
export function replayCardAt(layout: ReplayLayout, position: SeatPosition, index: number, count: number): Point {
  const hand = layout.hands[position];
  const rows = Math.max(1, Math.ceil(count / hand.perRow));
  // Fewer cards left: spread them over the rows evenly rather than leave a last row of one.
  const perRow = Math.ceil(count / rows);
  const row = Math.floor(index / perRow);
  return { x: Math.round(hand.x + (index % perRow) * hand.step), y: Math.round(hand.y + row * hand.rowStep) };
}

/** The area the hand of `count` cards covers at `position`. */
export function replayHandBox(layout: ReplayLayout, position: SeatPosition, count: number): Rect {
  const hand = layout.hands[position];
  if (count === 0) return { x: hand.x, y: hand.y, width: 0, height: 0 };
  const rows = Math.ceil(count / hand.perRow);
  const perRow = Math.ceil(count / rows);
  return { x: hand.x, y: hand.y, width: hand.step * (perRow - 1) + layout.card.width, height: hand.rowStep * (rows - 1) + layout.card.height };
}

/** Top-left corners of a play of `count` cards centred in its seat's play area, in two rows if one is too tight. */
export function replayTrickAt(layout: ReplayLayout, centre: Point, count: number): Point[] {
  const { card, trickWidth } = layout;
  const across = (perRow: number) => (perRow <= 1 ? 0 : Math.min(card.width * 0.45, (trickWidth - card.width) / (perRow - 1)));
  const rows = count > 1 && across(count) < card.width * MIN_STEP_RATIO ? 2 : 1;
  const perRow = Math.ceil(count / rows);
  const step = across(perRow);
  const rowStep = card.height * ROW_STEP_RATIO;
  const total = step * Math.max(0, perRow - 1) + card.width;
  const height = rowStep * (rows - 1) + card.height;
  return Array.from({ length: count }, (_, index) => ({
    x: Math.round(centre.x - total / 2 + (index % perRow) * step),
    y: Math.round(centre.y - height / 2 + Math.floor(index / perRow) * rowStep),
  }));
}
