import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type Rating, RankingEntrySchema, type RankingEntry } from '@guandan/protocol';
import type { FinishedGame } from '../src/records/finished-game.js';
import { isoWeekOf, monthOf } from '../src/platform/calendar.js';
import { boardsFor } from '../src/ranking/windows.js';
import { findGame, getJson, type Player, playGame, recordGame, redeliver, signUpGuests } from './support/finished-games.js';
import { skipWithoutPostgres, startTestServer, type StoreKind, type TestServer } from './support/server.js';

/** The Elo change written out independently of elo.ts: K = 32, 400-point logistic scale. */
const expectedChange = (team: number, opponents: number, score: number): number => 32 * (score - 1 / (1 + 10 ** ((opponents - team) / 400)));

/** Score written out independently of teamScore: 10 per level of the deals the team won, 30 for winning. */
const expectedScore = (game: FinishedGame, team: number): number =>
  game.deals.filter((deal) => deal.team === team).reduce((sum, deal) => sum + 10 * deal.rise, 0) + (game.winningTeam === team ? 30 : 0);

describe('ranking windows', () => {
  test('ISO weeks belong to the year of their Thursday, in UTC', () => {
    assert.equal(isoWeekOf(new Date('2026-11-26T12:00:00Z')), '2026-W48');
    assert.equal(isoWeekOf(new Date('2021-01-03T23:59:59Z')), '2020-W53');
    assert.equal(isoWeekOf(new Date('2025-12-29T00:30:00Z')), '2026-W01');
    assert.equal(isoWeekOf(new Date('2026-12-31T10:00:00Z')), '2026-W53');
    assert.equal(isoWeekOf(new Date('2024-01-01T00:00:00Z')), '2024-W01');
  });

  test('a game counts on the global board and on the week and month of its end, in UTC', () => {
    assert.deepEqual(boardsFor('2025-12-31T23:30:00-02:00'), ['global', 'weekly:2026-W01', 'monthly:2026-01']);
    assert.equal(monthOf(new Date('2026-02-28T23:59:59.999Z')), '2026-02');
  });
});

for (const store of ['sqlite', 'postgres'] as StoreKind[]) {
  describe(`ratings, stats and leaderboards (${store})`, { skip: store === 'postgres' && (await skipWithoutPostgres()) }, () => {
    let t: TestServer;
    before(async () => {
      t = await startTestServer({ store, env: { AUTH_RATE_LIMIT_PER_MINUTE: '1000' } });
    });
    after(async () => t.cleanup());

    const ratingsOf = async (players: Player[]): Promise<number[]> => {
      const answers = await Promise.all(players.map((player) => getJson<Rating>(t, '/ranking/rating/me', player)));
      return answers.map((answer) => answer.body.rating);
    };
    const userRow = (player: Player) =>
      t.server.platform.db.selectFrom('users').select(['total_wins', 'total_losses', 'total_score']).where('id', '=', player.userId).executeTakeFirstOrThrow();
    const board = async (path: string): Promise<RankingEntry[]> => {
      const answer = await getJson<unknown[]>(t, path);
      assert.equal(answer.status, 200, path);
      return answer.body.map((entry) => RankingEntrySchema.parse(entry));
    };

    test('a ranked game between two all-human teams moves ratings by K × (S − E), and the changes sum to zero', async () => {
      const [p0, p1, p2, p3, p4, p5] = await signUpGuests(t, 'Elo', 6);
      assert.deepEqual(await getJson(t, '/ranking/rating/me', p0), { status: 200, body: { user_id: p0.userId, rating: 1500, games: 0 } });

      const first = playGame({ seed: 'elo-1', seats: [p0, p1, p2, p3], gameMode: 'ranked', deals: 1 });
      await recordGame(t, first);
      const winners = first.winningTeam === 0 ? [p0, p2] : [p1, p3];
      const losers = first.winningTeam === 0 ? [p1, p3] : [p0, p2];
      assert.deepEqual(await ratingsOf([...winners, ...losers]), [1516, 1516, 1484, 1484]);

      // Unequal teams: p0 and p1 are rated now, p4 and p5 are new.
      const before = await ratingsOf([p0, p1, p4, p5]);
      const second = playGame({ seed: 'elo-2', seats: [p0, p1, p4, p5], gameMode: 'ranked', deals: 1 });
      await recordGame(t, second);
      const after = await ratingsOf([p0, p1, p4, p5]);
      const team0 = (before[0] + before[2]) / 2;
      const team1 = (before[1] + before[3]) / 2;
      const change0 = expectedChange(team0, team1, second.winningTeam === 0 ? 1 : 0);
      const change1 = expectedChange(team1, team0, second.winningTeam === 1 ? 1 : 0);
      assert.notEqual(Math.abs(change0), 16, 'the teams were unequal');
      const changes = after.map((rating, index) => rating - before[index]);
      [change0, change1, change0, change1].forEach((change, index) => assert.ok(Math.abs(changes[index] - change) < 1e-9, `seat ${index}: ${changes[index]} vs ${change}`));
      assert.ok(Math.abs(changes.reduce((sum, change) => sum + change, 0)) < 1e-9);
      assert.equal((await getJson<Rating>(t, '/ranking/rating/me', p0)).body.games, 2);

      await redeliver(t, second);
      assert.deepEqual(await ratingsOf([p0, p1, p4, p5]), after, 'a redelivered event changes nothing');
    });

    test('a drawn ranked game scores 0.5 for each team', async () => {
      const players = await signUpGuests(t, 'Draw', 4);
      const [p0, , p2] = players;
      await recordGame(t, playGame({ seed: 'elo-draw-setup', seats: [p0, 'normal', p2, 'normal'], gameMode: 'ranked', deals: 1 }));
      const before = await ratingsOf(players);
      assert.notEqual(before[0], 1500, 'team 0 starts rated apart from team 1');
      const draw = findGame('elo-draw', { seats: players, gameMode: 'ranked', deals: 2 }, (game) => game.winningTeam === null);
      await recordGame(t, draw);
      const after = await ratingsOf(players);
      const change0 = expectedChange(before[0], 1500, 0.5);
      assert.ok(Math.abs(after[0] - before[0] - change0) < 1e-9);
      assert.ok(Math.abs(after[1] - 1500 + change0) < 1e-9);
      assert.deepEqual([after[2], after[3]], [after[0], after[1]]);
    });

    test('bots play at a fixed rating for their level and only people are rated', async () => {
      const [p0, p1] = await signUpGuests(t, 'BotElo', 2);
      const game = playGame({ seed: 'elo-bots', seats: [p0, 'hard', p1, 'random'], gameMode: 'ranked', deals: 1 });
      await recordGame(t, game);
      const change = expectedChange(1500, (1700 + 1000) / 2, game.winningTeam === 0 ? 1 : 0);
      assert.deepEqual(await ratingsOf([p0, p1]), [1500 + change, 1500 + change]);
      const rows = await t.server.platform.db.selectFrom('ratings').select('user_id').where('user_id', 'in', [p0.userId, p1.userId]).execute();
      assert.equal(rows.length, 2);
    });

    test('games that are not ranked leave ratings alone', async () => {
      const players = await signUpGuests(t, 'Casual', 4);
      await recordGame(t, playGame({ seed: 'casual-1', seats: players, gameMode: 'quick_match', deals: 1 }));
      await recordGame(t, playGame({ seed: 'casual-2', seats: players, gameMode: 'custom', deals: 1 }));
      assert.deepEqual(await ratingsOf(players), [1500, 1500, 1500, 1500]);
      assert.equal((await getJson<Rating>(t, '/ranking/rating/me', players[0])).body.games, 0);
      assert.equal((await getJson(t, '/ranking/rating/me')).status, 401);
    });

    test('a ranked game an operator ended before its match was over moves no rating', async () => {
      const players = await signUpGuests(t, 'Ended', 4);
      const played = playGame({ seed: 'ended-1', seats: players, gameMode: 'ranked', deals: 3 });
      const operator = { userId: players[0].userId, name: 'an operator' };
      await recordGame(t, { ...played, deals: played.deals.slice(0, 2), winningTeam: null, endedEarly: { reason: 'stuck', operator } });
      assert.deepEqual(await ratingsOf(players), [1500, 1500, 1500, 1500]);
      assert.equal((await getJson<Rating>(t, '/ranking/rating/me', players[0])).body.games, 0);
      await recordGame(t, { ...playGame({ seed: 'ended-2', seats: players, gameMode: 'ranked', deals: 1 }) });
      assert.notDeepEqual(await ratingsOf(players), [1500, 1500, 1500, 1500], 'the same players\' finished ranked game does move them');
    });

    test('user stats count wins, losses and the game score; a draw is neither a win nor a loss', async () => {
      const players = await signUpGuests(t, 'Stats', 4);
      const decided = playGame({ seed: 'stats-1', seats: players, deals: 2 });
      assert.notEqual(decided.winningTeam, null);
      const draw = findGame('stats-draw', { seats: players, deals: 2 }, (game) => game.winningTeam === null);
      await recordGame(t, decided);
      await recordGame(t, draw);
      await redeliver(t, decided);
      for (const [seat, player] of players.entries()) {
        const team = seat % 2;
        const won = decided.winningTeam === team;
        assert.deepEqual(await userRow(player), {
          total_wins: won ? 1 : 0,
          total_losses: won ? 0 : 1,
          total_score: expectedScore(decided, team) + expectedScore(draw, team),
        });
      }
      assert.ok(expectedScore(decided, decided.winningTeam ?? 0) >= 40, 'a winner scores its levels and the win');
    });

    test('every game counts on the global board and on the boards of its week and month, past windows included', async () => {
      const players = await signUpGuests(t, 'Board', 4);
      const now = playGame({ seed: 'board-now', seats: players, deals: 1 });
      const past = playGame({ seed: 'board-past', seats: players, deals: 1, endedAt: '2025-12-29T00:30:00.000Z' });
      await recordGame(t, now);
      await recordGame(t, past);
      await redeliver(t, past);

      const entryOf = (entries: RankingEntry[], player: Player) => {
        const entry = entries.find((candidate) => candidate.user_id === player.userId);
        return entry === undefined ? undefined : { username: entry.username, score: entry.score, wins: entry.wins };
      };
      const expected = (games: FinishedGame[], seat: number) => ({
        username: players[seat].username,
        score: games.reduce((sum, game) => sum + expectedScore(game, seat % 2), 0),
        wins: games.filter((game) => game.winningTeam === seat % 2).length,
      });
      const global = await board('/ranking/global?limit=100');
      const weekly = await board('/ranking/weekly');
      const monthly = await board('/ranking/monthly');
      const pastWeek = await board('/ranking/weekly?period=2026-W01');
      const pastMonth = await board('/ranking/monthly?period=2025-12');
      for (const seat of [0, 1, 2, 3]) {
        assert.deepEqual(entryOf(global, players[seat]), expected([now, past], seat));
        assert.deepEqual(entryOf(weekly, players[seat]), expected([now], seat));
        assert.deepEqual(entryOf(monthly, players[seat]), expected([now], seat));
        assert.deepEqual(entryOf(pastWeek, players[seat]), expected([past], seat));
        assert.deepEqual(entryOf(pastMonth, players[seat]), expected([past], seat));
      }
      const stored = await t.server.platform.db
        .selectFrom('leaderboard')
        .select(['games', 'updated_at'])
        .where('user_id', '=', players[0].userId)
        .where('board', '=', 'global')
        .executeTakeFirstOrThrow();
      assert.deepEqual(stored, { games: 2, updated_at: now.endedAt }, 'the game recorded last ended first: the entry keeps the later end');
      assert.deepEqual(await board('/ranking/weekly?period=2025-W52'), []);
    });

    test('boards rank by score, then wins, then the earlier update; ranks run on across pages; around-me shows the neighbours', async () => {
      const users = await signUpGuests(t, 'Order', 7);
      const period = '2001-W05';
      const byId = (a: Player, b: Player): number => (a.userId < b.userId ? -1 : 1);
      // Each tie-break goes against the ones after it: the earlier update has the larger user id, and so on.
      const [lowId, highId] = [users[1], users[2]].sort(byId);
      const [tieFirst, tieSecond] = [users[0], users[5]].sort(byId);
      const rows = [
        { user: tieFirst, score: 100, wins: 1, updated_at: '2001-01-30T01:00:00.000Z' },
        { user: lowId, score: 100, wins: 3, updated_at: '2001-01-30T05:00:00.000Z' },
        { user: highId, score: 100, wins: 3, updated_at: '2001-01-30T02:00:00.000Z' },
        { user: users[3], score: 200, wins: 0, updated_at: '2001-01-30T09:00:00.000Z' },
        { user: users[4], score: 50, wins: 9, updated_at: '2001-01-30T00:00:00.000Z' },
        { user: tieSecond, score: 100, wins: 1, updated_at: '2001-01-30T01:00:00.000Z' },
      ];
      await t.server.platform.db
        .insertInto('leaderboard')
        .values(rows.map((row) => ({ board: `weekly:${period}`, user_id: row.user.userId, score: row.score, wins: row.wins, games: 9, updated_at: row.updated_at })))
        .execute();
      const order = [users[3], highId, lowId, tieFirst, tieSecond, users[4]];

      const pages = [];
      for (const page of [1, 2, 3, 4]) pages.push(await board(`/ranking/weekly?period=${period}&page=${page}&limit=2`));
      assert.deepEqual(
        pages.map((entries) => entries.map((entry) => [entry.rank, entry.user_id])),
        [[[1, order[0].userId], [2, order[1].userId]], [[3, order[2].userId], [4, order[3].userId]], [[5, order[4].userId], [6, order[5].userId]], []],
      );
      assert.equal(pages[0][0].username, users[3].username);

      const around = async (player: Player, span: number) => {
        const answer = await getJson<RankingEntry[]>(t, `/ranking/weekly/around-me?period=${period}&span=${span}`, player);
        assert.equal(answer.status, 200);
        return answer.body.map((entry) => [entry.rank, entry.user_id]);
      };
      assert.deepEqual(await around(tieFirst, 1), [[3, lowId.userId], [4, tieFirst.userId], [5, tieSecond.userId]]);
      assert.deepEqual(await around(users[3], 2), [[1, users[3].userId], [2, highId.userId], [3, lowId.userId]]);
      assert.deepEqual(await around(lowId, 1), [[2, highId.userId], [3, lowId.userId], [4, tieFirst.userId]]);
      assert.deepEqual(await around(users[4], 1), [[5, tieSecond.userId], [6, users[4].userId]]);
      assert.deepEqual(await around(users[6], 3), [], 'a user who is not on the board has no neighbours');
      assert.equal((await getJson(t, `/ranking/weekly/around-me?period=${period}`)).status, 401);
    });

    test('a period that does not exist or does not fit the board is refused', async () => {
      for (const path of ['/ranking/weekly?period=2026-11', '/ranking/monthly?period=2026-W10', '/ranking/monthly?period=2026-13', '/ranking/weekly?period=2025-W53', '/ranking/weekly?period=2026-W00', '/ranking/global?period=2026-11', '/ranking/yearly']) {
        const answer = await getJson<{ error: { code: string } }>(t, path);
        assert.equal(answer.status, 400, path);
        assert.equal(answer.body.error.code, 'BAD_REQUEST', path);
      }
      assert.equal((await getJson(t, '/ranking/weekly?period=2026-W53')).status, 200);
    });
  });
}
