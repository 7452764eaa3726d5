import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { SessionSchema, UserSchema, WalletResponseSchema } from '@guandan/protocol';
import { getAddress } from 'viem';
import { createSiweMessage, parseSiweMessage } from 'viem/siwe';
import type { Db } from '../src/platform/db/database.js';
import { WALLET_LINKED, type WalletLinked } from '../src/wallet/wallet-linked.js';
import { WalletService } from '../src/wallet/wallet-service.js';
import { call, expectError, expectOk, newAccount, signUp } from './support/accounts.js';
import { skipWithoutPostgres, startTestServer, type StoreKind, type TestServer } from './support/server.js';
import { eventually } from './support/table-play.js';
import { askNonce, newWallet, signedNonce, walletSignIn } from './support/wallets.js';

const STARTING_COINS = 777;
const NONCE_TTL_SECONDS = 300;
const postgresSkip = await skipWithoutPostgres();

/** `0xAbCd...1234`: the name a wallet's account gets when nothing else has it. */
const shortName = (address: string) => `${address.slice(0, 6)}...${address.slice(-4)}`;

for (const store of ['sqlite', 'postgres'] satisfies StoreKind[]) {
  describe(`wallet sign-in and linking on ${store}`, { skip: store === 'postgres' ? postgresSkip : false }, () => {
    let t: TestServer;
    let db: Db;
    const events: WalletLinked[] = [];
    before(async () => {
      t = await startTestServer({
        store,
        env: { STARTING_COINS: String(STARTING_COINS), WALLET_NONCE_TTL_SECONDS: String(NONCE_TTL_SECONDS), AUTH_RATE_LIMIT_PER_MINUTE: '100000' },
      });
      db = t.server.platform.db;
      t.server.platform.bus.subscribe(WALLET_LINKED, async (event) => {
        events.push(event.payload as WalletLinked);
      });
    });
    after(async () => t.cleanup());

    const verify = async (body: unknown) => call(t, 'POST', '/auth/wallet/verify', { body });
    const connect = async (token: string, body: unknown) => call(t, 'POST', '/wallet/connect', { body, token });
    const walletOf = async (token: string) => expectOk(await call(t, 'GET', '/wallet', { token }), WalletResponseSchema).wallet;
    const eventsFor = (userId: string) => events.filter((event) => event.userId === userId);

    test('the nonce comes with an EIP-4361 message bound to this server, its chain and a short lifetime', async () => {
      const wallet = newWallet();
      const before = Date.now();
      // Lower case in, checksummed in the message: the one spelling the server keeps.
      const issued = await askNonce(t, wallet, wallet.address.toLowerCase());
      const fields = parseSiweMessage(issued.message);
      const host = new URL(t.url).host;
      assert.ok(issued.message.startsWith(`${host} wants you to sign in with your Ethereum account:\n${wallet.address}\n`), issued.message);
      assert.equal(fields.address, wallet.address);
      assert.equal(fields.domain, host);
      assert.equal(fields.uri, `http://${host}`);
      assert.equal(fields.chainId, 31337);
      assert.equal(fields.nonce, issued.nonce);
      assert.match(issued.nonce, /^[a-zA-Z0-9]{16,}$/);
      assert.equal(fields.expirationTime?.toISOString(), issued.expires_at);
      const lifetime = (Date.parse(issued.expires_at) - before) / 1000;
      assert.ok(lifetime > NONCE_TTL_SECONDS - 60 && lifetime <= NONCE_TTL_SECONDS + 1, `valid for ${lifetime} s`);
      assert.notEqual((await askNonce(t, wallet)).nonce, issued.nonce, 'every request gets a fresh nonce');
    });

    test('the first wallet sign-in makes the account, the next ones sign in to the same one', async () => {
      const wallet = newWallet();
      const first = await walletSignIn(t, wallet, 'metamask');
      assert.equal(first.user.wallet_address, wallet.address);
      assert.equal(first.user.username, shortName(wallet.address));
      assert.equal(first.user.email, null);
      assert.equal(first.user.is_guest, false, 'the wallet signs the account in again: it is not a throwaway guest');
      assert.equal(first.user.game_coin_balance, STARTING_COINS);
      assert.notEqual(first.user.last_login, null);
      assert.deepEqual(expectOk(await call(t, 'GET', '/users/me', { token: first.jwt }), UserSchema), first.user);
      assert.deepEqual(await walletOf(first.jwt), { wallet_address: wallet.address, wallet_type: 'metamask' });

      const again = await walletSignIn(t, wallet);
      assert.equal(again.user.user_id, first.user.user_id);
      assert.notEqual(again.refresh_token, first.refresh_token);
      const refreshed = expectOk(await call(t, 'POST', '/auth/refresh', { body: { refresh_token: again.refresh_token } }), SessionSchema);
      assert.equal(refreshed.user.user_id, first.user.user_id);
      const accounts = await db.selectFrom('users').select('id').where('wallet_address', '=', wallet.address).execute();
      assert.equal(accounts.length, 1);
      // Made with the wallet: linked from the start, announced once; signing in again announces nothing.
      await eventually('WalletLinked for the new account', async () => eventsFor(first.user.user_id).length, (count) => count >= 1);
      assert.deepEqual(eventsFor(first.user.user_id), [{ userId: first.user.user_id, address: wallet.address }]);
    });

    test('a taken name makes the wallet account show more of its address', async () => {
      const wallet = newWallet();
      await signUp(t, { ...newAccount(), username: shortName(wallet.address) });
      const session = await walletSignIn(t, wallet);
      assert.equal(session.user.username, `${wallet.address.slice(0, 8)}...${wallet.address.slice(-6)}`);
    });

    test('first sign-ins of one wallet at once make one account', async () => {
      const wallet = newWallet();
      const bodies = await Promise.all([1, 2, 3].map(() => signedNonce(t, wallet)));
      const sessions = await Promise.all(bodies.map(async (body) => expectOk(await verify(body), SessionSchema)));
      assert.equal(new Set(sessions.map((session) => session.user.user_id)).size, 1);
    });

    test('a signed message counts once: a replay is NONCE_USED', async () => {
      const wallet = newWallet();
      const body = await signedNonce(t, wallet);
      expectOk(await verify(body), SessionSchema);
      expectError(await verify(body), 401, 'NONCE_USED');

      const raced = await signedNonce(t, wallet);
      const answers = await Promise.all([1, 2, 3].map(() => verify(raced)));
      assert.deepEqual(answers.map((answer) => answer.status).sort(), [200, 401, 401]);
      for (const answer of answers.filter((answer) => answer.status === 401)) expectError(answer, 401, 'NONCE_USED');
    });

    test('a message for another domain, or changed in any way, is INVALID_SIWE_MESSAGE and leaves the nonce usable', async () => {
      const wallet = newWallet();
      const { message } = await askNonce(t, wallet);
      const host = new URL(t.url).host;
      const signed = async (text: string) => ({ message: text, signature: await wallet.signMessage({ message: text }) });

      const phishing = message.replace(`${host} wants you`, 'guandan-global.example.com wants you');
      expectError(await verify(await signed(phishing)), 401, 'INVALID_SIWE_MESSAGE');
      expectError(await verify(await signed(message.replace('Chain ID: 31337', 'Chain ID: 1'))), 401, 'INVALID_SIWE_MESSAGE');
      expectError(await verify(await signed(message.replace(/Expiration Time: .*/, 'Expiration Time: 2999-01-01T00:00:00.000Z'))), 401, 'INVALID_SIWE_MESSAGE');
      expectError(await verify(await signed('hello, sign this')), 401, 'INVALID_SIWE_MESSAGE');
      expectOk(await verify(await signed(message)), SessionSchema);
    });

    test('a message whose nonce this server never issued is INVALID_NONCE', async () => {
      const wallet = newWallet();
      const { domain, uri, chainId } = parseSiweMessage((await askNonce(t, wallet)).message);
      const made = createSiweMessage({ address: wallet.address, domain: domain ?? '', uri: uri ?? '', chainId: chainId ?? 0, nonce: 'madeupnonce123', version: '1' });
      expectError(await verify({ message: made, signature: await wallet.signMessage({ message: made }) }), 401, 'INVALID_NONCE');
    });

    test("another key's signature is INVALID_SIGNATURE and does not use the nonce up", async () => {
      const wallet = newWallet();
      const { message } = await askNonce(t, wallet);
      expectError(await verify({ message, signature: await newWallet().signMessage({ message }) }), 401, 'INVALID_SIGNATURE');
      // Well formed, but no signature of anything: recovery fails.
      expectError(await verify({ message, signature: `0x${'11'.repeat(64)}ff` }), 401, 'INVALID_SIGNATURE');
      assert.equal(await db.selectFrom('users').select('id').where('wallet_address', '=', wallet.address).executeTakeFirst(), undefined);
      expectOk(await verify({ message, signature: await wallet.signMessage({ message }) }), SessionSchema);
    });

    test('an expired nonce is NONCE_EXPIRED', async () => {
      const wallet = newWallet();
      const body = await signedNonce(t, wallet);
      const { nonce } = parseSiweMessage(body.message);
      await db
        .updateTable('wallet_nonces')
        .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
        .where('nonce', '=', nonce ?? '')
        .execute();
      expectError(await verify(body), 401, 'NONCE_EXPIRED');
    });

    test('linking: an account gets one wallet, which then signs it in', async () => {
      const session = await signUp(t);
      assert.equal(await walletOf(session.jwt), null);
      const wallet = newWallet();
      const body = { wallet_type: 'walletconnect', wallet_address: wallet.address.toLowerCase(), ...(await signedNonce(t, wallet)) };
      const linked = expectOk(await connect(session.jwt, body), WalletResponseSchema);
      assert.deepEqual(linked.wallet, { wallet_address: wallet.address, wallet_type: 'walletconnect' });
      assert.deepEqual(await walletOf(session.jwt), linked.wallet);
      assert.equal(expectOk(await call(t, 'GET', '/users/me', { token: session.jwt }), UserSchema).wallet_address, wallet.address);
      expectError(await connect(session.jwt, body), 401, 'NONCE_USED');

      const signedIn = await walletSignIn(t, wallet);
      assert.equal(signedIn.user.user_id, session.user.user_id);
      assert.equal(signedIn.user.email, session.user.email);
      // Linking the wallet the account has again changes nothing.
      const relinked = { wallet_type: 'metamask', wallet_address: wallet.address, ...(await signedNonce(t, wallet)) };
      assert.deepEqual(expectOk(await connect(session.jwt, relinked), WalletResponseSchema).wallet, linked.wallet);
      await eventually('WalletLinked for the link', async () => eventsFor(session.user.user_id).length, (count) => count >= 1);
      assert.deepEqual(eventsFor(session.user.user_id), [{ userId: session.user.user_id, address: wallet.address }]);
    });

    test('one wallet per account: a second wallet is WALLET_ALREADY_LINKED', async () => {
      const session = await signUp(t);
      const [first, second] = [newWallet(), newWallet()];
      expectOk(await connect(session.jwt, { wallet_type: 'metamask', wallet_address: first.address, ...(await signedNonce(t, first)) }), WalletResponseSchema);
      const refused = await connect(session.jwt, { wallet_type: 'metamask', wallet_address: second.address, ...(await signedNonce(t, second)) });
      expectError(refused, 409, 'WALLET_ALREADY_LINKED');
      assert.equal((await walletOf(session.jwt))?.wallet_address, first.address);

      // Two different wallets at once: one links, the other is refused.
      const racer = await signUp(t);
      const wallets = [newWallet(), newWallet()];
      const bodies = await Promise.all(wallets.map(async (wallet) => ({ wallet_type: 'magic', wallet_address: wallet.address, ...(await signedNonce(t, wallet)) })));
      const answers = await Promise.all(bodies.map((body) => connect(racer.jwt, body)));
      assert.deepEqual(answers.map((answer) => answer.status).sort(), [200, 409]);
    });

    test('one account per wallet: a wallet another account has is WALLET_IN_USE', async () => {
      const wallet = newWallet();
      const owner = await signUp(t);
      expectOk(await connect(owner.jwt, { wallet_type: 'metamask', wallet_address: wallet.address, ...(await signedNonce(t, wallet)) }), WalletResponseSchema);
      const other = await signUp(t);
      expectError(await connect(other.jwt, { wallet_type: 'metamask', wallet_address: wallet.address, ...(await signedNonce(t, wallet)) }), 409, 'WALLET_IN_USE');
      assert.equal(await walletOf(other.jwt), null);

      // A wallet that made its own account by signing in is in use too.
      const signer = newWallet();
      await walletSignIn(t, signer);
      expectError(await connect(other.jwt, { wallet_type: 'metamask', wallet_address: signer.address, ...(await signedNonce(t, signer)) }), 409, 'WALLET_IN_USE');

      // Two accounts racing for one wallet: one gets it.
      const contested = newWallet();
      const racers = await Promise.all([signUp(t), signUp(t)]);
      const answers = await Promise.all(
        racers.map(async (racer) => connect(racer.jwt, { wallet_type: 'metamask', wallet_address: contested.address, ...(await signedNonce(t, contested)) })),
      );
      assert.deepEqual(answers.map((answer) => answer.status).sort(), [200, 409]);
      expectError(answers.find((answer) => answer.status === 409) ?? { status: 0, body: null }, 409, 'WALLET_IN_USE');
    });

    test('linking checks the signature like signing in, and wants the signed-in user', async () => {
      const session = await signUp(t);
      const [wallet, other] = [newWallet(), newWallet()];
      const signed = await signedNonce(t, wallet);
      expectError(await connect(session.jwt, { wallet_type: 'metamask', wallet_address: other.address, ...signed }), 401, 'INVALID_SIWE_MESSAGE');
      const { message } = await askNonce(t, wallet);
      const forged = { wallet_type: 'metamask', wallet_address: wallet.address, message, signature: await other.signMessage({ message }) };
      expectError(await connect(session.jwt, forged), 401, 'INVALID_SIGNATURE');
      expectError(await call(t, 'POST', '/wallet/connect', { body: { wallet_type: 'metamask', wallet_address: wallet.address, ...signed } }), 401, 'UNAUTHORIZED');
      expectError(await call(t, 'GET', '/wallet'), 401, 'UNAUTHORIZED');
      assert.equal(await walletOf(session.jwt), null);
    });

    test('malformed bodies are BAD_REQUEST', async () => {
      const wallet = newWallet();
      const session = await signUp(t);
      const signed = await signedNonce(t, wallet);
      const mixedCase = wallet.address.slice(0, 2) + [...wallet.address.slice(2)].map((c) => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase())).join('');
      // Flipping every letter's case breaks the checksum unless the address has no letters at all.
      const badChecksum = mixedCase === getAddress(mixedCase) ? null : mixedCase;
      const nonceBodies: unknown[] = [{}, { address: '0x1234' }, { address: wallet.address.slice(2) }, { address: wallet.address, extra: 1 }, [wallet.address]];
      if (badChecksum !== null) nonceBodies.push({ address: badChecksum });
      for (const body of nonceBodies) expectError(await call(t, 'POST', '/auth/wallet/nonce', { body }), 400, 'BAD_REQUEST');

      const verifyBodies: unknown[] = [
        {},
        { message: signed.message },
        { signature: signed.signature },
        { ...signed, signature: signed.signature.slice(0, -2) },
        { ...signed, signature: 'not-hex' },
        { ...signed, message: '' },
        { ...signed, wallet_type: 'phantom' },
        { ...signed, user_id: session.user.user_id },
      ];
      for (const body of verifyBodies) expectError(await verify(body), 400, 'BAD_REQUEST');

      const full = { wallet_type: 'metamask', wallet_address: wallet.address, ...signed };
      const { wallet_type: _type, ...noType } = full;
      const connectBodies: unknown[] = [{}, noType, { ...full, wallet_type: 'ledger' }, { ...full, wallet_address: 'me' }, { ...full, signature: '0x' }];
      for (const body of connectBodies) expectError(await connect(session.jwt, body), 400, 'BAD_REQUEST');
      // The refusals were about the shape only: the same signed message still signs in.
      expectOk(await verify(signed), SessionSchema);
    });
  });
}

describe('wallet settings', () => {
  let t: TestServer;
  before(async () => {
    t = await startTestServer({ env: { SIWE_DOMAIN: 'play.example.com', CHAIN_ID: '8453', AUTH_RATE_LIMIT_PER_MINUTE: '100000' } });
  });
  after(async () => t.cleanup());

  test('SIWE_DOMAIN and CHAIN_ID are what messages name, whatever the request host', async () => {
    const wallet = newWallet();
    const { message } = await askNonce(t, wallet);
    const fields = parseSiweMessage(message);
    assert.equal(fields.domain, 'play.example.com');
    assert.equal(fields.uri, 'http://play.example.com');
    assert.equal(fields.chainId, 8453);
    const session = expectOk(await call(t, 'POST', '/auth/wallet/verify', { body: { message, signature: await wallet.signMessage({ message }) } }), SessionSchema);
    assert.equal(session.user.wallet_address, wallet.address);
  });

  test('a SIWE_DOMAIN no message can name is refused when the service is made, so the server does not start', () => {
    const unused = () => assert.fail('not called');
    const policy = { ...t.server.platform.config, SIWE_DOMAIN: 'not a host' };
    assert.throws(() => new WalletService({ db: t.server.platform.db, auth: { walletSignIn: unused }, users: { linkWallet: unused, walletOf: unused }, policy, kickOutbox: unused, screen: unused }), /SIWE_DOMAIN/);
  });
});

describe('wallet rate limit', () => {
  let t: TestServer;
  before(async () => {
    t = await startTestServer({ env: { AUTH_RATE_LIMIT_PER_MINUTE: '2' } });
  });
  after(async () => t.cleanup());

  test('past the auth limit the wallet routes answer 429 RATE_LIMITED', async () => {
    const wallet = newWallet();
    for (let attempt = 1; attempt <= 2; attempt++) await askNonce(t, wallet);
    expectError(await call(t, 'POST', '/auth/wallet/nonce', { body: { address: wallet.address } }), 429, 'RATE_LIMITED');
  });
});
