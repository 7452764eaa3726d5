import { CoinBalanceSchema, LedgerEntrySchema, PageQuerySchema } from '@guandan/protocol';
import { z } from 'zod';
import { route } from '../http/api.js';
import type { CoinAccounts } from './coin-accounts.js';

/** The caller's game coins: the balance and the ledger behind it. */
export function coinsRoutes(coins: CoinAccounts) {
  return [
    route({
      method: 'GET',
      path: '/coins/balance',
      summary: "The caller's game coin balance",
      tag: 'coins',
      auth: true,
      response: CoinBalanceSchema,
      handler: async ({ user }) => ({ balance: await coins.balanceOf(user.userId) }),
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
        const rows = await coins.entries(user.userId, query.page, query.limit);
        return rows.map(({ id, ...entry }) => ({ entry_id: id, ...entry }));
      },
    }),
  ];
}
