import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type BarSegment, niceCeiling, stackedBars } from '../src/lib/bar-chart';

/** Fractions to nine places: 1 - 0.7 is not 0.3 in floating point, and the chart does not care. */
const placed = (segment: BarSegment) => [segment.series, segment.column, Math.round(segment.top * 1e9) / 1e9, Math.round(segment.height * 1e9) / 1e9];

test('a scale ends at 1, 2 or 5 times a power of ten', () => {
  assert.deepEqual([0, -3, 1, 2, 3, 7, 10, 11, 8_700, 20_001, 1_500_000].map(niceCeiling), [0, 0, 1, 2, 5, 10, 10, 20, 10_000, 50_000, 2_000_000]);
});

test('positive figures stack up from zero in series order', () => {
  const chart = stackedBars(2, [
    { key: 'a', values: [3, 0] },
    { key: 'b', values: [2, 10] },
  ]);
  assert.deepEqual([chart.max, chart.min, chart.zero], [10, 0, 1]);
  assert.deepEqual(
    chart.segments.map(placed),
    [
      ['a', 0, 0.7, 0.3],
      ['b', 0, 0.5, 0.2],
      ['b', 1, 0, 1],
    ],
  );
});

test('negative figures stack down from a zero line placed by the scale', () => {
  const chart = stackedBars(1, [
    { key: 'won', values: [40] },
    { key: 'lost', values: [-30] },
    { key: 'corrected', values: [-10] },
  ]);
  assert.deepEqual([chart.max, chart.min], [50, -50]);
  assert.equal(chart.zero, 0.5);
  assert.deepEqual(chart.segments.map(placed), [
    ['won', 0, 0.1, 0.4],
    ['lost', 0, 0.5, 0.3],
    ['corrected', 0, 0.8, 0.1],
  ]);
});

test('an empty chart has no bars and a scale that does not divide by zero', () => {
  const chart = stackedBars(3, [{ key: 'a', values: [0, 0, 0] }]);
  assert.deepEqual(chart, { segments: [], max: 0, min: 0, zero: 0 });
  assert.deepEqual(stackedBars(0, []).segments, []);
});

test('every bar stays inside the chart', () => {
  const chart = stackedBars(30, [
    { key: 'x', values: Array.from({ length: 30 }, (_, index) => (index * 7919) % 1000) },
    { key: 'y', values: Array.from({ length: 30 }, (_, index) => -((index * 104729) % 700)) },
  ]);
  for (const segment of chart.segments) {
    assert.ok(segment.top >= 0 && segment.height > 0 && segment.top + segment.height <= 1 + 1e-9, JSON.stringify(segment));
  }
});
