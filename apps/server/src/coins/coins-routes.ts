import { CoinBalanceSchema, LedgerEntrySchema, PageQuerySchema, ProtocolError } from '@guandan/protocol';
import { z } from 'zod';
import { route } from '../http/api.js';
import type { Db } from '../platform/db/database.js';

/** The caller's game coins: the balance and the ledger behind it. */
export function coinsRoutes(db: Db) {
  return [
    route({
      method: 'GET',
      path: '/coins/balance',
      summary: "The caller's game coin balance",
      tag: 'coins',
      auth: true,
      response: CoinBalanceSchema,
      handler: async ({ user }) => {
        const row = await db.selectFrom('users').select('game_coin_balance').where('id', '=', user.userId).executeTakeFirst();
        if (row === undefined) throw new ProtocolError('NOT_FOUND', 'no such user');
        return { balance: row.game_coin_balance };
      },
    }),
    route({
      method: 'GET',
      path: '/coins/ledger',
      summary: "The caller's game coin entries, newest first",
      tag: 'coins',
      auth: true,
      query: PageQuerySchema,
      response: z.array(LedgerEntrySchema),
      handler: async ({ user, query }) => {
        const rows = await db
          .selectFrom('coin_ledger')
          .select(['id', 'amount', 'reason', 'balance_after', 'created_at'])
          .where('user_id', '=', user.userId)
          .orderBy('created_at', 'desc')
          .orderBy('id', 'desc')
          .offset((query.page - 1) * query.limit)
          .limit(query.limit)
          .execute();
        return rows.map(({ id, ...entry }) => ({ entry_id: id, ...entry }));
      },
    }),
  ];
}
