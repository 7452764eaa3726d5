import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type Action, applyAction, type MatchState, replayMatch, type Rules, startMatch } from '@guandan/engine';
import type { Replay } from '@guandan/protocol';
import { type ReplayFrame, replayFrames } from '../src/replay/replay-model';
import type { TrickEntry } from '../src/table/model/table-state';
import { playMatch, TWO_DEALS } from './support/table-match';

/** The replay of a finished match as the server builds it, through JSON as it travels. */
function replayOf(seed: string, rules: Partial<Rules>): { replay: Replay; final: MatchState } {
  const { start, steps } = playMatch(seed, rules);
  const actions = steps.map((step) => step.action);
  const deals: Replay['deals'] = [{ number: 1, hands: start.deal.hands, first_action: 0 }];
  steps.forEach((step, index) => {
    if (step.events.some((event) => event.kind === 'dealStarted')) {
      deals.push({ number: step.after.deal.number, hands: step.after.deal.hands, first_action: index + 1 });
    }
  });
  const final = steps[steps.length - 1].after;
  const record: Replay['record'] = {
    game_id: '00000000-0000-4000-8000-000000000001',
    room_id: '00000000-0000-4000-8000-000000000002',
    game_mode: 'custom',
    players: [],
    winning_team: final.winner,
    deals: [],
    started_at: '2026-01-01T00:00:00.000Z',
    ended_at: '2026-01-01T00:20:00.000Z',
    duration_ms: 1_200_000,
  };
  const replay = JSON.parse(JSON.stringify({ record, seed, rules: final.rules, actions, deals })) as Replay;
  return { replay, final };
}

const MATCHES = [
  { seed: 'table-state-8', rules: TWO_DEALS },
  { seed: 'table-state-5', rules: TWO_DEALS },
  { seed: 'table-state-1', rules: TWO_DEALS },
  { seed: 'replay-three-deals', rules: { matchEnd: { kind: 'deals', deals: 3 } } as Partial<Rules> },
];

for (const { seed, rules } of MATCHES) {
  describe(`replay frames of ${seed}`, () => {
    const { replay, final } = replayOf(seed, rules);
    const frames = replayFrames(replay);
    const actions = replay.actions as unknown as Action[];

    it('has frame 0, one frame per action, and one more where each deal ends and the next is dealt', () => {
      assert.equal(frames.length, 1 + actions.length + (replay.deals.length - 1));
      frames.forEach((frame, index) => assert.equal(frame.index, index));
      assert.equal(frames[0].actionCount, 0);
      assert.equal(frames[frames.length - 1].actionCount, actions.length);
    });

    it('shows each deal as dealt at its first action', () => {
      for (const deal of replay.deals) {
        const frame = frames.find((candidate) => candidate.dealNumber === deal.number && candidate.actionCount === deal.first_action);
        assert.ok(frame !== undefined, `deal ${deal.number}`);
        assert.deepEqual(frame.hands, deal.hands);
        assert.equal(frame.lastAction, null);
        assert.deepEqual(frame.trick, []);
        assert.deepEqual(frame.finished, []);
      }
    });

    it('every frame is the engine state after its actions, with the trick the events tell', () => {
      let state = startMatch({ seed: replay.seed, rules: replay.rules as Partial<Rules> }).state;
      let trick: TrickEntry[] = [];
      let frame = 1;
      const check = (shown: ReplayFrame, expected: MatchState): void => {
        assert.deepEqual(shown.hands, expected.deal.hands);
        assert.deepEqual(shown.handCounts, expected.deal.hands.map((hand) => hand.length));
        assert.equal(shown.dealNumber, expected.deal.number);
        assert.equal(shown.turn, expected.deal.turn);
        assert.equal(shown.level, expected.deal.level);
        assert.deepEqual(shown.levels, expected.levels);
        assert.deepEqual(shown.finished, expected.deal.finished);
        assert.deepEqual(shown.trick, trick);
      };
      check(frames[0], state);
      actions.forEach((action, index) => {
        const before = state;
        const { state: after, events } = applyAction(before, action);
        for (const event of events) {
          if (event.kind === 'played') trick = [...trick, { seat: event.seat, play: event.play }];
          if (event.kind === 'passed') trick = [...trick, { seat: event.seat, play: null }];
          if (event.kind === 'trickWon') trick = [];
        }
        const ended = events.find((event) => event.kind === 'dealEnded');
        if (ended?.kind === 'dealEnded' && after.phase !== 'over') {
          const closing = frames[frame++];
          assert.equal(closing.dealNumber, before.deal.number);
          assert.deepEqual(closing.result, ended.result);
          assert.deepEqual(closing.finished, ended.result.order.slice(0, closing.finished.length));
          assert.ok(closing.finished.length >= 2);
          assert.equal(closing.turn, null);
          assert.deepEqual(closing.trick, trick);
          assert.deepEqual(closing.levels, after.levels);
          for (const rest of ended.result.restCards) assert.deepEqual(closing.hands[rest.seat], rest.cards);
          for (const seat of closing.finished) assert.deepEqual(closing.hands[seat], []);
          trick = [];
        }
        const shown = frames[frame++];
        assert.equal(shown.actionCount, index + 1);
        check(shown, after);
        if (action.kind === 'play' || action.kind === 'pass') {
          const play = events.find((event) => event.kind === 'played');
          const expected = { seat: action.seat, play: play?.kind === 'played' ? play.play : null };
          assert.deepEqual(ended !== undefined && after.phase !== 'over' ? frames[frame - 2].lastAction : shown.lastAction, expected);
        }
        const exchanges = events.flatMap((event) => (event.kind === 'tributePaid' || event.kind === 'tributeReturned' ? [event.exchange] : []));
        assert.deepEqual(shown.exchanges, exchanges);
        state = after;
      });
      assert.equal(frame, frames.length);
    });

    it('ends on the final state of the match: its last deal, result and levels', () => {
      const last = frames[frames.length - 1];
      assert.deepEqual(last.result, final.history[final.history.length - 1]);
      assert.deepEqual(last.levels, final.levels);
      assert.deepEqual(replayMatch({ seed: replay.seed, rules: replay.rules as Partial<Rules> }, actions), final);
      assert.equal(last.dealNumber, final.history.length);
    });
  });
}
