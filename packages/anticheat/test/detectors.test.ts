import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { DETECTORS, runDetectors } from '../src/run-detectors.js';
import { DEFAULT_FLAG_THRESHOLD, flaggedAccounts, type Signal } from '../src/signal.js';
import { FC_SEED, person, play, spec } from './support/games.js';

describe('runDetectors', () => {
  const games = play(Array.from({ length: 4 }, (_, n) => spec(n, [person('a'), person('b'), person('c'), null])));
  const accounts = ['a', 'b', 'c'].map((accountId) => ({ accountId, createdAt: 0, devices: ['same-phone'], addresses: [], wallet: null, signIns: [] }));
  const signals = runDetectors(games, accounts);

  it('runs every detector and returns plain JSON, strongest first', () => {
    assert.deepEqual(JSON.parse(JSON.stringify(signals)), signals);
    for (let i = 1; i < signals.length; i++) assert.ok(signals[i - 1].score >= signals[i].score);
    for (const signal of signals) {
      assert.ok(Object.keys(DETECTORS).includes(signal.detector));
      assert.ok(signal.score >= 0 && signal.score <= 1);
      assert.deepEqual(signal.accounts, [...signal.accounts].sort());
    }
    // Three accounts on one phone: a tie, but one device alone is short of the threshold.
    assert.ok(signals.some((signal) => signal.detector === 'multi-accounting'));
  });

  it('replays the records it is given, and says which one does not replay', () => {
    const broken = { ...games[0], actions: [...games[0].actions].reverse() };
    assert.throws(() => runDetectors([broken], []), new RegExp(broken.gameId));
  });
});

describe('flaggedAccounts', () => {
  const signal = fc.record({
    detector: fc.constantFrom(...Object.keys(DETECTORS)),
    accounts: fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd', 'e'), { minLength: 1, maxLength: 3 }),
    score: fc.double({ min: 0, max: 1, noNaN: true }),
    summary: fc.constant(''),
    evidence: fc.constant({}),
  });

  it('names exactly the accounts of signals at or above the threshold, fewer as it rises', () => {
    fc.assert(
      fc.property(fc.array(signal, { maxLength: 12 }), fc.double({ min: 0, max: 1, noNaN: true }), (signals: Signal[], threshold) => {
        const flagged = flaggedAccounts(signals, threshold);
        const expected = new Set(signals.filter((one) => one.score >= threshold).flatMap((one) => one.accounts));
        assert.deepEqual(flagged, [...expected].sort());
        const stricter = flaggedAccounts(signals, Math.min(1, threshold + 0.1));
        assert.ok(stricter.every((account) => flagged.includes(account)));
        assert.deepEqual(flaggedAccounts([...signals].reverse(), threshold), flagged);
      }),
      { seed: FC_SEED },
    );
    assert.deepEqual(flaggedAccounts([{ detector: 'x', accounts: ['z'], score: DEFAULT_FLAG_THRESHOLD, summary: '', evidence: {} }]), ['z']);
  });
});
