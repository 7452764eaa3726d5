import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatExclusionDate, formatLimitDate, isExcluded } from '../src/shop/limit-date';

describe('the dates of responsible play', () => {
  it('writes when a raise takes effect, short, on a 24-hour clock', () => {
    assert.equal(formatLimitDate('2026-12-11T14:00:00.000Z', 'en', 'UTC'), 'Dec 11, 14:00');
    assert.equal(formatLimitDate('2026-12-11T14:00:00.000Z', 'zh-CN', 'UTC'), '12月11日 14:00');
    assert.equal(formatLimitDate('2026-12-11T00:05:00.000Z', 'en', 'UTC'), 'Dec 11, 00:05');
  });

  it('shows the time where the player is', () => {
    assert.equal(formatLimitDate('2026-12-11T14:00:00.000Z', 'zh-CN', 'Asia/Shanghai'), '12月11日 22:00');
    assert.equal(formatLimitDate('2026-12-11T02:00:00.000Z', 'en', 'America/New_York'), 'Dec 10, 21:00');
  });

  it('gives the end of a self-exclusion its year', () => {
    assert.equal(formatExclusionDate('2027-12-08T04:00:00.000Z', 'en', 'UTC'), 'Dec 8, 2027, 04:00');
    assert.equal(formatExclusionDate('2027-12-08T04:00:00.000Z', 'zh-CN', 'UTC'), '2027年12月8日 04:00');
  });

  it('counts the player excluded only until the date', () => {
    const until = '2026-12-15T04:00:00.000Z';
    assert.equal(isExcluded(null, Date.parse(until)), false);
    assert.equal(isExcluded(until, Date.parse(until) - 1), true);
    assert.equal(isExcluded(until, Date.parse(until)), false);
  });
});
