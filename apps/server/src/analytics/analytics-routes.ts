import { AnalyticsQuerySchema, AnalyticsReportSchema } from '@guandan/protocol';
import { route } from '../http/api.js';
import type { AnalyticsService } from './analytics-service.js';

/** Analytics for operators: players, games, retention and the funnel over a range of days. */
export function analyticsRoutes(analytics: AnalyticsService) {
  return [
    route({
      tag: 'admin',
      auth: true,
      role: 'operator',
      method: 'GET',
      path: '/admin/analytics',
      summary: 'Per-day players, games, rates, coins and $PLAY; DAU/WAU/MAU on `to`; retention cohorts and the funnel of the accounts made in the range',
      query: AnalyticsQuerySchema,
      response: AnalyticsReportSchema,
      handler: async ({ query }) => analytics.report(query),
    }),
  ];
}
