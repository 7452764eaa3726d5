import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { RecentValues } from '../src/table/view/recent-values';

/** fast-check from a fixed seed, so every run checks the same cases. */
const PROPERTY = { seed: 20_261_207, numRuns: 300 };

type Step = { kind: 'get'; key: string } | { kind: 'set'; key: string; value: number };
const key = fc.constantFrom('a', 'b', 'c', 'd', 'e');
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('get' as const), key }),
  fc.record({ kind: fc.constant('set' as const), key, value: fc.integer() }),
);

describe('the last few pre-drawn images (RecentValues)', () => {
  it('keeps what was set most recently used, up to its capacity, and forgets the least recently used first', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.array(step, { maxLength: 40 }), (capacity, steps) => {
        const kept = new RecentValues<number>(capacity);
        // The model: keys from least to most recently used, with their values.
        let model: [string, number][] = [];
        for (const action of steps) {
          const found = model.find(([name]) => name === action.key);
          if (action.kind === 'get') {
            assert.equal(kept.get(action.key), found?.[1]);
            if (found !== undefined) model = [...model.filter(([name]) => name !== action.key), found];
          } else {
            kept.set(action.key, action.value);
            model = [...model.filter(([name]) => name !== action.key), [action.key, action.value]];
            if (model.length > capacity) model = model.slice(model.length - capacity);
          }
        }
        for (const [name, value] of model) assert.equal(kept.get(name), value);
      }),
      PROPERTY,
    );
  });

  it('a value read again outlives one set after it', () => {
    const kept = new RecentValues<string>(2);
    kept.set('table', 'felt 1280×800');
    kept.set('replay', 'felt 1280×760');
    assert.equal(kept.get('table'), 'felt 1280×800');
    kept.set('resized', 'felt 1024×768');
    assert.equal(kept.get('replay'), undefined);
    assert.equal(kept.get('table'), 'felt 1280×800');
  });
});
