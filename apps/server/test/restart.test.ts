import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { type Action, replayMatch } from '@guandan/engine';
import BetterSqlite3 from 'better-sqlite3';
import { playByHint } from '../tools/load/bot-client.js';
import { freePort, killHard, startChildServer } from './support/child-server.js';
import { customTable } from './support/games.js';
import { closeAllPlayers, connectedPlayer } from './support/players.js';

describe('restart recovery', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'guandan-restart-'));
  after(() => {
    closeAllPlayers();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('the server is killed mid-deal (SIGKILL), starts again, and the game goes on to the end with nothing lost or doubled', async () => {
    const port = String(await freePort());
    const env = { PORT: port, DATA_DIR: dataDir, BOT_DELAY_MS: '0', DISCONNECT_GRACE_MS: '3000', HEARTBEAT_MS: '1000' };
    let server = await startChildServer(env);
    const address = { url: server.url, wsUrl: `ws://127.0.0.1:${port}/v4/realtime` };
    const players = await Promise.all([0, 1, 2, 3].map((i) => connectedPlayer(address, `crash${i}`)));
    players.forEach((player) => playByHint(player.realtime));
    const roomId = await customTable(players, 2);

    await players[0].realtime.next('PLAYER_ACTION', (m) => m.seq >= 30, 30_000);
    await killHard(server.child);
    const seqAtCrash = Math.max(...players.map((p) => p.realtime.lastSeq));
    server = await startChildServer(env);

    const ends = await Promise.all(players.map((p) => p.realtime.next('GAME_ENDED', () => true, 90_000)));
    await killHard(server.child);
    assert.equal(new Set(ends.map((m) => m.payload.gameId)).size, 1);
    assert.ok(players.every((p) => p.realtime.lastSeq > seqAtCrash), 'every client saw the game go on after the restart');

    const db = new BetterSqlite3(join(dataDir, 'guandan.sqlite'), { readonly: true });
    const table = db.prepare('select id, snapshot, status from game_tables where room_id = ?').get(roomId) as { id: string; snapshot: string; status: string };
    const events = db.prepare('select seq, action, actor_user_id, client_msg_id from table_events where table_id = ? order by seq').all(table.id) as {
      seq: number;
      action: string | null;
      actor_user_id: string | null;
      client_msg_id: string | null;
    }[];
    db.close();
    assert.equal(table.status, 'finished');
    events.forEach((event, index) => assert.equal(event.seq, index + 1, 'the log has no gap and no repeat'));
    const clientIds = events.filter((e) => e.client_msg_id !== null).map((e) => `${e.actor_user_id}:${e.client_msg_id}`);
    assert.equal(new Set(clientIds).size, clientIds.length, 'no client message applied twice');
    const actions = events.filter((e) => e.action !== null).map((e) => JSON.parse(e.action as string) as Action);
    const snapshot = JSON.parse(table.snapshot) as { state: { seed: string; rules: object; winner: number | null; phase: string } };
    const replayed = replayMatch({ seed: snapshot.state.seed, rules: snapshot.state.rules }, actions);
    assert.equal(replayed.phase, 'over', 'the stored actions replay to the end of the game');
    assert.equal(replayed.winner, ends[0].payload.winningTeam);

    const options = { seed: snapshot.state.seed, rules: snapshot.state.rules };
    let checked = 0;
    for (const player of players) {
      for (const message of player.received) {
        if (message.type !== 'GAME_STATE_UPDATE' || message.seq <= seqAtCrash) continue;
        const truth = replayMatch(options, actions.slice(0, message.seq));
        const { view } = message.payload;
        assert.deepEqual([...view.hand].sort(), [...truth.deal.hands[view.seat]].sort(), `seat ${view.seat} at seq ${message.seq} sees its true hand`);
        assert.deepEqual(view.handCounts, truth.deal.hands.map((hand) => hand.length));
        checked++;
      }
    }
    assert.ok(checked > 10, 'reconnected clients received views after the restart');
  });
});
