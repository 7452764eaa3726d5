import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEVICE_ID_PATTERN } from '@guandan/protocol';
import fc from 'fast-check';
import { newDeviceId } from '../src/session/new-device-id';

test('an install id is 22 characters the server accepts, whatever the random bytes', () => {
  fc.assert(
    fc.property(fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 22, maxLength: 22 }), (bytes) => {
      const id = newDeviceId(() => bytes);
      assert.equal(id.length, 22);
      assert.match(id, DEVICE_ID_PATTERN);
    }),
  );
});

test('two installs get different ids', () => {
  const ids = new Set(Array.from({ length: 1000 }, () => newDeviceId()));
  assert.equal(ids.size, 1000);
});
