import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { currencySymbols, MAX_LIMIT_MINOR, parseLimitAmount } from '../src/shop/limit-amount';
import { currencyDigits } from '../src/shop/price';

const minor = (text: string, currency: string) => {
  const amount = parseLimitAmount(text, currency, currencySymbols(currency, ['zh-CN', 'en']));
  return amount.ok ? amount.minor : amount.problem;
};

describe('currencyDigits', () => {
  it('knows each currency\'s minor digits', () => {
    assert.equal(currencyDigits('usd'), 2);
    assert.equal(currencyDigits('JPY'), 0);
    assert.equal(currencyDigits('kwd'), 3);
  });
});

describe('parseLimitAmount', () => {
  it('reads dollars into cents from the digits', () => {
    assert.equal(minor('5', 'usd'), 500);
    assert.equal(minor('5.5', 'usd'), 550);
    assert.equal(minor('5.50', 'usd'), 550);
    assert.equal(minor('1.50', 'usd'), 150);
    assert.equal(minor('0.07', 'usd'), 7);
    assert.equal(minor('.5', 'usd'), 'format');
    assert.equal(minor('5.', 'usd'), 500);
    assert.equal(minor('  10.00 ', 'usd'), 1000);
  });

  it('keeps every cent of amounts that are not exact in binary', () => {
    // 0.29 * 100 is 28.999999999999996 in floats; the digits give 29.
    assert.equal(minor('0.29', 'usd'), 29);
    assert.equal(minor('0.57', 'usd'), 57);
    assert.equal(minor('1.15', 'usd'), 115);
    for (let cents = 0; cents < 1000; cents += 1) assert.equal(minor(`${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`, 'usd'), cents);
  });

  it('refuses more decimals than the currency has, never rounding them', () => {
    assert.equal(minor('5.123', 'usd'), 'decimals');
    assert.equal(minor('5.5', 'jpy'), 'decimals');
    assert.equal(minor('5.1234', 'kwd'), 'decimals');
  });

  it('reads yen as whole units and dinars in thousandths', () => {
    assert.equal(minor('500', 'jpy'), 500);
    assert.equal(minor('5', 'kwd'), 5000);
    assert.equal(minor('5.5', 'kwd'), 5500);
    assert.equal(minor('5.123', 'kwd'), 5123);
    assert.equal(minor('0.005', 'kwd'), 5);
  });

  it('takes commas only as thousands separators in their places', () => {
    assert.equal(minor('1,000', 'usd'), 100000);
    assert.equal(minor('12,500.25', 'usd'), 1250025);
    assert.equal(minor('1,000', 'jpy'), 1000);
    // "1,5" is one and a half in much of the world: it is refused, not read as 15 or 1.5.
    assert.equal(minor('1,5', 'usd'), 'format');
    assert.equal(minor('10,00', 'usd'), 'format');
    assert.equal(minor('1,0000', 'usd'), 'format');
    assert.equal(minor(',100', 'usd'), 'format');
  });

  it('ignores the currency\'s symbol typed along, but nothing else', () => {
    assert.equal(minor('$5.00', 'usd'), 500);
    assert.equal(minor('US$ 1.50', 'usd'), 150);
    assert.equal(minor('USD 2', 'usd'), 200);
    assert.equal(minor('¥500', 'jpy'), 500);
    assert.equal(minor('€5', 'usd'), 'format');
    assert.equal(minor('5 dollars', 'usd'), 'format');
  });

  it('refuses what is not an amount', () => {
    assert.equal(minor('', 'usd'), 'empty');
    assert.equal(minor('   ', 'usd'), 'empty');
    assert.equal(minor('-5', 'usd'), 'format');
    assert.equal(minor('5e2', 'usd'), 'format');
    assert.equal(minor('0x10', 'usd'), 'format');
    assert.equal(minor('5.5.5', 'usd'), 'format');
    assert.equal(minor('１２', 'usd'), 'format');
  });

  it('takes zero (nothing may be spent) and refuses more than the server takes', () => {
    assert.equal(minor('0', 'usd'), 0);
    assert.equal(minor('000.00', 'usd'), 0);
    assert.equal(minor('1,000,000', 'usd'), MAX_LIMIT_MINOR);
    assert.equal(minor('1000000.01', 'usd'), 'tooLarge');
    assert.equal(minor('99999999999999999999', 'usd'), 'tooLarge');
    assert.equal(minor('00000000000000000005', 'usd'), 500);
  });
});
