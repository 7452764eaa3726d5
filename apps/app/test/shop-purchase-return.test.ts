import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readPurchaseReturn, searchWithoutReturn } from '../src/shop/purchase-return';

const ID = '0b6f6a52-3c1e-4d0a-9a51-2f8e5a9d7c11';

describe('the return from the payment page', () => {
  it('reads the purchase the provider sent the player back for', () => {
    assert.deepEqual(readPurchaseReturn(`?purchase=${ID}`), { purchaseId: ID, cancelled: false });
    assert.deepEqual(readPurchaseReturn(`?purchase=${ID}&cancelled=1`), { purchaseId: ID, cancelled: true });
    assert.deepEqual(readPurchaseReturn(`?lang=en&purchase=${ID}`), { purchaseId: ID, cancelled: false });
  });

  it('is no return without a purchase id, or with something else in its place', () => {
    for (const search of ['', '?', '?cancelled=1', '?purchase=', '?purchase=abc', `?purchase=${ID}x`, '?purchase=%3Cscript%3E']) assert.equal(readPurchaseReturn(search), null, search);
  });

  it('takes only its own parameters off the address', () => {
    assert.equal(searchWithoutReturn(`?purchase=${ID}`), '');
    assert.equal(searchWithoutReturn(`?purchase=${ID}&cancelled=1`), '');
    assert.equal(searchWithoutReturn(`?lang=en&purchase=${ID}&cancelled=1`), '?lang=en');
    assert.equal(searchWithoutReturn(''), '');
  });
});
