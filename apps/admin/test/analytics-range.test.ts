import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyticsQuery, presetOf, presetRange, RANGE_PRESETS, rangeId, rangeLength, rangeOfId, rangeProblem } from '../src/lib/analytics-range';

/** Late in the UTC day, when some time zones are already on the next: the range still ends on UTC's day. */
const NOW = new Date('2026-03-02T23:30:00Z');

test('a preset is that many days ending today (UTC), across a month end', () => {
  assert.deepEqual(
    RANGE_PRESETS.map((days) => presetRange(days, NOW)),
    [
      { from: '2026-02-24', to: '2026-03-02' },
      { from: '2026-02-01', to: '2026-03-02' },
      { from: '2025-12-03', to: '2026-03-02' },
    ],
  );
  assert.deepEqual(RANGE_PRESETS.map((days) => rangeLength(presetRange(days, NOW))), [7, 30, 90]);
});

test('a range is known as its preset, and only when it is exactly that', () => {
  assert.equal(presetOf({ from: '2026-02-24', to: '2026-03-02' }, NOW), 7);
  assert.equal(presetOf({ from: '2026-02-25', to: '2026-03-02' }, NOW), null);
  assert.equal(presetOf({ from: '2026-02-01', to: '2026-03-01' }, NOW), null);
});

test('what the server refuses is caught before asking', () => {
  assert.equal(rangeProblem({ from: '2026-03-02', to: '2026-03-02' }), null);
  assert.equal(rangeProblem({ from: '2025-03-02', to: '2026-03-02' }), null, '366 days');
  assert.equal(rangeProblem({ from: '2025-03-01', to: '2026-03-02' }), 'too_long');
  assert.equal(rangeProblem({ from: '2026-03-03', to: '2026-03-02' }), 'from_after_to');
  for (const day of ['', '2026-02-30', '2026-3-2', 'yesterday']) assert.equal(rangeProblem({ from: day, to: '2026-03-02' }), 'not_a_day', day);
});

test('a range goes to a record id and back, and to the query', () => {
  const range = { from: '2026-02-01', to: '2026-03-02' };
  assert.equal(rangeId(range), '2026-02-01..2026-03-02');
  assert.deepEqual(rangeOfId(rangeId(range)), range);
  for (const id of ['overview', '2026-02-01', '2026-03-02..2026-02-01', '2026-02-01..2026-03-02..2026-03-03']) assert.equal(rangeOfId(id), null, id);
  assert.equal(analyticsQuery(range).toString(), 'from=2026-02-01&to=2026-03-02');
});
