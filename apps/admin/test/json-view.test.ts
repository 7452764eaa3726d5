import assert from 'node:assert/strict';
import { test } from 'node:test';
import { changedKeys, formatJson } from '../src/lib/json-view';

test('values are shown as indented JSON, nothing as empty', () => {
  assert.equal(formatJson({ balance: 1000 }), '{\n  "balance": 1000\n}');
  assert.equal(formatJson(null), '');
  assert.equal(formatJson(undefined), '');
  assert.equal(formatJson('text'), '"text"');
});

test('the changed fields of two objects are named', () => {
  assert.deepEqual(changedKeys({ balance: 1000 }, { balance: 1500, amount: 500 }), ['amount', 'balance']);
  assert.deepEqual(changedKeys({ role: 'player', n: { a: 1 } }, { role: 'player', n: { a: 1 } }), []);
  assert.deepEqual(changedKeys(null, { role: 'admin' }), []);
  assert.deepEqual(changedKeys([1], [2]), []);
});
