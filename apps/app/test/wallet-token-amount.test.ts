import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TokenBalanceSchema } from '@guandan/protocol';
import { displayAmount, fromUnits, isPositive, readAmountInput, TOKEN_DECIMALS, toUnits } from '../src/wallet/token-amount';

describe('toUnits and fromUnits', () => {
  it('read protocol amounts into exact base units and back, at 18 and 6 decimals', () => {
    assert.equal(toUnits('12.5', 18), 12_500_000_000_000_000_000n);
    assert.equal(toUnits('0.000000000000000001', 18), 1n);
    assert.equal(toUnits('1000', 6), 1_000_000_000n);
    assert.equal(toUnits('0', 6), 0n);
    // Past 2^53: a float would have lost the last digits.
    assert.equal(toUnits('123456789.123456789123456789', 18), 123_456_789_123_456_789_123_456_789n);
    for (const amount of ['0', '1', '12.5', '0.000001', '199999999.999999999999999999']) assert.equal(fromUnits(toUnits(amount, 18) as bigint, 18), amount);
    assert.equal(fromUnits(1_500_000n, 6), '1.5');
    assert.equal(fromUnits(7n, 0), '7');
  });

  it('refuse what is not a plain decimal, or has more places than the token', () => {
    for (const bad of ['', '-1', '1e18', '0x10', '1.', '.5', '1,5', ' 1', 'NaN']) assert.equal(toUnits(bad, 18), null, bad);
    assert.equal(toUnits('0.0000001', 6), null);
    assert.equal(toUnits('0.000001', 6), 1n);
  });

  it('write what the protocol accepts as an amount', () => {
    for (const units of [0n, 1n, 10n ** 18n, 123_456_789n]) {
      const balance = { wallet_address: null, PLAY: fromUnits(units, 18), GUAN: '0', USDC: fromUnits(units, 6), pending_PLAY: '0', chain_id: null };
      assert.doesNotThrow(() => TokenBalanceSchema.parse(balance));
    }
  });
});

describe('displayAmount', () => {
  it('groups thousands and cuts the fraction without rounding up', () => {
    assert.equal(displayAmount('1234567.891'), '1,234,567.891');
    assert.equal(displayAmount('0.99999'), '0.9999');
    assert.equal(displayAmount('3'), '3');
    assert.equal(displayAmount('3.0000'), '3');
    assert.equal(displayAmount('3.10'), '3.1');
    assert.equal(displayAmount('12.3456', 2), '12.34');
    assert.equal(displayAmount('000120'), '120');
  });

  it('never shows dust as zero', () => {
    assert.equal(displayAmount('0.00001'), '<0.0001');
    assert.equal(displayAmount('0.000000000000000001', 2), '<0.01');
    assert.equal(displayAmount('0'), '0');
    assert.equal(displayAmount('0.000'), '0');
  });

  it('leaves what is not an amount as it is', () => {
    assert.equal(displayAmount('—'), '—');
  });
});

describe('isPositive', () => {
  it('is true only for an amount above zero', () => {
    assert.equal(isPositive('0.1'), true);
    assert.equal(isPositive('0.000000000000000001'), true);
    assert.equal(isPositive('0'), false);
    assert.equal(isPositive('0.000'), false);
    assert.equal(isPositive('-1'), false);
  });
});

describe('readAmountInput', () => {
  const play = TOKEN_DECIMALS.PLAY;

  it('gives the amount in the protocol form', () => {
    assert.deepEqual(readAmountInput(' 12.50 ', play), { ok: true, amount: '12.5' });
    assert.deepEqual(readAmountInput('5.', play), { ok: true, amount: '5' });
    assert.deepEqual(readAmountInput('.5', play), { ok: true, amount: '0.5' });
    assert.deepEqual(readAmountInput('0,25', play), { ok: true, amount: '0.25' });
    assert.deepEqual(readAmountInput('007', play), { ok: true, amount: '7' });
  });

  it('names what is wrong with the typed amount', () => {
    assert.deepEqual(readAmountInput('   ', play), { ok: false, problem: 'empty' });
    assert.deepEqual(readAmountInput('abc', play), { ok: false, problem: 'invalid' });
    assert.deepEqual(readAmountInput('1.2.3', play), { ok: false, problem: 'invalid' });
    assert.deepEqual(readAmountInput('-3', play), { ok: false, problem: 'invalid' });
    assert.deepEqual(readAmountInput('.', play), { ok: false, problem: 'invalid' });
    assert.deepEqual(readAmountInput('0.0000001', TOKEN_DECIMALS.USDC), { ok: false, problem: 'tooPrecise' });
    assert.deepEqual(readAmountInput('0.000', play), { ok: false, problem: 'zero' });
  });

  it('checks the amount against what is available, exactly', () => {
    assert.deepEqual(readAmountInput('3.2', play, '3.2'), { ok: true, amount: '3.2' });
    assert.deepEqual(readAmountInput('3.200000000000000001', play, '3.2'), { ok: false, problem: 'tooMuch' });
    assert.deepEqual(readAmountInput('1', play, '0'), { ok: false, problem: 'tooMuch' });
    assert.deepEqual(readAmountInput('1000', TOKEN_DECIMALS.USDC, '1000'), { ok: true, amount: '1000' });
  });
});
