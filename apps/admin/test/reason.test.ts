import assert from 'node:assert/strict';
import { test } from 'node:test';
import { reasonProblem } from '../src/lib/reason';

test('a reason has 3 to 500 characters once trimmed', () => {
  assert.equal(reasonProblem(''), 'gg.validation.reason_required');
  assert.equal(reasonProblem('   '), 'gg.validation.reason_required');
  assert.equal(reasonProblem(' ab '), 'gg.validation.reason_too_short');
  assert.equal(reasonProblem('abc'), null);
  assert.equal(reasonProblem('x'.repeat(500)), null);
  assert.equal(reasonProblem('x'.repeat(501)), 'gg.validation.reason_too_long');
  assert.equal(reasonProblem('刷分作弊'), null);
});
