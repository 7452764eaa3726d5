import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Product } from '@guandan/protocol';
import { bestValue } from '../src/shop/best-value';

const pack = (product_id: string, coins: number, price_minor: number, currency = 'usd'): Product => ({ product_id, kind: 'coins', coins, price_minor, currency });

describe('bestValue', () => {
  it('marks the pack with the most coins for the money', () => {
    assert.equal(bestValue([pack('small', 1200, 99), pack('medium', 6500, 499), pack('large', 14000, 999)]), 'large');
    assert.equal(bestValue([pack('cheap', 1000, 100), pack('dear', 1500, 200)]), 'cheap');
  });

  it('marks nothing with one pack to choose from, or prices in different currencies', () => {
    assert.equal(bestValue([]), null);
    assert.equal(bestValue([pack('only', 1200, 99)]), null);
    assert.equal(bestValue([pack('a', 1200, 99, 'usd'), pack('b', 1200, 9900, 'jpy')]), null);
  });
});
