import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { handSlots, POSITIONS, type Rect, slotAtX, tableLayout, trickSlots } from '../src/table/view/table-layout';

/** The app is landscape-only (app.json), from a small phone to a desktop. */
const SCREENS = [
  { width: 1280, height: 720 },
  { width: 844, height: 390 },
  { width: 667, height: 375 },
  { width: 1920, height: 1080 },
];

const inside = (rect: Rect, width: number, height: number): boolean =>
  rect.x >= 0 && rect.y >= 0 && rect.x + rect.width <= width && rect.y + rect.height <= height;

const overlap = (a: Rect, b: Rect): boolean =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('table layout', () => {
  for (const screen of SCREENS) {
    const layout = tableLayout(screen);
    const label = `${screen.width}x${screen.height}`;

    it(`${label}: every strip of a 27-card hand is inside the screen, selected or not`, () => {
      for (const selected of [() => false, () => true, (index: number) => index % 3 === 0]) {
        for (const slot of handSlots(layout, 27, selected)) assert.ok(inside(slot.strip, screen.width, screen.height), JSON.stringify(slot));
      }
    });

    it(`${label}: strips never overlap and each is wide enough to tap`, () => {
      const slots = handSlots(layout, 27, (index) => index % 2 === 0);
      for (let index = 0; index < slots.length; index++) {
        assert.ok(slots[index].strip.width >= 20, `strip ${index} is ${slots[index].strip.width} px wide`);
        for (let other = index + 1; other < slots.length; other++) assert.ok(!overlap(slots[index].strip, slots[other].strip));
      }
    });

    it(`${label}: a raised selected card stays tappable over its own strip`, () => {
      const slots = handSlots(layout, 27, (index) => index === 10);
      const raised = slots[10];
      assert.ok(raised.y < slots[9].y, 'the selected card rises');
      assert.equal(raised.strip.y, raised.y, 'its strip moves with it');
      assert.equal(slotAtX(slots, raised.strip.x + raised.strip.width / 2), 10);
    });

    it(`${label}: the hit test finds every card from its strip centre`, () => {
      const slots = handSlots(layout, 27, () => false);
      slots.forEach((slot, index) => assert.equal(slotAtX(slots, slot.strip.x + slot.strip.width / 2), index));
      assert.equal(slotAtX(slots, slots[0].x - 1), null);
    });

    it(`${label}: seats and tricks are on screen`, () => {
      for (const position of POSITIONS) {
        const seat = layout.seats[position];
        assert.ok(seat.x > 0 && seat.x < screen.width && seat.y > 0 && seat.y < screen.height);
        for (const corner of trickSlots(layout, layout.trick[position], 10)) {
          assert.ok(corner.x >= 0 && corner.x + layout.card.width * layout.trickScale <= screen.width, `${position} trick x`);
          assert.ok(corner.y >= 0 && corner.y + layout.card.height * layout.trickScale <= screen.height, `${position} trick y`);
        }
      }
    });
  }

  it('cards are large enough to read on a phone in landscape', () => {
    assert.ok(tableLayout({ width: 844, height: 390 }).card.height >= 72);
  });
});
