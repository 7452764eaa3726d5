import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatPrice } from '../src/shop/price';

describe('formatPrice', () => {
  it('writes cents as the locale writes dollars', () => {
    assert.equal(formatPrice(999, 'usd', 'en'), '$9.99');
    assert.equal(formatPrice(999, 'usd', 'zh-CN'), 'US$9.99');
    assert.equal(formatPrice(123456789, 'eur', 'en'), '€1,234,567.89');
  });

  it('keeps every cent of amounts that are not exact in binary', () => {
    // 0.29 and 0.57 are the classic floats that multiply wrong (0.29 * 100 = 28.999999999999996).
    for (let cents = 0; cents < 1000; cents += 1) {
      const expected = `$${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
      assert.equal(formatPrice(cents, 'usd', 'en'), expected);
    }
  });

  it('reads a zero-decimal currency (yen) as whole units', () => {
    assert.equal(formatPrice(500, 'jpy', 'en'), '¥500');
    assert.equal(formatPrice(12000, 'JPY', 'en'), '¥12,000');
  });

  it('reads a three-decimal currency (Kuwaiti dinar) in thousandths', () => {
    assert.match(formatPrice(1234, 'kwd', 'en'), /^KWD\s1\.234$/);
    assert.match(formatPrice(5, 'kwd', 'en'), /^KWD\s0\.005$/);
  });
});
