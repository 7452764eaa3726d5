import type { CoinFlowDay, MintedDay } from '@guandan/protocol';
import type { ChartSeries } from './bar-chart';
import { everyDay } from './day-series';

/** A chart's columns: one per day, oldest first, and its series in stacking order. */
export interface DayColumns {
  days: string[];
  series: ChartSeries[];
}

/** The days a chart spans at least: the API's 30 days of figures. */
export const CHART_DAYS = 30;

/** $PLAY rewarded per day in milli-PLAY, by what became of it: paid on chain, still on its way, failed. */
export const REWARD_SERIES = ['confirmed_milli', 'unconfirmed_milli', 'failed_milli'] as const;
/** Game coins moved per day: granted and won go up, lost goes down, corrections either way. */
export const FLOW_SERIES = ['granted', 'won', 'lost', 'corrected', 'purchased'] as const;

export function rewardColumns(minted: readonly MintedDay[]): DayColumns {
  const days = everyDay(minted, (day) => ({ day, confirmed_milli: 0, unconfirmed_milli: 0, failed_milli: 0, accounts: 0, accounts_at_cap: 0 }), CHART_DAYS);
  return { days: days.map((row) => row.day), series: REWARD_SERIES.map((key) => ({ key, values: days.map((row) => row[key]) })) };
}

export function flowColumns(flows: readonly CoinFlowDay[]): DayColumns {
  const days = everyDay(flows, (day) => ({ day, granted: 0, won: 0, lost: 0, corrected: 0, purchased: 0 }), CHART_DAYS);
  return { days: days.map((row) => row.day), series: FLOW_SERIES.map((key) => ({ key, values: days.map((row) => row[key]) })) };
}

/** Everything rewarded on a day, whatever became of it. */
export const rewardedMilli = (day: MintedDay): number => day.confirmed_milli + day.unconfirmed_milli + day.failed_milli;

/** What a day's flows did to the supply of game coins. */
export const netFlow = (day: CoinFlowDay): number => day.granted + day.won + day.lost + day.corrected + day.purchased;
