import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ModerationCaseSchema, pageOf, SessionSchema, WalletResponseSchema } from '@guandan/protocol';
import type { PrivateKeyAccount } from 'viem/accounts';
import { call, expectError, expectOk, signUp } from './support/accounts.js';
import { startTestServer, type TestServer } from './support/server.js';
import { firstAdmin, type Staff, staffMember } from './support/staff.js';
import { newWallet, signedNonce } from './support/wallets.js';

const CasesPage = pageOf(ModerationCaseSchema);

/**
 * A local stand-in for Chainalysis's sanctions screening API: `GET /api/v1/address/{address}` with `X-API-Key`,
 * answering `{identifications: [...]}` (empty for a clean address), 401 without the key.
 */
async function fakeChainalysis(apiKey: string, sanctioned: Set<string>): Promise<{ url: string; server: Server; asked: string[] }> {
  const asked: string[] = [];
  const server = createServer((request, response) => {
    const address = decodeURIComponent(/^\/api\/v1\/address\/([^/?]+)$/.exec(request.url ?? '')?.[1] ?? '');
    asked.push(address.toLowerCase());
    if (request.headers['x-api-key'] !== apiKey) return void response.writeHead(401, { 'content-type': 'application/json' }).end('{"message":"Unauthorized"}');
    const identifications = sanctioned.has(address.toLowerCase())
      ? [{ category: 'sanctions', name: 'SANCTIONS: OFAC SDN Test Entity', description: 'a test designation', url: 'https://example.test/sdn' }]
      : [];
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ identifications }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, asked };
}

describe('sanctions screening of the wallets tokens are paid to', () => {
  const dir = mkdtempSync(join(tmpdir(), 'guandan-aml-'));
  const listed = newWallet();
  const flaggedByProvider = newWallet();
  const apiKey = 'ck_test_0123456789';
  let chainalysis: { url: string; server: Server; asked: string[] };
  let t: TestServer;
  let moderator: Staff;
  before(async () => {
    const file = join(dir, 'sanctions.txt');
    writeFileSync(file, `# the operator's own list\n${listed.address.toLowerCase()}  # a test entry\n\n`);
    chainalysis = await fakeChainalysis(apiKey, new Set([flaggedByProvider.address.toLowerCase()]));
    t = await startTestServer({ env: { SANCTIONS_LIST_FILE: file, CHAINALYSIS_API_KEY: apiKey, CHAINALYSIS_API_URL: chainalysis.url, AUTH_RATE_LIMIT_PER_MINUTE: '1000' } });
    moderator = await staffMember(t, await firstAdmin(t), 'moderator');
  });
  after(async () => {
    await t.cleanup();
    await new Promise((resolve) => chainalysis.server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  const link = async (jwt: string, wallet: PrivateKeyAccount) =>
    call(t, 'POST', '/wallet/connect', { token: jwt, body: { wallet_type: 'metamask', wallet_address: wallet.address, ...(await signedNonce(t, wallet)) } });
  const amlCases = async () => expectOk(await call(t, 'GET', '/admin/cases?source=aml', { token: moderator.session.jwt }), CasesPage).items;

  test('a wallet on the local list or flagged by the provider is refused and opens a case; a clean one links', async () => {
    const player = await signUp(t);
    expectError(await link(player.jwt, listed), 403, 'ADDRESS_SANCTIONED');
    expectError(await link(player.jwt, flaggedByProvider), 403, 'ADDRESS_SANCTIONED');
    const cases = await amlCases();
    const mine = cases.filter((item) => item.subject_ids.includes(player.user.user_id));
    assert.equal(mine.length, 2);
    const evidence = mine.map((item) => item.evidence as { address: string; hits: { source: string }[] });
    assert.deepEqual(evidence.map((item) => [item.address, item.hits[0].source]).sort(), [[flaggedByProvider.address, 'chainalysis'], [listed.address, 'local list']].sort());
    assert.ok(mine.every((item) => item.status === 'open' && item.category === 'sanctions_screening'));
    const row = await t.server.platform.db.selectFrom('users').select('wallet_address').where('id', '=', player.user.user_id).executeTakeFirstOrThrow();
    assert.equal(row.wallet_address, null, 'nothing was linked');

    expectError(await link(player.jwt, listed), 403, 'ADDRESS_SANCTIONED');
    assert.equal((await amlCases()).filter((item) => item.subject_ids.includes(player.user.user_id)).length, 2, 'trying again opens no second case');

    const clean = newWallet();
    expectOk(await link(player.jwt, clean), WalletResponseSchema);
  });

  test('signing in with a sanctioned wallet is refused before any account is made', async () => {
    const before = (await amlCases()).length;
    expectError(await call(t, 'POST', '/auth/wallet/verify', { body: { ...(await signedNonce(t, listed)) } }), 403, 'ADDRESS_SANCTIONED');
    const cases = await amlCases();
    assert.equal(cases.length, before + 1);
    const users = await t.server.platform.db.selectFrom('users').select('id').where('wallet_address', '=', listed.address).execute();
    assert.deepEqual(users, []);
  });

  test('the provider is asked once per address while its answer is kept, not at every sign-in', async () => {
    const wallet = newWallet();
    for (let signIn = 0; signIn < 3; signIn++) expectOk(await call(t, 'POST', '/auth/wallet/verify', { body: { ...(await signedNonce(t, wallet)) } }), SessionSchema);
    assert.equal(chainalysis.asked.filter((address) => address === wallet.address.toLowerCase()).length, 1);
  });

  test('screening fails closed: a provider that does not answer refuses the link', async () => {
    const player = await signUp(t);
    await new Promise((resolve) => chainalysis.server.close(resolve));
    try {
      expectError(await link(player.jwt, newWallet()), 503, 'UNAVAILABLE');
    } finally {
      chainalysis.server.listen(Number(new URL(chainalysis.url).port), '127.0.0.1');
    }
  });

  test('a sanctions list that is configured but missing stops the server from starting', async () => {
    await assert.rejects(startTestServer({ env: { SANCTIONS_LIST_FILE: join(dir, 'missing.txt') } }), /SANCTIONS_LIST_FILE/);
  });
});
