import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatPrice } from '../src/lib/money';

/** Intl puts a no-break space between a code or symbol and the digits; the tests compare plain text. */
const plain = (text: string) => text.replace(/\s/g, ' ');

test('a price in minor units reads in the currency, with the fraction digits Intl gives that currency', () => {
  assert.equal(formatPrice(99, 'usd', 'en-US'), '$0.99');
  assert.equal(formatPrice(0, 'usd', 'en-US'), '$0.00');
  assert.equal(formatPrice(5, 'usd', 'en-US'), '$0.05');
  assert.equal(formatPrice(123_456, 'usd', 'en-US'), '$1,234.56');
  // The yen has no minor unit, the Kuwaiti dinar three digits of one.
  assert.equal(formatPrice(500, 'jpy', 'en-US'), '¥500');
  assert.equal(plain(formatPrice(1234, 'kwd', 'en-US')), 'KWD 1.234');
  assert.equal(plain(formatPrice(1, 'kwd', 'en-US')), 'KWD 0.001');
  // The language's own marks and order.
  assert.equal(plain(formatPrice(99, 'eur', 'de-DE')), '0,99 €');
});

test('every digit is kept: large amounts are not rounded as a float division would', () => {
  // 9,007,199,254,740,991 / 100 as a float is 90071992547409.9 (…409.90 formatted).
  assert.equal(formatPrice(Number.MAX_SAFE_INTEGER, 'usd', 'en-US'), '$90,071,992,547,409.91');
  assert.equal(formatPrice(1005, 'usd', 'en-US'), '$10.05');
  assert.equal(formatPrice(-250, 'usd', 'en-US'), '-$2.50');
});

test('a price that is not a safe integer of minor units is refused, not guessed at', () => {
  assert.throws(() => formatPrice(0.5, 'usd', 'en-US'), RangeError);
  assert.throws(() => formatPrice(Number.MAX_SAFE_INTEGER + 1, 'usd', 'en-US'), RangeError);
});
