import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { applyAction, replayMatch, type Rules, startMatch } from '@guandan/engine';
import { GameRecordSchema, ReplaySchema } from '@guandan/protocol';
import { openDatabase } from '../src/platform/db/database.js';
import { unitOfWork } from '../src/platform/db/unit-of-work.js';
import { recordFinishedGame } from '../src/records/record-store.js';
import { getJson, type Player, playGame, recordGame, signUpGuests } from './support/finished-games.js';
import { freshPostgresDatabase, skipWithoutPostgres, startTestServer, type StoreKind, type TestServer } from './support/server.js';

const testEnv = { AUTH_RATE_LIMIT_PER_MINUTE: '1000' };

for (const store of ['sqlite', 'postgres'] as StoreKind[]) {
  describe(`game records (${store})`, { skip: store === 'postgres' && (await skipWithoutPostgres()) }, () => {
    let t: TestServer;
    let players: Player[];
    before(async () => {
      t = await startTestServer({ store, env: testEnv });
      players = await signUpGuests(t, 'Rec', 4);
    });
    after(async () => t.cleanup());

    test('a finished game writes its record, one row per person and one GameEnded outbox row, once', async () => {
      const [a, b, c] = players;
      const game = playGame({ seed: 'records-1', seats: [a, b, c, 'hard'] });
      const { db } = t.server.platform;
      await db.transaction().execute((trx) => recordFinishedGame(unitOfWork(trx), game));
      await db.transaction().execute((trx) => recordFinishedGame(unitOfWork(trx), game));

      const records = await db.selectFrom('game_records').selectAll().where('id', '=', game.gameId).execute();
      assert.equal(records.length, 1);
      assert.equal(records[0].seed, 'records-1');
      assert.deepEqual(JSON.parse(records[0].actions), game.actions);
      assert.deepEqual(JSON.parse(records[0].rules), game.rules);
      const record = GameRecordSchema.parse(JSON.parse(records[0].record));
      assert.deepEqual(
        record.players.map((player) => [player.seat, player.user_id, player.is_bot, player.team]),
        [[0, a.userId, false, 0], [1, b.userId, false, 1], [2, c.userId, false, 0], [3, null, true, 1]],
      );
      assert.equal(record.winning_team, game.winningTeam);
      assert.deepEqual(record.deals.map((deal) => [deal.number, deal.winning_team, deal.rise]), game.deals.map((deal) => [deal.number, deal.team, deal.rise]));
      assert.equal(record.duration_ms, 600_000);

      const participants = await db.selectFrom('game_participants').selectAll().where('game_id', '=', game.gameId).orderBy('seat').execute();
      assert.deepEqual(
        participants.map((row) => [row.user_id, row.seat, row.team, row.won]),
        [a, b, c].map((player, seat) => [player.userId, seat, seat % 2, seat % 2 === game.winningTeam ? 1 : 0]),
      );

      const outbox = await db.selectFrom('outbox').selectAll().where('id', '=', game.gameId).execute();
      assert.equal(outbox.length, 1);
      assert.equal(outbox[0].kind, 'GameEnded');
      const payload = JSON.parse(outbox[0].payload) as Record<string, unknown>;
      assert.equal(payload.gameId, game.gameId);
      assert.deepEqual(payload.deals, game.deals);
      assert.equal('actions' in payload, false, 'the event leaves the action log in the record');
    });

    test("GET /game/records lists the caller's games, newest first, a page at a time", async () => {
      const [, , , d] = players;
      const others = await signUpGuests(t, 'Other', 3);
      const endTimes = ['2026-03-01T10:00:00.000Z', '2026-03-03T10:00:00.000Z', '2026-03-02T10:00:00.000Z'];
      const games = endTimes.map((endedAt, index) => playGame({ seed: `records-list-${index}`, seats: [d, ...others], endedAt }));
      for (const game of games) await recordGame(t, game);

      const first = await getJson<unknown[]>(t, '/game/records?page=1&limit=2', d);
      assert.equal(first.status, 200);
      const firstPage = first.body.map((record) => GameRecordSchema.parse(record));
      assert.deepEqual(firstPage.map((record) => record.game_id), [games[1].gameId, games[2].gameId]);
      const second = await getJson<unknown[]>(t, '/game/records?page=2&limit=2', d);
      assert.deepEqual(second.body.map((record) => GameRecordSchema.parse(record).game_id), [games[0].gameId]);

      const stranger = (await signUpGuests(t, 'Stranger', 1))[0];
      assert.deepEqual((await getJson<unknown[]>(t, '/game/records', stranger)).body, []);
      assert.equal((await getJson(t, '/game/records')).status, 401);
    });

    test('GET /game/records/:gameId answers one game to any signed-in user, and NOT_FOUND for an unknown one', async () => {
      const [a, b, c, d] = players;
      const game = playGame({ seed: 'records-one', seats: [a, b, c, d] });
      await recordGame(t, game);
      const stranger = (await signUpGuests(t, 'Viewer', 1))[0];
      const answer = await getJson<unknown>(t, `/game/records/${game.gameId}`, stranger);
      assert.equal(answer.status, 200);
      assert.equal(GameRecordSchema.parse(answer.body).game_id, game.gameId);
      const missing = await getJson<{ error: { code: string } }>(t, `/game/records/${crypto.randomUUID()}`, stranger);
      assert.equal(missing.status, 404);
      assert.equal(missing.body.error.code, 'NOT_FOUND');
      assert.equal((await getJson(t, '/game/records/not-a-uuid', stranger)).status, 400);
    });

    test('a replay reveals every hand as dealt and rebuilds the game with the engine', async () => {
      const [a, b, , d] = players;
      const game = playGame({ seed: 'records-replay', seats: [a, b, 'easy', d], deals: 3 });
      await recordGame(t, game);
      const viewer = (await signUpGuests(t, 'Watcher', 1))[0];
      const answer = await getJson<unknown>(t, `/game/records/${game.gameId}/replay`, viewer);
      assert.equal(answer.status, 200);
      const replay = ReplaySchema.parse(answer.body);

      assert.equal(replay.actions.length, game.actions.length);
      const rebuilt = replayMatch({ seed: replay.seed, rules: replay.rules as Partial<Rules> }, game.actions);
      assert.equal(rebuilt.phase, 'over');
      assert.deepEqual(rebuilt.levels, replay.record.deals.at(-1)?.levels);
      assert.equal(rebuilt.winner, replay.record.winning_team);

      assert.deepEqual(replay.deals.map((deal) => deal.number), [1, 2, 3]);
      assert.equal(replay.deals[0].first_action, 0);
      assert.deepEqual(replay.deals[0].hands, startMatch({ seed: game.seed, rules: game.rules }).state.deal.hands);
      for (const deal of replay.deals) {
        assert.deepEqual(deal.hands.map((hand) => hand.length), [27, 27, 27, 27]);
        // The actions before the deal's first action leave the engine at the start of that deal with those hands.
        let state = startMatch({ seed: game.seed, rules: game.rules }).state;
        for (const action of game.actions.slice(0, deal.first_action)) state = applyAction(state, action).state;
        assert.equal(state.deal.number, deal.number);
        assert.equal(state.deal.log.length, 0);
        assert.deepEqual(state.deal.hands, deal.hands);
      }
    });

    test('a game recorded while the server was down is published when it starts again', async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'guandan-records-'));
      const fresh = store === 'postgres' ? await freshPostgresDatabase() : null;
      const options = { store, env: testEnv, dataDir, ...(fresh === null ? {} : { databaseUrl: fresh.url }) };
      try {
        const first = await startTestServer(options);
        const [a, b, c, d] = await signUpGuests(first, 'Crash', 4);
        await first.close();

        // One deal always has a winner: both a (team 0) and b (team 1) get a win or a loss.
        const game = playGame({ seed: 'records-crash', seats: [a, b, c, d], deals: 1 });
        const database = fresh === null ? { kind: 'sqlite' as const, file: join(dataDir, 'guandan.sqlite') } : { kind: 'postgres' as const, url: fresh.url };
        const db = await openDatabase(database);
        await db.transaction().execute((trx) => recordFinishedGame(unitOfWork(trx), game));
        await db.destroy();

        const second = await startTestServer(options);
        try {
          const row = await second.server.platform.db.selectFrom('outbox').select('published_at').where('id', '=', game.gameId).executeTakeFirstOrThrow();
          assert.notEqual(row.published_at, null);
          const games = await second.server.platform.db.selectFrom('users').select(['id', 'total_wins', 'total_losses']).where('id', 'in', [a.userId, b.userId]).execute();
          assert.equal(games.reduce((sum, user) => sum + user.total_wins + user.total_losses, 0), 2);
        } finally {
          await second.close();
        }
      } finally {
        await fresh?.drop();
        rmSync(dataDir, { recursive: true, force: true });
      }
    });
  });
}
