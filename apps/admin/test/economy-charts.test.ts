import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CHART_DAYS, flowColumns, netFlow, rewardColumns, rewardedMilli } from '../src/lib/economy-charts';

const minted = (day: string, confirmed: number, unconfirmed: number, failed: number) => ({
  day,
  confirmed_milli: confirmed,
  unconfirmed_milli: unconfirmed,
  failed_milli: failed,
  accounts: 2,
  accounts_at_cap: 0,
});

/** The last three columns of each series. */
const lastThree = (series: readonly { key: string; values: readonly number[] }[]) => series.map(({ key, values }) => ({ key, values: values.slice(-3) }));

test('rewards per day: a month of columns, oldest first, a series per fate of the rewards', () => {
  const columns = rewardColumns([minted('2026-12-08', 1000, 500, 0), minted('2026-12-06', 0, 0, 250)]);
  assert.equal(columns.days.length, CHART_DAYS);
  assert.deepEqual([columns.days[0], ...columns.days.slice(-3)], ['2026-11-09', '2026-12-06', '2026-12-07', '2026-12-08']);
  assert.deepEqual(lastThree(columns.series), [
    { key: 'confirmed_milli', values: [0, 0, 1000] },
    { key: 'unconfirmed_milli', values: [0, 0, 500] },
    { key: 'failed_milli', values: [250, 0, 0] },
  ]);
  assert.ok(columns.series.every((series) => series.values.length === CHART_DAYS && series.values.slice(0, -3).every((value) => value === 0)));
  assert.equal(rewardedMilli(minted('2026-12-08', 1000, 500, 250)), 1750);
});

test('coin flows per day: losses are negative, corrections go either way, purchases net of take-backs', () => {
  const day = { day: '2026-12-08', granted: 3000, won: 450, lost: -450, corrected: -20, purchased: 1200 };
  const columns = flowColumns([day]);
  assert.equal(columns.days.at(-1), '2026-12-08');
  assert.deepEqual(
    columns.series.map((series) => [series.key, series.values.slice(-1)]),
    [
      ['granted', [3000]],
      ['won', [450]],
      ['lost', [-450]],
      ['corrected', [-20]],
      ['purchased', [1200]],
    ],
  );
  assert.equal(netFlow(day), 4180);
});

test('nothing yet: no columns', () => {
  assert.deepEqual(rewardColumns([]).days, []);
  assert.deepEqual(flowColumns([]).series.map((series) => series.values), [[], [], [], [], []]);
});
