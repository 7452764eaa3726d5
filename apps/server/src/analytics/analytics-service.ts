import { type AnalyticsDay, type AnalyticsReport, type CoinFlowDay, type GameMode, ProtocolError, type RetentionCohort } from '@guandan/protocol';
import { AnalyticsQueries, type CohortRow, type GameDayRow } from './analytics-queries.js';
import { dayNumber, dayString, isCalendarDay } from './day-numbers.js';
import type { Db } from '../platform/db/database.js';

/** The longest range one report covers: a year and a day, so a leap year fits. */
export const MAX_REPORT_DAYS = 366;
const DEFAULT_REPORT_DAYS = 30;

/** What analytics reads from other domains, through their services: game coins (coins) and $PLAY rewarded (economy). */
export interface AnalyticsSources {
  coinFlows(fromDay: string, toDay: string): Promise<CoinFlowDay[]>;
  playRewardedByDay(fromDay: string, toDay: string): Promise<Map<string, number>>;
}

const share = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

/** The operators' analytics: per-day series, active players, retention cohorts and the funnel, from the rollup tables. */
export class AnalyticsService {
  private readonly queries: AnalyticsQueries;

  constructor(
    db: Db,
    private readonly sources: AnalyticsSources,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.queries = new AnalyticsQueries(db);
  }

  /** BAD_REQUEST for a day that is not one, `from` after `to`, or more than MAX_REPORT_DAYS days. */
  async report(range: { from?: string | undefined; to?: string | undefined }): Promise<AnalyticsReport> {
    const { from, to } = this.rangeOf(range);
    const [fromDay, toDay] = [dayString(from), dayString(to)];
    const [active, fresh, games, distinct, cohorts, funnel, coins, play] = await Promise.all([
      this.queries.activePlayersByDay(from, to),
      this.queries.newPlayersByDay(from, to),
      this.queries.gameDays(from, to),
      this.queries.activeEnding(to),
      this.queries.cohorts(from, to),
      this.queries.funnel(from, to),
      this.sources.coinFlows(fromDay, toDay),
      this.sources.playRewardedByDay(fromDay, toDay),
    ]);
    const coinsByDay = new Map(coins.map((flow) => [flow.day, flow]));
    const gamesByDay = new Map<number, GameDayRow[]>();
    for (const row of games) gamesByDay.set(row.day, [...(gamesByDay.get(row.day) ?? []), row]);
    const days: AnalyticsDay[] = [];
    for (let day = from; day <= to; day++) {
      const flow = coinsByDay.get(dayString(day));
      days.push({
        ...gameSeries(dayString(day), gamesByDay.get(day) ?? []),
        active_players: active.get(day) ?? 0,
        new_players: fresh.get(day) ?? 0,
        coins_issued: flow === undefined ? 0 : flow.granted + flow.won + flow.purchased,
        coins_spent: flow === undefined ? 0 : -flow.lost,
        play_rewarded_milli: play.get(dayString(day)) ?? 0,
      });
    }
    return {
      from: fromDay,
      to: toDay,
      days,
      active: distinct,
      cohorts: cohorts.map((cohort) => cohortOf(cohort, to)),
      funnel: { signed_up: funnel.signedUp, first_game: funnel.firstGame, ten_games: funnel.tenGames, wallet_linked: funnel.walletLinked, first_reward: funnel.firstReward },
    };
  }

  private rangeOf(range: { from?: string | undefined; to?: string | undefined }): { from: number; to: number } {
    for (const value of [range.from, range.to]) if (value !== undefined && !isCalendarDay(value)) throw new ProtocolError('BAD_REQUEST', `${value} is not a day`);
    const to = range.to === undefined ? dayNumber(this.now().toISOString()) : dayNumber(range.to);
    const from = range.from === undefined ? to - (DEFAULT_REPORT_DAYS - 1) : dayNumber(range.from);
    if (from > to) throw new ProtocolError('BAD_REQUEST', '`from` is after `to`');
    if (to - from + 1 > MAX_REPORT_DAYS) throw new ProtocolError('BAD_REQUEST', `at most ${MAX_REPORT_DAYS} days at a time`);
    return { from, to };
  }
}

/** A day's games, all modes together, and the rates operators watch. */
function gameSeries(day: string, rows: GameDayRow[]): Pick<AnalyticsDay, 'day' | 'games' | 'games_by_mode' | 'deals' | 'average_deal_ms' | 'average_match_ms' | 'abandonment_rate' | 'auto_play_rate' | 'bot_seat_share'> {
  const total = (pick: (row: GameDayRow) => number) => rows.reduce((sum, row) => sum + pick(row), 0);
  const [games, deals, matchMs, people, bots] = [total((r) => r.games), total((r) => r.deals), total((r) => r.matchMs), total((r) => r.humanSeats), total((r) => r.botSeats)];
  return {
    day,
    games,
    // The mode names are the protocol's: only the tables domain writes them, from a room's GameMode.
    games_by_mode: rows.map((row) => ({ game_mode: row.gameMode as GameMode, games: row.games })),
    deals,
    average_deal_ms: share(matchMs, deals),
    average_match_ms: share(matchMs, games),
    abandonment_rate: share(total((r) => r.quitSeats), people),
    auto_play_rate: share(total((r) => r.autoPlaySeats), people),
    bot_seat_share: share(bots, people + bots),
  };
}

/** A sign-up day's retention; a day-N share is null while that day is after the report's last day. */
function cohortOf(cohort: CohortRow, to: number): RetentionCohort {
  const after = (days: number, active: number) => (cohort.day + days > to ? null : share(active, cohort.size));
  return { day: dayString(cohort.day), size: cohort.size, day_1: after(1, cohort.activeDay1), day_7: after(7, cohort.activeDay7), day_30: after(30, cohort.activeDay30) };
}
