import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { replayMatch } from '@guandan/engine';
import type { ServerMessage } from '@guandan/protocol';
import { playByHint } from '../tools/load/bot-client.js';
import { openDatabase } from '../src/platform/db/database.js';
import { SqlTableRepository } from '../src/tables/sql-table-repository.js';
import { recover } from '../src/tables/table-reducer.js';
import { freePort, killHard, startChildServer } from './support/child-server.js';
import { customTable } from './support/games.js';
import { closeAllPlayers, connectedPlayer, type TestPlayer } from './support/players.js';

const TABLES = 3;
const KILLS = 3;

/** Every action a player was told was accepted: the table, the seq and the client message id it answered. */
function acknowledged(player: TestPlayer): { gameId: string; seq: number; clientMsgId: string }[] {
  return player.received
    .filter((message): message is ServerMessage<'PLAYER_ACTION'> => message.type === 'PLAYER_ACTION' && message.payload.inReplyTo !== undefined)
    .map((message) => ({ gameId: message.messageId.split(':')[0], seq: message.seq, clientMsgId: message.payload.inReplyTo as string }));
}

describe('a crash while commits are grouped', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'guandan-group-crash-'));
  after(() => {
    closeAllPlayers();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('killed (SIGKILL) again and again while several tables commit together: every acknowledged action is in the log, every table is whole', async () => {
    const port = String(await freePort());
    const env = { PORT: port, DATA_DIR: dataDir, BOT_DELAY_MS: '0', DEAL_BREAK_MS: '0', DISCONNECT_GRACE_MS: '3000', HEARTBEAT_MS: '1000' };
    let server = await startChildServer(env);
    const address = { url: server.url, wsUrl: `ws://127.0.0.1:${port}/v4/realtime` };
    const players = await Promise.all(Array.from({ length: TABLES * 4 }, (_, index) => connectedPlayer(address, `grp${index}`)));
    for (const player of players) playByHint(player.realtime);
    for (let table = 0; table < TABLES; table++) await customTable(players.slice(table * 4, table * 4 + 4), 3);
    const acks = (): number => players.reduce((sum, player) => sum + acknowledged(player).length, 0);

    for (let kill = 1; kill <= KILLS; kill++) {
      // Every table plays at full speed, so the kill lands while one group of their events commits or the next forms.
      const target = acks() + 40;
      while (acks() < target) await sleep(20);
      await killHard(server.child);
      if (kill < KILLS) server = await startChildServer(env);
    }
    closeAllPlayers();

    const db = await openDatabase({ kind: 'sqlite', file: join(dataDir, 'guandan.sqlite') });
    try {
      const repository = new SqlTableRepository(db);
      for (const player of players) {
        for (const ack of acknowledged(player)) {
          const row = await db
            .selectFrom('table_events')
            .select(['actor_user_id', 'client_msg_id'])
            .where('table_id', '=', ack.gameId)
            .where('seq', '=', ack.seq)
            .executeTakeFirst();
          assert.deepEqual(row, { actor_user_id: player.userId, client_msg_id: ack.clientMsgId }, `acknowledged action ${ack.clientMsgId} is in the log at seq ${ack.seq}`);
        }
      }
      const tables = await db.selectFrom('game_tables').select(['id', 'snapshot_seq']).execute();
      assert.equal(tables.length, TABLES);
      for (const table of tables) {
        const events = await repository.eventsAfter(table.id, 0, 100_000);
        events.forEach((event, index) => assert.equal(event.seq, index + 1, 'the log has no gap'));
        assert.ok(table.snapshot_seq <= events.length, 'the snapshot is of an event in the log');
        const stored = await repository.load(table.id);
        assert.ok(stored !== undefined);
        const recovered = recover(stored.snapshot, stored.events, { dealBreakMs: 0 });
        const actions = events.flatMap((event) => (event.action === null ? [] : [event.action]));
        const replayed = replayMatch({ seed: recovered.state.seed, rules: recovered.state.rules }, actions);
        assert.deepEqual(recovered.state, replayed, 'the snapshot and the events after it are the game the log records');
      }
    } finally {
      await db.destroy();
    }
  });
});
