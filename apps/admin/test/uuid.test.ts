import assert from 'node:assert/strict';
import { webcrypto } from 'node:crypto';
import { test } from 'node:test';
import { newUuid } from '../src/lib/uuid';

const V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

test('a v4 uuid from randomUUID where there is one', () => {
  assert.match(newUuid(), V4);
});

/** Node's getRandomValues without randomUUID, as a browser page over plain http has it. */
const withoutRandomUuid = {
  getRandomValues<T extends ArrayBufferView | null>(array: T): T {
    webcrypto.getRandomValues(array as Uint8Array);
    return array;
  },
};

test('a v4 uuid from getRandomValues where randomUUID is missing (plain http)', () => {
  const ids = new Set(Array.from({ length: 100 }, () => newUuid(withoutRandomUuid)));
  assert.equal(ids.size, 100);
  for (const id of ids) assert.match(id, V4);
});
