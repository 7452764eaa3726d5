import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { PreparedTransactionsSchema } from '@guandan/protocol';
import fc from 'fast-check';
import { maxUint256, parseUnits } from 'viem';
import { call, expectError, expectOk } from '../support/accounts.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { newWallet, walletSignIn } from '../support/wallets.js';

const EIGHTY_DIGITS = '9'.repeat(80);

describe('token amounts beyond what the token can hold or show', () => {
  let t: TestServer;
  let jwt: string;
  before(async () => {
    t = await startTestServer({ env: { CHAIN: 'local', AUTH_RATE_LIMIT_PER_MINUTE: '1000' } });
    jwt = (await walletSignIn(t, newWallet())).jwt;
  });
  after(() => t.cleanup());

  const post = (path: string, body: object) => call(t, 'POST', path, { token: jwt, body });

  it('refuses an 80-digit amount and one with more decimals than the token has, on every amount field', async () => {
    for (const path of ['/token/stake', '/token/unstake']) {
      expectError(await post(path, { amount: EIGHTY_DIGITS }), 400, 'INVALID_AMOUNT');
      expectError(await post(path, { amount: `1.${'0'.repeat(18)}1` }), 400, 'INVALID_AMOUNT');
      expectOk(await post(path, { amount: `1.${'0'.repeat(17)}1` }), PreparedTransactionsSchema);
    }
    expectError(await post('/token/swap', { from_token: 'USDC', to_token: 'PLAY', amount: '1.0000001' }), 400, 'INVALID_AMOUNT');
    expectError(await post('/token/swap', { from_token: 'PLAY', to_token: 'USDC', amount: EIGHTY_DIGITS }), 400, 'INVALID_AMOUNT');
    expectError(await post('/nft/list', { token_id: '1', price: `0.${'0'.repeat(18)}1` }), 400, 'INVALID_AMOUNT');
    expectError(await post('/nft/list', { token_id: EIGHTY_DIGITS, price: '1' }), 400, 'BAD_REQUEST');
    expectError(await post('/nft/buy', { token_id: EIGHTY_DIGITS }), 400, 'BAD_REQUEST');
    expectError(await post('/dao/vote', { proposal_id: EIGHTY_DIGITS, support: 1 }), 400, 'BAD_REQUEST');
  });

  it('any decimal amount is prepared exactly or refused with 400, never a 500', async () => {
    const amounts = fc.tuple(fc.stringMatching(/^[0-9]{1,80}$/), fc.option(fc.stringMatching(/^[0-9]{1,24}$/), { nil: undefined }));
    await fc.assert(
      fc.asyncProperty(amounts, async ([whole, fraction]) => {
        const amount = fraction === undefined ? whole : `${whole}.${fraction}`;
        const answer = await post('/token/stake', { amount });
        const exact = (fraction?.length ?? 0) <= 18 && parseUnits(amount, 18) > 0n && parseUnits(amount, 18) <= maxUint256;
        if (exact) {
          assert.equal(answer.status, 200, `${amount}: ${JSON.stringify(answer.body)}`);
          const stake = PreparedTransactionsSchema.parse(answer.body).transactions.at(-1);
          assert.ok(stake?.data.endsWith(parseUnits(amount, 18).toString(16).padStart(64, '0')), `${amount} is staked exactly`);
        } else {
          assert.equal(answer.status, 400, `${amount}: ${JSON.stringify(answer.body)}`);
        }
      }),
      { numRuns: 150, seed: 12 },
    );
  });
});
