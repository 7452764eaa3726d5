import { AdminTableEndedSchema, AdminTableSchema, AdminTablesQuerySchema, AdminTableSummarySchema, GameIdParamsSchema, pageOf, ReasonBodySchema } from '@guandan/protocol';
import { route } from '../http/api.js';
import { actorOf, type Usernames } from './audit-log.js';
import type { TableWatch } from './table-watch.js';

/** Live tables: the list with filters, one table with every hand, and ending a stuck one (operators only). */
export function tableRoutes(watch: TableWatch, usernames: Usernames) {
  const common = { tag: 'admin', auth: true, role: 'operator' } as const;
  return [
    route({
      ...common,
      method: 'GET',
      path: '/admin/tables',
      summary: 'The tables playing now, oldest first, by mode, stuck or not, an account seated, the server running them or their age',
      query: AdminTablesQuerySchema,
      response: pageOf(AdminTableSummarySchema),
      handler: async ({ query }) =>
        watch.list(
          {
            mode: query.mode,
            stuck: query.stuck === undefined ? undefined : query.stuck === 'true',
            userId: query.user_id,
            node: query.node,
            minAgeMinutes: query.min_age_minutes,
          },
          query.page,
          query.per_page,
        ),
    }),
    route({
      ...common,
      method: 'GET',
      path: '/admin/tables/:gameId',
      summary: 'A table as it stands, with every hand: for operators only, audited, refused to an operator seated at it',
      params: GameIdParamsSchema,
      response: AdminTableSchema,
      handler: async ({ user, params }) => {
        return watch.watch(await actorOf(usernames, user.userId), params.gameId);
      },
    }),
    route({
      ...common,
      method: 'POST',
      path: '/admin/tables/:gameId/end',
      summary: 'Ends a stuck table: completed deals count, the deal in play is void, nobody wins, no rating moves (audited)',
      params: GameIdParamsSchema,
      body: ReasonBodySchema,
      response: AdminTableEndedSchema,
      handler: async ({ user, params, body }) => watch.end(await actorOf(usernames, user.userId), params.gameId, body.reason),
    }),
  ];
}
