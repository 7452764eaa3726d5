import assert from 'node:assert/strict';
import { test } from 'node:test';
import { standingBadges } from '../src/lib/standing';

const good = { banned: false, muted: false, muted_until: null, suspended: false, suspended_until: null };

test('good standing has no badge', () => {
  assert.deepEqual(standingBadges(good), []);
});

test('what is in force shows, most severe first, with its end', () => {
  assert.deepEqual(standingBadges({ ...good, banned: true, muted: true, muted_until: '2026-12-09T00:00:00.000Z', suspended: true, suspended_until: '2026-12-10T00:00:00.000Z' }), [
    { kind: 'banned', until: null },
    { kind: 'suspended', until: '2026-12-10T00:00:00.000Z' },
    { kind: 'muted', until: '2026-12-09T00:00:00.000Z' },
  ]);
});

test('a mute without an end lasts until lifted; an end left over from a lifted sanction shows nothing', () => {
  assert.deepEqual(standingBadges({ ...good, muted: true }), [{ kind: 'muted', until: null }]);
  assert.deepEqual(standingBadges({ ...good, suspended_until: '2026-12-10T00:00:00.000Z' }), []);
});
