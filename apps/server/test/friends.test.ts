import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { FriendSchema, type Session } from '@guandan/protocol';
import { z } from 'zod';
import { CoinAccounts } from '../src/coins/coin-accounts.js';
import { FriendsService } from '../src/friends/friends-service.js';
import { UsersService } from '../src/users/users-service.js';
import { call, expectError, expectOk, newAccount, signUp } from './support/accounts.js';
import { skipWithoutPostgres, startTestServer, type StoreKind, type TestServer } from './support/server.js';

const FriendListSchema = z.array(FriendSchema);
const postgresSkip = await skipWithoutPostgres();

for (const store of ['sqlite', 'postgres'] satisfies StoreKind[]) {
  describe(`friends on ${store}`, { skip: store === 'postgres' ? postgresSkip : false }, () => {
    let t: TestServer;
    before(async () => {
      t = await startTestServer({ store, env: { AUTH_RATE_LIMIT_PER_MINUTE: '100000' } });
    });
    after(async () => t.cleanup());

    const ask = async (from: Session, body: unknown) => call(t, 'POST', '/friends/requests', { token: from.jwt, body });
    const answer = async (by: Session, requester: Session, verb: 'accept' | 'decline') =>
      call(t, 'POST', `/friends/requests/${requester.user.user_id}/${verb}`, { token: by.jwt });
    /** Whom `session` sees in its list, and how: `username:status`. */
    const listOf = async (session: Session) =>
      expectOk(await call(t, 'GET', '/friends', { token: session.jwt }), FriendListSchema).map((friend) => `${friend.user.username}:${friend.status}`);

    test('a request by username is outgoing for one side and incoming for the other until accepted', async () => {
      const [alice, bob] = [await signUp(t), await signUp(t)];
      const sent = expectOk(await ask(alice, { username: bob.user.username }), FriendSchema);
      assert.equal(sent.status, 'outgoing');
      assert.equal(sent.user.user_id, bob.user.user_id);
      assert.equal(sent.online, false);
      assert.deepEqual(await listOf(alice), [`${bob.user.username}:outgoing`]);
      assert.deepEqual(await listOf(bob), [`${alice.user.username}:incoming`]);
      expectError(await ask(alice, { user_id: bob.user.user_id }), 409, 'FRIEND_REQUEST_EXISTS');

      const accepted = expectOk(await answer(bob, alice, 'accept'), FriendSchema);
      assert.equal(accepted.status, 'accepted');
      assert.equal(accepted.user.user_id, alice.user.user_id);
      assert.deepEqual(await listOf(alice), [`${bob.user.username}:accepted`]);
      assert.deepEqual(await listOf(bob), [`${alice.user.username}:accepted`]);
      expectError(await ask(bob, { user_id: alice.user.user_id }), 409, 'CONFLICT');
      expectError(await answer(bob, alice, 'accept'), 404, 'NOT_FOUND');
    });

    test('asking someone who already asked you makes you friends', async () => {
      const [alice, bob] = [await signUp(t), await signUp(t)];
      expectOk(await ask(alice, { user_id: bob.user.user_id }), FriendSchema);
      assert.equal(expectOk(await ask(bob, { user_id: alice.user.user_id }), FriendSchema).status, 'accepted');
      assert.deepEqual(await listOf(alice), [`${bob.user.username}:accepted`]);
    });

    test('crossing requests make one friendship', async () => {
      const pairs = await Promise.all(Array.from({ length: 4 }, async () => [await signUp(t), await signUp(t)] as const));
      const answers = await Promise.all(pairs.flatMap(([a, b]) => [ask(a, { user_id: b.user.user_id }), ask(b, { user_id: a.user.user_id })]));
      for (const sent of answers) expectOk(sent, FriendSchema);
      for (const [a, b] of pairs) {
        assert.deepEqual(await listOf(a), [`${b.user.username}:accepted`]);
        assert.deepEqual(await listOf(b), [`${a.user.username}:accepted`]);
      }
    });

    test('a declined request disappears, and can be made again', async () => {
      const [alice, bob] = [await signUp(t), await signUp(t)];
      expectOk(await ask(alice, { user_id: bob.user.user_id }), FriendSchema);
      expectError(await answer(alice, bob, 'decline'), 404, 'NOT_FOUND');
      assert.equal((await answer(bob, alice, 'decline')).status, 204);
      assert.deepEqual(await listOf(alice), []);
      assert.deepEqual(await listOf(bob), []);
      expectError(await answer(bob, alice, 'decline'), 404, 'NOT_FOUND');
      assert.equal(expectOk(await ask(alice, { user_id: bob.user.user_id }), FriendSchema).status, 'outgoing');
    });

    test('removing a friend ends it for both; a pending request is not a friendship', async () => {
      const [alice, bob, carol] = [await signUp(t), await signUp(t), await signUp(t)];
      expectOk(await ask(alice, { user_id: bob.user.user_id }), FriendSchema);
      expectOk(await answer(bob, alice, 'accept'), FriendSchema);
      assert.equal((await call(t, 'DELETE', `/friends/${alice.user.user_id}`, { token: bob.jwt })).status, 204);
      assert.deepEqual(await listOf(alice), []);
      assert.deepEqual(await listOf(bob), []);
      expectError(await call(t, 'DELETE', `/friends/${bob.user.user_id}`, { token: alice.jwt }), 404, 'NOT_FRIENDS');

      expectOk(await ask(alice, { user_id: carol.user.user_id }), FriendSchema);
      expectError(await call(t, 'DELETE', `/friends/${carol.user.user_id}`, { token: alice.jwt }), 404, 'NOT_FRIENDS');
      assert.deepEqual(await listOf(carol), [`${alice.user.username}:incoming`]);
    });

    test('the list puts requests to answer first, then friends, then requests sent', async () => {
      // Named so that alphabetical order is the reverse of the list order.
      const named = async (prefix: string) => signUp(t, { ...newAccount(), username: `${prefix}_${newAccount().username}` });
      const [me, asked, friend, asker] = [await signUp(t), await named('a'), await named('b'), await named('c')];
      expectOk(await ask(me, { user_id: asked.user.user_id }), FriendSchema);
      expectOk(await ask(friend, { user_id: me.user.user_id }), FriendSchema);
      expectOk(await answer(me, friend, 'accept'), FriendSchema);
      expectOk(await ask(asker, { user_id: me.user.user_id }), FriendSchema);
      assert.deepEqual(await listOf(me), [`${asker.user.username}:incoming`, `${friend.user.username}:accepted`, `${asked.user.username}:outgoing`]);
    });

    test('bad friend requests are refused with their codes', async () => {
      const alice = await signUp(t);
      const bob = await signUp(t);
      expectError(await ask(alice, { user_id: alice.user.user_id }), 400, 'BAD_REQUEST');
      expectError(await ask(alice, { username: alice.user.username }), 400, 'BAD_REQUEST');
      expectError(await ask(alice, { user_id: crypto.randomUUID() }), 404, 'NOT_FOUND');
      expectError(await ask(alice, { username: 'nobody_by_this_name' }), 404, 'NOT_FOUND');
      expectError(await ask(alice, { user_id: bob.user.user_id, username: bob.user.username }), 400, 'BAD_REQUEST');
      expectError(await ask(alice, {}), 400, 'BAD_REQUEST');
      expectError(await call(t, 'POST', `/friends/requests/not-a-uuid/accept`, { token: alice.jwt }), 400, 'BAD_REQUEST');
      expectError(await call(t, 'GET', '/friends'), 401, 'UNAUTHORIZED');
      assert.deepEqual(await listOf(bob), []);
    });

    test('online comes from the presence the friends domain is given', async () => {
      const [alice, bob, carol] = [await signUp(t), await signUp(t), await signUp(t)];
      expectOk(await ask(alice, { user_id: bob.user.user_id }), FriendSchema);
      expectOk(await ask(alice, { user_id: carol.user.user_id }), FriendSchema);
      const db = t.server.platform.db;
      const friends = new FriendsService(db, new UsersService(db, new CoinAccounts(db), 0), { isOnline: (userId) => userId === bob.user.user_id });
      const online = Object.fromEntries((await friends.list(alice.user.user_id)).map((friend) => [friend.user.user_id, friend.online]));
      assert.deepEqual(online, { [bob.user.user_id]: true, [carol.user.user_id]: false });
    });
  });
}
