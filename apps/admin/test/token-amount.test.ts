import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatTokenAmount } from '../src/lib/token-amount';

test('a token amount keeps the digits the chain gave, grouped in the language', () => {
  assert.equal(formatTokenAmount('0', 'en-US'), '0');
  assert.equal(formatTokenAmount('1500', 'en-US'), '1,500');
  assert.equal(formatTokenAmount('1234567.25', 'en-US'), '1,234,567.25');
  assert.equal(formatTokenAmount('0.000000000000000001', 'en-US'), '0.000000000000000001');
  assert.equal(formatTokenAmount('-2.5', 'en-US'), '-2.5');
});

test('amounts beyond exact floats keep every digit (a Number would round them)', () => {
  assert.equal(formatTokenAmount('123456789012345678901234.123456789012345678', 'en-US'), '123,456,789,012,345,678,901,234.123456789012345678');
});

test("the language's grouping and decimal mark", () => {
  assert.equal(formatTokenAmount('1234567.25', 'de-DE'), '1.234.567,25');
});

test('what is not a decimal string is shown as it came', () => {
  for (const text of ['', '1e18', '0x10', '1.', 'twelve']) assert.equal(formatTokenAmount(text, 'en-US'), text);
});
