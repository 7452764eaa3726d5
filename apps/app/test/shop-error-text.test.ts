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
});
