import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  type Action,
  applyAction,
  actorsOf,
  cardId,
  cardOrder,
  DEFAULT_RULES,
  legalActions,
  type MatchState,
  type Rank,
  rankIndex,
  replayMatch,
  resolveRules,
  type Rules,
  type Seat,
  startMatch,
  type Transition,
  viewFor,
} from '../src/index.js';
import { settleDeal } from '../src/match/settle.js';
import {
  applyAll,
  assertRefused,
  craftState,
  craftTribute,
  eventsOf,
  finishDeal,
  pass,
  pastDeal,
  play,
} from './support/states.js';

/** Seat 0 to lead; nobody can go out in one play. */
function leadState(): MatchState {
  return craftState({
    hands: [
      ['S3', 'S4', 'D4', 'S5', 'S7'],
      ['S6', 'S8', 'ST'],
      ['S9', 'SJ', 'C9'],
      ['SQ', 'SK', 'CQ'],
    ],
    turn: 0,
  });
}

/** Single tribute owed by seat 3 to seat 0 at level 5. */
function singleTributeState(giverHand = ['H5', 'H5', 'S5', 'SA', 'D3'], receiverHand = ['S4', 'SJ', 'D6']): MatchState {
  return craftTribute([0, 1, 2, 3], [receiverHand, ['C4', 'C7'], ['C8', 'C9'], giverHand], { levels: ['5', '2'] });
}

/** The state after seat 3 paid its tribute card `card` in `singleTributeState`: seat 0 owes a return. */
function returnState(receiverHand: string[], level: Rank = '5', rules: Partial<Rules> = {}): MatchState {
  const state = craftTribute([0, 1, 2, 3], [receiverHand, ['C4', 'C7'], ['C8', 'C9'], ['SA', 'S3']], {
    levels: [level, '2'],
    rules,
  });
  return applyAction(state, { kind: 'tribute', seat: 3, card: 'SA' }).state;
}

/** A match just won at A by team 0 (levels A and 7, deal at team 0's A, finish 1-2). */
function overState(): MatchState {
  const { state } = finishDeal([0], 2, { levels: ['A', '7'], levelTeam: 0 });
  assert.equal(state.phase, 'over');
  return state;
}

/** Searches seeds for a deal end whose next deal satisfies `accept`. */
function findNextDeal(out: Seat[], last: Seat, accept: (transition: Transition) => boolean, rules: Partial<Rules> = {}): Transition {
  for (let seed = 0; seed < 3000; seed++) {
    const transition = finishDeal(out, last, { seed, rules });
    if (accept(transition)) return transition;
  }
  assert.fail('no seed gave the wanted next deal');
}

const countOf = (hand: readonly string[], card: string): number => hand.filter((held) => held === card).length;
const cardsOf = (actions: Action[]): string[] =>
  actions.map((action) => (action.kind === 'tribute' || action.kind === 'return' ? action.card : '')).sort();

describe('refused actions throw typed errors and change nothing', () => {
  it('NOT_YOUR_TURN: a seat plays or passes out of turn', () => {
    const state = leadState();
    assertRefused(state, play(1, 'S6'), 'NOT_YOUR_TURN');
    assertRefused(state, play(3, 'SQ'), 'NOT_YOUR_TURN');
    const afterLead = applyAction(state, play(0, 'S3')).state;
    assertRefused(afterLead, pass(2), 'NOT_YOUR_TURN');
    assertRefused(afterLead, play(0, 'S4'), 'NOT_YOUR_TURN');
  });

  it('NOT_YOUR_TURN: a seat that owes no tribute pays one, or a giver pays twice', () => {
    const single = singleTributeState();
    assertRefused(single, { kind: 'tribute', seat: 1, card: 'C7' }, 'NOT_YOUR_TURN');
    assertRefused(single, { kind: 'tribute', seat: 0, card: 'SJ' }, 'NOT_YOUR_TURN');
    const double = craftTribute([0, 2, 1, 3], [['S3'], ['SA', 'S4', 'C4'], ['S5'], ['SK', 'C6', 'D6']]);
    const oneGiven = applyAction(double, { kind: 'tribute', seat: 1, card: 'SA' }).state;
    assertRefused(oneGiven, { kind: 'tribute', seat: 1, card: 'S4' }, 'NOT_YOUR_TURN');
  });

  it('NOT_YOUR_TURN: a seat that received no tribute returns a card', () => {
    const state = returnState(['S4', 'SJ', 'D6']);
    assertRefused(state, { kind: 'return', seat: 2, card: 'C8' }, 'NOT_YOUR_TURN');
    assertRefused(state, { kind: 'return', seat: 3, card: 'S3' }, 'NOT_YOUR_TURN');
  });

  it('WRONG_PHASE: a play during tribute, a tribute or return during play, a return during tribute', () => {
    const tribute = singleTributeState();
    assertRefused(tribute, play(3, 'D3'), 'WRONG_PHASE');
    assertRefused(tribute, { kind: 'return', seat: 0, card: 'S4' }, 'WRONG_PHASE');
    const playing = leadState();
    assertRefused(playing, { kind: 'tribute', seat: 0, card: 'S7' }, 'WRONG_PHASE');
    assertRefused(playing, { kind: 'return', seat: 0, card: 'S3' }, 'WRONG_PHASE');
    const returning = returnState(['S4', 'SJ', 'D6']);
    assertRefused(returning, pass(0), 'WRONG_PHASE');
    assertRefused(returning, { kind: 'tribute', seat: 3, card: 'S3' }, 'WRONG_PHASE');
  });

  it('CARDS_NOT_IN_HAND: playing, paying or returning a card the seat does not hold', () => {
    const state = leadState();
    assertRefused(state, play(0, 'SA'), 'CARDS_NOT_IN_HAND');
    assertRefused(state, play(0, 'S3 S3'), 'CARDS_NOT_IN_HAND');
    assertRefused(state, play(0, 'S6'), 'CARDS_NOT_IN_HAND');
    assertRefused(singleTributeState(), { kind: 'tribute', seat: 3, card: 'HR' }, 'CARDS_NOT_IN_HAND');
    assertRefused(returnState(['S4', 'SJ', 'D6']), { kind: 'return', seat: 0, card: 'S2' }, 'CARDS_NOT_IN_HAND');
  });

  it('NOT_A_PLAY: cards that form no combination', () => {
    const state = leadState();
    assertRefused(state, play(0, 'S3 S5'), 'NOT_A_PLAY');
    assertRefused(state, play(0, 'S3 S4 S5 S7'), 'NOT_A_PLAY');
    assertRefused(state, play(0, 'S4 D4 S5'), 'NOT_A_PLAY');
  });

  it('DOES_NOT_BEAT: a lower, equal or differently shaped play over the table', () => {
    const state = craftState({
      hands: [['S3', 'S7', 'D7', 'C8', 'D8', 'SK'], ['S6'], ['S9', 'C9'], ['C7', 'SQ']],
      turn: 0,
      trick: { leader: 3, lastPlay: { type: 'Single', rank: '7', cards: ['C7'] }, lastSeat: 3, passes: 0 },
    });
    assertRefused(state, play(0, 'S3'), 'DOES_NOT_BEAT');
    assertRefused(state, play(0, 'S7'), 'DOES_NOT_BEAT');
    assertRefused(state, play(0, 'C8 D8'), 'DOES_NOT_BEAT');
    assert.equal(applyAction(state, play(0, 'SK')).state.deal.trick.lastSeat, 0);
  });

  it('LEADER_CANNOT_PASS: the leader of a trick must play', () => {
    assertRefused(leadState(), pass(0), 'LEADER_CANNOT_PASS');
    const trickWon = applyAll(leadState(), [play(0, 'S3'), pass(1), pass(2), pass(3)]).state;
    assert.equal(trickWon.deal.turn, 0);
    assertRefused(trickWon, pass(0), 'LEADER_CANNOT_PASS');
  });

  it('TRIBUTE_NOT_ALLOWED: a card lower than the highest, or the ♥ level card', () => {
    const state = singleTributeState();
    assertRefused(state, { kind: 'tribute', seat: 3, card: 'SA' }, 'TRIBUTE_NOT_ALLOWED');
    assertRefused(state, { kind: 'tribute', seat: 3, card: 'D3' }, 'TRIBUTE_NOT_ALLOWED');
    assertRefused(state, { kind: 'tribute', seat: 3, card: 'H5' }, 'TRIBUTE_NOT_ALLOWED');
  });

  it('RETURN_NOT_ALLOWED: a card above 10 or of the level rank while a lower one is held', () => {
    const state = returnState(['S4', 'SJ', 'D5', 'HR']);
    assertRefused(state, { kind: 'return', seat: 0, card: 'SJ' }, 'RETURN_NOT_ALLOWED');
    assertRefused(state, { kind: 'return', seat: 0, card: 'SA' }, 'RETURN_NOT_ALLOWED');
    assertRefused(state, { kind: 'return', seat: 0, card: 'D5' }, 'RETURN_NOT_ALLOWED');
    assertRefused(state, { kind: 'return', seat: 0, card: 'HR' }, 'RETURN_NOT_ALLOWED');
  });

  it('READING_NOT_AVAILABLE: a declared reading the cards do not have', () => {
    const state = leadState();
    assertRefused(state, play(0, 'S3', { type: 'Pair', rank: '3' }), 'READING_NOT_AVAILABLE');
    assertRefused(state, play(0, 'S3', { type: 'Single', rank: '4' }), 'READING_NOT_AVAILABLE');
    assertRefused(state, play(0, 'S4 D4', { type: 'Pair', rank: 'HR' }), 'READING_NOT_AVAILABLE');
    assertRefused(state, { kind: 'play', seat: 0, cards: ['S3'], reading: { type: 'Single', rank: 'X' } }, 'READING_NOT_AVAILABLE');
    assertRefused(state, { kind: 'play', seat: 0, cards: ['S3'], reading: { type: 'Quad', rank: '3' } }, 'READING_NOT_AVAILABLE');
  });

  it('BAD_ACTION: malformed actions', () => {
    const state = leadState();
    assertRefused(state, null, 'BAD_ACTION');
    assertRefused(state, 'play', 'BAD_ACTION');
    assertRefused(state, { kind: 'dance', seat: 0 }, 'BAD_ACTION');
    assertRefused(state, { kind: 'play', seat: 4, cards: ['S3'] }, 'BAD_ACTION');
    assertRefused(state, { kind: 'pass', seat: '0' }, 'BAD_ACTION');
    assertRefused(state, { kind: 'play', seat: 0, cards: [] }, 'BAD_ACTION');
    assertRefused(state, { kind: 'play', seat: 0, cards: 'S3' }, 'BAD_ACTION');
    assertRefused(state, { kind: 'play', seat: 0, cards: ['S3'], reading: null }, 'BAD_ACTION');
    assertRefused(state, { kind: 'timeUp' }, 'BAD_ACTION');
  });

  it('BAD_CARD: strings that are not cards', () => {
    const state = leadState();
    assertRefused(state, { kind: 'play', seat: 0, cards: ['S1'] }, 'BAD_CARD');
    assertRefused(state, { kind: 'play', seat: 0, cards: ['S3', 'S10'] }, 'BAD_CARD');
    assertRefused(state, { kind: 'play', seat: 0, cards: ['XX'] }, 'BAD_CARD');
    assertRefused(singleTributeState(), { kind: 'tribute', seat: 3, card: 'ZZ' }, 'BAD_CARD');
    assertRefused(returnState(['S4', 'SJ', 'D6']), { kind: 'return', seat: 0, card: 'h4' }, 'BAD_CARD');
  });

  it('MATCH_OVER: every action after the match has ended', () => {
    const state = overState();
    const seat = state.history.at(-1)?.order[2] ?? 3;
    assertRefused(state, play(seat, 'S4'), 'MATCH_OVER');
    assertRefused(state, pass(seat), 'MATCH_OVER');
    assertRefused(state, { kind: 'tribute', seat, card: 'S4' }, 'MATCH_OVER');
    assertRefused(state, { kind: 'return', seat, card: 'S4' }, 'MATCH_OVER');
    assertRefused(state, { kind: 'timeUp' }, 'MATCH_OVER');
    assert.deepEqual(actorsOf(state), []);
    for (const any of [0, 1, 2, 3] as const) assert.deepEqual(legalActions(state, any), []);
  });

  it('a legal action returns a new state and leaves the given one unchanged', () => {
    const state = startMatch({ seed: 'purity' }).state;
    const before = structuredClone(state);
    const seat = actorsOf(state)[0];
    for (const action of legalActions(state, seat).slice(0, 50)) {
      const next = applyAction(state, action).state;
      assert.notDeepEqual(next, state);
      assert.deepEqual(state, before);
    }
  });
});

describe('ambiguous plays and declared readings', () => {
  const overTrips = (rank: Rank, cards: string): MatchState =>
    craftState({
      hands: [['S8', 'D8', 'S9', 'D9', 'H2', 'S3', 'C9', 'D9', 'S9', 'H2'], ['S4'], ['S5'], ['S6', 'S7']],
      turn: 0,
      trick: { leader: 3, lastPlay: { type: 'ThreeWithTwo', rank, cards: cards.split(' ') }, lastSeat: 3, passes: 0 },
    });

  it('without a reading, the strongest reading that beats the table is taken', () => {
    const over7 = overTrips('7', 'S7 D7 C7 S4 D4');
    const played = eventsOf(applyAction(over7, play(0, 'S8 D8 S9 D9 H2')).events, 'played')[0];
    assert.deepEqual({ type: played.play.type, rank: played.play.rank }, { type: 'ThreeWithTwo', rank: '9' });
    const lead = craftState({ hands: [['S9', 'C9', 'D9', 'H2', 'H2', 'S3'], ['S4'], ['S5'], ['S6']], turn: 0 });
    const bomb = eventsOf(applyAction(lead, play(0, 'S9 C9 D9 H2 H2')).events, 'played')[0];
    assert.deepEqual({ type: bomb.play.type, rank: bomb.play.rank }, { type: 'Bomb', rank: '9' });
  });

  it('without a reading, a weaker reading is taken when only it beats the table', () => {
    const over8 = overTrips('8', 'S8 C8 H8 S4 D4');
    const played = eventsOf(applyAction(over8, play(0, 'S8 D8 S9 D9 H2')).events, 'played')[0];
    assert.equal(played.play.rank, '9');
    assertRefused(overTrips('9', 'S9 C9 H9 S4 D4'), play(0, 'S8 D8 S9 D9 H2'), 'DOES_NOT_BEAT');
  });

  it('with a reading, that reading is taken even when a stronger one exists', () => {
    const over7 = overTrips('7', 'S7 D7 C7 S4 D4');
    const next = applyAction(over7, play(0, 'S8 D8 S9 D9 H2', { type: 'ThreeWithTwo', rank: '8' })).state;
    assert.deepEqual(next.deal.trick.lastPlay, { type: 'ThreeWithTwo', rank: '8', cards: ['S8', 'D8', 'S9', 'D9', 'H2'] });
    const lead = craftState({ hands: [['S9', 'C9', 'D9', 'H2', 'H2', 'S3'], ['S4'], ['S5'], ['S6']], turn: 0 });
    const declared = applyAction(lead, play(0, 'S9 C9 D9 H2 H2', { type: 'ThreeWithTwo', rank: '9' })).state;
    assert.equal(declared.deal.trick.lastPlay?.type, 'ThreeWithTwo');
  });

  it('a declared reading that does not beat the table is refused', () => {
    assertRefused(overTrips('8', 'S8 C8 H8 S4 D4'), play(0, 'S8 D8 S9 D9 H2', { type: 'ThreeWithTwo', rank: '8' }), 'DOES_NOT_BEAT');
  });
});

describe('tricks', () => {
  /** Four hands where nobody goes out during the first trick. */
  const trickState = (): MatchState =>
    craftState({
      hands: [
        ['S3', 'S7', 'SK', 'DK'],
        ['S9', 'SA', 'D4', 'D6'],
        ['S5', 'C3', 'D3', 'C6'],
        ['S6', 'C4', 'C5', 'C8'],
      ],
      turn: 0,
    });

  it('a seat that passed plays again when the turn comes back to it', () => {
    const { state, events } = applyAll(trickState(), [play(0, 'S3'), pass(1), play(2, 'S5'), pass(3), play(0, 'S7'), play(1, 'S9')]);
    assert.equal(state.deal.trick.lastSeat, 1);
    assert.equal(state.deal.turn, 2);
    assert.deepEqual(eventsOf(events, 'trickWon'), []);
    const done = applyAll(state, [pass(2), pass(3), pass(0)]);
    assert.deepEqual(eventsOf(done.events, 'trickWon'), [{ kind: 'trickWon', seat: 1, leader: 1 }]);
    assert.equal(done.state.deal.turn, 1);
    assert.deepEqual(done.state.deal.trick, { leader: 1, lastPlay: null, lastSeat: null, passes: 0 });
  });

  it('the trick ends only when the turn returns to the standing player, who then leads anything', () => {
    const twoPasses = applyAll(trickState(), [play(0, 'S3'), pass(1), pass(2)]);
    assert.deepEqual(eventsOf(twoPasses.events, 'trickWon'), []);
    assert.equal(twoPasses.state.deal.turn, 3);
    assertRefused(twoPasses.state, play(3, 'C4 C5'), 'NOT_A_PLAY');
    const ended = applyAction(twoPasses.state, pass(3));
    assert.deepEqual(eventsOf(ended.events, 'trickWon'), [{ kind: 'trickWon', seat: 0, leader: 0 }]);
    assert.equal(ended.state.deal.turn, 0);
    assert.equal(ended.state.deal.trick.lastPlay, null);
    const pair = applyAction(ended.state, play(0, 'SK DK')).state;
    assert.equal(pair.deal.trick.lastPlay?.type, 'Pair');
  });

  it('players who are out are skipped, both in turn and in counting passes', () => {
    const state = craftState({
      hands: [['S3', 'S7'], [], ['S5', 'C3'], ['S6', 'C4']],
      finished: [1],
      turn: 0,
    });
    const afterLead = applyAction(state, play(0, 'S3')).state;
    assert.equal(afterLead.deal.turn, 2);
    const afterPass = applyAction(afterLead, pass(2)).state;
    assert.equal(afterPass.deal.turn, 3);
    const ended = applyAction(afterPass, pass(3));
    assert.deepEqual(eventsOf(ended.events, 'trickWon'), [{ kind: 'trickWon', seat: 0, leader: 0 }]);
    assert.equal(ended.state.deal.turn, 0);
    const wrapAround = applyAll(state, [play(0, 'S3'), pass(2), play(3, 'S6')]).state;
    assert.equal(wrapAround.deal.turn, 0, 'seat 1 is out, so seat 3 passes the turn to seat 0');
  });

  it('接风: a player who goes out with a play nobody beats hands the lead to the partner', () => {
    const state = craftState({ hands: [['S9'], ['S3', 'S4'], ['S5', 'S6'], ['S7', 'S8']], turn: 0 });
    const { state: after, events } = applyAll(state, [play(0, 'S9'), pass(1), pass(2), pass(3)]);
    assert.deepEqual(eventsOf(events, 'playerOut'), [{ kind: 'playerOut', seat: 0, place: 1 }]);
    assert.deepEqual(eventsOf(events, 'trickWon'), [{ kind: 'trickWon', seat: 0, leader: 2 }]);
    assert.equal(after.deal.turn, 2);
    assert.deepEqual(after.deal.trick, { leader: 2, lastPlay: null, lastSeat: null, passes: 0 });
  });

  it('接风 also when the player went out following the leader, after everyone else passed', () => {
    const state = craftState({ hands: [['S3', 'S4'], ['S9'], ['S5', 'S6'], ['S7', 'S8']], turn: 0 });
    const { state: after, events } = applyAll(state, [play(0, 'S3'), play(1, 'S9'), pass(2), pass(3), pass(0)]);
    assert.deepEqual(eventsOf(events, 'trickWon'), [{ kind: 'trickWon', seat: 1, leader: 3 }]);
    assert.equal(after.deal.turn, 3);
  });

  it('接风 goes to the partner of the player whose play stands when two players go out in one trick', () => {
    const state = craftState({ hands: [['S3'], ['S9'], ['S5', 'S6'], ['S7', 'S8']], turn: 0 });
    const { state: after, events } = applyAll(state, [play(0, 'S3'), play(1, 'S9'), pass(2), pass(3)]);
    assert.deepEqual(after.deal.finished, [0, 1]);
    assert.deepEqual(eventsOf(events, 'trickWon'), [{ kind: 'trickWon', seat: 1, leader: 3 }]);
    assert.equal(after.deal.turn, 3);
  });

  it('a player who goes out with a play that is beaten does not pass the lead to the partner', () => {
    const state = craftState({ hands: [['S3'], ['S9', 'S4'], ['S5', 'S6'], ['S7', 'S8']], turn: 0 });
    const { state: after, events } = applyAll(state, [play(0, 'S3'), play(1, 'S9'), pass(2), pass(3)]);
    assert.deepEqual(eventsOf(events, 'trickWon'), [{ kind: 'trickWon', seat: 1, leader: 1 }]);
    assert.equal(after.deal.turn, 1);
  });
});

describe('the end of a deal', () => {
  it('does not end when one player is out, nor when two players of different teams are out', () => {
    const one = craftState({ hands: [['S3'], ['S4', 'S5'], ['S6', 'S7'], ['S8', 'S9']], turn: 0 });
    const afterOne = applyAction(one, play(0, 'S3'));
    assert.deepEqual(eventsOf(afterOne.events, 'dealEnded'), []);
    assert.equal(afterOne.state.deal.turn, 1);
    const two = craftState({ hands: [[], ['S4'], ['S6', 'S7'], ['S8', 'S9']], finished: [0], turn: 1 });
    const afterTwo = applyAction(two, play(1, 'S4'));
    assert.deepEqual(eventsOf(afterTwo.events, 'playerOut'), [{ kind: 'playerOut', seat: 1, place: 2 }]);
    assert.deepEqual(eventsOf(afterTwo.events, 'dealEnded'), []);
    assert.deepEqual(afterTwo.state.deal.finished, [0, 1]);
    assert.equal(afterTwo.state.deal.turn, 2);
  });

  it('ends when both players of a team are out; the others follow in turn order', () => {
    const { events } = finishDeal([0], 2);
    const [ended] = eventsOf(events, 'dealEnded');
    assert.deepEqual(ended.result.order, [0, 2, 3, 1]);
    assert.deepEqual(ended.result.restCards, [
      { seat: 3, cards: ['S4', 'D5', 'C6'] },
      { seat: 1, cards: ['S4', 'D5', 'C6'] },
    ]);
    assert.deepEqual(eventsOf(finishDeal([1], 3).events, 'dealEnded')[0].result.order, [1, 3, 0, 2]);
    assert.deepEqual(eventsOf(finishDeal([3], 1).events, 'dealEnded')[0].result.order, [3, 1, 2, 0]);
  });

  it('ends when three players are out, with the finishing order in the dealEnded event', () => {
    assert.deepEqual(eventsOf(finishDeal([0, 1], 2).events, 'dealEnded')[0].result.order, [0, 1, 2, 3]);
    assert.deepEqual(eventsOf(finishDeal([0, 1], 3).events, 'dealEnded')[0].result.order, [0, 1, 3, 2]);
    assert.deepEqual(eventsOf(finishDeal([2, 1], 3).events, 'dealEnded')[0].result.order, [2, 1, 3, 0]);
  });

  it('is followed at once by the next deal: 27 cards each, a new deal number, in history', () => {
    const { state, events } = finishDeal([0], 2);
    assert.deepEqual(
      events.slice(0, 4).map((event) => event.kind),
      ['played', 'playerOut', 'dealEnded', 'dealStarted'],
    );
    assert.equal(state.deal.number, 2);
    assert.equal(state.history.length, 1);
    for (const hand of state.deal.hands) assert.equal(hand.length, 27);
    assert.deepEqual(state.deal.log, []);
    assert.deepEqual(state.deal.finished, []);
  });
});

describe('levels after a deal (through the engine)', () => {
  const levelsAfter = (out: Seat[], last: Seat, levels: [Rank, Rank]): [Rank, Rank] =>
    finishDeal(out, last, { levels, levelTeam: 1 }).state.levels;

  it('the first finisher team goes up +3, +2, +1 for the partner 2nd, 3rd, 4th; the other team stays', () => {
    assert.deepEqual(levelsAfter([1], 3, ['4', '6']), ['4', '9']);
    assert.deepEqual(levelsAfter([1, 0], 3, ['4', '6']), ['4', '8']);
    assert.deepEqual(levelsAfter([1, 0], 2, ['4', '6']), ['4', '7']);
    assert.deepEqual(levelsAfter([0], 2, ['4', '6']), ['7', '6']);
    assert.deepEqual(levelsAfter([0, 3], 2, ['4', '6']), ['6', '6']);
    assert.deepEqual(levelsAfter([2, 3], 1, ['4', '6']), ['5', '6']);
  });

  it('the rise is reported in the deal result', () => {
    const [ended] = eventsOf(finishDeal([1, 0], 3, { levels: ['4', '6'], levelTeam: 1 }).events, 'dealEnded');
    assert.equal(ended.result.team, 1);
    assert.equal(ended.result.rise, 2);
    assert.deepEqual(ended.result.levels, ['4', '8']);
  });

  it('levels stop at A', () => {
    assert.deepEqual(levelsAfter([0], 2, ['K', '6']), ['A', '6']);
    assert.deepEqual(levelsAfter([0], 2, ['J', '6']), ['A', '6']);
    assert.deepEqual(levelsAfter([1, 0], 3, ['4', 'Q']), ['4', 'A']);
    assert.deepEqual(levelsAfter([1, 0], 2, ['4', 'K']), ['4', 'A']);
  });

  it("the next deal is played at the first finisher's team level, even when that team is behind", () => {
    const ahead = finishDeal([1], 3, { levels: ['5', '9'], levelTeam: 1 }).state;
    assert.equal(ahead.deal.level, 'Q');
    assert.equal(ahead.deal.levelTeam, 1);
    const behind = finishDeal([0, 1], 2, { levels: ['3', '9'], levelTeam: 1 }).state;
    assert.deepEqual(behind.levels, ['5', '9']);
    assert.equal(behind.deal.level, '5');
    assert.equal(behind.deal.levelTeam, 0);
    const dealStarted = eventsOf(finishDeal([0, 1], 2, { levels: ['3', '9'], levelTeam: 1 }).events, 'dealStarted')[0];
    assert.equal(dealStarted.level, '5');
    assert.equal(dealStarted.levelTeam, 0);
  });
});

describe('winning and failing at A (through the engine)', () => {
  const atAce = { levels: ['A', '7'] as [Rank, Rank], levelTeam: 0 as const };

  it('a team wins the match at its own A with the partner 2nd', () => {
    const { state, events } = finishDeal([0], 2, atAce);
    assert.equal(state.phase, 'over');
    assert.equal(state.winner, 0);
    assert.deepEqual(eventsOf(events, 'matchEnded'), [{ kind: 'matchEnded', winner: 0, levels: ['A', '7'] }]);
    assert.deepEqual(eventsOf(events, 'dealStarted'), []);
  });

  it('by default a team also wins at its own A with the partner 3rd', () => {
    const { state } = finishDeal([2, 1], 0, atAce);
    assert.equal(state.phase, 'over');
    assert.equal(state.winner, 0);
  });

  it("with aWinRequires 'first-and-second', the partner 3rd is a failed attempt, the partner 2nd still wins", () => {
    const rules: Partial<Rules> = { aWinRequires: 'first-and-second' };
    const third = finishDeal([0, 1], 2, { ...atAce, rules });
    assert.notEqual(third.state.phase, 'over');
    assert.equal(third.state.winner, null);
    assert.deepEqual(third.state.aFailures, [1, 0]);
    assert.equal(eventsOf(third.events, 'dealEnded')[0].result.failedAttempt, 0);
    assert.equal(third.state.deal.level, 'A');
    const second = finishDeal([2], 0, { ...atAce, rules });
    assert.equal(second.state.phase, 'over');
    assert.equal(second.state.winner, 0);
  });

  it('the partner 4th at the own A is a failed attempt', () => {
    const { state, events } = finishDeal([0, 1], 3, atAce);
    assert.notEqual(state.phase, 'over');
    assert.deepEqual(state.levels, ['A', '7']);
    assert.deepEqual(state.aFailures, [1, 0]);
    assert.equal(eventsOf(events, 'dealEnded')[0].result.failedAttempt, 0);
  });

  it('the other team finishing first is a failed attempt for the team at A', () => {
    const { state, events } = finishDeal([1], 3, { ...atAce, aFailures: [1, 0] });
    assert.deepEqual(state.levels, ['A', 'T']);
    assert.deepEqual(state.aFailures, [2, 0]);
    const result = eventsOf(events, 'dealEnded')[0].result;
    assert.equal(result.failedAttempt, 0);
    assert.equal(result.demoted, null);
    assert.equal(state.deal.level, 'T');
  });

  it("a team at A does not win with a deal played at the other team's level", () => {
    const { state, events } = finishDeal([0], 2, { levels: ['A', '7'], levelTeam: 1 });
    assert.notEqual(state.phase, 'over');
    assert.deepEqual(state.levels, ['A', '7']);
    assert.deepEqual(state.aFailures, [0, 0]);
    assert.equal(eventsOf(events, 'dealEnded')[0].result.failedAttempt, null);
    assert.equal(state.deal.level, 'A');
    assert.equal(state.deal.levelTeam, 0);
  });

  it('the third failed attempt sends the team back to 2 and clears its count', () => {
    const { state, events } = finishDeal([1], 3, { ...atAce, aFailures: [2, 0] });
    assert.deepEqual(state.levels, ['2', 'T']);
    assert.deepEqual(state.aFailures, [0, 0]);
    assert.equal(eventsOf(events, 'dealEnded')[0].result.demoted, 0);
    const ownFirst = finishDeal([0, 1], 3, { ...atAce, aFailures: [2, 0] }).state;
    assert.deepEqual(ownFirst.levels, ['2', '7']);
    assert.equal(ownFirst.deal.level, '2');
    assert.equal(ownFirst.deal.levelTeam, 0);
  });

  it('aMaxFailures 1 demotes after the first failure; aMaxFailures none never demotes', () => {
    const one = finishDeal([1], 3, { ...atAce, rules: { aMaxFailures: 1 } }).state;
    assert.deepEqual(one.levels, ['2', 'T']);
    assert.deepEqual(one.aFailures, [0, 0]);
    const none = finishDeal([1], 3, { ...atAce, aFailures: [7, 0], rules: { aMaxFailures: 'none' } }).state;
    assert.deepEqual(none.levels, ['A', 'T']);
    assert.deepEqual(none.aFailures, [8, 0]);
  });
});

describe('settleDeal', () => {
  const rules = resolveRules({});
  const settle = (
    level: Rank,
    levelTeam: 0 | 1 | null,
    order: Seat[],
    levels: [Rank, Rank],
    aFailures: [number, number] = [0, 0],
    options: Partial<Rules> = {},
  ) => settleDeal(level, levelTeam, order, levels, aFailures, resolveRules(options));

  it('only the first finisher team rises, by 4 minus the partner place', () => {
    for (const [order, rise] of [
      [[0, 2, 1, 3], 3],
      [[0, 1, 2, 3], 2],
      [[0, 1, 3, 2], 1],
      [[3, 1, 0, 2], 3],
      [[3, 0, 1, 2], 2],
      [[3, 2, 0, 1], 1],
    ] as [Seat[], number][]) {
      const { result, matchWinner } = settleDeal('2', null, order, ['2', '2'], [0, 0], rules);
      const team = order[0] % 2;
      assert.equal(result.team, team);
      assert.equal(result.rise, rise);
      assert.equal(result.levels[team], ['2', '3', '4', '5'][rise]);
      assert.equal(result.levels[1 - team], '2');
      assert.equal(matchWinner, null);
    }
  });

  it('does not change the levels passed in', () => {
    const levels: [Rank, Rank] = ['5', '6'];
    const aFailures: [number, number] = [2, 0];
    settleDeal('A', 0, [1, 3, 0, 2], levels, aFailures, rules);
    assert.deepEqual(levels, ['5', '6']);
    assert.deepEqual(aFailures, [2, 0]);
  });

  it('caps at A', () => {
    assert.deepEqual(settle('Q', 0, [0, 2, 1, 3], ['Q', '3']).result.levels, ['A', '3']);
    assert.deepEqual(settle('K', 1, [1, 0, 2, 3], ['3', 'K']).result.levels, ['3', 'A']);
    assert.deepEqual(settle('A', 1, [0, 1, 3, 2], ['A', 'A']).result.levels, ['A', 'A']);
  });

  it('wins at the own A with the partner 2nd, or 3rd by default', () => {
    assert.equal(settle('A', 0, [0, 2, 1, 3], ['A', '9']).matchWinner, 0);
    assert.equal(settle('A', 0, [2, 1, 0, 3], ['A', '9']).matchWinner, 0);
    assert.equal(settle('A', 1, [3, 1, 0, 2], ['9', 'A']).matchWinner, 1);
    assert.equal(settle('A', 1, [1, 2, 3, 0], ['9', 'A']).matchWinner, 1);
  });

  it("with 'first-and-second' only the partner 2nd wins", () => {
    const options: Partial<Rules> = { aWinRequires: 'first-and-second' };
    assert.equal(settle('A', 0, [0, 2, 1, 3], ['A', '9'], [0, 0], options).matchWinner, 0);
    const third = settle('A', 0, [0, 1, 2, 3], ['A', '9'], [0, 0], options);
    assert.equal(third.matchWinner, null);
    assert.equal(third.result.failedAttempt, 0);
    assert.deepEqual(third.result.aFailures, [1, 0]);
  });

  it('no win at A outside the own A deal, nor in the first deal', () => {
    const otherLevel = settle('9', 1, [0, 2, 1, 3], ['A', '9']);
    assert.equal(otherLevel.matchWinner, null);
    assert.equal(otherLevel.result.failedAttempt, null);
    const otherAce = settle('A', 1, [0, 2, 1, 3], ['A', 'A']);
    assert.equal(otherAce.matchWinner, null);
    assert.equal(otherAce.result.failedAttempt, 1);
    const firstDeal = settle('2', null, [0, 2, 1, 3], ['2', '2']);
    assert.equal(firstDeal.matchWinner, null);
    assert.equal(firstDeal.result.failedAttempt, null);
  });

  it('counts failed attempts at A and demotes to 2 at the limit', () => {
    const first = settle('A', 0, [1, 3, 0, 2], ['A', '5']);
    assert.deepEqual(first.result.aFailures, [1, 0]);
    assert.deepEqual(first.result.levels, ['A', '8']);
    assert.equal(first.result.demoted, null);
    const third = settle('A', 0, [0, 3, 1, 2], ['A', '5'], [2, 0]);
    assert.equal(third.result.failedAttempt, 0);
    assert.equal(third.result.demoted, 0);
    assert.deepEqual(third.result.levels, ['2', '5']);
    assert.deepEqual(third.result.aFailures, [0, 0]);
    assert.equal(third.matchWinner, null);
  });

  it('aMaxFailures sets the limit; none never demotes', () => {
    assert.deepEqual(settle('A', 1, [0, 2, 1, 3], ['5', 'A'], [0, 0], { aMaxFailures: 1 }).result.levels, ['8', '2']);
    assert.deepEqual(settle('A', 1, [0, 2, 1, 3], ['5', 'A'], [3, 3], { aMaxFailures: 5 }).result.aFailures, [3, 4]);
    const never = settle('A', 1, [0, 2, 1, 3], ['5', 'A'], [0, 40], { aMaxFailures: 'none' });
    assert.deepEqual(never.result.levels, ['8', 'A']);
    assert.deepEqual(never.result.aFailures, [0, 41]);
    assert.equal(never.result.demoted, null);
  });

  it('the default rules are those of RULES.md', () => {
    assert.deepEqual(DEFAULT_RULES, {
      aWinRequires: 'first-and-second-or-third',
      aMaxFailures: 3,
      returnCap: 10,
      equalDoubleTribute: 'next-player',
      maxBombSize: 10,
      fullHouseJokerPair: true,
      matchEnd: { kind: 'a-level' },
      timers: { tribute: 20, return: 40, firstLead: 40, play: 20 },
    });
    assert.deepEqual(rules, { ...DEFAULT_RULES });
  });
});

describe('single tribute', () => {
  it('after a 1-3 finish the last finisher owes the first finisher; the next deal starts in the tribute phase', () => {
    const { state, events } = findNextDeal([1, 0], 3, (t) => countOf(t.state.deal.hands[2], 'HR') < 2);
    assert.equal(eventsOf(events, 'dealStarted')[0].tribute, 'single');
    assert.equal(state.phase, 'tribute');
    assert.equal(state.deal.turn, null);
    assert.deepEqual(state.deal.tribute?.givers, [2]);
    assert.deepEqual(actorsOf(state), [2]);
    for (const seat of [0, 1, 3] as const) assert.deepEqual(legalActions(state, seat), []);
  });

  it('the giver pays its highest card to the first finisher, returns come back, and the giver leads', () => {
    const start = findNextDeal([1, 0], 3, (t) => countOf(t.state.deal.hands[2], 'HR') < 2).state;
    const level = rankIndex(start.deal.level);
    const giverHand = start.deal.hands[2];
    const choices = legalActions(start, 2);
    assert.ok(choices.length > 0, 'the giver has a tribute to pay');
    const highest = Math.max(...giverHand.filter((card) => card !== `H${start.deal.level}`).map((card) => cardOrder(cardId(card), level)));
    for (const choice of cardsOf(choices)) assert.equal(cardOrder(cardId(choice), level), highest);

    const tribute = choices[0];
    assert.equal(tribute.kind, 'tribute');
    const card = tribute.kind === 'tribute' ? tribute.card : '';
    const paid = applyAction(start, tribute);
    assert.deepEqual(eventsOf(paid.events, 'tributePaid'), [{ kind: 'tributePaid', exchange: { from: 2, to: 1, card } }]);
    assert.equal(paid.state.phase, 'return');
    assert.equal(paid.state.deal.hands[1].length, 28);
    assert.equal(countOf(paid.state.deal.hands[1], card), countOf(start.deal.hands[1], card) + 1);
    assert.deepEqual(actorsOf(paid.state), [1]);

    const giveBack = legalActions(paid.state, 1)[0];
    const back = giveBack.kind === 'return' ? giveBack.card : '';
    const returned = applyAction(paid.state, giveBack);
    assert.deepEqual(eventsOf(returned.events, 'tributeReturned'), [{ kind: 'tributeReturned', exchange: { from: 1, to: 2, card: back } }]);
    assert.deepEqual(eventsOf(returned.events, 'playBegins'), [{ kind: 'playBegins', leader: 2 }]);
    assert.equal(returned.state.phase, 'play');
    assert.equal(returned.state.deal.turn, 2);
    for (const hand of returned.state.deal.hands) assert.equal(hand.length, 27);
  });

  it('the level card outranks A and is owed, but never the ♥ level card', () => {
    const state = singleTributeState(['H5', 'H5', 'S5', 'SA', 'D3']);
    assert.deepEqual(cardsOf(legalActions(state, 3)), ['S5']);
    const { state: after } = applyAction(state, { kind: 'tribute', seat: 3, card: 'S5' });
    assert.deepEqual(after.deal.tribute?.paid, [{ from: 3, to: 0, card: 'S5' }]);
    assert.deepEqual([...after.deal.hands[3]].sort(), ['D3', 'H5', 'H5', 'SA']);
  });

  it('holding only ♥ level cards above the rest, the giver owes its best other card', () => {
    const state = singleTributeState(['H5', 'H5', 'SK', 'D3']);
    assert.deepEqual(cardsOf(legalActions(state, 3)), ['SK']);
  });

  it('a lone big joker must be given', () => {
    const state = singleTributeState(['HR', 'SB', 'SB', 'H5', 'S5']);
    assert.deepEqual(cardsOf(legalActions(state, 3)), ['HR']);
    assertRefused(state, { kind: 'tribute', seat: 3, card: 'SB' }, 'TRIBUTE_NOT_ALLOWED');
  });

  it('with several copies of the highest rank, the giver chooses which', () => {
    const state = singleTributeState(['SK', 'CK', 'D3', 'D4']);
    assert.deepEqual(cardsOf(legalActions(state, 3)), ['CK', 'SK']);
    for (const card of ['SK', 'CK']) {
      const paid = applyAction(state, { kind: 'tribute', seat: 3, card }).state;
      assert.deepEqual(paid.deal.tribute?.paid, [{ from: 3, to: 0, card }]);
    }
  });

  it('the worked case of RULES.md: at level 2 the only tribute is D2', () => {
    const hand = 'H3 D3 D4 H5 C5 S6 C6 D6 S7 S7 H7 D7 H8 C8 C8 H9 C9 HT DT HJ DQ HK DK SA H2 H2 D2'.split(' ');
    const state = craftTribute([0, 1, 2, 3], [['S4'], ['C4'], ['C7'], hand]);
    assert.deepEqual(cardsOf(legalActions(state, 3)), ['D2']);
  });

  it('tribute and return cards are public: every seat sees both exchanges', () => {
    const paid = applyAction(singleTributeState(), { kind: 'tribute', seat: 3, card: 'S5' }).state;
    for (const seat of [0, 1, 2, 3] as const) {
      assert.deepEqual(viewFor(paid, seat).tribute?.paid, [{ from: 3, to: 0, card: 'S5' }]);
    }
    const returned = applyAction(paid, { kind: 'return', seat: 0, card: 'S4' }).state;
    for (const seat of [0, 1, 2, 3] as const) {
      assert.deepEqual(viewFor(returned, seat).tribute?.returned, [{ from: 0, to: 3, card: 'S4' }]);
    }
  });
});

describe('double tribute', () => {
  const doubleHands = (one: string[], three: string[]): string[][] => [['S3', 'D3'], one, ['S5', 'D5'], three];

  it('after a 1-2 finish both losers owe; the next deal starts with a double tribute', () => {
    const { state, events } = findNextDeal([3], 1, (t) => t.state.deal.antiTribute === null);
    assert.equal(eventsOf(events, 'dealStarted')[0].tribute, 'double');
    assert.equal(state.phase, 'tribute');
    assert.deepEqual([...(state.deal.tribute?.givers ?? [])].sort(), [0, 2]);
    assert.deepEqual([...actorsOf(state)].sort(), [0, 2]);
  });

  it('the first finisher takes the higher card, the second the lower; each returns to its giver; that giver leads', () => {
    const state = craftTribute([0, 2, 1, 3], doubleHands(['SK', 'S4', 'C4'], ['SA', 'C6', 'D6']));
    const first = applyAction(state, { kind: 'tribute', seat: 1, card: 'SK' });
    assert.deepEqual(first.events, [{ kind: 'tributeSubmitted', seat: 1 }]);
    assert.equal(first.state.phase, 'tribute');
    assert.deepEqual(actorsOf(first.state), [3]);
    const both = applyAction(first.state, { kind: 'tribute', seat: 3, card: 'SA' });
    assert.deepEqual(
      eventsOf(both.events, 'tributePaid')
        .map((event) => event.exchange)
        .sort((a, b) => a.to - b.to),
      [
        { from: 3, to: 0, card: 'SA' },
        { from: 1, to: 2, card: 'SK' },
      ],
    );
    assert.equal(both.state.phase, 'return');
    assert.deepEqual([...actorsOf(both.state)].sort(), [0, 2]);
    assert.ok(both.state.deal.hands[0].includes('SA'), 'the first finisher holds SA');
    assert.ok(both.state.deal.hands[2].includes('SK'), 'the second finisher holds SK');

    const fromSecond = applyAction(both.state, { kind: 'return', seat: 2, card: 'S5' });
    assert.deepEqual(eventsOf(fromSecond.events, 'tributeReturned')[0].exchange, { from: 2, to: 1, card: 'S5' });
    assert.equal(fromSecond.state.phase, 'return');
    const fromFirst = applyAction(fromSecond.state, { kind: 'return', seat: 0, card: 'S3' });
    assert.deepEqual(eventsOf(fromFirst.events, 'tributeReturned')[0].exchange, { from: 0, to: 3, card: 'S3' });
    assert.deepEqual(eventsOf(fromFirst.events, 'playBegins'), [{ kind: 'playBegins', leader: 3 }]);
    assert.equal(fromFirst.state.deal.turn, 3);
    assert.ok(fromFirst.state.deal.hands[3].includes('S3'), 'seat 3 got S3 back');
    assert.ok(fromFirst.state.deal.hands[1].includes('S5'), 'seat 1 got S5 back');
  });

  it('the order in which the givers pay does not change who receives what', () => {
    const state = craftTribute([0, 2, 1, 3], doubleHands(['SK', 'S4', 'C4'], ['SA', 'C6', 'D6']));
    const paid = applyAll(state, [
      { kind: 'tribute', seat: 3, card: 'SA' },
      { kind: 'tribute', seat: 1, card: 'SK' },
    ]).state.deal.tribute?.paid;
    assert.deepEqual(
      [...(paid ?? [])].sort((a, b) => a.to - b.to),
      [
        { from: 3, to: 0, card: 'SA' },
        { from: 1, to: 2, card: 'SK' },
      ],
    );
  });

  it("a card not yet shown stays out of the other seats' views", () => {
    const state = craftTribute([0, 2, 1, 3], doubleHands(['SK', 'CK', 'C4'], ['SA', 'C6', 'D6']));
    const withSK = applyAction(state, { kind: 'tribute', seat: 1, card: 'SK' }).state;
    const withCK = applyAction(state, { kind: 'tribute', seat: 1, card: 'CK' }).state;
    for (const seat of [0, 2, 3] as const) assert.deepEqual(viewFor(withSK, seat), viewFor(withCK, seat));
    assert.equal(viewFor(withSK, 1).tribute?.mySubmitted, 'SK');
    assert.deepEqual(viewFor(withSK, 3).tribute?.submitted, [1]);
  });

  it("equal cards: the first finisher's next seat gives to the first finisher, whichever pays first", () => {
    const hands = doubleHands(['SA', 'S4', 'C4'], ['HA', 'C6', 'D6']);
    for (const order of [
      [1, 3],
      [3, 1],
    ] as const) {
      const state = craftTribute([0, 2, 1, 3], hands);
      const paidCards = { 1: 'SA', 3: 'HA' } as const;
      const { state: after } = applyAll(
        state,
        order.map((seat): Action => ({ kind: 'tribute', seat, card: paidCards[seat] })),
      );
      const toFirst = after.deal.tribute?.paid.find((exchange) => exchange.to === 0);
      assert.deepEqual(toFirst, { from: 1, to: 0, card: 'SA' });
    }
    const secondSeatFirst = craftTribute([2, 0, 1, 3], hands);
    const after = applyAll(secondSeatFirst, [
      { kind: 'tribute', seat: 1, card: 'SA' },
      { kind: 'tribute', seat: 3, card: 'HA' },
    ]).state;
    assert.deepEqual(after.deal.tribute?.paid.find((exchange) => exchange.to === 2), { from: 3, to: 2, card: 'HA' });
    const led = applyAll(after, [
      { kind: 'return', seat: 2, card: 'S5' },
      { kind: 'return', seat: 0, card: 'S3' },
    ]).state;
    assert.equal(led.deal.turn, 3, 'the seat that gave to the first finisher leads');
  });

  it("equal cards with equalDoubleTribute 'random': deterministic for a seed, and either giver can be drawn", () => {
    const hands = doubleHands(['SA', 'S4', 'C4'], ['HA', 'C6', 'D6']);
    const actions: Action[] = [
      { kind: 'tribute', seat: 1, card: 'SA' },
      { kind: 'tribute', seat: 3, card: 'HA' },
    ];
    const giverToFirst = (seed: number): Seat | undefined => {
      const state = craftTribute([0, 2, 1, 3], hands, { seed, rules: { equalDoubleTribute: 'random' } });
      return applyAll(state, actions).state.deal.tribute?.paid.find((exchange) => exchange.to === 0)?.from;
    };
    const drawn = new Set<Seat | undefined>();
    for (let seed = 0; seed < 40; seed++) {
      const seat = giverToFirst(seed);
      assert.equal(giverToFirst(seed), seat, `seed ${seed} must always draw the same giver`);
      drawn.add(seat);
    }
    assert.deepEqual([...drawn].sort(), [1, 3]);
  });
});

describe('anti-tribute (抗贡)', () => {
  const holds = (t: Transition, seat: Seat): number => countOf(t.state.deal.hands[seat], 'HR');

  function assertAntiTribute(t: Transition, seats: Seat[], previousFirst: Seat): void {
    assert.equal(eventsOf(t.events, 'dealStarted')[0].tribute, 'anti');
    assert.deepEqual([...(eventsOf(t.events, 'antiTribute')[0]?.seats ?? [])].sort(), seats);
    assert.deepEqual([...(t.state.deal.antiTribute ?? [])].sort(), seats);
    assert.equal(t.state.phase, 'play');
    assert.equal(t.state.deal.tribute, null);
    assert.equal(t.state.deal.turn, previousFirst, 'the previous first finisher leads');
    assert.deepEqual(eventsOf(t.events, 'playBegins'), [{ kind: 'playBegins', leader: previousFirst }]);
  }

  it('single: the giver holding both big jokers pays no tribute, and the previous first finisher leads', () => {
    // Order 2, 3, 0, 1: seat 1 is last and owes seat 2.
    const t = findNextDeal([2, 3], 0, (next) => holds(next, 1) === 2);
    assertAntiTribute(t, [1], 2);
  });

  it('single: one big joker with the giver and one with its partner is no anti-tribute', () => {
    const t = findNextDeal([2, 3], 0, (next) => holds(next, 1) === 1 && holds(next, 3) === 1);
    assert.equal(eventsOf(t.events, 'dealStarted')[0].tribute, 'single');
    assert.equal(t.state.phase, 'tribute');
    assert.equal(t.state.deal.antiTribute, null);
  });

  it('double: one giver holding both big jokers', () => {
    // Order 1, 3, 0, 2: seats 0 and 2 owe.
    const t = findNextDeal([1], 3, (next) => holds(next, 2) === 2);
    assertAntiTribute(t, [2], 1);
  });

  it('double: the two givers holding one big joker each', () => {
    const t = findNextDeal([1], 3, (next) => holds(next, 0) === 1 && holds(next, 2) === 1);
    assertAntiTribute(t, [0, 2], 1);
  });

  it('double: one big joker with a giver and one with a winner is no anti-tribute', () => {
    const t = findNextDeal([1], 3, (next) => holds(next, 0) === 1 && holds(next, 3) === 1);
    assert.equal(eventsOf(t.events, 'dealStarted')[0].tribute, 'double');
    assert.equal(t.state.phase, 'tribute');
  });
});

describe('return card limits', () => {
  const returnable = (state: MatchState): string[] => cardsOf(legalActions(state, 0));

  it('returnCap 10 at level 5: 2,3,4 and 6..10 may be returned; J, Q, K, A, jokers and every 5 may not', () => {
    const state = returnState(['C2', 'S4', 'S5', 'D5', 'S6', 'H9', 'ST', 'SJ', 'SQ', 'SK', 'SB', 'HR']);
    assert.deepEqual(returnable(state), ['C2', 'H9', 'S4', 'S6', 'ST']);
    const returned = applyAction(state, { kind: 'return', seat: 0, card: 'ST' });
    assert.deepEqual(eventsOf(returned.events, 'tributeReturned')[0].exchange, { from: 0, to: 3, card: 'ST' });
    assert.ok(returned.state.deal.hands[3].includes('ST'), 'the giver got ST back');
    assert.equal(returned.state.deal.turn, 3);
  });

  it('returnCap 10 at level 10: 9 or lower', () => {
    const state = returnState(['S9', 'ST', 'HT', 'SJ'], 'T');
    assert.deepEqual(returnable(state), ['S9']);
    assertRefused(state, { kind: 'return', seat: 0, card: 'ST' }, 'RETURN_NOT_ALLOWED');
  });

  it('holding no card of 10 or lower, the receiver returns its lowest card', () => {
    const state = returnState(['SJ', 'SQ', 'S5', 'HR']);
    assert.deepEqual(returnable(state), ['SJ']);
    assertRefused(state, { kind: 'return', seat: 0, card: 'SQ' }, 'RETURN_NOT_ALLOWED');
    assertRefused(state, { kind: 'return', seat: 0, card: 'S5' }, 'RETURN_NOT_ALLOWED');
  });

  it("returnCap 'any': any card may be returned", () => {
    const state = returnState(['S4', 'SJ', 'S5', 'HR'], '5', { returnCap: 'any' });
    assert.deepEqual(returnable(state), ['HR', 'S4', 'S5', 'SA', 'SJ']);
    const back = applyAction(state, { kind: 'return', seat: 0, card: 'HR' }).state;
    assert.ok(back.deal.hands[3].includes('HR'), 'the giver got HR back');
  });
});

describe('the end of a match', () => {
  const dealsRules = (deals: number): Partial<Rules> => ({ matchEnd: { kind: 'deals', deals } });

  it('matchEnd deals: the match goes on before the last deal', () => {
    const { state, events } = finishDeal([0], 2, { rules: dealsRules(2) });
    assert.notEqual(state.phase, 'over');
    assert.deepEqual(eventsOf(events, 'matchEnded'), []);
    assert.equal(state.deal.number, 2);
  });

  it('matchEnd deals: after the last deal the higher level wins', () => {
    const { state, events } = finishDeal([1], 3, {
      rules: dealsRules(2),
      history: [pastDeal([0, 2, 1, 3], ['5', '3'])],
      levels: ['5', '3'],
      levelTeam: 0,
    });
    assert.equal(state.phase, 'over');
    assert.deepEqual(state.levels, ['5', '6']);
    assert.equal(state.winner, 1);
    assert.deepEqual(eventsOf(events, 'matchEnded'), [{ kind: 'matchEnded', winner: 1, levels: ['5', '6'] }]);
  });

  it('matchEnd deals: equal levels after the last deal are a draw (winner null)', () => {
    const { state, events } = finishDeal([1, 0], 2, {
      rules: dealsRules(2),
      history: [pastDeal([0, 2, 1, 3], ['5', '4'])],
      levels: ['5', '4'],
      levelTeam: 0,
    });
    assert.equal(state.phase, 'over');
    assert.deepEqual(state.levels, ['5', '5']);
    assert.equal(state.winner, null);
    assert.deepEqual(eventsOf(events, 'matchEnded'), [{ kind: 'matchEnded', winner: null, levels: ['5', '5'] }]);
  });

  it('matchEnd deals: winning at A still ends the match early', () => {
    const { state } = finishDeal([0], 2, { rules: dealsRules(10), levels: ['A', '3'], levelTeam: 0 });
    assert.equal(state.phase, 'over');
    assert.equal(state.winner, 0);
  });

  it('matchEnd deals: a played-out match has exactly that many deals', () => {
    let state = startMatch({ seed: 'three deals', rules: dealsRules(3) }).state;
    const actions: Action[] = [];
    while (state.phase !== 'over') {
      assert.ok(actions.length < 20_000, 'the match did not end');
      const action = legalActions(state, actorsOf(state)[0]).at(-1);
      assert.ok(action, `seat ${actorsOf(state)[0]} has no legal action`);
      actions.push(action);
      state = applyAction(state, action).state;
    }
    assert.equal(state.history.length, 3);
    assert.equal(state.deal.number, 3);
    assert.deepEqual(replayMatch({ seed: 'three deals', rules: dealsRules(3) }, actions), state);
  });

  it('matchEnd time: timeUp changes nothing but the flag, and the match ends with the current deal', () => {
    const rules: Partial<Rules> = { matchEnd: { kind: 'time' } };
    const hands = [[], ['S4', 'S5'], ['S3'], ['S6', 'S7']];
    const state = craftState({ rules, hands, finished: [0], turn: 2 });
    const flagged = applyAction(state, { kind: 'timeUp' });
    assert.deepEqual(flagged.events, []);
    assert.equal(flagged.state.timeUp, true);
    assert.deepEqual(flagged.state.deal, state.deal);
    assert.equal(flagged.state.phase, 'play');
    const ended = applyAction(flagged.state, play(2, 'S3'));
    assert.equal(ended.state.phase, 'over');
    assert.equal(ended.state.winner, 0);
    assert.deepEqual(eventsOf(ended.events, 'matchEnded'), [{ kind: 'matchEnded', winner: 0, levels: ['5', '2'] }]);
    assert.deepEqual(eventsOf(ended.events, 'dealStarted'), []);
    const notFlagged = applyAction(state, play(2, 'S3'));
    assert.notEqual(notFlagged.state.phase, 'over');
    assert.equal(notFlagged.state.deal.number, 2);
  });

  it('matchEnd time: timeUp during a fresh match keeps it running until the deal ends', () => {
    const start = startMatch({ seed: 7, rules: { matchEnd: { kind: 'time' } } }).state;
    const flagged = applyAction(start, { kind: 'timeUp' }).state;
    assert.equal(flagged.phase, 'play');
    assert.deepEqual(actorsOf(flagged), actorsOf(start));
    assert.ok(legalActions(flagged, actorsOf(flagged)[0]).length > 0, 'the leader can still play');
  });
});

describe('the first deal', () => {
  it('is played at level 2 with no tribute, 27 cards each, and a leader drawn from the seed', () => {
    const { state, events } = startMatch({ seed: 'first' });
    assert.equal(state.deal.number, 1);
    assert.equal(state.deal.level, '2');
    assert.equal(state.deal.levelTeam, null);
    assert.equal(state.phase, 'play');
    assert.equal(state.deal.tribute, null);
    for (const hand of state.deal.hands) assert.equal(hand.length, 27);
    const leader = eventsOf(events, 'playBegins')[0].leader;
    assert.equal(state.deal.turn, leader);
    assert.equal(state.deal.trick.leader, leader);
    assert.deepEqual(eventsOf(events, 'dealStarted'), [{ kind: 'dealStarted', deal: 1, level: '2', levelTeam: null, tribute: 'none' }]);
  });

  it('the same seed always gives the same leader and deal; different seeds give different leaders', () => {
    const leaders = new Set<Seat | null>();
    for (let seed = 0; seed < 40; seed++) {
      const once = startMatch({ seed }).state;
      const again = startMatch({ seed }).state;
      assert.deepEqual(again, once);
      leaders.add(once.deal.turn);
    }
    assert.deepEqual([...leaders].sort(), [0, 1, 2, 3]);
    assert.notDeepEqual(startMatch({ seed: 'a' }).state.deal.hands, startMatch({ seed: 'b' }).state.deal.hands);
  });
});
