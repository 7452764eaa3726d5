import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { AnticheatRunSchema, ModerationCaseSchema, pageOf } from '@guandan/protocol';
import { z } from 'zod';
import { call, expectOk } from './support/accounts.js';
import { playGame, recordGame, signUpGuests } from './support/finished-games.js';
import { startTestServer, type TestServer } from './support/server.js';
import { firstAdmin, type Staff, staffMember } from './support/staff.js';
import { eventually } from './support/table-play.js';

const CasesPage = pageOf(ModerationCaseSchema);
/** A game every 25 minutes, round the clock: more games in a day, and longer without a rest, than a person plays. */
const FARMED_GAMES = 58;
const FARMING_EVERY_MS = 25 * 60_000;

describe('the anti-cheat over the platform\'s own games', () => {
  let t: TestServer;
  let operator: Staff;
  let farmerId: string;
  let honestIds: string[];
  before(async () => {
    t = await startTestServer({ env: { AUTH_RATE_LIMIT_PER_MINUTE: '100000' } });
    const admin: Staff = await firstAdmin(t);
    operator = await staffMember(t, admin, 'operator');
    const [farmer, ...honest] = await signUpGuests(t, 'ac', 4);
    farmerId = farmer.userId;
    honestIds = honest.map((player) => player.userId);
    const now = Date.now();
    for (let index = 0; index < FARMED_GAMES; index++) {
      const endedAt = new Date(now - 60_000 - index * FARMING_EVERY_MS).toISOString();
      await recordGame(t, playGame({ seed: `farm-${index}`, seats: [farmer, 'normal', 'normal', 'normal'], endedAt }));
    }
    for (let index = 0; index < 3; index++) {
      const endedAt = new Date(now - (index + 1) * 3 * 3_600_000).toISOString();
      await recordGame(t, playGame({ seed: `evening-${index}`, seats: [honest[0], honest[1], honest[2], 'normal'], endedAt }));
    }
    const { db } = t.server.platform;
    await eventually(
      'the rewards of every game',
      async () => (await db.selectFrom('processed_events').select((eb) => eb.fn.countAll<number | string>().as('n')).where('consumer', '=', 'play-rewards').executeTakeFirstOrThrow()).n,
      (n) => Number(n) >= FARMED_GAMES + 3,
      30_000,
    );
  });
  after(async () => t.cleanup());

  test('a run reads the recent games and opens a case for the farmer only, once however often it runs', async () => {
    const run = expectOk(await call(t, 'POST', '/admin/anticheat/runs', { token: operator.session.jwt }), AnticheatRunSchema, 201);
    assert.equal(run.error, null);
    assert.equal(run.games, FARMED_GAMES + 3);
    assert.equal(run.accounts, 4);
    assert.ok(run.cases_opened >= 1, JSON.stringify(run));

    const cases = expectOk(await call(t, 'GET', '/admin/cases?source=anticheat', { token: operator.session.jwt }), CasesPage).items;
    const farming = cases.find((item) => item.category === 'reward-farming');
    assert.ok(farming !== undefined, JSON.stringify(cases.map((item) => item.category)));
    assert.deepEqual(farming.subject_ids, [farmerId]);
    assert.ok((farming.score ?? 0) >= 0.5);
    assert.equal(farming.status, 'open');
    for (const honestId of honestIds) assert.ok(!cases.some((item) => item.subject_ids.includes(honestId)), `honest ${honestId} flagged`);

    const again = expectOk(await call(t, 'POST', '/admin/anticheat/runs', { token: operator.session.jwt }), AnticheatRunSchema, 201);
    assert.equal(again.signals, run.signals);
    assert.equal(again.cases_opened, 0, 'the same signal in the same week opens no second case');
    const runs = expectOk(await call(t, 'GET', '/admin/anticheat/runs', { token: operator.session.jwt }), z.array(AnticheatRunSchema));
    assert.deepEqual(runs.map((listed) => listed.run_id), [again.run_id, run.run_id]);
  });
});
