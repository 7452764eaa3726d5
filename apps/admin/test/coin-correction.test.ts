import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CoinCorrectionBodySchema } from '@guandan/protocol';
import { amountProblem, correctionAttempt, correctionRequest, parseAmount } from '../src/lib/coin-correction';

test('an amount is a non-zero whole number within a billion either way', () => {
  assert.deepEqual(parseAmount('500'), { amount: 500 });
  assert.deepEqual(parseAmount(' -1,200 '), { amount: -1200 });
  assert.deepEqual(parseAmount('+7'), { amount: 7 });
  assert.deepEqual(parseAmount(''), { problem: 'gg.validation.amount_required' });
  assert.deepEqual(parseAmount('1.5'), { problem: 'gg.validation.amount_not_integer' });
  assert.deepEqual(parseAmount('1e3'), { problem: 'gg.validation.amount_not_integer' });
  assert.deepEqual(parseAmount('0'), { problem: 'gg.validation.amount_zero' });
  assert.deepEqual(parseAmount('-0'), { problem: 'gg.validation.amount_zero' });
  assert.deepEqual(parseAmount('1000000001'), { problem: 'gg.validation.amount_too_large' });
  assert.deepEqual(parseAmount('-1000000000'), { amount: -1_000_000_000 });
});

test('a correction may not take more than the balance', () => {
  assert.equal(amountProblem('-100', 100), null);
  assert.equal(amountProblem('-101', 100), 'gg.validation.balance_negative');
  assert.equal(amountProblem('abc', 100), 'gg.validation.amount_not_integer');
});

test('the same correction sent again keeps its key; a changed one gets a new key', () => {
  let counter = 0;
  const newKey = () => `key-${++counter}`;
  const first = correctionAttempt(null, 100, 'refund for a lost game', newKey);
  assert.equal(first.key, 'key-1');
  assert.equal(correctionAttempt(first, 100, ' refund for a lost game ', newKey), first);
  const changed = correctionAttempt(first, 200, 'refund for a lost game', newKey);
  assert.equal(changed.key, 'key-2');
  assert.equal(correctionAttempt(changed, 200, 'another reason', newKey).key, 'key-3');
});

test('the request is what the API takes', () => {
  const attempt = correctionAttempt(null, -50, '  duplicate reward  ', () => '9b2f8a62-3f1e-4c5a-9d0b-6f7a8b9c0d1e');
  const request = correctionRequest(-50, '  duplicate reward  ', attempt);
  assert.deepEqual(request, { amount: -50, reason: 'duplicate reward', idempotency_key: '9b2f8a62-3f1e-4c5a-9d0b-6f7a8b9c0d1e' });
  assert.doesNotThrow(() => CoinCorrectionBodySchema.parse(request));
});
