import { type AnalyticsDay, GAME_MODES, type GameMode } from '@guandan/protocol';
import type { DayColumns } from './economy-charts';

/** The per-day rates operators watch, each a share between 0 and 1 (null on a day without games). */
export const RATE_FIELDS = ['abandonment_rate', 'auto_play_rate', 'bot_seat_share'] as const;
export type RateField = (typeof RATE_FIELDS)[number];

/** The per-day lengths, in milliseconds (null on a day without games or deals). */
export const LENGTH_FIELDS = ['average_deal_ms', 'average_match_ms'] as const;
export type LengthField = (typeof LENGTH_FIELDS)[number];

/** Coins per day: issued stacks up, spent (positive in the API) stacks down, as on the economy's flows chart. */
export const COIN_SERIES = ['coins_issued', 'coins_spent'] as const;

/** One series of whole numbers over the report's days (the server sends every day of the range, oldest first). */
export function countColumns(days: readonly AnalyticsDay[], key: 'active_players' | 'new_players' | 'play_rewarded_milli'): DayColumns {
  return { days: days.map((day) => day.day), series: [{ key, values: days.map((day) => day[key]) }] };
}

/** The modes played in the range, in the protocol's order: a mode nobody played adds no empty legend entry. */
export function modesPlayed(days: readonly AnalyticsDay[]): GameMode[] {
  const played = new Set(days.flatMap((day) => day.games_by_mode.filter((row) => row.games > 0).map((row) => row.game_mode)));
  return GAME_MODES.filter((mode) => played.has(mode));
}

/** Games per day, stacked by mode. */
export function modeColumns(days: readonly AnalyticsDay[]): DayColumns {
  return {
    days: days.map((day) => day.day),
    series: modesPlayed(days).map((mode) => ({ key: mode, values: days.map((day) => day.games_by_mode.filter((row) => row.game_mode === mode).reduce((sum, row) => sum + row.games, 0)) })),
  };
}

/** A share (0 to 1) as a percentage; a day without games charts as no bar rather than as a gap in the days. */
export const percentOf = (rate: number | null): number => (rate === null ? 0 : rate * 100);

/** One rate over the days, in percent. */
export function rateColumns(days: readonly AnalyticsDay[], key: RateField): DayColumns {
  return { days: days.map((day) => day.day), series: [{ key, values: days.map((day) => percentOf(day[key])) }] };
}

/** One average length over the days, in seconds (milliseconds make a scale nobody reads). */
export function lengthColumns(days: readonly AnalyticsDay[], key: LengthField): DayColumns {
  return { days: days.map((day) => day.day), series: [{ key, values: days.map((day) => (day[key] ?? 0) / 1000) }] };
}

export function coinColumns(days: readonly AnalyticsDay[]): DayColumns {
  return {
    days: days.map((day) => day.day),
    series: [
      { key: 'coins_issued', values: days.map((day) => day.coins_issued) },
      { key: 'coins_spent', values: days.map((day) => 0 - day.coins_spent) },
    ],
  };
}

/** New accounts and games over the whole range, for the headline figures. */
export function rangeTotals(days: readonly AnalyticsDay[]): { newPlayers: number; games: number } {
  return days.reduce((totals, day) => ({ newPlayers: totals.newPlayers + day.new_players, games: totals.games + day.games }), { newPlayers: 0, games: 0 });
}
