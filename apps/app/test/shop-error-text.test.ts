import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ApiError } from '@guandan/sdk';
import { LANGS, translate } from '../src/i18n/strings';
import { errorText } from '../src/session/error-text';

describe('the shop\'s refusals', () => {
  it('have words of their own in both languages, not the generic message', () => {
    for (const lang of LANGS) {
      const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate(lang, key, params);
      const closed = errorText(t, new ApiError('SHOP_CLOSED', 'no payment provider', 503));
      const hold = errorText(t, new ApiError('PAYMENT_HOLD', 'owed coins', 403));
      assert.equal(closed, translate(lang, 'error.SHOP_CLOSED'), lang);
      assert.equal(hold, translate(lang, 'error.PAYMENT_HOLD'), lang);
      assert.notEqual(closed, translate(lang, 'error.generic'));
      assert.notEqual(hold, translate(lang, 'error.generic'));
      assert.notEqual(closed, hold);
    }
  });

  it('the limits\' refusals too: over a spending limit, and self-excluded', () => {
    for (const lang of LANGS) {
      const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate(lang, key, params);
      const limit = errorText(t, new ApiError('SPENDING_LIMIT', 'over the day limit', 403));
      const excluded = errorText(t, new ApiError('SELF_EXCLUDED', 'self-excluded', 403));
      assert.equal(limit, translate(lang, 'error.SPENDING_LIMIT'), lang);
      assert.equal(excluded, translate(lang, 'error.SELF_EXCLUDED'), lang);
      assert.notEqual(limit, translate(lang, 'error.generic'));
      assert.notEqual(excluded, translate(lang, 'error.generic'));
      assert.notEqual(limit, excluded);
    }
  });
});
