import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AdminTable } from '@guandan/protocol';
import { ApiError } from '../src/api/api-error';
import { isWatchedTable, nextWatchRead, seatsAtTable, seatToAct, teamOf, WATCH_REFRESH_MS, watchEnd } from '../src/lib/table-view';

const seat = (index: number, cards: number, extra: Partial<AdminTable['seats'][number]> = {}) => ({
  seat: index,
  user_id: null,
  username: `bot${index}`,
  bot_level: 'normal',
  auto_play: false,
  quit: false,
  cards_left: cards,
  ...extra,
});

const table: Pick<AdminTable, 'seats' | 'hands' | 'phase' | 'turn' | 'status'> = {
  // Seats out of order: the view puts them in seat order.
  seats: [seat(2, 1), seat(0, 3, { user_id: '66666666-6666-4666-8666-666666666666', username: 'ann', bot_level: null, auto_play: true }), seat(3, 0), seat(1, 2)],
  hands: [['HR', 'S2', 'DT'], ['C3', 'SB'], ['HA'], []],
  phase: 'play',
  turn: 1,
  status: 'playing',
};

test('seats in order, each with its own hand sorted, its team and whether it is to play', () => {
  const seats = seatsAtTable(table);
  assert.deepEqual(
    seats.map((entry) => [entry.seat, entry.name, entry.team, entry.toAct, entry.cardsLeft, entry.hand.map((card) => card.code)]),
    [
      [0, 'ann', 0, false, 3, ['S2', 'DT', 'HR']],
      [1, 'bot1', 1, true, 2, ['C3', 'SB']],
      [2, 'bot2', 0, false, 1, ['HA']],
      [3, 'bot3', 1, false, 0, []],
    ],
  );
  assert.deepEqual([seats[0].autoPlay, seats[0].botLevel, seats[1].botLevel], [true, null, 'normal']);
});

test('a seat without a hand in the answer shows none rather than failing', () => {
  assert.deepEqual(seatsAtTable({ ...table, hands: [] })[0].hand, []);
});

test('it is a seat’s turn only in the play phase of a playing table', () => {
  assert.equal(seatToAct(table), 1);
  assert.equal(seatToAct({ phase: 'tribute', turn: 1, status: 'playing' }), null);
  assert.equal(seatToAct({ phase: 'over', turn: 2, status: 'over' }), null);
  assert.equal(seatToAct({ phase: 'play', turn: null, status: 'playing' }), null);
  // An operator ended it in the middle of a deal: the turn it stopped at is nobody's any more.
  assert.equal(seatToAct({ phase: 'play', turn: 1, status: 'ended' }), null);
  assert.ok(seatsAtTable({ ...table, phase: 'return' }).every((entry) => !entry.toAct));
  assert.ok(seatsAtTable({ ...table, status: 'ended' }).every((entry) => !entry.toAct));
});

test('seats 0 and 2 play against 1 and 3', () => {
  assert.deepEqual([0, 1, 2, 3].map(teamOf), [0, 1, 0, 1]);
});

test('a watched table has hands; a list summary does not', () => {
  assert.equal(isWatchedTable({ ...table, game_id: 'g' }), true);
  assert.equal(isWatchedTable({ game_id: 'g', seats: [] }), false);
  assert.equal(isWatchedTable(undefined), false);
  assert.equal(isWatchedTable(null), false);
});

test('a watched table is read again unless asking again cannot change the answer', () => {
  const playing = { status: 'playing' } as const;
  assert.equal(nextWatchRead(null, undefined), WATCH_REFRESH_MS, 'not read yet');
  assert.equal(nextWatchRead(null, playing), WATCH_REFRESH_MS);
  assert.equal(nextWatchRead(new ApiError(0, 'NETWORK', 'x', 'x'), playing), WATCH_REFRESH_MS);
  assert.equal(nextWatchRead(new ApiError(503, 'UNAVAILABLE', 'x', 'x'), playing), WATCH_REFRESH_MS);
  assert.equal(nextWatchRead(new ApiError(404, 'NOT_FOUND', 'x', 'no table'), undefined), false);
  assert.equal(nextWatchRead(new ApiError(403, 'FORBIDDEN', 'x', 'seated here'), undefined), false);
  assert.equal(nextWatchRead(new ApiError(401, 'SIGNED_OUT', 'x', 'x'), playing), false);
});

test('reading stops once the table plays no more: its match is over, or an operator ended it', () => {
  assert.equal(nextWatchRead(null, { status: 'over' }), false);
  assert.equal(nextWatchRead(null, { status: 'ended' }), false);
  // A failure that may pass does not bring reading back for a table already known to be done.
  assert.equal(nextWatchRead(new ApiError(503, 'UNAVAILABLE', 'x', 'x'), { status: 'ended' }), false);
});

test('the watch page says why a table plays no more, with the operator’s reason when one ended it', () => {
  assert.equal(watchEnd(null, undefined), null);
  assert.equal(watchEnd(null, { status: 'playing', ended_reason: null }), null);
  assert.equal(watchEnd(new ApiError(503, 'UNAVAILABLE', 'x', 'x'), { status: 'playing', ended_reason: null }), null);
  assert.deepEqual(watchEnd(null, { status: 'over', ended_reason: null }), { by: 'match' });
  assert.deepEqual(watchEnd(null, { status: 'ended', ended_reason: 'stuck since the outage' }), { by: 'operator', reason: 'stuck since the outage' });
  // No such table (404): the same words as a match that is over, whatever was read before.
  assert.deepEqual(watchEnd(new ApiError(404, 'NOT_FOUND', 'x', 'no table'), undefined), { by: 'match' });
  assert.deepEqual(watchEnd(new ApiError(404, 'NOT_FOUND', 'x', 'no table'), { status: 'playing', ended_reason: null }), { by: 'match' });
});
