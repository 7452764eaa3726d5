import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type GameRecord, GameRecordSchema, ReplaySchema } from '@guandan/protocol';
import { playCheckedGame } from './support/checked-game.js';
import { skipWithoutPostgres, startTestServer, type TestServer } from './support/server.js';
import { eventually, MANY_GUESTS } from './support/table-play.js';

describe('a whole table on PostgreSQL', { skip: await skipWithoutPostgres() }, () => {
  let t: TestServer;
  before(async () => {
    t = await startTestServer({ store: 'postgres', env: MANY_GUESTS });
  });
  after(async () => t.cleanup());

  test('four people play a custom game of two deals: it ends for all, and its record and replay hold it', async () => {
    const { players, roomId, gameId, ends, replay, rebuilt } = await playCheckedGame(t, 'pg');
    const final = rebuilt.states.at(-1);
    assert.equal(final?.phase, 'over');

    const record = GameRecordSchema.parse(await players[1].rest.call<GameRecord>('GET', `/game/records/${gameId}`));
    assert.equal(record.room_id, roomId);
    assert.equal(record.game_mode, 'custom');
    assert.deepEqual(record.players.map((player) => [player.seat, player.user_id, player.is_bot, player.team]), players.map((player, seat) => [seat, player.userId, false, seat % 2]));
    assert.equal(record.winning_team, ends[0].payload.winningTeam);
    assert.deepEqual(record.deals.map((deal) => deal.order), ends[0].payload.order);
    assert.deepEqual(record.deals.at(-1)?.levels, ends[0].payload.levels);

    ReplaySchema.parse(replay);
    assert.equal(replay.record.game_id, gameId);
    assert.deepEqual(replay.deals.map((deal) => deal.number), [1, 2]);
    assert.deepEqual(replay.deals[0].hands, rebuilt.states[0].deal.hands, 'the first deal as dealt');
    const second = replay.deals[1];
    assert.ok(second.first_action > 0 && second.first_action < replay.actions.length);
    assert.equal(rebuilt.states[second.first_action].deal.number, 2, "the second deal's first action is where it starts");
    assert.equal(rebuilt.states[second.first_action - 1].deal.number, 1);

    const row = await t.server.platform.db.selectFrom('game_tables').select(['status', 'snapshot_seq']).where('id', '=', gameId).executeTakeFirstOrThrow();
    assert.deepEqual([row.status, row.snapshot_seq], ['finished', replay.actions.length], 'the table is finished, its snapshot taken at its last action');
    assert.equal((await players[0].rest.room(roomId)).status, 'finished');
    for (const player of players) {
      assert.equal((await player.rest.records())[0]?.game_id, gameId);
      await eventually('totals', () => player.rest.me(), (user) => user.total_wins + user.total_losses === 1);
    }
  });
});
