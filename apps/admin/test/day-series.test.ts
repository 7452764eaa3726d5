import assert from 'node:assert/strict';
import { test } from 'node:test';
import { everyDay, MAX_DAYS } from '../src/lib/day-series';

const empty = (day: string) => ({ day, value: 0 });

test('days come oldest first with the quiet days between filled in', () => {
  const rows = [
    { day: '2026-12-08', value: 3 },
    { day: '2026-12-05', value: 1 },
    { day: '2026-12-06', value: 2 },
  ];
  assert.deepEqual(everyDay(rows, empty), [
    { day: '2026-12-05', value: 1 },
    { day: '2026-12-06', value: 2 },
    { day: '2026-12-07', value: 0 },
    { day: '2026-12-08', value: 3 },
  ]);
});

test('across a month and a year end', () => {
  const days = everyDay([{ day: '2027-01-01', value: 1 }, { day: '2026-12-30', value: 1 }], empty).map((row) => row.day);
  assert.deepEqual(days, ['2026-12-30', '2026-12-31', '2027-01-01']);
});

test('a chart spans at least the days asked, ending with the newest', () => {
  const days = everyDay([{ day: '2026-12-08', value: 5 }], empty, 4);
  assert.deepEqual(days, [
    { day: '2026-12-05', value: 0 },
    { day: '2026-12-06', value: 0 },
    { day: '2026-12-07', value: 0 },
    { day: '2026-12-08', value: 5 },
  ]);
  assert.equal(everyDay([{ day: '2026-12-01', value: 1 }, { day: '2026-12-08', value: 2 }], empty, 3).length, 8, 'more days than the span are all kept');
  assert.deepEqual(everyDay([], empty, 30), []);
});

test('no rows, or only rows without a real date, make no days', () => {
  assert.deepEqual(everyDay([], empty), []);
  assert.deepEqual(everyDay([{ day: 'yesterday', value: 1 }, { day: '2026-02-30', value: 1 }], empty), []);
  assert.deepEqual(everyDay([{ day: '2026-02-28', value: 1 }, { day: '2026-13-01', value: 9 }], empty), [{ day: '2026-02-28', value: 1 }]);
});

test('a far-off date does not make a chart of thousands of days: the newest MAX_DAYS are kept', () => {
  const days = everyDay([{ day: '1970-01-01', value: 1 }, { day: '2026-12-08', value: 2 }], empty);
  assert.equal(days.length, MAX_DAYS);
  assert.deepEqual(days.at(-1), { day: '2026-12-08', value: 2 });
});
