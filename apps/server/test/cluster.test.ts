import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type Action, replayMatch } from '@guandan/engine';
import type { AnyServerMessage } from '@guandan/protocol';
import { RealtimeClient, RestClient, type SocketLike } from '@guandan/sdk';
import pg from 'pg';
import WebSocket from 'ws';
import { playByHint } from '../tools/load/bot-client.js';
import { type ClusterNodeProcess, skipWithoutCluster, startCluster, type TestCluster } from './support/cluster.js';
import { customTable } from './support/games.js';
import { eventually } from './support/table-play.js';
import type { TestPlayer } from './support/players.js';

const NODES = 3;

/**
 * A player whose socket goes to node `home` while it lives, else to the next live node: what a load balancer in
 * front of the cluster does for a client that reconnects.
 */
async function playerOn(cluster: TestCluster, home: number, name: string): Promise<TestPlayer & { nodeOf: () => ClusterNodeProcess }> {
  const liveFrom = (index: number): ClusterNodeProcess => {
    for (let step = 0; step < cluster.nodes.length; step++) {
      const node = cluster.nodes[(index + step) % cluster.nodes.length];
      if (node.alive) return node;
    }
    throw new Error('no node alive');
  };
  const rest = new RestClient({ baseUrl: liveFrom(home).url });
  const session = await rest.guest(`${name}-${process.pid % 1000}`);
  const realtime = new RealtimeClient({
    url: liveFrom(home).wsUrl,
    token: () => rest.accessToken,
    socket: (url) => new WebSocket(url.replace(/^ws:\/\/[^/]+\/v4\/realtime/, liveFrom(home).wsUrl)) as unknown as SocketLike,
    reconnect: { minDelayMs: 50, maxDelayMs: 500 },
    idPrefix: name,
  });
  const received: AnyServerMessage[] = [];
  realtime.on('*', (message) => received.push(message));
  await realtime.connect();
  return { rest, realtime, session, userId: session.user.user_id, received, nodeOf: () => liveFrom(home) };
}

/** An operator signed in on this node (the role written straight into the shared database). */
async function operatorOn(cluster: TestCluster, node: ClusterNodeProcess, name: string): Promise<RestClient> {
  const rest = new RestClient({ baseUrl: node.url });
  const operator = await rest.guest(`${name}-${process.pid % 1000}`);
  const db = new pg.Client({ connectionString: cluster.databaseUrl });
  await db.connect();
  try {
    await db.query("insert into staff_roles (user_id, role, granted_by, granted_at) values ($1, 'operator', null, $2)", [operator.user.user_id, new Date().toISOString()]);
  } finally {
    await db.end();
  }
  return rest;
}

describe('a cluster of three server processes on PostgreSQL and Redis', { skip: await skipWithoutCluster() }, () => {
  let cluster: TestCluster;
  const clients: RealtimeClient[] = [];

  before(async () => {
    cluster = await startCluster(NODES, {
      CHAIN: 'off',
      BOT_DELAY_MS: '0',
      TABLE_LEASE_MS: '2000',
      DISCONNECT_GRACE_MS: '3000',
      HEARTBEAT_MS: '1000',
      AUTH_RATE_LIMIT_PER_MINUTE: '1000',
    });
  });

  after(async () => {
    for (const client of clients) client.close();
    await cluster?.cleanup();
  });

  test('tables whose players sit on different nodes play on when a node is killed mid-deal: nothing lost, nothing doubled', { timeout: 240_000 }, async () => {
    // Two tables, each person on another node than the one beside them: a custom game of two deals (invite code),
    // and a ranked deal whose four players find each other through the matchmaking queue in Redis.
    const tables = await Promise.all(
      ['custom', 'ranked'].map(async (mode, table) => {
        const players = await Promise.all([0, 1, 2, 3].map((seat) => playerOn(cluster, (table + seat) % NODES, `cl${table}${seat}`)));
        const ended = players.map((player) => player.realtime.next('GAME_ENDED', () => true, 180_000));
        players.forEach((player) => {
          clients.push(player.realtime);
          playByHint(player.realtime);
        });
        let roomId: string;
        if (mode === 'custom') roomId = await customTable(players, 2);
        else {
          const rooms = [];
          for (const player of players) rooms.push(await player.rest.createRoom('ranked', {}));
          roomId = rooms[0].room_id;
          assert.deepEqual(
            rooms.map((room) => room.room_id),
            players.map(() => roomId),
            'the four ranked players were matched into one room across three nodes',
          );
        }
        return { players, roomId, ended: Promise.all(ended) };
      }),
    );
    const [killed] = tables;
    await killed.players[0].realtime.next('PLAYER_ACTION', (message) => message.seq >= 25, 60_000);

    // The node running the custom table dies; its players' sockets there move to the others.
    const gameIds = await Promise.all(tables.map(async ({ players, roomId }) => (await players[0].rest.room(roomId)).game_id as string));
    const holder = await cluster.redis.get(`${cluster.namespace}:lease:${gameIds[0]}`);
    const victim = cluster.nodes.find((node) => node.nodeId === holder);
    assert.ok(victim !== undefined, `a live node holds the custom table's lease (${holder})`);
    const seqAtKill = Math.max(...killed.players.map((player) => player.realtime.lastSeq));
    await cluster.kill(victim);

    const ends = await Promise.all(tables.map((table) => table.ended));
    assert.ok(
      killed.players.every((player) => player.realtime.lastSeq > seqAtKill),
      'every client of the table saw its game go on after the kill',
    );

    const db = new pg.Client({ connectionString: cluster.databaseUrl });
    await db.connect();
    try {
      for (const [index, { players }] of tables.entries()) {
        const gameId = gameIds[index];
        assert.equal(new Set(ends[index].map((message) => message.payload.gameId)).size, 1);
        const table = (await db.query('select snapshot, status from game_tables where id = $1', [gameId])).rows[0] as { snapshot: string; status: string };
        assert.equal(table.status, 'finished');
        const events = (await db.query('select seq, kind, action, actor_user_id, client_msg_id from table_events where table_id = $1 order by seq', [gameId])).rows as {
          seq: number;
          kind: string;
          action: string | null;
          actor_user_id: string | null;
          client_msg_id: string | null;
        }[];
        events.forEach((event, position) => assert.equal(event.seq, position + 1, 'the log has no gap and no repeat'));
        const clientIds = events.filter((event) => event.client_msg_id !== null).map((event) => `${event.actor_user_id}:${event.client_msg_id}`);
        assert.equal(new Set(clientIds).size, clientIds.length, 'no client message applied twice');
        const actions = events.filter((event) => event.action !== null).map((event) => JSON.parse(event.action as string) as Action);
        const { state } = JSON.parse(table.snapshot) as { state: { seed: string; rules: object } };
        const replayed = replayMatch({ seed: state.seed, rules: state.rules }, actions);
        assert.equal(replayed.phase, 'over', 'the stored actions replay to the end');
        assert.equal(replayed.winner, ends[index][0].payload.winningTeam);

        // Every client saw every action once it had resumed: no gap in its sequence of updates.
        const actionSeqs = events.filter((event) => event.kind === 'PLAYER_ACTION').map((event) => event.seq);
        for (const player of players) {
          const seen = new Set(player.received.filter((message) => message.type === 'PLAYER_ACTION' && message.messageId.startsWith(gameId)).map((message) => message.seq));
          assert.deepEqual(actionSeqs.filter((seq) => !seen.has(seq)), [], `${player.session.user.username} missed no action`);
        }

        // The finished game counted once: one record, one win or loss each, one game on each board, also after every
        // node's outbox relay has swept (each may publish the same event; the consumers apply it once).
        assert.equal(Number((await db.query('select count(*) as n from game_records where id = $1', [gameId])).rows[0].n), 1);
        const boardsOf = async (userId: string) => (await db.query('select board, games from leaderboard where user_id = $1', [userId])).rows as { board: string; games: number }[];
        for (const player of players) await eventually('the game on the boards', () => boardsOf(player.userId), (boards) => boards.length > 0, 15_000);
        await new Promise((resolve) => setTimeout(resolve, 5000));
        for (const player of players) {
          const boards = await boardsOf(player.userId);
          assert.ok(boards.every((row) => row.games === 1), `one game on every board: ${JSON.stringify(boards)}`);
          const user = (await db.query('select total_wins, total_losses from users where id = $1', [player.userId])).rows[0] as { total_wins: number; total_losses: number };
          assert.ok(user.total_wins + user.total_losses <= 1, 'at most one result per player (a drawn game counts neither)');
          const coins = (await db.query("select coalesce(sum(amount), 0) as sum, count(*) filter (where reason like 'deal %') as deals from coin_ledger where user_id = $1", [player.userId]))
            .rows[0] as { sum: string; deals: string };
          const balance = (await db.query('select balance from coin_balances where user_id = $1', [player.userId])).rows[0] as { balance: number };
          assert.equal(balance.balance, Number(coins.sum), 'the coin balance is its ledger, each entry once');
          assert.ok(Number(coins.deals) <= (index === 0 ? 2 : 1), `one settlement per deal at most: ${coins.deals}`);
          if (index === 1) {
            const rating = (await db.query('select games from ratings where user_id = $1', [player.userId])).rows[0] as { games: number } | undefined;
            assert.equal(rating?.games, 1, 'the ranked game is rated once');
          }
        }
      }
    } finally {
      await db.end();
    }
  });

  test('matchmaking, presence, boards and the realtime rate limit are shared by the live nodes', { timeout: 120_000 }, async () => {
    const live = cluster.nodes.map((node, index) => ({ node, index })).filter(({ node }) => node.alive);
    assert.ok(live.length >= 2, 'two nodes still alive');
    const [a, b] = live;

    // Two people on two nodes asking for a quick match land in the same room (the queue is in Redis), and each node
    // sees both online.
    const first = await playerOn(cluster, a.index, 'qm0');
    const second = await playerOn(cluster, b.index, 'qm1');
    clients.push(first.realtime, second.realtime);
    const room = await first.rest.createRoom('quick_match', {});
    const joined = await second.rest.createRoom('quick_match', {});
    assert.equal(joined.room_id, room.room_id, 'matched into one room across nodes');
    for (const { node } of live) {
      const viewer = new RestClient({ baseUrl: node.url });
      await viewer.guest(`view-${node.nodeId}-${process.pid % 1000}`);
      const view = await viewer.room(room.room_id);
      const seated = view.players.filter((player) => player.user_id === first.userId || player.user_id === second.userId);
      assert.deepEqual(
        seated.map((player) => player.connected),
        [true, true],
        `${node.nodeId} sees both players online`,
      );
    }

    // The boards come from Redis in the table's order, the same on every node.
    const db = new pg.Client({ connectionString: cluster.databaseUrl });
    await db.connect();
    try {
      const expected = (await db.query("select user_id from leaderboard where board = 'global' order by score desc, wins desc, updated_at asc, user_id asc")).rows.map(
        (row: { user_id: string }) => row.user_id,
      );
      assert.ok(expected.length >= 8, 'the finished games are on the global board');
      for (const { node } of live) {
        const reader = new RestClient({ baseUrl: node.url });
        await reader.guest(`board-${node.nodeId}-${process.pid % 1000}`);
        const page = await reader.call<{ rank: number; user_id: string }[]>('GET', '/ranking/global?limit=100');
        assert.deepEqual(page.map((entry) => entry.user_id), expected, `${node.nodeId} ranks the board as the table does`);
        assert.deepEqual(page.map((entry) => entry.rank), expected.map((_, index) => index + 1));
      }
    } finally {
      await db.end();
    }

    // One user, two sockets on two nodes: 60 messages at once exceed the burst of 40 only if the bucket is shared.
    const sockets = await Promise.all(
      [a, b].map(
        ({ node }) =>
          new Promise<WebSocket>((resolve, reject) => {
            const socket = new WebSocket(`${node.wsUrl}?token=${encodeURIComponent(first.rest.accessToken as string)}`);
            socket.once('open', () => resolve(socket));
            socket.once('error', reject);
          }),
      ),
    );
    const limited = new Promise<number>((resolve) => {
      let count = 0;
      for (const socket of sockets) {
        socket.on('message', (data: Buffer) => {
          if ((JSON.parse(data.toString()) as AnyServerMessage).type === 'ERROR' && data.toString().includes('RATE_LIMITED')) count++;
        });
      }
      setTimeout(() => resolve(count), 2000);
    });
    for (let index = 0; index < 60; index++) sockets[index % 2].send(JSON.stringify({ type: 'PING', payload: {}, timestamp: Date.now(), id: `burst-${index}` }));
    const refused = await limited;
    sockets.forEach((socket) => socket.close());
    assert.ok(refused >= 10, `the two sockets share one bucket: ${refused} of 60 refused`);
  });

  test('a ban on one node closes the socket of the player on another node and refuses them on every node', { timeout: 60_000 }, async () => {
    const live = cluster.nodes.map((node, index) => ({ node, index })).filter(({ node }) => node.alive);
    const [a, b] = live;
    const player = await playerOn(cluster, b.index, 'banned');
    clients.push(player.realtime);
    const operatorRest = await operatorOn(cluster, a.node, 'op');
    assert.equal(player.realtime.connected, true);
    await operatorRest.call('POST', `/admin/users/${player.userId}/sanctions`, { kind: 'ban', reason: 'banned across the cluster' });
    await eventually('the socket on the other node closed', async () => player.realtime.connected, (connected) => !connected, 10_000);
    for (const { node } of live) {
      const answer = await fetch(`${node.url}/v4/users/me`, { headers: { authorization: `Bearer ${player.rest.accessToken ?? ''}` } });
      assert.equal(answer.status, 403, node.nodeId);
      assert.equal(((await answer.json()) as { error: { code: string } }).error.code, 'ACCOUNT_BANNED');
    }
    // Long enough for several reconnect attempts, had the client made any.
    await new Promise((resolve) => setTimeout(resolve, 600));
    assert.equal(player.realtime.connected, false);
  });

  test('an operator on one node ends a table that runs on another: its players there are told', { timeout: 60_000 }, async () => {
    const [a, b] = cluster.nodes.map((node, index) => ({ node, index })).filter(({ node }) => node.alive);
    const players = await Promise.all([0, 1, 2, 3].map((seat) => playerOn(cluster, b.index, `ender${seat}`)));
    clients.push(...players.map((player) => player.realtime));
    const started = Promise.all(players.map((player) => player.realtime.next('GAME_STATE_UPDATE', () => true, 15_000)));
    const roomId = await customTable(players, 3);
    await started;
    const gameId = (await players[0].rest.room(roomId)).game_id as string;
    const operatorRest = await operatorOn(cluster, a.node, 'ender-op');
    const listed = await operatorRest.call<{ items: { game_id: string; node: string | null }[] }>('GET', `/admin/tables?user_id=${players[0].userId}`);
    assert.deepEqual(
      listed.items.map((table) => [table.game_id, table.node]),
      [[gameId, b.node.nodeId]],
      'the table runs on the players\' node, not the operator\'s',
    );
    const told = Promise.all(players.map((player) => player.realtime.next('GAME_ENDED', () => true, 15_000)));
    const ended = await operatorRest.call<{ game_id: string; deals_completed: number }>('POST', `/admin/tables/${gameId}/end`, { reason: 'ended across the cluster' });
    assert.deepEqual([ended.game_id, ended.deals_completed], [gameId, 0]);
    for (const message of await told) {
      assert.equal(message.payload.gameId, gameId);
      assert.deepEqual(message.payload.endedEarly, { reason: 'ended across the cluster' });
    }
  });
});
