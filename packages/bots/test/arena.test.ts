import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Action, Card, MatchEvent, Rules, Seat } from '@guandan/engine';
import type { Bot, BotLevel, BotOptions } from '../src/bot.js';
import { createBot } from '../src/create.js';
import {
  type ArenaResult,
  type BotFactory,
  clusteredRate,
  formatArenaReport,
  type Interval,
  type MatchLabel,
  percentile,
  playDuplicatePair,
  runArena,
  wilsonInterval,
} from '../src/arena/index.js';
import { parseArenaArgs } from '../src/arena/cli-options.js';

const TWO_DEALS: Partial<Rules> = { matchEnd: { kind: 'deals', deals: 2 } };

function assertInUnit(value: number, what: string): void {
  assert.ok(value >= 0 && value <= 1, `${what} = ${value} is not in [0, 1]`);
}

function assertContains(interval: Interval, value: number, what: string): void {
  assert.ok(interval.low <= value && value <= interval.high, `${what}: ${value} outside [${interval.low}, ${interval.high}]`);
}

function assertClose(actual: number, expected: number, tolerance: number): void {
  assert.ok(Math.abs(actual - expected) <= tolerance, `${actual} is not within ${tolerance} of ${expected}`);
}

/** Random bots whose seed also depends on the level, so the two matches of a pair are not played move for move alike. */
const levelSeededRandom: BotFactory = (level, options) => createBot('random', { seed: `${String(options.seed)}|${level}` });

/** Everything of a run that must not depend on the clock. */
function withoutTiming(result: ArenaResult): Omit<ArenaResult, 'timing'> {
  const { levels, seed, rules, pairs, statistics } = result;
  return { levels, seed, rules, pairs, statistics };
}

describe('arena run', () => {
  it('gives consistent statistics on a short random-vs-random run', () => {
    let dealEndedEvents = 0;
    let matchEndedEvents = 0;
    let transitions = 0;
    const result = runArena({
      a: 'random',
      b: 'random',
      matches: 6,
      seed: 'consistency',
      rules: TWO_DEALS,
      createBot: levelSeededRandom,
      observe: (transition) => {
        transitions++;
        dealEndedEvents += transition.events.filter((event) => event.kind === 'dealEnded').length;
        matchEndedEvents += transition.events.filter((event) => event.kind === 'matchEnded').length;
      },
    });
    const stats = result.statistics;
    assert.equal(stats.pairs, 3);
    assert.equal(stats.matches, 6);
    assert.equal(matchEndedEvents, 6);
    assert.equal(stats.matchWins.A + stats.matchWins.B + stats.drawnMatches, stats.matches);
    assert.equal(stats.deals, dealEndedEvents);
    assert.equal(stats.deals, 6 * 2);
    assert.equal(stats.dealWins.A + stats.dealWins.B, stats.deals);
    for (const pair of result.pairs) for (const match of pair.matches) assert.equal(match.deals.length, 2);

    assertInUnit(stats.matchWinRateA.rate, 'match win rate');
    assertInUnit(stats.dealWinRateA.rate, 'deal win rate');
    assertContains(stats.matchWinRateA.interval, stats.matchWinRateA.rate, 'match win rate');
    assertContains(stats.dealWinRateA.interval, stats.dealWinRateA.rate, 'deal win rate');
    assertInUnit(stats.matchWinRateA.interval.low, 'interval low');
    assertInUnit(stats.dealWinRateA.interval.high, 'interval high');
    assert.equal(stats.dealWinRateA.rate, stats.dealWins.A / stats.deals);
    assert.equal(stats.matchWinRateA.rate, (stats.matchWins.A + stats.drawnMatches / 2) / stats.matches);

    // Every deal raises its winner by 1 to 3 levels and the loser by none.
    const meanRise = stats.levelsPerDeal.A + stats.levelsPerDeal.B;
    assert.ok(meanRise >= 1 && meanRise <= 3, `mean rise ${meanRise}`);
    // One transition per decision, plus startMatch once per match.
    assert.equal(stats.decisions.A + stats.decisions.B, transitions - stats.matches);
    assert.deepEqual(stats.errors, { A: 0, B: 0 });
    assert.equal(result.timing.decisionTimes.A.decisions, stats.decisions.A);
    assert.equal(result.timing.decisionTimes.B.decisions, stats.decisions.B);

    const report = formatArenaReport(result);
    for (const label of ['match win rate of A', 'deal win rate of A', 'levels gained per deal', 'decision time, p99', 'bot errors']) {
      assert.ok(report.includes(label), `report lacks ${label}`);
    }
  });

  it('gives the same result for the same seed, timing aside', () => {
    const options = { a: 'random', b: 'easy', matches: 4, seed: 7, rules: TWO_DEALS, createBot: levelSeededRandom } as const;
    const first = runArena(options);
    const second = runArena(options);
    assert.deepEqual(withoutTiming(second), withoutTiming(first));
    const other = runArena({ ...options, seed: 8 });
    assert.notDeepEqual(other.pairs, first.pairs);
  });

  it('refuses an odd number of matches and time-limited rules', () => {
    assert.throws(() => runArena({ a: 'random', b: 'random', matches: 3, seed: 1 }), RangeError);
    assert.throws(() => runArena({ a: 'random', b: 'random', matches: 2, seed: 1, rules: { matchEnd: { kind: 'time' } } }), RangeError);
  });
});

describe('duplicate pairs', () => {
  /** Each seat's hand as dealt at the start of every deal, by deal number. */
  function dealtHands(aTeam: 0 | 1, hands: Map<string, Card[][]>): (dealNumber: number) => Card[][] | undefined {
    return (dealNumber) => hands.get(`${aTeam}/${dealNumber}`);
  }

  it('deals the same cards to the same seats in the k-th deal of both matches', () => {
    const hands = new Map<string, Card[][]>();
    const plays: Record<0 | 1, MatchEvent[]> = { 0: [], 1: [] };
    const pair = playDuplicatePair({
      seed: 'duplicate',
      lineup: { A: 'random', B: 'easy' },
      rules: { matchEnd: { kind: 'deals', deals: 3 } },
      createBot: levelSeededRandom,
      observe: (transition, match: MatchLabel) => {
        for (const event of transition.events) {
          // A transition that starts a deal stops before anyone acts in it: the hands are as dealt.
          if (event.kind === 'dealStarted') hands.set(`${match.aTeam}/${event.deal}`, transition.state.deal.hands.map((hand) => [...hand]));
          if (event.kind === 'played') plays[match.aTeam].push(event);
        }
      },
    });
    assert.deepEqual(pair.matches.map((match) => match.aTeam), [0, 1]);
    const first = dealtHands(0, hands);
    const second = dealtHands(1, hands);

    assert.ok(first(1) !== undefined && second(1) !== undefined);
    assert.deepEqual(second(1), first(1));
    for (const hand of first(1) ?? []) assert.equal(hand.length, 27);
    // Later deals too (the hand order follows the deal's level, which may differ, so compare sorted hands).
    const sorted = (deal: Card[][] | undefined) => deal?.map((hand) => [...hand].sort());
    for (const dealNumber of [2, 3]) assert.deepEqual(sorted(second(dealNumber)), sorted(first(dealNumber)), `deal ${dealNumber}`);
    // The bots did play differently, so the equal cards do not come from equal play.
    assert.notDeepEqual(plays[1], plays[0]);
  });
});

describe('bot errors', () => {
  /** Side B always passes: refused when it must lead, pay tribute or return a card. */
  const passingB: BotFactory = (level: BotLevel, options: BotOptions): Bot => {
    if (level === 'random') return createBot('random', options);
    return { level, decide: (view) => ({ kind: 'pass', seat: view.seat }) };
  };

  it('counts refused actions, plays the first legal action instead, and finishes the match', () => {
    const result = runArena({ a: 'random', b: 'easy', matches: 2, seed: 3, rules: TWO_DEALS, createBot: passingB });
    const errors = result.pairs.flatMap((pair) => pair.matches.flatMap((match) => match.errors));
    assert.ok(errors.length > 0);
    assert.equal(result.statistics.errors.A, 0);
    assert.equal(result.statistics.errors.B, errors.length);
    assert.equal(result.statistics.deals, 4);
    for (const error of errors) {
      assert.equal(error.side, 'B');
      assert.equal(error.reason, 'refused');
      assert.ok(error.code !== null);
    }
    assert.ok(formatArenaReport(result).includes('bot errors:'));
  });

  it('counts an action for another seat and a bot that throws', () => {
    const badB: BotFactory = (level, options) => {
      if (level === 'random') return createBot('random', options);
      let calls = 0;
      return {
        level,
        decide: (view): Action => {
          calls++;
          if (calls % 2 === 0) throw new Error('bot crashed');
          return { kind: 'pass', seat: ((view.seat + 1) % 4) as Seat };
        },
      };
    };
    const result = runArena({ a: 'random', b: 'hard', matches: 2, seed: 4, rules: TWO_DEALS, createBot: badB });
    const reasons = new Set(result.pairs.flatMap((pair) => pair.matches.flatMap((match) => match.errors.map((error) => error.reason))));
    assert.deepEqual([...reasons].sort(), ['threw', 'wrong-seat']);
    assert.equal(result.statistics.errors.B, result.statistics.decisions.B);
  });
});

describe('confidence intervals', () => {
  it('Wilson score interval matches known values', () => {
    const half = wilsonInterval(50, 100);
    assertClose(half.low, 0.4038, 5e-4);
    assertClose(half.high, 0.5962, 5e-4);
    const none = wilsonInterval(0, 10);
    assert.equal(none.low, 0);
    assertClose(none.high, 0.2775, 5e-4);
    const all = wilsonInterval(10, 10);
    assertClose(all.low, 0.7225, 5e-4);
    assert.equal(all.high, 1);
    const small = wilsonInterval(1, 10);
    assertClose(small.low, 0.0179, 5e-4);
    assertClose(small.high, 0.4042, 5e-4);
    assert.deepEqual(wilsonInterval(0, 0), { low: 0, high: 1 });
  });

  it('clustered rate: independent-looking clusters give the Wilson interval, correlated ones a wider one', () => {
    const even = clusteredRate(Array.from({ length: 10 }, () => ({ successes: 5, trials: 10 })));
    assert.equal(even.rate, 0.5);
    assert.deepEqual(even.interval, wilsonInterval(50, 100));
    const together = clusteredRate(Array.from({ length: 10 }, (_, i) => ({ successes: i % 2 === 0 ? 10 : 0, trials: 10 })));
    assert.equal(together.rate, 0.5);
    assert.ok(together.designEffect > 5, `design effect ${together.designEffect}`);
    assert.ok(together.interval.high - together.interval.low > even.interval.high - even.interval.low);
    assert.equal(clusteredRate([{ successes: 3, trials: 10 }]).designEffect, 1);
  });

  it('p99 is the nearest-rank percentile', () => {
    const values = Array.from({ length: 200 }, (_, i) => 200 - i);
    assert.equal(percentile(values, 0.99), 198);
    assert.equal(percentile([5], 0.99), 5);
  });
});

describe('arena command line', () => {
  it('reads the options and refuses bad ones', () => {
    const options = parseArenaArgs(['--a', 'hard', '--b', 'normal', '--matches', '200', '--seed', '1'], '/');
    assert.deepEqual(options, { a: 'hard', b: 'normal', matches: 200, seed: '1', rules: {}, help: false });
    assert.throws(() => parseArenaArgs(['--a', 'hard', '--b', 'normal', '--matches', '3'], '/'), /even/);
    assert.throws(() => parseArenaArgs(['--a', 'expert', '--b', 'normal'], '/'), /--a must be one of/);
    assert.throws(() => parseArenaArgs(['--b', 'normal'], '/'), /--a is required/);
  });
});
