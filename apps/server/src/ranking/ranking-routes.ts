import {
  RankingAroundMeQuerySchema,
  RankingBoardSchema,
  RankingEntrySchema,
  RankingQuerySchema,
  RatingSchema,
} from '@guandan/protocol';
import { z } from 'zod';
import { route } from '../http/api.js';
import type { Db } from '../platform/db/database.js';
import type { Boards } from './boards.js';
import { ratingRecord } from './rating-lookup.js';
import { boardName } from './windows.js';

const BoardParamsSchema = z.object({ board: RankingBoardSchema });

/** Leaderboards (global, weekly, monthly; past windows with `?period=`) and the caller's rating. */
export function rankingRoutes(db: Db, boards: Boards) {
  return [
    route({
      method: 'GET',
      path: '/ranking/:board',
      summary: 'A leaderboard page: global, weekly or monthly (the current window unless `period` names a past one)',
      tag: 'ranking',
      auth: false,
      params: BoardParamsSchema,
      query: RankingQuerySchema,
      response: z.array(RankingEntrySchema),
      handler: async ({ params, query }) => boards.page(boardName(params.board, query.period, new Date()), query.page, query.limit),
    }),
    route({
      method: 'GET',
      path: '/ranking/:board/around-me',
      summary: "The caller's entry with `span` entries above and below it; empty when the caller is not on the board",
      tag: 'ranking',
      auth: true,
      params: BoardParamsSchema,
      query: RankingAroundMeQuerySchema,
      response: z.array(RankingEntrySchema),
      handler: async ({ params, query, user }) => boards.around(boardName(params.board, query.period, new Date()), user.userId, query.span),
    }),
    route({
      method: 'GET',
      path: '/ranking/rating/me',
      summary: "The caller's rating from ranked games (1500 before the first)",
      tag: 'ranking',
      auth: true,
      response: RatingSchema,
      handler: async ({ user }) => ({ user_id: user.userId, ...(await ratingRecord(db, user.userId)) }),
    }),
  ];
}
