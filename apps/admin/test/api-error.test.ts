import assert from 'node:assert/strict';
import { test } from 'node:test';
import { apiErrorFrom, errorMessageKey, networkError, parseErrorBody, sayingConflictAs } from '../src/api/api-error';

test("the platform's error body gives the code and the message", () => {
  assert.deepEqual(parseErrorBody({ error: { code: 'FORBIDDEN', message: 'a moderator cannot ban' } }), { code: 'FORBIDDEN', message: 'a moderator cannot ban' });
  assert.equal(parseErrorBody('<html>502</html>'), null);
  assert.equal(parseErrorBody(null), null);
  assert.equal(parseErrorBody({ error: 'x' }), null);
});

test('codes the console has words for read as those words; others as the server said', () => {
  const forbidden = apiErrorFrom(403, { error: { code: 'FORBIDDEN', message: 'a moderator cannot ban' } });
  assert.equal(forbidden.status, 403);
  assert.equal(forbidden.code, 'FORBIDDEN');
  assert.equal(forbidden.message, 'gg.error.FORBIDDEN');
  assert.equal(forbidden.serverMessage, 'a moderator cannot ban');
  const invalid = apiErrorFrom(400, { error: { code: 'BAD_REQUEST', message: 'reason: Too small' } });
  assert.equal(invalid.message, 'reason: Too small');
  const unknown = apiErrorFrom(409, { error: { code: 'ROOM_FULL', message: 'the room is full' } });
  assert.equal(unknown.message, 'the room is full');
});

test('a body that is not the platform’s keeps the status', () => {
  const error = apiErrorFrom(502, null);
  assert.equal(error.code, 'UNKNOWN');
  assert.equal(error.message, 'HTTP 502');
});

test('no answer at all is a network error', () => {
  const error = networkError(new TypeError('fetch failed'));
  assert.equal(error.status, 0);
  assert.equal(error.message, 'gg.error.NETWORK');
  assert.equal(errorMessageKey('NETWORK'), 'gg.error.NETWORK');
  assert.equal(errorMessageKey('NOPE'), null);
});

test('a CONFLICT with one meaning here is told in its own words; other refusals pass as they are', async () => {
  await assert.rejects(sayingConflictAs(Promise.reject(apiErrorFrom(409, { error: { code: 'CONFLICT', message: 'over' } })), 'gg.tables.already_over'), { message: 'gg.tables.already_over' });
  const forbidden = apiErrorFrom(403, { error: { code: 'FORBIDDEN', message: 'seated here' } });
  await assert.rejects(sayingConflictAs(Promise.reject(forbidden), 'gg.tables.already_over'), (error) => error === forbidden);
  assert.equal(await sayingConflictAs(Promise.resolve(7), 'gg.tables.already_over'), 7);
});
