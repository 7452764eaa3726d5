import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AnalyticsDay } from '@guandan/protocol';
import { coinColumns, countColumns, lengthColumns, modeColumns, modesPlayed, percentOf, rangeTotals, rateColumns } from '../src/lib/analytics-series';

function day(date: string, figures: Partial<AnalyticsDay> = {}): AnalyticsDay {
  return {
    day: date,
    active_players: 0,
    new_players: 0,
    games: 0,
    games_by_mode: [],
    deals: 0,
    average_deal_ms: null,
    average_match_ms: null,
    abandonment_rate: null,
    auto_play_rate: null,
    bot_seat_share: null,
    coins_issued: 0,
    coins_spent: 0,
    play_rewarded_milli: 0,
    ...figures,
  };
}

const DAYS = [
  day('2026-12-01', { active_players: 4, new_players: 4, games: 3, games_by_mode: [{ game_mode: 'ranked', games: 1 }, { game_mode: 'custom', games: 2 }], abandonment_rate: 0.25, average_deal_ms: 90_500, coins_issued: 40, coins_spent: 30, play_rewarded_milli: 1500 }),
  day('2026-12-02'),
  day('2026-12-03', { active_players: 1, new_players: 2, games: 1, games_by_mode: [{ game_mode: 'custom', games: 1 }, { game_mode: 'quick_match', games: 0 }], abandonment_rate: 0 }),
];

test('a count is one series over the days, oldest first', () => {
  assert.deepEqual(countColumns(DAYS, 'new_players'), { days: ['2026-12-01', '2026-12-02', '2026-12-03'], series: [{ key: 'new_players', values: [4, 0, 2] }] });
  assert.deepEqual(countColumns(DAYS, 'play_rewarded_milli').series[0].values, [1500, 0, 0]);
});

test('games stack by mode in the protocol order, only the modes played', () => {
  assert.deepEqual(modesPlayed(DAYS), ['custom', 'ranked']);
  assert.deepEqual(modeColumns(DAYS).series, [
    { key: 'custom', values: [2, 0, 1] },
    { key: 'ranked', values: [1, 0, 0] },
  ]);
  assert.deepEqual(modeColumns([day('2026-12-02')]).series, []);
});

test('rates chart as percentages, a day without games as no bar', () => {
  assert.deepEqual([null, 0, 0.125, 1].map(percentOf), [0, 0, 12.5, 100]);
  assert.deepEqual(rateColumns(DAYS, 'abandonment_rate').series, [{ key: 'abandonment_rate', values: [25, 0, 0] }]);
});

test('lengths chart in seconds', () => {
  assert.deepEqual(lengthColumns(DAYS, 'average_deal_ms').series, [{ key: 'average_deal_ms', values: [90.5, 0, 0] }]);
});

test('coins issued stack up and coins spent down', () => {
  assert.deepEqual(coinColumns(DAYS).series, [
    { key: 'coins_issued', values: [40, 0, 0] },
    { key: 'coins_spent', values: [-30, 0, 0] },
  ]);
});

test('the headline totals add the range up', () => {
  assert.deepEqual(rangeTotals(DAYS), { newPlayers: 6, games: 4 });
  assert.deepEqual(rangeTotals([]), { newPlayers: 0, games: 0 });
});
