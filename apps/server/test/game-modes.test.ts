import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { ErrorCode, GameRoom } from '@guandan/protocol';
import { ApiError } from '@guandan/sdk';
import { playByHint } from '../tools/load/bot-client.js';
import { startTestServer, type TestServer } from './support/server.js';
import { connectedPlayers, eventually, everyoneEnds, MANY_GUESTS, resumeByHint, waitFor } from './support/table-play.js';

/** A REST call refused with this code and status. */
async function refused(call: Promise<unknown>, code: ErrorCode, status: number): Promise<void> {
  await assert.rejects(call, (error: unknown) => {
    assert.ok(error instanceof ApiError, String(error));
    assert.equal(error.code, code, error.message);
    assert.equal(error.status, status);
    return true;
  });
}

const people = (room: GameRoom): (string | null)[] => room.players.map((player) => player.user_id);

describe('game modes, played to the end over real sockets', () => {
  let t: TestServer;
  before(async () => {
    // Quick match waits long for people here (bots would otherwise fill the room between two joins); ranked fills soon.
    t = await startTestServer({ env: { ...MANY_GUESTS, QUICK_MATCH_BOT_FILL_MS: '30000', RANKED_BOT_FILL_MS: '1500' } });
  });
  after(async () => t.cleanup());

  test('quick match: four people fill one room; afterwards records, totals and the global board have the game', async () => {
    const players = await connectedPlayers(t, 'qm');
    const stops = players.map((player) => playByHint(player.realtime));
    const ending = everyoneEnds(players);
    const rooms: GameRoom[] = [];
    for (const player of players) rooms.push(await player.rest.createRoom('quick_match'));
    assert.equal(new Set(rooms.map((room) => room.room_id)).size, 1, 'one room');
    assert.deepEqual(rooms.map((room) => room.status), ['waiting', 'waiting', 'waiting', 'playing']);
    assert.deepEqual(people(rooms[3]), players.map((player) => player.userId), 'the four people, in order of arrival');
    const ends = await ending;
    stops.forEach((stop) => stop());
    const { gameId, winningTeam } = ends[0].payload;
    assert.ok(winningTeam === 0 || winningTeam === 1);
    assert.equal(ends[0].payload.order.length, 1, 'quick match plays one deal');
    assert.equal((await players[0].rest.room(rooms[0].room_id)).status, 'finished');

    for (const [seat, player] of players.entries()) {
      const records = await player.rest.records();
      assert.equal(records[0]?.game_id, gameId, 'the game is in each person\'s records');
      assert.equal(records[0].game_mode, 'quick_match');
      assert.deepEqual(records[0].players.map((p) => p.is_bot), [false, false, false, false]);
      const won: boolean = seat % 2 === winningTeam;
      const me = await eventually('totals', () => player.rest.me(), (user) => user.total_wins + user.total_losses === 1);
      assert.deepEqual([me.total_wins, me.total_losses], won ? [1, 0] : [0, 1]);
      assert.equal(await player.rest.currentRoom(), null, 'in no room');
    }
    const winners = players.filter((_, seat) => seat % 2 === winningTeam).map((player) => player.userId);
    const board = await eventually(
      'the global board',
      () => players[0].rest.ranking('global'),
      (entries) => winners.every((id) => entries.some((entry) => entry.user_id === id && entry.wins === 1)),
    );
    const top = board.filter((entry) => winners.includes(entry.user_id));
    assert.ok(top.every((entry) => entry.score > 0));
  });

  test('ranked: two people are matched, bots fill after the wait, and both ratings move', async () => {
    const [...players] = await connectedPlayers(t, 'rk', 3);
    const passer = players.pop() as (typeof players)[number];
    const stops = players.map((player) => playByHint(player.realtime));
    const ending = everyoneEnds(players);
    const first = await players[0].rest.createRoom('ranked');
    // Someone joins and leaves again before the room fills (the room's mean rating is worked out both times).
    assert.equal((await passer.rest.createRoom('ranked')).room_id, first.room_id);
    await passer.rest.leaveRoom(first.room_id);
    const second = await players[1].rest.createRoom('ranked');
    assert.equal(second.room_id, first.room_id, 'matched into one room');
    assert.equal(second.status, 'waiting');
    assert.deepEqual(people(second), [players[0].userId, players[1].userId, null, null]);
    const ends = await ending;
    stops.forEach((stop) => stop());
    const winningTeam = ends[0].payload.winningTeam;
    const room = await players[0].rest.room(first.room_id);
    assert.deepEqual(room.players.map((p) => p.is_bot), [false, false, true, true], 'bots took the open seats');
    for (const [seat, player] of players.entries()) {
      const rating = await eventually('rating', () => player.rest.myRating(), (r) => r.games === 1);
      if (seat % 2 === winningTeam) assert.ok(rating.rating > 1500, `the winner gained (${rating.rating})`);
      else assert.ok(rating.rating < 1500, `the loser lost (${rating.rating})`);
      assert.equal((await player.rest.records())[0]?.game_mode, 'ranked');
    }
  });

  test('custom: the creator seats bots, a friend joins by invite code, and they play it out', async () => {
    const [host, friend] = await connectedPlayers(t, 'cu', 2);
    const room = await host.rest.createRoom('custom', { match_length: 1 });
    assert.equal(room.creator_id, host.userId);
    assert.match(room.invite_code ?? '', /^[A-Z0-9]{6}$/);
    await host.rest.setSeatBot(room.room_id, 1, 'easy');
    const withBots = await host.rest.setSeatBot(room.room_id, 3, 'random');
    assert.deepEqual(withBots.players.map((p) => p.bot_level), [null, 'easy', null, 'random']);
    const joined = await friend.rest.joinByCode(room.invite_code as string);
    assert.equal(joined.players[2].user_id, friend.userId, 'the friend takes the open seat');
    await refused(friend.rest.setSeatBot(room.room_id, 1, null), 'FORBIDDEN', 403);
    await refused(host.rest.setSeatBot(room.room_id, 2, 'hard'), 'CONFLICT', 409);
    const stops = [host, friend].map((player) => playByHint(player.realtime));
    const ending = everyoneEnds([host, friend]);
    assert.equal((await host.rest.ready(room.room_id, true)).status, 'waiting', 'not before everyone is ready');
    assert.equal((await friend.rest.ready(room.room_id, true)).status, 'playing');
    const ends = await ending;
    stops.forEach((stop) => stop());
    const record = (await friend.rest.records())[0];
    assert.equal(record.game_id, ends[0].payload.gameId);
    assert.deepEqual(record.players.map((p) => [p.user_id, p.is_bot]), [[host.userId, false], [null, true], [friend.userId, false], [null, true]]);
  });

  test('leaving a waiting room opens that seat (and hands the room on when the creator leaves)', async () => {
    const [host, b, c, d, e] = await connectedPlayers(t, 'lv', 5);
    const room = await host.rest.createRoom('custom', { match_length: 1 });
    await b.rest.joinByCode(room.invite_code as string);
    await c.rest.joinByCode(room.invite_code as string);
    await host.rest.setSeatBot(room.room_id, 3, 'easy');

    const left = waitFor(host, 'PLAYER_LEFT');
    await b.rest.leaveRoom(room.room_id);
    assert.equal((await left).message.payload.seat, 1);
    assert.equal((await left).message.payload.userId, b.userId);
    let now = await host.rest.room(room.room_id);
    assert.deepEqual([now.players[1].user_id, now.players[1].is_bot, now.players[1].ready], [null, false, false], 'the seat is open again');
    assert.equal(await b.rest.currentRoom(), null, 'in no room');

    // With seat 1 open, seat 2 leaves: the message names seat 2, not the first open seat.
    const cLeft = waitFor(host, 'PLAYER_LEFT', (m) => m.payload.userId === c.userId);
    await c.rest.leaveRoom(room.room_id);
    assert.equal((await cLeft).message.payload.seat, 2, 'the seat that was left');

    assert.equal((await d.rest.joinByCode(room.invite_code as string)).players[1].user_id, d.userId, 'a newcomer gets the open seat');
    await host.rest.leaveRoom(room.room_id);
    now = await d.rest.room(room.room_id);
    assert.equal(now.creator_id, d.userId, 'the room passes to a person still in it');
    assert.equal(now.players[0].user_id, null);
    await d.rest.setSeatBot(room.room_id, 0, 'easy');
    await e.rest.joinByCode(room.invite_code as string);
    await e.rest.leaveRoom(room.room_id);
    await d.rest.leaveRoom(room.room_id);
    assert.equal((await host.rest.room(room.room_id)).status, 'finished', 'the last person out closes the room');
  });

  test('a person who quits mid-game is replaced by a bot, the others finish, and the quitter may play again', async () => {
    const players = await connectedPlayers(t, 'qt');
    const quitter = players[1];
    const stayers = players.filter((player) => player !== quitter);
    const room = await players[0].rest.createRoom('custom', { match_length: 1, bot_level: 'random' });
    for (const player of players.slice(1)) await player.rest.joinByCode(room.invite_code as string);
    let stops = players.map((player) => playByHint(player.realtime));
    const ending = everyoneEnds(stayers);
    const started = waitFor(players[0], 'GAME_STATE_UPDATE');
    for (const player of players) await player.rest.ready(room.room_id, true);
    await started;
    await waitFor(quitter, 'PLAYER_ACTION', (m) => m.seq >= 4, { timeoutMs: 20_000 });
    // The others stop playing for a moment (their turns have 20 s), so the game is still on while the quitter acts.
    stops.forEach((stop) => stop());

    const seen = stayers.map((player) => waitFor(player, 'PLAYER_LEFT', (m) => m.payload.userId === quitter.userId));
    const told = waitFor(quitter, 'PLAYER_LEFT', (m) => m.payload.userId === quitter.userId);
    quitter.realtime.send('QUIT', {});
    const [leftMessage] = await Promise.all(seen);
    await told;
    assert.deepEqual([leftMessage.message.payload.seat, leftMessage.message.payload.replacedBy], [1, 'random']);
    const botNow = await waitFor(players[0], 'GAME_STATE_UPDATE', (m) => m.seq >= leftMessage.message.seq && m.payload.players[1].isBot);
    assert.equal(botNow.message.payload.players[1].userId, quitter.userId);
    assert.equal(await quitter.rest.currentRoom(), null, 'in no room');
    assert.equal((await quitter.rest.room(room.room_id)).status, 'playing', 'the game goes on');

    // The quitter is free: a new room of their own, with bots, starts a new game for them.
    quitter.realtime.forgetTable();
    const newGame = waitFor(quitter, 'GAME_STATE_UPDATE', (m) => m.payload.roomId !== room.room_id);
    const own = await quitter.rest.createRoom('custom', { match_length: 1 });
    for (const seat of [1, 2, 3]) await quitter.rest.setSeatBot(own.room_id, seat, 'random');
    assert.equal((await quitter.rest.ready(own.room_id, true)).status, 'playing');
    const second = (await newGame).message;
    // Leaving the old room again must not touch the new game.
    await refused(quitter.rest.leaveRoom(room.room_id), 'NOT_IN_ROOM', 409);
    assert.equal((await quitter.rest.currentRoom())?.room_id, own.room_id, 'still in the new room');

    const secondEnd = waitFor(quitter, 'GAME_ENDED', (m) => m.payload.gameId === second.payload.gameId, { timeoutMs: 60_000 });
    stops = [...stayers, quitter].map(resumeByHint);
    const ends = await ending;
    assert.equal(new Set(ends.map((end) => end.payload.gameId)).size, 1);
    assert.equal((await secondEnd).message.payload.roomId, own.room_id, 'the new game ends for the quitter');
    stops.forEach((stop) => stop());
    assert.equal(
      quitter.received.filter((m) => m.type === 'GAME_ENDED' && m.payload.roomId === room.room_id).length,
      0,
      'the quitter is not told of the old game',
    );
    assert.equal(quitter.received.filter((m) => m.type === 'PLAYER_LEFT' && m.payload.roomId === own.room_id).length, 0);
  });

  test('one room at a time: ALREADY_IN_ROOM', async () => {
    const [player, other] = await connectedPlayers(t, 'ar', 2);
    const room = await player.rest.createRoom('custom');
    const otherRoom = await other.rest.createRoom('custom');
    await refused(player.rest.createRoom('custom'), 'ALREADY_IN_ROOM', 409);
    await refused(player.rest.createRoom('quick_match'), 'ALREADY_IN_ROOM', 409);
    await refused(player.rest.joinByCode(otherRoom.invite_code as string), 'ALREADY_IN_ROOM', 409);
    assert.equal((await player.rest.currentRoom())?.room_id, room.room_id);
    await player.rest.leaveRoom(room.room_id);
    await other.rest.leaveRoom(otherRoom.room_id);
    // In no room is an answer, not an error: a 200 with null, so a lobby visit logs no failed request.
    const none = await fetch(`${t.url}/v4/game/rooms/current`, { headers: { authorization: `Bearer ${player.rest.accessToken}` } });
    assert.deepEqual([none.status, await none.text()], [200, 'null']);
    const next = await player.rest.createRoom('custom');
    await player.rest.leaveRoom(next.room_id);
  });

  test('INSUFFICIENT_COINS when three base bets exceed the balance', async () => {
    const [player, friend] = await connectedPlayers(t, 'ic', 2);
    assert.equal((await player.rest.me()).game_coin_balance, 1000);
    await refused(player.rest.createRoom('custom', { base_bet: 334 }), 'INSUFFICIENT_COINS', 402);
    await refused(player.rest.createRoom('quick_match', { base_bet: 334 }), 'INSUFFICIENT_COINS', 402);
    await refused(player.rest.createRoom('ranked', { base_bet: 500 }), 'INSUFFICIENT_COINS', 402);
    assert.equal(await player.rest.currentRoom(), null, 'in no room');
    const room = await player.rest.createRoom('custom', { base_bet: 333 });
    assert.equal(room.room_config.base_bet, 333);
    assert.equal((await friend.rest.joinByCode(room.invite_code as string)).players[1].user_id, friend.userId);
    await friend.rest.leaveRoom(room.room_id);
    await player.rest.leaveRoom(room.room_id);
  });
});
