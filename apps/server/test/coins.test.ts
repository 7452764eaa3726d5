import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { teamOf } from '@guandan/engine';
import { type LedgerEntry, LedgerEntrySchema } from '@guandan/protocol';
import { applyLedgerEntry } from '../src/coins/ledger.js';
import type { FinishedGame } from '../src/records/finished-game.js';
import { findGame, getJson, type Player, playGame, recordGame, redeliver, signUpGuests } from './support/finished-games.js';
import { skipWithoutPostgres, startTestServer, type StoreKind, type TestServer } from './support/server.js';

const STARTING_COINS = 1000;

/** The settlement rule written out on its own: per deal, winners gain bet × rise, losers pay it or all they hold. */
function expectedBalances(game: FinishedGame, start: Map<string, number>): Map<string, number> {
  const balances = new Map(start);
  for (const deal of game.deals) {
    const stake = game.baseBet * deal.rise;
    for (const seat of game.seats) {
      if (seat.userId === null) continue;
      const balance = balances.get(seat.userId) ?? 0;
      balances.set(seat.userId, teamOf(seat.seat) === deal.team ? balance + stake : balance - Math.min(balance, stake));
    }
  }
  return balances;
}

for (const store of ['sqlite', 'postgres'] as StoreKind[]) {
  describe(`coin settlement (${store})`, { skip: store === 'postgres' && (await skipWithoutPostgres()) }, () => {
    let t: TestServer;
    before(async () => {
      t = await startTestServer({ store, env: { AUTH_RATE_LIMIT_PER_MINUTE: '1000', STARTING_COINS: String(STARTING_COINS) } });
    });
    after(async () => t.cleanup());

    const balancesOf = async (players: Player[]): Promise<Map<string, number>> => {
      const rows = await t.server.platform.db.selectFrom('coin_balances').select(['user_id', 'balance']).where('user_id', 'in', players.map((player) => player.userId)).execute();
      return new Map(rows.map((row) => [row.user_id, row.balance]));
    };
    const dealEntries = (game: FinishedGame) =>
      t.server.platform.db
        .selectFrom('coin_ledger')
        .select(['user_id', 'amount', 'idempotency_key', 'balance_after'])
        .where('idempotency_key', 'like', `deal:${game.gameId}:%`)
        .orderBy('idempotency_key')
        .execute();

    test('each deal moves base_bet × rise from the losing team\'s people to the winning team\'s; bots neither pay nor receive', async () => {
      const players = await signUpGuests(t, 'Coin', 3);
      const game = playGame({ seed: 'coins-1', seats: [players[0], players[1], players[2], 'hard'], baseBet: 10, deals: 3 });
      const before = await balancesOf(players);
      assert.deepEqual([...before.values()], [STARTING_COINS, STARTING_COINS, STARTING_COINS]);
      await recordGame(t, game);

      const expected = expectedBalances(game, before);
      assert.deepEqual(await balancesOf(players), expected);
      assert.notDeepEqual(expected, before, 'coins moved');
      const entries = await dealEntries(game);
      const wanted = game.deals.flatMap((deal) =>
        players.map((player, seat) => ({
          user_id: player.userId,
          amount: (teamOf(seat as 0 | 1 | 2) === deal.team ? 1 : -1) * 10 * deal.rise,
          idempotency_key: `deal:${game.gameId}:${deal.number}:${player.userId}`,
        })),
      );
      assert.deepEqual(
        entries.map(({ balance_after: _balance, ...entry }) => entry),
        wanted.sort((a, b) => (a.idempotency_key < b.idempotency_key ? -1 : 1)),
      );

      await redeliver(t, game);
      assert.deepEqual(await balancesOf(players), expected, 'a redelivered event pays nothing twice');
      assert.equal((await dealEntries(game)).length, entries.length);
    });

    test('a loser pays what they hold and never goes below zero', async () => {
      const players = await signUpGuests(t, 'Short', 4);
      await applyLedgerEntry(t.server.platform.db, { userId: players[0].userId, amount: -(STARTING_COINS - 5), reason: 'test: spend', idempotencyKey: `test:${players[0].userId}` });
      // Team 0 (players 0 and 2) loses the first deal, whose stake is above what player 0 holds.
      const game = findGame('coins-short', { seats: players, baseBet: 100, deals: 2 }, (candidate) => candidate.deals[0].team === 1);
      const before = await balancesOf(players);
      await recordGame(t, game);

      const after = await balancesOf(players);
      assert.deepEqual(after, expectedBalances(game, before));
      const entries = await dealEntries(game);
      const firstLoss = entries.find((entry) => entry.idempotency_key === `deal:${game.gameId}:1:${players[0].userId}`);
      assert.deepEqual(firstLoss && { amount: firstLoss.amount, balance_after: firstLoss.balance_after }, { amount: -5, balance_after: 0 });
      const partnerLoss = entries.find((entry) => entry.idempotency_key === `deal:${game.gameId}:1:${players[2].userId}`);
      assert.equal(partnerLoss?.amount, -100 * game.deals[0].rise);
      assert.ok(entries.every((entry) => entry.balance_after >= 0));
      assert.ok([...after.values()].every((balance) => balance >= 0));
    });

    test('a game without a base bet moves no coins', async () => {
      const players = await signUpGuests(t, 'Free', 4);
      const game = playGame({ seed: 'coins-free', seats: players, baseBet: 0, deals: 1 });
      await recordGame(t, game);
      assert.deepEqual(await dealEntries(game), []);
      assert.deepEqual([...(await balancesOf(players)).values()], [STARTING_COINS, STARTING_COINS, STARTING_COINS, STARTING_COINS]);
    });

    test("GET /coins/balance and /coins/ledger answer the caller's coins, entries newest first, a page at a time", async () => {
      const players = await signUpGuests(t, 'Ledger', 4);
      const game = playGame({ seed: 'coins-ledger', seats: players, baseBet: 5, deals: 2 });
      await recordGame(t, game);
      const [player] = players;

      const balance = await getJson<{ balance: number }>(t, '/coins/balance', player);
      assert.deepEqual(balance, { status: 200, body: { balance: (await balancesOf([player])).get(player.userId) } });

      const all = await getJson<unknown[]>(t, '/coins/ledger?limit=100', player);
      assert.equal(all.status, 200);
      const entries: LedgerEntry[] = all.body.map((entry) => LedgerEntrySchema.parse(entry));
      assert.equal(entries.length, 1 + game.deals.length);
      const grant = entries.at(-1);
      assert.deepEqual([grant?.amount, grant?.reason, grant?.balance_after], [STARTING_COINS, 'starting grant', STARTING_COINS]);
      assert.ok(entries.every((entry, index) => index === 0 || entry.created_at <= entries[index - 1].created_at));
      assert.equal(entries.reduce((sum, entry) => sum + entry.amount, 0), balance.body.balance, 'the ledger explains the balance');

      const firstPage = await getJson<LedgerEntry[]>(t, '/coins/ledger?page=1&limit=2', player);
      const secondPage = await getJson<LedgerEntry[]>(t, '/coins/ledger?page=2&limit=2', player);
      assert.deepEqual([...firstPage.body, ...secondPage.body].map((entry) => entry.entry_id), entries.map((entry) => entry.entry_id));
      assert.equal((await getJson(t, '/coins/balance')).status, 401);
      assert.equal((await getJson(t, '/coins/ledger')).status, 401);
    });
  });
}
