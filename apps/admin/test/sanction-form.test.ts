import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SanctionBodySchema } from '@guandan/protocol';
import { dateToLocalInput, endProblem, endRule, isInForce, localInputToDate, presetEnd, sanctionRequest, sanctionStatus } from '../src/lib/sanction-form';

const now = new Date('2026-12-08T10:00:00Z');
const later = dateToLocalInput(new Date(now.getTime() + 3_600_000));
const earlier = dateToLocalInput(new Date(now.getTime() - 3_600_000));

test('a suspension needs an end, a mute may have one, a ban has none', () => {
  assert.equal(endRule('suspend'), 'required');
  assert.equal(endRule('mute'), 'optional');
  assert.equal(endRule('ban'), 'none');
  assert.equal(endProblem('suspend', '', now), 'gg.validation.end_required');
  assert.equal(endProblem('mute', '', now), null);
  assert.equal(endProblem('ban', '', now), null);
});

test('an end must be a date in the future', () => {
  assert.equal(endProblem('suspend', later, now), null);
  assert.equal(endProblem('suspend', earlier, now), 'gg.validation.end_in_past');
  assert.equal(endProblem('mute', 'tomorrow', now), 'gg.validation.end_invalid');
});

test('the local input round-trips to the minute in the browser zone', () => {
  const at = new Date(2027, 0, 5, 7, 9);
  assert.equal(dateToLocalInput(at), '2027-01-05T07:09');
  assert.equal(localInputToDate('2027-01-05T07:09')?.getTime(), at.getTime());
  assert.equal(localInputToDate(''), null);
  assert.equal(localInputToDate('2027-13-45T99:99'), null);
});

test('presets count from now', () => {
  assert.equal(localInputToDate(presetEnd('1d', now))?.getTime(), Math.floor((now.getTime() + 86_400_000) / 60_000) * 60_000);
});

test('the requests the form makes are what the API takes', () => {
  const suspend = sanctionRequest('suspend', '  repeated abuse  ', dateToLocalInput(new Date(Date.now() + 86_400_000)));
  assert.equal(suspend.reason, 'repeated abuse');
  assert.ok(suspend.ends_at !== null && suspend.ends_at.endsWith('Z'));
  assert.doesNotThrow(() => SanctionBodySchema.parse(suspend));
  const mute = sanctionRequest('mute', 'spam in chat', '');
  assert.deepEqual(mute, { kind: 'mute', reason: 'spam in chat', ends_at: null });
  assert.doesNotThrow(() => SanctionBodySchema.parse(mute));
  // A ban lasts until lifted, whatever the end field held.
  const ban = sanctionRequest('ban', 'cheating with a bot', later);
  assert.equal(ban.ends_at, null);
  assert.doesNotThrow(() => SanctionBodySchema.parse(ban));
});

test('a sanction is in force until lifted or past its end', () => {
  const base = { lifted_at: null, ends_at: null };
  assert.equal(isInForce(base, now), true);
  assert.equal(sanctionStatus(base, now), 'active');
  assert.equal(sanctionStatus({ ...base, ends_at: '2026-12-08T09:00:00.000Z' }, now), 'ended');
  assert.equal(sanctionStatus({ ...base, ends_at: '2026-12-08T11:00:00.000Z' }, now), 'active');
  assert.equal(sanctionStatus({ lifted_at: '2026-12-08T09:30:00.000Z', ends_at: null }, now), 'lifted');
});
