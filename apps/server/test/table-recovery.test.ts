import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { autoPlay } from '@guandan/bots';
import fc from 'fast-check';
import { TableHarness } from './support/table-harness.js';

/** Something that happens to a table: time passing, or one of its people doing something. */
type Step =
  | { kind: 'wait'; ms: number }
  | { kind: 'act'; person: number }
  | { kind: 'autoPlay'; person: number; on: boolean }
  | { kind: 'chat'; person: number }
  | { kind: 'away'; person: number; online: boolean }
  | { kind: 'quit'; person: number }
  | { kind: 'end' };

const person = fc.integer({ min: 0, max: 1 });
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('wait' as const), ms: fc.integer({ min: 0, max: 25_000 }) }) },
  // Long enough for deals to end (snapshots are taken there, and recovery replays from them).
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('wait' as const), ms: fc.integer({ min: 60_000, max: 600_000 }) }) },
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('act' as const), person }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('autoPlay' as const), person, on: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('chat' as const), person }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('away' as const), person, online: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('quit' as const), person }) },
);

/** The steps, with an operator ending the table somewhere among them in about a third of the runs. */
const scenarios: fc.Arbitrary<Step[]> = fc
  .tuple(fc.array(step, { minLength: 5, maxLength: 60 }), fc.oneof({ weight: 2, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.nat({ max: 60 }) }))
  .map(([played, endAt]) => (endAt === null ? played : [...played.slice(0, endAt), { kind: 'end' as const }, ...played.slice(endAt)]));

const OPERATOR = { userId: crypto.randomUUID(), name: 'operator' };

describe('recovery: a table rebuilt from its last snapshot and the events after it', () => {
  let h: TableHarness;
  before(async () => {
    h = await TableHarness.start({ BOT_DELAY_MS: '800', DISCONNECT_GRACE_MS: '3000', DEAL_BREAK_MS: '4000' });
  });
  after(() => h.close());

  test('equals the live table, whatever was played, timed out, handed to 托管, said, quit or ended (property)', async () => {
    let fromLaterSnapshot = 0;
    let ended = 0;
    await fc.assert(
      fc.asyncProperty(scenarios, async (steps) => {
        const people = [crypto.randomUUID(), crypto.randomUUID()];
        const gameId = await h.table([{ userId: people[0] }, { botLevel: 'random' }, { userId: people[1] }, { botLevel: 'normal' }], {
          timers: { tribute: 5, return: 5, firstLead: 5, play: 5 },
        });
        for (const next of steps) {
          const userId = 'person' in next ? people[next.person] : '';
          // A refused command (not their turn, quit already, chat too fast) changes nothing; the table goes on.
          const refusedIsFine = (): undefined => undefined;
          if (next.kind === 'wait') await h.clock.advance(next.ms);
          else if (next.kind === 'act') {
            const view = h.outbound.lastState(userId).payload.view;
            if (!view.actors.includes(view.seat)) continue;
            const action = autoPlay(view);
            if (action.kind === 'timeUp') continue;
            const { seat: _seat, ...move } = action;
            await h.tables.run({ op: 'act', userId, clientMsgId: crypto.randomUUID(), move }).catch(refusedIsFine);
          } else if (next.kind === 'autoPlay') await h.tables.run({ op: 'autoPlay', userId, on: next.on }).catch(refusedIsFine);
          else if (next.kind === 'chat') await h.tables.run({ op: 'chat', userId, clientMsgId: crypto.randomUUID(), content: { emoji: 'clap' } }).catch(refusedIsFine);
          else if (next.kind === 'quit') await h.tables.run({ op: 'quit', userId }).catch(refusedIsFine);
          else if (next.kind === 'end') {
            const before = h.tables.stateOf(gameId);
            const ending = h.tables.end({ op: 'end', gameId, operator: OPERATOR, reason: 'stuck table' });
            if (before === undefined) {
              await assert.rejects(ending, { code: 'CONFLICT' }, 'a game already over cannot be ended');
              continue;
            }
            await ending;
            ended++;
            assertEndedEarly(h, gameId, people, before.table.state.history.length);
          } else {
            if (next.online) h.outbound.online.add(userId);
            else h.outbound.online.delete(userId);
            h.tables.presenceChanged(userId, next.online);
          }
        }
        const live = h.tables.stateOf(gameId);
        const restarted = h.newService();
        try {
          await restarted.open(gameId);
          if (live === undefined) {
            const row = await h.db.selectFrom('game_tables').select('status').where('id', '=', gameId).executeTakeFirstOrThrow();
            assert.equal(row.status, 'finished', 'a table no longer live has finished');
            assert.equal(restarted.runs(gameId), false);
          } else assert.deepEqual(restarted.stateOf(gameId), live);
          const row = await h.db.selectFrom('game_tables').select('snapshot_seq').where('id', '=', gameId).executeTakeFirstOrThrow();
          if (row.snapshot_seq > 0 && live !== undefined && live.version > row.snapshot_seq) fromLaterSnapshot++;
        } finally {
          await restarted.stop();
          await h.tables.handOver(gameId);
        }
      }),
      { numRuns: 40 },
    );
    assert.ok(fromLaterSnapshot >= 3, `some tables were rebuilt from a snapshot taken during play and events after it (${fromLaterSnapshot})`);
    assert.ok(ended >= 3, `some tables were ended by an operator (${ended})`);
  });
});

/**
 * A table an operator ended: recorded with the deals completed before it and nobody winning, and everyone still
 * seated told why, once.
 */
function assertEndedEarly(h: TableHarness, gameId: string, people: string[], dealsCompleted: number): void {
  const records = h.finished.filter((game) => game.gameId === gameId);
  assert.equal(records.length, 1, 'the ended game is recorded once');
  const [record] = records;
  assert.equal(record.deals.length, dealsCompleted, 'only the completed deals are recorded');
  assert.equal(record.winningTeam, null);
  assert.deepEqual(record.endedEarly, { reason: 'stuck table', operator: OPERATOR });
  assert.equal(h.tables.runs(gameId), false);
  for (const userId of people) {
    const ends = h.outbound.of(userId, 'GAME_ENDED').filter((message) => message.payload.gameId === gameId);
    assert.ok(ends.length <= 1);
    if (ends.length === 1) assert.deepEqual(ends[0].payload.endedEarly, { reason: 'stuck table' });
  }
}
