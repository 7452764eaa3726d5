import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatMilliPlay } from '../src/lib/milli-play';

test('milli-PLAY shows as PLAY with three decimals', () => {
  assert.equal(formatMilliPlay(0, 'en-US'), '0.000');
  assert.equal(formatMilliPlay(1, 'en-US'), '0.001');
  assert.equal(formatMilliPlay(1500, 'en-US'), '1.500');
  assert.equal(formatMilliPlay(500_000, 'en-US'), '500.000');
  assert.equal(formatMilliPlay(1_234_567, 'en-US'), '1,234.567');
  assert.equal(formatMilliPlay(-2_050, 'en-US'), '-2.050');
  assert.equal(formatMilliPlay(-5, 'en-US'), '-0.005');
});

test('amounts at the edge of exact numbers keep every digit (a float division would round them)', () => {
  assert.equal(formatMilliPlay(Number.MAX_SAFE_INTEGER, 'en-US'), '9,007,199,254,740.991');
  assert.equal(formatMilliPlay(-Number.MAX_SAFE_INTEGER, 'en-US'), '-9,007,199,254,740.991');
  assert.equal(formatMilliPlay(9_007_199_254_740_001, 'en-US'), '9,007,199,254,740.001');
});

test("the language's grouping and decimal mark", () => {
  assert.equal(formatMilliPlay(1_234_567, 'de-DE'), '1.234,567');
});

test('what is not a safe integer is refused rather than shown wrong', () => {
  for (const value of [1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53]) assert.throws(() => formatMilliPlay(value), RangeError);
});
