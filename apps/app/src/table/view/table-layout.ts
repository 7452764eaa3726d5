/**
 * The table's geometry, shared by the Skia canvas and the RN overlays (hit strips, name plates, buttons) so that
 * what is drawn and what is pressed can never drift apart. Pure: sizes in, rectangles out.
 */

export type SeatPosition = 'bottom' | 'right' | 'top' | 'left';
export const POSITIONS: readonly SeatPosition[] = ['bottom', 'right', 'top', 'left'];

export interface Size {
  width: number;
  height: number;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Point {
  x: number;
  y: number;
}

/** One card of the own hand: where its face is drawn and the part of it left visible (and pressable). */
export interface HandSlot {
  x: number;
  y: number;
  strip: Rect;
}

export interface TableLayout {
  size: Size;
  /** The hand card size; every other card is this size scaled. */
  card: Size;
  /** How far a selected card rises. */
  raise: number;
  /** The band the hand occupies (pointer drags are tracked inside it). */
  handArea: Rect;
  headerHeight: number;
  /** The row of play / pass / hint, centred at x. */
  actions: Point;
  /** Name plates, by position (centres). */
  seats: Record<SeatPosition, Point>;
  /** Where the last play of a seat is shown (centres). */
  trick: Record<SeatPosition, Point>;
  /** The card-back stack beside each opponent's plate (centres); bottom is the hand itself. */
  backs: Record<SeatPosition, Point>;
  trickScale: number;
  /** The radius of a seat's avatar (the turn timer rings it). */
  avatar: number;
  centre: Point;
  compact: boolean;
}

const CARD_RATIO = 0.7;
/** Never let the hand overlap so little that a 27-card hand leaves the screen, nor spread so wide it looks sparse. */
const MAX_STEP_RATIO = 0.52;

export function cardSizeFor(size: Size): Size {
  const height = Math.round(Math.max(72, Math.min(size.height * 0.2, 140)));
  return { width: Math.round(height * CARD_RATIO), height };
}

export function tableLayout(size: Size): TableLayout {
  const { width, height } = size;
  const compact = height < 500;
  const card = cardSizeFor(size);
  const raise = Math.round(card.height * 0.2);
  const headerHeight = compact ? 34 : 44;
  const handTop = height - card.height - (compact ? 6 : 14);
  const handArea = { x: 0, y: handTop - raise, width, height: height - (handTop - raise) };
  const actionsY = handArea.y - (compact ? 22 : 30);
  const sideX = compact ? 70 : 110;
  const middleY = headerHeight + (actionsY - headerHeight) * 0.42;
  const seats: Record<SeatPosition, Point> = {
    bottom: { x: compact ? 62 : 96, y: actionsY - (compact ? 4 : 10) },
    right: { x: width - sideX, y: middleY },
    top: { x: width / 2, y: headerHeight + (compact ? 24 : 34) },
    left: { x: sideX, y: middleY },
  };
  const trickScale = 0.62;
  const trickHeight = card.height * trickScale;
  const avatar = compact ? 19 : 26;
  // Below the top plate (avatar, name tag, tags) and above the action bar's notes (turn badge, reason, chooser).
  const topTrickY = seats.top.y + avatar + (compact ? 44 : 70) + trickHeight / 2;
  const bottomTrickY = actionsY - (compact ? 26 : 88) - trickHeight / 2;
  const sideTrickX = compact ? 150 : 210;
  const trick: Record<SeatPosition, Point> = {
    bottom: { x: width / 2, y: Math.max(bottomTrickY, topTrickY + trickHeight + 6) },
    right: { x: width - sideX - sideTrickX, y: middleY },
    top: { x: width / 2, y: topTrickY },
    left: { x: sideX + sideTrickX, y: middleY },
  };
  // Each opponent's card backs sit beside its avatar, toward the middle of the table.
  const besideAvatar = avatar + (compact ? 26 : 36);
  const backs: Record<SeatPosition, Point> = {
    bottom: { x: width / 2, y: handTop + card.height / 2 },
    right: { x: seats.right.x - besideAvatar, y: seats.right.y },
    top: { x: seats.top.x + besideAvatar + (compact ? 24 : 36), y: seats.top.y },
    left: { x: seats.left.x + besideAvatar, y: seats.left.y },
  };
  return {
    size,
    card,
    raise,
    handArea,
    headerHeight,
    actions: { x: width / 2, y: actionsY },
    seats,
    trick,
    backs,
    trickScale,
    avatar,
    centre: { x: width / 2, y: (headerHeight + actionsY) / 2 },
    compact,
  };
}

/** The horizontal distance between two neighbouring hand cards for `count` cards. */
export function handStep(layout: TableLayout, count: number): number {
  const margin = Math.max(12, layout.size.width * 0.03);
  const room = layout.size.width - 2 * margin - layout.card.width;
  if (count <= 1) return 0;
  return Math.min(room / (count - 1), layout.card.width * MAX_STEP_RATIO);
}

/**
 * The hand as a gentle arc: centred, each card a little lower toward the ends; a selected card rises by `raise`.
 * Cards stay upright (no rotation) so their faces are drawn pixel-aligned and crisp.
 */
export function handSlots(layout: TableLayout, count: number, selected: (index: number) => boolean): HandSlot[] {
  const step = handStep(layout, count);
  const { card, raise, handArea } = layout;
  const total = step * Math.max(0, count - 1) + card.width;
  const left = Math.round((layout.size.width - total) / 2);
  const baseY = handArea.y + raise;
  const middle = (count - 1) / 2;
  const sag = layout.compact ? 6 : 10;
  const slots: HandSlot[] = [];
  for (let index = 0; index < count; index++) {
    const x = Math.round(left + index * step);
    const offset = middle === 0 ? 0 : (index - middle) / middle;
    const y = Math.round(baseY + sag * offset * offset - (selected(index) ? raise : 0));
    const visibleWidth = index === count - 1 ? card.width : Math.round(left + (index + 1) * step) - x;
    slots.push({ x, y, strip: { x, y, width: visibleWidth, height: card.height } });
  }
  return slots;
}

/** The index of the hand card whose strip column holds `x` (a drag may wander up or down), or null. */
export function slotAtX(slots: readonly HandSlot[], x: number): number | null {
  for (let index = slots.length - 1; index >= 0; index--) {
    const strip = slots[index].strip;
    if (x >= strip.x && x < strip.x + strip.width) return index;
  }
  return null;
}

/** Top-left corners of `count` cards of a trick, fanned around `centre` at `scale`. */
export function trickSlots(layout: TableLayout, centre: Point, count: number, scale = layout.trickScale): Point[] {
  const width = layout.card.width * scale;
  const height = layout.card.height * scale;
  const step = Math.min(width * 0.42, count > 1 ? (layout.size.width * 0.3) / (count - 1) : width);
  const total = step * Math.max(0, count - 1) + width;
  const left = centre.x - total / 2;
  return Array.from({ length: count }, (_, index) => ({ x: Math.round(left + index * step), y: Math.round(centre.y - height / 2) }));
}
