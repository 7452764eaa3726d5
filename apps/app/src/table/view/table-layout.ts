/**
 * The table's geometry, shared by the Skia canvas and the RN overlays (hit areas, name plates, buttons) so that
 * what is drawn and what is pressed can never drift apart. Pure: sizes in, rectangles out.
 *
 * Every region (header, seats, tricks, action bar, 理牌 buttons, hand) is a rectangle of its own, laid out in bands
 * so that none overlaps another on any screen from 360x640 to 2560x1440, portrait or landscape:
 * - landscape: the partner's plate at the top (its trick below it, or beside it when the screen is short), the
 *   opponents' plates at the left and right edges with their tricks and the player's own between them, the action
 *   row, then the hand with the own plate to its left and the 理牌 buttons to its right;
 * - portrait: the three other plates in one row under the header, the partner's trick, the opponents' tricks side by
 *   side, the own trick, the action zone (own plate, notes, 理牌 buttons, then the buttons), then the hand.
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

/** One card of the own hand, in the order the columns show them. */
export interface HandSlot {
  /** The card's top-left corner (raised when selected). */
  x: number;
  y: number;
  /** Its size on screen as a fraction of `layout.card`. */
  scale: number;
  /** The whole card as drawn. */
  rect: Rect;
  /** The part of it that no card drawn later covers: its index corner shows there. */
  strip: Rect;
}

export interface TableLayout {
  size: Size;
  portrait: boolean;
  /** A phone-sized screen: smaller type and buttons. */
  compact: boolean;
  /** The hand card size at scale 1; every other card is this size scaled. */
  card: Size;
  /** How far a selected card rises, at scale 1. */
  raise: number;
  header: Rect;
  headerHeight: number;
  /** 2 on narrow screens: the levels on one line, the tools on the next. */
  headerRows: 1 | 2;
  /** The region the hand's columns are fitted into (pointer drags are tracked inside it). */
  handArea: Rect;
  /** The row of play / pass / hint. */
  actionsBox: Rect;
  /** Centre of the buttons row. */
  actions: Point;
  /** Where the action bar's notes go: your turn, why the selection cannot be played, the reading chooser. */
  notesBox: Rect;
  /** Where the two small hand buttons (理牌 / 重置) sit side by side, beside the hand, clear of everything. */
  arrangeBox: Rect;
  /** The centre of `arrangeBox`. */
  arrange: Point;
  /** Name plates, by position (avatar centres). */
  seats: Record<SeatPosition, Point>;
  /** The room each plate (avatar, name tag, card backs) may take. */
  seatBoxes: Record<SeatPosition, Rect>;
  /** The widest a plate's name tag may be. */
  plateWidth: number;
  /** Where the cards of a seat's last play are centred. */
  trick: Record<SeatPosition, Point>;
  /** The room a seat's play takes: its cards and its caption (below them; above them for the own play). */
  trickBoxes: Record<SeatPosition, Rect>;
  /** The card-back stack tucked beside each opponent's avatar (centres); bottom is the hand itself. */
  backs: Record<SeatPosition, Point>;
  trickScale: number;
  /** The radius of a seat's avatar (the turn timer rings it). */
  avatar: number;
  centre: Point;
  /** Where the tracker and chat panels open. */
  panel: Rect;
  /** The panel covers nothing but the felt (on small screens it lies over the tricks while it is open). */
  panelClear: boolean;
}

const CARD_RATIO = 0.7;
/** The index corner (rank and suit, see card-art) as fractions of the card: what a covered card must still show. */
const INDEX_WIDTH = 0.34;
const INDEX_DEPTH = 0.4;
/** The rank alone: what must stay visible above a raised neighbour. */
export const RANK_DEPTH = 0.22;
/** The rank's font size as a fraction of the card height (0.36 of the width). */
export const RANK_FONT = 0.36 * CARD_RATIO;
/** The smallest readable index: a card is never drawn so small that its rank is under 12 px. */
export const MIN_INDEX_PX = 12;
const MIN_CARD_HEIGHT = Math.ceil(MIN_INDEX_PX / RANK_FONT);
const RAISE = 0.16;
/** The caption under a play (see trick-label-box) and the gap to it. */
const LABEL_GAP = 4;
const BACK_SCALE = 0.5;
const MARGIN = 4;
/** How far a plate's relation badge (对家 / 上家 / 下家) stands above its avatar. */
const PLATE_ABOVE = 8;
/** The room of the 理牌 / 重置 pair (ArrangeButtons draws them 112 x 30). */
const ARRANGE = { width: 112, height: 32 };

const clamp = (value: number, low: number, high: number): number => Math.max(low, Math.min(high, value));
const rect = (x: number, y: number, width: number, height: number): Rect => ({
  x: Math.round(x),
  y: Math.round(y),
  width: Math.round(width),
  height: Math.round(height),
});
const centreOf = (box: Rect): Point => ({ x: box.x + box.width / 2, y: box.y + box.height / 2 });

function cardSizeFor(size: Size): Size {
  const portrait = size.height > size.width;
  // A tall screen is as wide as a phone: its cards are sized by the width, unless the height is short too.
  const height = Math.round(portrait ? clamp(Math.min(size.width * 0.2, size.height * 0.12), 56, 120) : clamp(size.height * 0.15, 56, 130));
  return { width: Math.round(height * CARD_RATIO), height };
}

export function tableLayout(size: Size): TableLayout {
  const { width, height } = size;
  const portrait = height > width;
  // Phones either way up, and tall screens too short for the roomy bands.
  const compact = Math.min(width, height) < 500 || (portrait && height < 760);
  const headerRows: 1 | 2 = width < 600 ? 2 : 1;
  // A line fits a compact button (38 px) grown by its hover effect.
  const headerHeight = headerRows * (compact ? 40 : 48);
  const header = rect(0, 0, width, headerHeight);
  const card = cardSizeFor(size);
  const raise = Math.round(card.height * RAISE);
  const trickHeight = Math.min(card.height, Math.max(MIN_CARD_HEIGHT, Math.round(card.height * 0.72)));
  const trickScale = trickHeight / card.height;
  const trickWidth = card.width * trickScale;
  const labelHeight = compact ? 20 : 24;
  const trickBand = trickHeight + LABEL_GAP + labelHeight;
  const avatar = compact ? 17 : Math.round(clamp(Math.min(width, height) * 0.03, 22, 32));
  // A name tag is up to 140 wide (names are cut there); on a phone the layout keeps it to the bots' short names.
  const plateWidth = compact ? 84 : 144;
  // The relation badge above the avatar, the avatar, the name tag (name and card count) and, in roomy layouts, a
  // line of tags (bot, 托管, offline): as SeatPlate draws them.
  const plateHeight = PLATE_ABOVE + 2 * avatar + (compact ? 40 : 68);
  const buttonRow = compact ? 40 : 52;
  const buttonsWidth = compact ? 230 : 290;
  // The hand is planned for columns of four at full size; a taller column shrinks the cards a little.
  const handNeed = card.height * (1 + 3 * INDEX_DEPTH) + raise + MARGIN;
  const input: Frame = {
    width,
    height,
    header,
    card,
    avatar,
    plateWidth,
    plateHeight,
    trickWidth,
    trickHeight,
    trickBand,
    buttonRow,
    buttonsWidth,
    handNeed,
    compact,
  };
  const frame = portrait ? portraitFrame(input) : landscapeFrame(input);
  const backs = backsOf(frame.seats, avatar, card);
  return {
    size,
    portrait,
    compact,
    card,
    raise,
    header,
    headerHeight,
    headerRows,
    trickScale,
    avatar,
    plateWidth,
    backs,
    ...frame,
    actions: centreOf(frame.actionsBox),
    arrange: centreOf(frame.arrangeBox),
  };
}

interface Frame {
  width: number;
  height: number;
  header: Rect;
  card: Size;
  avatar: number;
  plateWidth: number;
  plateHeight: number;
  trickWidth: number;
  trickHeight: number;
  trickBand: number;
  buttonRow: number;
  buttonsWidth: number;
  handNeed: number;
  compact: boolean;
}

type Placed = Pick<
  TableLayout,
  'handArea' | 'actionsBox' | 'notesBox' | 'arrangeBox' | 'seats' | 'seatBoxes' | 'trick' | 'trickBoxes' | 'centre' | 'panel' | 'panelClear'
>;

/** The widest a trick box need be: ten cards at the usual overlap, or the caption, whichever is wider. */
function trickBoxWidth(f: Frame, room: number): number {
  return Math.min(room, Math.max(f.trickWidth * (1 + 9 * 0.42), Math.min(220, f.width * 0.42)));
}

/** A plate whose room starts at `top`, centred on `centreX`: the avatar's centre and the room the whole plate takes. */
function plateAt(f: Frame, centreX: number, top: number): { seat: Point; box: Rect } {
  return {
    seat: { x: Math.round(centreX), y: Math.round(top + PLATE_ABOVE + f.avatar) },
    box: rect(centreX - f.plateWidth / 2, top, f.plateWidth, f.plateHeight),
  };
}

/** A trick's cards centred in the top of `box`, its caption below them (above them for the own play). */
function trickIn(f: Frame, box: Rect, captionAbove: boolean): Point {
  const cardsTop = captionAbove ? box.y + box.height - f.trickHeight : box.y;
  return { x: box.x + box.width / 2, y: cardsTop + f.trickHeight / 2 };
}

/**
 * Short and wide screens. Bands from the top: header, the partner's row, the middle row (opponents at the edges,
 * their tricks and the own trick between them), the action row, the hand. Spare height goes first to the hand, then
 * to putting the partner's trick under its plate, then to gaps between the bands.
 */
function landscapeFrame(f: Frame): Placed {
  const { width, height } = f;
  const rowHeight = Math.max(f.plateHeight, f.trickBand);
  const fixed = f.header.height + 2 * rowHeight + f.buttonRow + 5 * MARGIN;
  let slack = height - fixed - f.handNeed;
  const topStacked = slack >= f.trickBand + MARGIN;
  if (topStacked) slack -= f.trickBand + MARGIN;
  const handExtra = Math.max(0, Math.min(slack * 0.5, f.card.height));
  const gap = Math.max(0, (slack - handExtra) / 4);

  const topY = f.header.height + MARGIN + gap;
  const top = plateAt(f, width / 2, topY + (topStacked ? 0 : (rowHeight - f.plateHeight) / 2));
  let topTrickBox: Rect;
  let middleY: number;
  if (topStacked) {
    const boxWidth = trickBoxWidth(f, width - 2 * (f.plateWidth + 3 * MARGIN));
    topTrickBox = rect(width / 2 - boxWidth / 2, top.box.y + f.plateHeight + MARGIN, boxWidth, f.trickBand);
    middleY = topTrickBox.y + f.trickBand + MARGIN + gap;
  } else {
    const left = top.box.x + f.plateWidth + 2 * MARGIN;
    const boxWidth = trickBoxWidth(f, width - MARGIN - left);
    topTrickBox = rect(left, topY + (rowHeight - f.trickBand) / 2, boxWidth, f.trickBand);
    middleY = topY + rowHeight + MARGIN + gap;
  }

  const left = plateAt(f, MARGIN + f.plateWidth / 2, middleY + (rowHeight - f.plateHeight) / 2);
  const right = plateAt(f, width - MARGIN - f.plateWidth / 2, middleY + (rowHeight - f.plateHeight) / 2);
  // The three tricks of the middle row share the room between the opponents' plates.
  const innerLeft = left.box.x + f.plateWidth + 2 * MARGIN;
  const innerRight = right.box.x - 2 * MARGIN;
  const third = (innerRight - innerLeft - 4 * MARGIN) / 3;
  const boxWidth = trickBoxWidth(f, third);
  const trickY = middleY + (rowHeight - f.trickBand) / 2;
  const middleCentres = [innerLeft + third / 2, (innerLeft + innerRight) / 2, innerRight - third / 2];
  const [leftTrickBox, bottomTrickBox, rightTrickBox] = middleCentres.map((x) => rect(x - boxWidth / 2, trickY, boxWidth, f.trickBand));

  const actionsY = middleY + rowHeight + MARGIN + gap;
  const actionsBox = rect(width / 2 - f.buttonsWidth / 2, actionsY, f.buttonsWidth, f.buttonRow);
  const notesLeft = actionsBox.x + actionsBox.width + 2 * MARGIN;
  const notesBox = rect(notesLeft, actionsY, width - MARGIN - notesLeft, f.buttonRow);

  const handTop = actionsY + f.buttonRow + MARGIN;
  const handBand = height - MARGIN - handTop;
  const own = plateAt(f, MARGIN + f.plateWidth / 2, handTop + Math.max(0, (handBand - f.plateHeight) / 2));
  const arrangeBox = rect(width - MARGIN - ARRANGE.width, handTop + Math.max(0, (handBand - ARRANGE.height) / 2), ARRANGE.width, ARRANGE.height);
  const handLeft = own.box.x + f.plateWidth + 2 * MARGIN;
  const handArea = rect(handLeft, handTop, arrangeBox.x - 2 * MARGIN - handLeft, handBand);

  const seats = { bottom: own.seat, right: right.seat, top: top.seat, left: left.seat };
  const seatBoxes = { bottom: own.box, right: right.box, top: top.box, left: left.box };
  const trickBoxes = { bottom: bottomTrickBox, right: rightTrickBox, top: topTrickBox, left: leftTrickBox };
  // The panels open in the top-left corner, beside the partner's plate, when it has room for the tracker's grid.
  const cornerWidth = Math.min(top.box.x, topTrickBox.x) - 3 * MARGIN;
  const cornerHeight = Math.min(left.box.y, leftTrickBox.y) - f.header.height - 2 * MARGIN;
  const panelClear = topStacked && cornerWidth >= 300 && cornerHeight >= 110;
  // Otherwise they lie over the middle row's tricks, between the opponents' plates, while they are open.
  const panel = panelClear
    ? rect(2 * MARGIN, f.header.height + MARGIN, cornerWidth, cornerHeight)
    : rect(innerLeft, middleY, innerRight - innerLeft, rowHeight);
  return {
    handArea,
    actionsBox,
    notesBox,
    arrangeBox,
    seats,
    seatBoxes,
    trick: tricksOf(f, trickBoxes),
    trickBoxes,
    centre: { x: width / 2, y: Math.round((f.header.height + actionsY) / 2) },
    panel,
    panelClear,
  };
}

/**
 * Tall screens. Bands from the top: header, the three other plates, the partner's trick, the opponents' tricks side
 * by side, the own trick, the action zone (own plate beside the notes and 理牌 buttons over the play buttons), then
 * the hand across the whole width.
 */
function portraitFrame(f: Frame): Placed {
  const { width, height } = f;
  const notesRow = f.compact ? 34 : 42;
  const actionZone = Math.max(f.plateHeight, notesRow + f.buttonRow);
  const fixed = f.header.height + f.plateHeight + 3 * f.trickBand + actionZone + 7 * MARGIN;
  const slack = height - fixed - f.handNeed;
  const handExtra = Math.max(0, Math.min(slack * 0.5, 2 * f.card.height));
  const gap = Math.max(0, (slack - handExtra) / 5);

  const platesY = f.header.height + MARGIN + gap;
  const left = plateAt(f, MARGIN + f.plateWidth / 2, platesY);
  const top = plateAt(f, width / 2, platesY);
  const right = plateAt(f, width - MARGIN - f.plateWidth / 2, platesY);

  const fullWidth = trickBoxWidth(f, width - 4 * MARGIN);
  const topTrickBox = rect(width / 2 - fullWidth / 2, platesY + f.plateHeight + MARGIN + gap, fullWidth, f.trickBand);
  const sidesY = topTrickBox.y + f.trickBand + MARGIN + gap;
  const half = (width - 5 * MARGIN) / 2;
  const sideWidth = trickBoxWidth(f, half);
  const leftTrickBox = rect(2 * MARGIN + half / 2 - sideWidth / 2, sidesY, sideWidth, f.trickBand);
  const rightTrickBox = rect(width - 2 * MARGIN - half / 2 - sideWidth / 2, sidesY, sideWidth, f.trickBand);
  const bottomTrickBox = rect(width / 2 - fullWidth / 2, sidesY + f.trickBand + MARGIN + gap, fullWidth, f.trickBand);

  const zoneY = bottomTrickBox.y + f.trickBand + MARGIN + gap;
  const own = plateAt(f, MARGIN + f.plateWidth / 2, zoneY + (actionZone - f.plateHeight) / 2);
  const beside = own.box.x + f.plateWidth + 2 * MARGIN;
  const notesTop = zoneY + (actionZone - notesRow - f.buttonRow) / 2;
  const arrangeBox = rect(beside, notesTop + (notesRow - ARRANGE.height) / 2, ARRANGE.width, ARRANGE.height);
  const notesLeft = beside + ARRANGE.width + 2 * MARGIN;
  const notesBox = rect(notesLeft, notesTop, width - MARGIN - notesLeft, notesRow);
  const buttonsWidth = Math.min(f.buttonsWidth, width - MARGIN - beside);
  const buttonsLeft = clamp(width / 2 - buttonsWidth / 2, beside, width - MARGIN - buttonsWidth);
  const actionsBox = rect(buttonsLeft, notesTop + notesRow, buttonsWidth, f.buttonRow);

  const handTop = zoneY + actionZone + MARGIN;
  // Inside the felt's frame (drawn 10 px in), so no card sits across its line.
  const handArea = rect(3 * MARGIN, handTop, width - 6 * MARGIN, height - MARGIN - handTop);
  const seats = { bottom: own.seat, right: right.seat, top: top.seat, left: left.seat };
  const seatBoxes = { bottom: own.box, right: right.box, top: top.box, left: left.box };
  const trickBoxes = { bottom: bottomTrickBox, right: rightTrickBox, top: topTrickBox, left: leftTrickBox };
  return {
    handArea,
    actionsBox,
    notesBox,
    arrangeBox,
    seats,
    seatBoxes,
    trick: tricksOf(f, trickBoxes),
    trickBoxes,
    centre: { x: width / 2, y: Math.round(leftTrickBox.y + f.trickBand / 2) },
    // No corner is free on a tall screen: a panel lies over the tricks while it is open.
    panel: rect(2 * MARGIN, platesY + f.plateHeight + MARGIN, width - 4 * MARGIN, zoneY - platesY - f.plateHeight - 2 * MARGIN),
    panelClear: false,
  };
}

function tricksOf(f: Frame, boxes: Record<SeatPosition, Rect>): Record<SeatPosition, Point> {
  return {
    bottom: trickIn(f, boxes.bottom, true),
    right: trickIn(f, boxes.right, false),
    top: trickIn(f, boxes.top, false),
    left: trickIn(f, boxes.left, false),
  };
}

/** Each opponent's card backs peek out from behind its avatar, on the side toward the middle of the table. */
function backsOf(seats: Record<SeatPosition, Point>, avatar: number, card: Size): Record<SeatPosition, Point> {
  const offset = Math.round(avatar + card.width * BACK_SCALE * 0.25);
  return {
    bottom: seats.bottom,
    right: { x: seats.right.x - offset, y: seats.right.y },
    top: { x: seats.top.x + offset, y: seats.top.y },
    left: { x: seats.left.x + offset, y: seats.left.y },
  };
}

/** How the hand's columns are fitted into the hand area: rows of columns, the card scale and the steps. */
interface HandPlan {
  rows: number[][];
  scale: number;
  /** Horizontal distance between neighbouring columns. */
  columnStep: number;
  /** Vertical distance between the cards of a column. */
  cardStep: number;
  rowGap: number;
}

const COLUMN_GAP = 4;
const MIN_COLUMN_SLACK = 3;

/** Splits the stacks into `rows` runs of nearly equal length, the longer runs first. */
function splitRows(stacks: readonly number[], rows: number): number[][] {
  const result: number[][] = [];
  let start = 0;
  for (let row = 0; row < rows; row++) {
    const length = Math.ceil((stacks.length - start) / (rows - row));
    result.push(stacks.slice(start, start + length));
    start += length;
  }
  return result.filter((run) => run.length > 0);
}

/** Columns taller than `depth` cards stand as neighbouring stacks of nearly equal height, in order. */
function splitTall(columnSizes: readonly number[], depth: number): number[] {
  return columnSizes.flatMap((size) => {
    const pieces = Math.ceil(size / Math.max(1, depth));
    const base = Math.floor(size / pieces);
    return Array.from({ length: pieces }, (_, piece) => base + (piece < size % pieces ? 1 : 0));
  });
}

const tallest = (row: readonly number[]): number => Math.max(1, ...row);

/**
 * The largest card scale at which `columnSizes` fit the hand area with every index corner showing: over one to
 * three rows of columns (a row is added only when the width does not fit), a column too tall for the height standing
 * as two stacks side by side. Below the smallest readable scale the cards stop shrinking and close up instead.
 */
function planHand(layout: TableLayout, columnSizes: readonly number[]): HandPlan {
  const area = layout.handArea;
  const { width, height } = layout.card;
  const minScale = Math.min(1, MIN_CARD_HEIGHT / height);
  const fit = (scale: number, rowCount: number, split: boolean): number[][] | null => {
    const cardHeight = height * scale;
    const rowRoom = (area.height - RAISE * cardHeight * rowCount) / rowCount;
    if (rowRoom < cardHeight) return null;
    const step = Math.ceil(INDEX_DEPTH * cardHeight);
    const depth = Math.floor((rowRoom - cardHeight) / step + 1e-9) + 1;
    const rows = splitRows(split ? splitTall(columnSizes, depth) : [...columnSizes], rowCount);
    if (rows.length < rowCount && rowCount > 1) return null;
    const widest = Math.max(1, ...rows.map((row) => row.length));
    const needed = (widest - 1) * (INDEX_WIDTH * width * scale + MIN_COLUMN_SLACK) + width * scale;
    const stacked = rows.reduce((sum, row) => sum + Math.ceil(cardHeight) + (tallest(row) - 1) * step + Math.ceil(RAISE * cardHeight), 0);
    if (!split && rows.some((row) => tallest(row) > depth)) return null;
    return needed <= area.width && stacked <= area.height ? rows : null;
  };
  let chosen: { rows: number[][]; scale: number } | null = null;
  // Smaller cards before split columns: a bomb reads best as one stack.
  for (const split of [false, true]) {
    for (let scale = 1; scale >= minScale - 1e-9 && chosen === null; scale -= 0.02) {
      for (let rowCount = 1; rowCount <= 3 && chosen === null; rowCount++) {
        const rows = fit(Math.max(minScale, scale), rowCount, split);
        if (rows !== null) chosen = { rows, scale: Math.max(minScale, scale) };
      }
    }
  }
  // Nothing fits even at the smallest readable size: one row of columns, closed up as far as it takes.
  chosen ??= { rows: [[...columnSizes]], scale: minScale };
  const { rows, scale } = chosen;
  const cardWidth = width * scale;
  const cardHeight = height * scale;
  const widest = Math.max(1, ...rows.map((row) => row.length));
  const columnStep = widest <= 1 ? 0 : Math.min(cardWidth + COLUMN_GAP, (area.width - cardWidth) / (widest - 1));
  // Whole pixels, so rounding never takes a pixel off an index.
  const rowGap = Math.ceil(RAISE * cardHeight);
  const steps = rows.reduce((sum, row) => sum + tallest(row) - 1, 0);
  const room = area.height - rows.length * Math.ceil(cardHeight) - rows.length * rowGap;
  const fullStep = Math.ceil(INDEX_DEPTH * cardHeight);
  const cardStep = steps === 0 ? fullStep : Math.min(fullStep, Math.max(0, Math.floor(room / steps)));
  return { rows, scale, columnStep, cardStep, rowGap };
}

/**
 * The hand in columns: each column a stack whose cards show their index corners above the next card, the columns
 * side by side (overlapping on the right when space is short) and centred, in rows from the top of the hand area.
 * `selected(i)` raises the i-th card (in column order). Cards are upright so their faces are drawn crisp.
 */
export function handSlots(layout: TableLayout, columnSizes: readonly number[], selected: (index: number) => boolean): HandSlot[] {
  const plan = planHand(layout, columnSizes);
  const area = layout.handArea;
  const cardWidth = layout.card.width * plan.scale;
  const cardHeight = layout.card.height * plan.scale;
  const raise = Math.round(layout.raise * plan.scale);
  const slots: HandSlot[] = [];
  let rowTop = area.y + plan.rowGap;
  let index = 0;
  for (const row of plan.rows) {
    const rowWidth = plan.columnStep * Math.max(0, row.length - 1) + cardWidth;
    const left = area.x + (area.width - rowWidth) / 2;
    row.forEach((size, column) => {
      for (let depth = 0; depth < size; depth++) {
        const x = Math.round(left + column * plan.columnStep);
        const y = rowTop + depth * plan.cardStep - (selected(index) ? raise : 0);
        const drawn = { x, y, width: Math.round(cardWidth), height: Math.round(cardHeight) };
        slots.push({ x, y, scale: plan.scale, rect: drawn, strip: drawn });
        index++;
      }
    });
    rowTop += Math.round(cardHeight) + plan.cardStep * (tallest(row) - 1) + plan.rowGap;
  }
  return withStrips(slots);
}

/**
 * Each card's strip: its rectangle less what the cards drawn after it cover. Of the two ways to cut a cover off (keep
 * what is above it, or what is left of it) the one that keeps the index corner whole is taken, then the larger.
 */
function withStrips(slots: HandSlot[]): HandSlot[] {
  return slots.map((slot, index) => {
    const full = { width: slot.rect.width * INDEX_WIDTH, height: slot.rect.height * INDEX_DEPTH };
    const rank = { width: full.width, height: slot.rect.height * RANK_DEPTH };
    const worth = (box: Rect | null): number => {
      if (box === null) return -1;
      const keeps = (corner: { width: number; height: number }) => box.width >= corner.width - 0.5 && box.height >= corner.height - 0.5;
      return (keeps(full) ? 2 : keeps(rank) ? 1 : 0) * 1e9 + box.width * box.height;
    };
    let strip = slot.rect;
    for (let later = index + 1; later < slots.length; later++) {
      const cover = slots[later].rect;
      if (!overlaps(strip, cover)) continue;
      const above = cover.y > strip.y ? { ...strip, height: cover.y - strip.y } : null;
      const before = cover.x > strip.x ? { ...strip, width: cover.x - strip.x } : null;
      const kept = worth(above) >= worth(before) ? above : before;
      strip = kept ?? { ...strip, width: 0, height: 0 };
    }
    return { ...slot, strip };
  });
}

export function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** The hand card under `point`: the one drawn last there, as the eye sees it; null off the cards. */
export function slotAt(slots: readonly HandSlot[], point: Point): number | null {
  for (let index = slots.length - 1; index >= 0; index--) {
    const { x, y, width, height } = slots[index].rect;
    if (point.x >= x && point.x < x + width && point.y >= y && point.y < y + height) return index;
  }
  return null;
}

/** The index corner of a hand card as drawn in `slot`: rank and suit, or only the rank. */
export function indexBox(slot: HandSlot, layout: TableLayout, depth = INDEX_DEPTH): Rect {
  return { x: slot.x, y: slot.y, width: layout.card.width * slot.scale * INDEX_WIDTH, height: layout.card.height * slot.scale * depth };
}

/** Top-left corners of `count` cards of a seat's play, fanned inside its trick box at `scale`. */
export function trickSlots(layout: TableLayout, position: SeatPosition, count: number, scale = layout.trickScale): Point[] {
  const width = layout.card.width * scale;
  const height = layout.card.height * scale;
  const box = layout.trickBoxes[position];
  const centre = layout.trick[position];
  const step = count > 1 ? Math.min(width * 0.42, (box.width - width) / (count - 1)) : 0;
  const total = step * Math.max(0, count - 1) + width;
  const left = centre.x - total / 2;
  return Array.from({ length: count }, (_, index) => ({ x: Math.round(left + index * step), y: Math.round(centre.y - height / 2) }));
}
