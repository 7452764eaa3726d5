import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { detectMultiAccounting, MULTI_ACCOUNTING } from '../src/detectors/multi-accounting.js';
import type { AccountFacts } from '../src/observations.js';
import { DEFAULT_FLAG_THRESHOLD, flaggedAccounts } from '../src/signal.js';
import { DAY, FC_SEED, HOUR, START } from './support/games.js';

const MINUTE = 60 * 1000;

function facts(accountId: string, fields: Partial<AccountFacts> = {}): AccountFacts {
  return { accountId, createdAt: START - 30 * DAY, devices: [`${accountId}-phone`], addresses: [`${accountId}-home`], wallet: null, signIns: [], ...fields };
}

/** Evening sign-ins on ten days, `offsetMinutes` after the hour, so two accounts can be made to follow each other. */
function evenings(offsetMinutes: number, hour = 20): number[] {
  return Array.from({ length: 10 }, (_, day) => START + day * DAY + hour * HOUR + offsetMinutes * MINUTE);
}

const run = (accounts: readonly AccountFacts[]) => detectMultiAccounting({ games: [], accounts, options: {} });

describe('multi-accounting', () => {
  it('clusters accounts on one phone whose sign-ins follow each other', () => {
    const owner = ['m1', 'm2', 'm3'].map((id, i) => facts(id, { devices: ['shared-phone'], signIns: evenings(2 * i) }));
    const signals = run([...owner, facts('h1', { signIns: evenings(0) }), facts('h2', { signIns: evenings(90) })]);
    const cluster = signals.find((signal) => signal.score >= DEFAULT_FLAG_THRESHOLD);
    assert.ok(cluster !== undefined, 'no cluster');
    assert.equal(cluster.detector, MULTI_ACCOUNTING);
    assert.deepEqual(cluster.accounts, ['m1', 'm2', 'm3']);
    assert.deepEqual(flaggedAccounts(signals), ['m1', 'm2', 'm3']);
  });

  it('a shared wallet is enough on its own', () => {
    assert.deepEqual(flaggedAccounts(run([facts('a', { wallet: '0xabc' }), facts('b', { wallet: '0xabc' })])), ['a', 'b']);
  });

  it('does not flag a household: one home address and a family tablet, signing in at their own times', () => {
    const household = [
      facts('p1', { devices: ['p1-phone', 'tablet'], addresses: ['home'], signIns: evenings(0, 19) }),
      facts('p2', { devices: ['p2-phone', 'tablet'], addresses: ['home'], signIns: evenings(0, 21) }),
    ];
    const signals = run(household);
    assert.deepEqual(flaggedAccounts(signals), []);
    // It is still shown as a near miss, with the ties it found.
    assert.equal(signals.length, 1);
  });

  it('does not tie accounts through an address that many share', () => {
    const carrier = Array.from({ length: 30 }, (_, i) => facts(`c${i}`, { addresses: [`c${i}-home`, 'carrier-nat'], signIns: evenings(i % 3) }));
    assert.deepEqual(run(carrier), []);
  });

  it('is the same whatever the order of accounts, devices or sign-ins, and a further shared device never lowers a score', () => {
    const account = fc.record({
      devices: fc.subarray(['d1', 'd2', 'd3', 'd4', 'd5'], { minLength: 1 }),
      addresses: fc.subarray(['a1', 'a2', 'a3', 'a4', 'a5', 'a6'], { minLength: 1 }),
      wallet: fc.option(fc.constantFrom('w1', 'w2', 'w3'), { nil: null }),
      signIns: fc.array(fc.integer({ min: 0, max: 14 * 24 * 4 }).map((quarter) => START + quarter * 15 * MINUTE), { maxLength: 12 }),
    });
    fc.assert(
      fc.property(fc.array(account, { minLength: 2, maxLength: 8 }), fc.integer({ min: 0, max: 7 }), (drafts, pick) => {
        const accounts = drafts.map((draft, i) => facts(`u${i}`, draft));
        const scores = (list: readonly AccountFacts[]): Map<string, number> => new Map(run(list).map((signal) => [signal.accounts.join(), signal.score]));
        const baseline = scores(accounts);
        const reordered = [...accounts].reverse().map((one) => ({ ...one, devices: [...one.devices].reverse(), signIns: [...one.signIns].reverse() }));
        assert.deepEqual(scores(reordered), baseline);
        // Give one account every device of another: the best tie of each pair can only grow.
        const [giver, taker] = [accounts[pick % accounts.length], accounts[(pick + 1) % accounts.length]];
        const more = accounts.map((one) => (one === taker ? { ...one, devices: [...new Set([...one.devices, ...giver.devices])] } : one));
        const best = (list: readonly AccountFacts[], id: string): number =>
          Math.max(0, ...run(list).filter((signal) => signal.accounts.includes(id)).map((signal) => signal.score));
        assert.ok(best(more, taker.accountId) >= best(accounts, taker.accountId));
      }),
      { seed: FC_SEED, numRuns: 200 },
    );
  });
});
