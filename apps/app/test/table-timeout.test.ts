import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AnyServerMessage } from '@guandan/protocol';
import { NO_STRIKE, strikeAfter, type TimeoutStrike } from '../src/table/model/timeout-strike';
import { secondsLeft } from '../src/table/view/seconds-left';
import { PLAYERS, ROOM_ID } from './support/table-match';

const warning = (code: 'TIMED_OUT' | 'AUTO_PLAY_ON', at: number): AnyServerMessage => ({
  type: 'WARNING',
  payload: { code, message: code },
  timestamp: at,
  messageId: `w${at}`,
  seq: 1,
});

const action = (inReplyTo?: string): AnyServerMessage => ({
  type: 'PLAYER_ACTION',
  payload: { roomId: ROOM_ID, seat: 0, kind: 'pass', auto: inReplyTo === undefined, events: [], ...(inReplyTo === undefined ? {} : { inReplyTo }) },
  timestamp: 5,
  messageId: `a${inReplyTo ?? ''}`,
  seq: 2,
});

const players = (autoPlay: boolean): AnyServerMessage =>
  ({
    type: 'GAME_STATE_UPDATE',
    payload: { roomId: ROOM_ID, gameId: 'g', players: PLAYERS.map((player) => (player.seat === 0 ? { ...player, autoPlay } : player)) },
    timestamp: 6,
    messageId: `s${String(autoPlay)}`,
    seq: 3,
  }) as AnyServerMessage;

const run = (messages: AnyServerMessage[], from: TimeoutStrike = NO_STRIKE): TimeoutStrike => messages.reduce((strike, message) => strikeAfter(strike, message, 0), from);

describe('a first timeout', () => {
  it('arms the warning when the server says the turn ran out', () => {
    assert.deepEqual(run([warning('TIMED_OUT', 100)]), { armed: true, warnedAt: 100 });
  });

  it('stands while the server plays for the seat, and ends when the player acts in time', () => {
    assert.equal(run([warning('TIMED_OUT', 100), action()]).armed, true, 'an action played for the seat leaves it armed');
    assert.equal(run([warning('TIMED_OUT', 100), action('m1')]).armed, false, 'the player acted in time');
  });

  it('ends when the second timeout puts the seat on 托管, or the seat is shown on 托管', () => {
    assert.equal(run([warning('TIMED_OUT', 100), warning('AUTO_PLAY_ON', 200)]).armed, false);
    assert.equal(run([warning('TIMED_OUT', 100), players(false)]).armed, true);
    assert.equal(run([warning('TIMED_OUT', 100), players(true)]).armed, false);
  });

  it('warns anew at the next first timeout (a new time, so the notice shows again)', () => {
    const again = run([warning('TIMED_OUT', 100), action('m1'), warning('TIMED_OUT', 900)]);
    assert.deepEqual(again, { armed: true, warnedAt: 900 });
  });
});

describe('the seconds of the turn timer', () => {
  it('counts whole seconds up, as a clock is read, and never below 0', () => {
    assert.equal(secondsLeft(10_000, 0), 10);
    assert.equal(secondsLeft(10_000, 5_800), 5);
    assert.equal(secondsLeft(10_000, 5_000), 5);
    assert.equal(secondsLeft(10_000, 9_999), 1);
    assert.equal(secondsLeft(10_000, 10_000), 0);
    assert.equal(secondsLeft(10_000, 20_000), 0);
  });
});
