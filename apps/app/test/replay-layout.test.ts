import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { MIN_STEP_RATIO, replayCardAt, replayHandBox, replayLayout, replayTrickAt } from '../src/replay/replay-layout';
import { POSITIONS, type Rect } from '../src/table/view/table-layout';

const PROPERTY = { seed: 20_261_207, numRuns: 300 };

const inside = (inner: Rect, outer: Rect): boolean =>
  inner.x >= outer.x - 0.5 && inner.y >= outer.y - 0.5 && inner.x + inner.width <= outer.x + outer.width + 0.5 && inner.y + inner.height <= outer.y + outer.height + 0.5;
const apart = (a: Rect, b: Rect): boolean =>
  a.x + a.width <= b.x + 0.5 || b.x + b.width <= a.x + 0.5 || a.y + a.height <= b.y + 0.5 || b.y + b.height <= a.y + 0.5;

/** Every shape from a 360x640 phone, either way up, to a 2560x1440 desktop. */
const screens = fc
  .record({ short: fc.integer({ min: 360, max: 1440 }), long: fc.integer({ min: 640, max: 2560 }), upright: fc.boolean() })
  .map(({ short, long, upright }) => {
    const [a, b] = [Math.min(short, long), Math.max(short, long)];
    return upright ? { width: a, height: b } : { width: b, height: a };
  });

describe('the replay layout', () => {
  it('gives each seat its own band between the header and the controls, its hand and play inside it', () => {
    fc.assert(
      fc.property(screens, fc.integer({ min: 1, max: 10 }), (size, playCount) => {
        const layout = replayLayout(size);
        const table = { x: 0, y: layout.headerHeight, width: size.width, height: size.height - layout.headerHeight - layout.controlsHeight };
        for (const [index, position] of POSITIONS.entries()) {
          const band = layout.bands[position];
          assert.ok(inside(band, table), `${position} band on the table at ${size.width}x${size.height}`);
          for (const other of POSITIONS.slice(index + 1)) assert.ok(apart(band, layout.bands[other]), `${position} and ${other} apart`);
          const name = { ...layout.names[position], width: band.width, height: layout.nameHeight };
          const hand = replayHandBox(layout, position, 27);
          assert.ok(inside(name, band) && inside(hand, band), `${position}: name and hand in the band`);
          assert.ok(apart(name, hand), `${position}: the name above the hand`);
          const corners = replayTrickAt(layout, layout.trick[position], playCount);
          for (const corner of corners) {
            const card = { ...corner, ...layout.card };
            assert.ok(inside(card, band), `${position}: a card of a ${playCount}-card play in the band`);
            assert.ok(apart(card, hand), `${position}: the play beside the hand`);
          }
        }
      }),
      PROPERTY,
    );
  });

  it('keeps every hand card’s corner index visible on phones and larger, and the index at least 12 px tall', () => {
    fc.assert(
      fc.property(screens, (size) => {
        const layout = replayLayout(size);
        assert.ok(layout.card.width * 0.36 >= 12, `index ${layout.card.width * 0.36} px at ${size.width}x${size.height}`);
        for (const position of POSITIONS) {
          const hand = layout.hands[position];
          assert.ok(hand.step >= layout.card.width * MIN_STEP_RATIO - 0.01, `${position} step ${hand.step} at ${size.width}x${size.height}`);
          assert.ok(hand.rowStep >= layout.card.height * 0.45, `${position} rows apart`);
        }
      }),
      PROPERTY,
    );
  });

  it('lays a shrinking hand out in as few rows as it needs, evenly', () => {
    const layout = replayLayout({ width: 390, height: 844 });
    const perRow = layout.hands.bottom.perRow;
    assert.ok(perRow < 27, 'a full hand wraps in portrait');
    const rowsOf = (count: number) => new Set(Array.from({ length: count }, (_, index) => replayCardAt(layout, 'bottom', index, count).y)).size;
    assert.equal(rowsOf(27), Math.ceil(27 / perRow));
    assert.equal(rowsOf(perRow), 1);
    assert.equal(rowsOf(perRow + 1), 2);
    // Two rows of a hand just over one row long are even, not a full row and a single card.
    const xs = Array.from({ length: perRow + 1 }, (_, index) => replayCardAt(layout, 'bottom', index, perRow + 1).x);
    assert.equal(new Set(xs).size, Math.ceil((perRow + 1) / 2));
  });

  it('keeps the table places when the shape allows: the partner above, the viewer below', () => {
    for (const size of [
      { width: 360, height: 640 },
      { width: 1280, height: 800 },
      { width: 1920, height: 1080 },
    ]) {
      const { bands } = replayLayout(size);
      assert.ok(bands.top.y < bands.left.y && bands.left.y <= bands.right.y && bands.right.y < bands.bottom.y, `${size.width}x${size.height}`);
    }
  });
});
