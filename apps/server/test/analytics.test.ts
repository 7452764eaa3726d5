import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type AnalyticsReport, AnalyticsReportSchema } from '@guandan/protocol';
import { startMatch } from '@guandan/engine';
import { gameFactsOf } from '../src/analytics/game-facts.js';
import type { FinishedGame } from '../src/records/finished-game.js';
import { finishedGameOf } from '../src/tables/finished-table.js';
import { call, expectError, expectOk } from './support/accounts.js';
import { type Player, playGame, recordGame, redeliver, signUpGuests } from './support/finished-games.js';
import { skipWithoutPostgres, startTestServer, type StoreKind, type TestServer } from './support/server.js';
import { firstAdmin, type Staff, staffMember } from './support/staff.js';
import { eventually } from './support/table-play.js';
import { newWallet, walletSignIn } from './support/wallets.js';

const STARTING_COINS = 1000;
const DAY_MS = 86_400_000;
const postgresSkip = await skipWithoutPostgres();

const dayOf = (offset: number): string => new Date(Date.now() + offset * DAY_MS).toISOString().slice(0, 10);
const noonOf = (offset: number): string => `${dayOf(offset)}T12:00:00.000Z`;

test('a finished table tells who quit and who was on 托管; an event from before those fields counts neither', () => {
  const seats = (['li', 'wang', null, null] as const).map((userId, seat) => ({
    seat: seat as 0 | 1 | 2 | 3,
    userId,
    username: userId ?? 'bot',
    botLevel: userId === 'li' || userId === null ? ('normal' as const) : null,
    autoPlay: userId === 'wang',
    timeouts: 0,
    quit: userId === 'li',
  }));
  const table = { gameId: 'g', roomId: 'r', gameMode: 'custom' as const, baseBet: 0, replacementLevel: 'normal' as const, state: startMatch({ seed: 1 }).state, seats, deadline: null, startedAt: '2026-12-01T10:00:00.000Z' };
  const game = finishedGameOf(table, [], '2026-12-01T10:30:00.000Z');
  assert.deepEqual(game.seats.map((seat) => [seat.quit, seat.autoPlayed, seat.botLevel]), [[true, false, null], [false, true, null], [false, false, 'normal'], [false, false, 'normal']]);
  assert.deepEqual(gameFactsOf(game), { games: 1, deals: 0, humanSeats: 2, botSeats: 2, quitSeats: 1, autoPlaySeats: 1, matchMs: 1_800_000 });
  const older = { ...game, seats: game.seats.map(({ quit: _quit, autoPlayed: _autoPlayed, ...seat }) => seat) };
  assert.deepEqual(gameFactsOf(older), { games: 1, deals: 0, humanSeats: 2, botSeats: 2, quitSeats: 0, autoPlaySeats: 0, matchMs: 1_800_000 });
});

for (const store of ['sqlite', 'postgres'] satisfies StoreKind[]) describe(`analytics for operators on ${store}`, { skip: store === 'postgres' ? postgresSkip : false }, () => {
  let t: TestServer;
  let admin: Staff;
  let operator: Staff;
  let moderator: Staff;
  let players: Player[];
  let firstGame: FinishedGame;
  const today = dayOf(0);
  const tomorrow = dayOf(1);
  const report = async (query = `from=${today}&to=${tomorrow}`): Promise<AnalyticsReport> =>
    expectOk(await call(t, 'GET', `/admin/analytics?${query}`, { token: operator.session.jwt }), AnalyticsReportSchema);

  before(async () => {
    t = await startTestServer({ store, env: { STARTING_COINS: String(STARTING_COINS), AUTH_RATE_LIMIT_PER_MINUTE: '100000' } });
    admin = await firstAdmin(t);
    operator = await staffMember(t, admin, 'operator');
    moderator = await staffMember(t, admin, 'moderator');
    players = await signUpGuests(t, 'stats', 3);
    await walletSignIn(t, newWallet());
    const [a, b, c] = players;
    // today: a quits one game and b ends it on 托管; a second game in another mode, with coins at stake
    firstGame = playGame({ seed: 'analytics-1', seats: [a, b, 'normal', 'hard'], gameMode: 'quick_match', endedAt: noonOf(0) });
    firstGame.seats[0] = { ...firstGame.seats[0], quit: true };
    firstGame.seats[1] = { ...firstGame.seats[1], autoPlayed: true };
    await recordGame(t, firstGame);
    await recordGame(t, playGame({ seed: 'analytics-2', seats: [a, b, c, 'easy'], gameMode: 'custom', baseBet: 10, endedAt: noonOf(0) }));
    // tomorrow: a comes back for eight games against bots, ten in all
    for (let index = 0; index < 8; index++) await recordGame(t, playGame({ seed: `analytics-3-${index}`, seats: [a, 'normal', 'normal', 'normal'], deals: 1, endedAt: noonOf(1) }));
  });
  after(async () => t.cleanup());

  test('players, games per mode, seats and rates per day add up what the games were', async () => {
    const { db } = t.server.platform;
    const rewardedUsers = await db.selectFrom('rewards').select('user_id').distinct().execute();
    const answer = await eventually('every account and first reward rolled up', report, (r) => r.funnel.signed_up === 7 && r.funnel.first_reward === rewardedUsers.length);
    const [first, second] = answer.days;
    assert.deepEqual(answer.days.map((day) => day.day), [today, tomorrow]);
    assert.deepEqual([first.active_players, second.active_players], [3, 1]);
    assert.deepEqual([first.new_players, second.new_players], [7, 0], 'three staff, three guests and a wallet, all made today');
    assert.deepEqual([first.games, second.games], [2, 8]);
    assert.deepEqual(first.games_by_mode.map((mode) => [mode.game_mode, mode.games]).sort(), [['custom', 1], ['quick_match', 1]]);
    assert.equal(first.bot_seat_share, 3 / 8);
    assert.equal(second.bot_seat_share, 24 / 32);
    assert.equal(first.abandonment_rate, 1 / 5);
    assert.equal(first.auto_play_rate, 1 / 5);
    assert.equal(second.abandonment_rate, 0);
    assert.equal(first.average_match_ms, 600_000, 'playGame makes ten-minute games');
    assert.equal(first.average_deal_ms, (2 * 600_000) / first.deals);
    assert.deepEqual(answer.active, { daily: 1, weekly: 3, monthly: 3 });

    const rewardsToday = await db.selectFrom('rewards').select('amount_milli').where('day', '=', today).execute();
    assert.equal(first.play_rewarded_milli, rewardsToday.reduce((sum, reward) => sum + reward.amount_milli, 0));
    const settled = await db.selectFrom('coin_ledger').select('amount').where('reason', 'like', 'deal %').execute();
    assert.ok(settled.length > 0, 'the custom game was played for coins');
    assert.equal(first.coins_issued, 7 * STARTING_COINS + settled.filter((entry) => entry.amount > 0).reduce((sum, entry) => sum + entry.amount, 0));
    assert.equal(first.coins_spent, -settled.filter((entry) => entry.amount < 0).reduce((sum, entry) => sum + entry.amount, 0));
  });

  test('the funnel and the day-1 retention of the accounts made today', async () => {
    const answer = await report();
    assert.deepEqual({ ...answer.funnel, first_reward: 0 }, { signed_up: 7, first_game: 3, ten_games: 1, wallet_linked: 1, first_reward: 0 });
    assert.ok(answer.funnel.first_reward >= 1 && answer.funnel.first_reward <= 3);
    assert.deepEqual(answer.cohorts, [{ day: today, size: 7, day_1: 1 / 7, day_7: null, day_30: null }]);
    const todayOnly = await report(`from=${today}&to=${today}`);
    assert.equal(todayOnly.cohorts[0].day_1, null, 'day 1 is after the report ends');
  });

  test('a redelivered event changes nothing', async () => {
    const before = await report();
    await redeliver(t, firstGame);
    assert.deepEqual(await report(), before);
  });

  test('the last 30 days by default; bad ranges are refused; operators only', async () => {
    const answer = await report('');
    assert.equal(answer.to, today);
    assert.equal(answer.days.length, 30);
    const path = (query: string) => `/admin/analytics?${query}`;
    for (const query of ['from=2026-02-30', `from=${tomorrow}&to=${today}`, 'from=2020-01-01&to=2026-01-01', 'to=yesterday']) {
      expectError(await call(t, 'GET', path(query), { token: operator.session.jwt }), 400, 'BAD_REQUEST');
    }
    expectError(await call(t, 'GET', path(''), { token: moderator.session.jwt }), 403, 'FORBIDDEN');
  });
});
