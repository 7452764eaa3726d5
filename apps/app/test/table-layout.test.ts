import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BIG_JOKER, type Card, type Rank, SMALL_JOKER } from '@guandan/engine';
import fc from 'fast-check';
import { arrangeHand, columnOrder } from '../src/table/model/arrange';
import { displayHand } from '../src/table/model/hand';
import {
  handSlots,
  indexBox,
  MIN_INDEX_PX,
  overlaps,
  POSITIONS,
  RANK_DEPTH,
  RANK_FONT,
  type Rect,
  type Size,
  slotAt,
  tableLayout,
  type TableLayout,
  trickSlots,
} from '../src/table/view/table-layout';

/** The shapes the issue names, and the corners of the range the table must serve. */
const SCREENS: Size[] = [
  { width: 390, height: 844 },
  { width: 844, height: 390 },
  { width: 360, height: 640 },
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
  { width: 640, height: 360 },
  { width: 2560, height: 1440 },
  { width: 1440, height: 2560 },
  { width: 768, height: 1024 },
  { width: 747, height: 693 },
  { width: 500, height: 640 },
  { width: 360, height: 643 },
];

const SUITS = ['S', 'H', 'C', 'D'] as const;
const RANKS = ['2', '3', '4', '5', '6', '7', '8', '9', 'T', 'J', 'Q', 'K', 'A'] as const;
/** Two decks, as dealt in Guandan. */
const DECKS: Card[] = [0, 1].flatMap(() => [...SUITS.flatMap((suit) => RANKS.map((rank) => `${suit}${rank}`)), SMALL_JOKER, BIG_JOKER] as Card[]);

/** Any screen from 360x640 to 2560x1440, held either way up. */
const screenSize = fc
  .tuple(fc.integer({ min: 640, max: 2560 }), fc.integer({ min: 360, max: 1440 }), fc.boolean())
  .map(([long, short, portrait]): Size => {
    const side = Math.min(long, short);
    return portrait ? { width: side, height: long } : { width: long, height: side };
  });

const inside = (rect: Rect, size: Size): boolean =>
  rect.x >= 0 && rect.y >= 0 && rect.x + rect.width <= size.width && rect.y + rect.height <= size.height;

const contains = (outer: Rect, inner: Rect): boolean =>
  inner.x >= outer.x - 0.5 &&
  inner.y >= outer.y - 0.5 &&
  inner.x + inner.width <= outer.x + outer.width + 0.5 &&
  inner.y + inner.height <= outer.y + outer.height + 0.5;

/** Every region the layout places, by name: none may overlap another or leave the screen. */
function regions(layout: TableLayout): [string, Rect][] {
  return [
    ['header', layout.header],
    ['hand', layout.handArea],
    ['actions', layout.actionsBox],
    ['notes', layout.notesBox],
    ['arrange', layout.arrangeBox],
    ...POSITIONS.map((position): [string, Rect] => [`seat ${position}`, layout.seatBoxes[position]]),
    ...POSITIONS.map((position): [string, Rect] => [`trick ${position}`, layout.trickBoxes[position]]),
  ];
}

function assertRegionsApart(layout: TableLayout): void {
  const all = regions(layout);
  for (const [name, box] of all) {
    assert.ok(inside(box, layout.size), `${name} ${JSON.stringify(box)} leaves the screen`);
    assert.ok(box.width > 0 && box.height > 0, `${name} is empty`);
  }
  for (let a = 0; a < all.length; a++) {
    for (let b = a + 1; b < all.length; b++) {
      assert.ok(!overlaps(all[a][1], all[b][1]), `${all[a][0]} ${JSON.stringify(all[a][1])} overlaps ${all[b][0]} ${JSON.stringify(all[b][1])}`);
    }
  }
  // The tracker and chat open over the felt: over the tricks at most, never over a seat, the buttons or the hand.
  assert.ok(inside(layout.panel, layout.size), 'the panel is on screen');
  for (const [name, box] of all) {
    if (name.startsWith('trick') && !layout.panelClear) continue;
    assert.ok(!overlaps(layout.panel, box), `the panel overlaps ${name}`);
  }
}

/** The hand after a deal of `cards`, in 理牌 columns. */
function columnsOf(cards: readonly Card[], level: Rank) {
  const columns = arrangeHand(displayHand(cards, level));
  return { columns, sizes: columns.map((column) => column.cards.length), shown: columnOrder(columns) };
}

function assertHandReadable(layout: TableLayout, sizes: readonly number[], selected: (index: number) => boolean): void {
  const count = sizes.reduce((sum, size) => sum + size, 0);
  const slots = handSlots(layout, sizes, selected);
  assert.equal(slots.length, count);
  const raisedBelow = (index: number): boolean => slots.slice(index + 1).some((_, offset) => selected(index + 1 + offset));
  slots.forEach((slot, index) => {
    const label = `card ${index} of ${count} at ${layout.size.width}x${layout.size.height}`;
    assert.ok(layout.card.height * slot.scale * RANK_FONT >= MIN_INDEX_PX - 1e-9, `${label}: its rank is under ${MIN_INDEX_PX} px`);
    assert.ok(contains(layout.handArea, slot.rect), `${label}: ${JSON.stringify(slot.rect)} leaves the hand area ${JSON.stringify(layout.handArea)}`);
    // At rest the whole index corner shows; above a raised card at least its rank does.
    const depth = raisedBelow(index) ? RANK_DEPTH : undefined;
    assert.ok(contains(slot.strip, indexBox(slot, layout, depth)), `${label}: strip ${JSON.stringify(slot.strip)} hides its index`);
    const centre = { x: slot.strip.x + slot.strip.width / 2, y: slot.strip.y + slot.strip.height / 2 };
    assert.equal(slotAt(slots, centre), index, `${label}: a tap on its strip finds another card`);
    for (let later = index + 1; later < slots.length; later++) {
      assert.ok(!overlaps(slot.strip, slots[later].rect), `${label}: card ${later} covers its strip`);
    }
  });
}

describe('table layout', () => {
  for (const screen of SCREENS) {
    const layout = tableLayout(screen);
    const label = `${screen.width}x${screen.height}`;

    it(`${label}: header, seats, tricks, buttons, 理牌 buttons and hand never overlap and stay on screen`, () => {
      assertRegionsApart(layout);
    });

    it(`${label}: a trick of up to ten cards stays inside its box`, () => {
      for (const position of POSITIONS) {
        const box = layout.trickBoxes[position];
        for (let count = 1; count <= 10; count++) {
          for (const corner of trickSlots(layout, position, count)) {
            const card = { x: corner.x, y: corner.y, width: layout.card.width * layout.trickScale, height: layout.card.height * layout.trickScale };
            assert.ok(contains(box, { ...card, x: card.x, width: card.width }), `${position} ${count} cards: ${JSON.stringify(card)} outside ${JSON.stringify(box)}`);
          }
        }
      }
    });

    it(`${label}: a 27-card hand in columns shows every index, raised or not`, () => {
      const { sizes } = columnsOf(DECKS.filter((_, index) => index % 4 === 1).slice(0, 27), '2');
      assertHandReadable(layout, sizes, () => false);
      assertHandReadable(layout, sizes, (index) => index % 3 === 0);
    });

    it(`${label}: a selected card rises and is found where it is drawn`, () => {
      const sizes = [2, 3, 1, 4, 2];
      const rest = handSlots(layout, sizes, () => false);
      const slots = handSlots(layout, sizes, (index) => index === 4);
      assert.ok(slots[4].y < rest[4].y, 'the selected card rises');
      assert.equal(slotAt(slots, { x: slots[4].x + 2, y: slots[4].y + 2 }), 4);
      assert.equal(slotAt(slots, { x: layout.handArea.x - 1, y: layout.handArea.y - 1 }), null);
    });
  }

  it('every layout from 360x640 to 2560x1440, either way up, keeps its regions apart and on screen (property)', () => {
    fc.assert(
      fc.property(screenSize, (size) => {
        assertRegionsApart(tableLayout(size));
      }),
      { numRuns: 400 },
    );
  });

  it('any 27 cards dealt from two decks show every index at 12 px or more, at any size (property)', () => {
    const deal = fc.shuffledSubarray(DECKS, { minLength: 27, maxLength: 27 });
    const level = fc.constantFrom<Rank>('2', '7', 'T', 'A');
    fc.assert(
      fc.property(screenSize, deal, level, fc.func(fc.boolean()), (size, cards, rank, pick) => {
        const { sizes } = columnsOf(cards, rank);
        const layout = tableLayout(size);
        assertHandReadable(layout, sizes, () => false);
        assertHandReadable(layout, sizes, (index) => pick(index));
      }),
      { numRuns: 300 },
    );
  });

  it('a hand as small as one card and as wide as fifteen ranks both fit', () => {
    for (const screen of SCREENS) {
      const layout = tableLayout(screen);
      assertHandReadable(layout, [1], () => true);
      assertHandReadable(layout, Array.from({ length: 15 }, () => 1), () => false);
    }
  });
});
