import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type Card, type Play, type Seat, SEATS } from '@guandan/engine';
import type { AnyServerMessage } from '@guandan/protocol';
import fc from 'fast-check';
import { type Cue, playCue } from '../src/sound/cues';
import { FRESH_MEMORY, REPORT_AT, reportsDue, type SoundMemory, tableCues } from '../src/sound/table-cues';
import { dueTick, TICK_SECONDS } from '../src/sound/turn-ticks';
import { initialTableState, isMyTurn, reduceServerMessage, type TableState } from '../src/table/model/table-state';
import { matchMessages, playMatch, ROOM_ID } from './support/table-match';

interface Heard {
  state: TableState;
  cues: Cue[];
  /** Seats whose 报牌 this state brought. */
  reports: Seat[];
}

/** Feeds messages to the table one by one, as the hook does, and records what each state sounds like. */
function listen(messages: readonly AnyServerMessage[], catchingUp: (index: number) => boolean = () => false): Heard[] {
  let state = initialTableState(ROOM_ID);
  let memory: SoundMemory = FRESH_MEMORY;
  return messages.map((message, index) => {
    state = reduceServerMessage(state, message);
    const reports = state.view === null || catchingUp(index) ? [] : reportsDue(memory, state.view);
    const step = tableCues(memory, state, catchingUp(index));
    memory = step.memory;
    return { state, cues: step.cues, reports };
  });
}

const MATCHES = ['sound-cues-1', 'sound-cues-2', 'sound-cues-3'].map((seed) => playMatch(seed));

const card = (rank: string, suit = 'S'): Card => `${suit}${rank}` as Card;
const play = (type: Play['type'], cards: Card[]): Play => ({ type, rank: '9', cards });

describe('the cue of a play', () => {
  it('grows with the bomb: 4, 5 and 6+ cards, straight flush, joker bomb', () => {
    const nines = (n: number) => Array.from({ length: n }, (_, i) => card('9', 'SHCD'[i % 4]));
    assert.equal(playCue(play('Single', [card('9')])), 'play');
    assert.equal(playCue(play('Straight', [card('3'), card('4'), card('5'), card('6'), card('7')])), 'play');
    assert.equal(playCue(play('Bomb', nines(4))), 'bomb-4');
    assert.equal(playCue(play('Bomb', nines(5))), 'bomb-5');
    for (const n of [6, 7, 8, 10]) assert.equal(playCue(play('Bomb', nines(n))), 'bomb-6');
    assert.equal(playCue(play('StraightFlush', [card('3'), card('4'), card('5'), card('6'), card('7')])), 'straight-flush');
    assert.equal(playCue({ type: 'JokerBomb', rank: 'JOKER', cards: ['SB', 'SB', 'HR', 'HR'] as Card[] }), 'joker-bomb');
  });
});

describe('the cues of a whole match', () => {
  for (const [index, { start, steps }] of MATCHES.entries()) {
    for (const me of SEATS) {
      const heard = listen(matchMessages(start, steps, me));

      it(`match ${index + 1}, seat ${me}: every play, pass and deal result sounds`, () => {
        const expected = steps.flatMap((step) =>
          step.events.flatMap((event): Cue[] => {
            if (event.kind === 'played') return [playCue(event.play)];
            if (event.kind === 'passed') return ['pass'];
            if (event.kind === 'dealEnded') return [event.result.team === me % 2 ? 'won' : 'lost'];
            return [];
          }),
        );
        const eventCues = new Set<Cue>(['play', 'pass', 'bomb-4', 'bomb-5', 'bomb-6', 'straight-flush', 'joker-bomb', 'won', 'lost']);
        // One message may carry several events of one kind (they sound once): compare message by message.
        const perMessage = heard.map((entry) => entry.cues.filter((cue) => eventCues.has(cue)));
        const expectedPerMessage = matchMessages(start, steps, me).map((message) =>
          message.type !== 'PLAYER_ACTION'
            ? []
            : [
                ...new Set(
                  message.payload.events.flatMap((event): Cue[] =>
                    event.kind === 'played' ? [playCue(event.play)] : event.kind === 'passed' ? ['pass'] : event.kind === 'dealEnded' ? [event.result.team === me % 2 ? 'won' : 'lost'] : [],
                  ),
                ),
              ],
        );
        assert.deepEqual(perMessage, expectedPerMessage);
        assert.ok(expected.length > 0);
      });

      it(`match ${index + 1}, seat ${me}: 'turn' exactly when the turn comes to this player`, () => {
        let before = false;
        for (const { state, cues } of heard) {
          const now = isMyTurn(state);
          assert.equal(cues.includes('turn'), now && !before, `turn cue at deal ${state.view?.dealNumber}, seq ${state.lastSeq}`);
          before = now;
        }
      });

      it(`match ${index + 1}, seat ${me}: 报牌 once per player per deal, when they drop to ${REPORT_AT} cards or fewer`, () => {
        const reported = new Map<string, number>();
        const crossings = new Map<string, number>();
        let previous: readonly number[] | null = null;
        let deal: number | null = null;
        for (const { state, cues, reports } of heard) {
          const view = state.view;
          if (view === null) continue;
          if (view.dealNumber !== deal) previous = null;
          for (const seat of SEATS) {
            const was = previous?.[seat];
            const now = view.handCounts[seat];
            if (was !== undefined && was > REPORT_AT && now <= REPORT_AT && now > 0) crossings.set(`${view.dealNumber}:${seat}`, 1);
          }
          for (const seat of reports) reported.set(`${view.dealNumber}:${seat}`, (reported.get(`${view.dealNumber}:${seat}`) ?? 0) + 1);
          assert.equal(cues.includes('report'), reports.length > 0);
          previous = view.handCounts;
          deal = view.dealNumber;
        }
        assert.deepEqual([...reported.entries()].sort(), [...crossings.entries()].sort());
        assert.ok(crossings.size > 0, 'someone got down to 10 cards');
      });
    }
  }

  it('never sounds while catching up, and what was caught up with never sounds later', () => {
    const { start, steps } = MATCHES[0];
    const messages = matchMessages(start, steps, 0);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: messages.length }), (caughtUp) => {
        const heard = listen(messages, (index) => index < caughtUp);
        for (const entry of heard.slice(0, caughtUp)) assert.deepEqual(entry.cues, []);
        // Right after the catch-up, only what the next message brings may sound: nothing replayed from before.
        const next = heard[caughtUp];
        if (next !== undefined) {
          const live = listen(messages).at(caughtUp);
          for (const cue of next.cues) assert.ok(live?.cues.includes(cue) ?? false, `${cue} after catching up`);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('messages delivered again (RESUME, retries) sound nothing more', () => {
    const { start, steps } = MATCHES[1];
    const messages = matchMessages(start, steps, 2);
    const once = listen(messages).flatMap((entry) => entry.cues);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 30 }), (repeats) => {
        // Re-deliver messages already received: each (at, which) sends again, before original message `at`, one of
        // the messages before it. Inserted from the last position back, so each position still means the original.
        const stream = [...messages];
        const copies = repeats.map(([at, which]) => ({ position: 1 + (at % (messages.length - 1)), which }));
        for (const { position, which } of copies.sort((a, b) => b.position - a.position)) stream.splice(position, 0, messages[which % position]);
        assert.deepEqual(listen(stream).flatMap((entry) => entry.cues), once);
      }),
      { numRuns: 60 },
    );
  });

  it('a table joined mid-deal (a reload) never sounds 报牌 for players already at 10 or fewer', () => {
    const { start, steps } = MATCHES[2];
    const messages = matchMessages(start, steps, 1);
    const late = messages.findIndex((message) => message.type === 'GAME_STATE_UPDATE' && message.payload.view.handCounts.some((count) => count > 0 && count <= REPORT_AT));
    assert.ok(late > 0);
    // Join there: the first view already shows a low count; its owner is never announced this deal.
    const heard = listen(messages.slice(late));
    const firstView = heard[0].state.view;
    assert.ok(firstView !== null);
    const low = SEATS.filter((seat) => firstView.handCounts[seat] > 0 && firstView.handCounts[seat] <= REPORT_AT);
    for (const entry of heard) {
      if (entry.state.view?.dealNumber !== firstView.dealNumber) break;
      for (const seat of low) assert.ok(!entry.reports.includes(seat));
    }
  });

  it('auto-play silences the turn cue', () => {
    const { start, steps } = MATCHES[0];
    const messages = matchMessages(start, steps, 0).map((message) =>
      message.type === 'GAME_STATE_UPDATE'
        ? ({ ...message, payload: { ...message.payload, players: message.payload.players.map((player) => ({ ...player, autoPlay: true })) } } as AnyServerMessage)
        : message,
    );
    assert.ok(!listen(messages).some((entry) => entry.cues.includes('turn')));
  });
});

describe('the last seconds of a turn', () => {
  it(`ticks ${TICK_SECONDS} down to 1, each second once, whenever the timer looks`, () => {
    fc.assert(
      fc.property(fc.integer({ min: 6_000, max: 30_000 }), fc.array(fc.integer({ min: 1, max: 999 }), { minLength: 1, maxLength: 200 }), (limit, gaps) => {
        const deadline = 1_000_000 + limit;
        let now = 1_000_000;
        let last: number | null = null;
        const ticks: number[] = [];
        for (let i = 0; now < deadline + 1000; i++) {
          const second = dueTick(deadline, now, last);
          if (second !== null) {
            ticks.push(second);
            last = second;
          }
          now += gaps[i % gaps.length];
        }
        // Looked at least once a second: every one of the last seconds ticks once, in order.
        assert.deepEqual(ticks, [5, 4, 3, 2, 1]);
      }),
    );
  });

  it('a late timer skips a second, never ticks twice or goes back up', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 4_000 }), { maxLength: 40 }), (gaps) => {
        const deadline = 10_000;
        let now = 0;
        let last: number | null = null;
        const ticks: number[] = [];
        for (const gap of gaps) {
          now += gap;
          const second = dueTick(deadline, now, last);
          if (second !== null) {
            ticks.push(second);
            last = second;
          }
        }
        for (const [i, second] of ticks.entries()) {
          assert.ok(second >= 1 && second <= TICK_SECONDS);
          if (i > 0) assert.ok(second < ticks[i - 1]);
        }
      }),
    );
  });

  it('is silent before the last seconds and after the deadline', () => {
    assert.equal(dueTick(20_000, 0, null), null);
    assert.equal(dueTick(20_000, 14_999, null), null);
    assert.equal(dueTick(20_000, 15_000, null), 5);
    assert.equal(dueTick(20_000, 20_000, null), null);
    assert.equal(dueTick(20_000, 25_000, null), null);
  });
});
