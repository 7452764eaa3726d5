import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatShare, NO_SHARE } from '../src/lib/shares';

test('a share reads as a percentage with at most one decimal', () => {
  assert.deepEqual([0, 0.125, 1 / 3, 1].map((share) => formatShare(share, 'en')), ['0%', '12.5%', '33.3%', '100%']);
});

test('a share nobody could count reads as a dash', () => {
  assert.equal(formatShare(null, 'en'), NO_SHARE);
  assert.equal(NO_SHARE, '—');
});
