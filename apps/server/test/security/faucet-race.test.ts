import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TestUSDC } from '@guandan/contracts';
import { type Address, parseEther, parseUnits } from 'viem';
import { z } from 'zod';
import { type Answer, call, expectOk } from '../support/accounts.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { newWallet, walletSignIn } from '../support/wallets.js';

const Payout = z.object({ tx_hashes: z.array(z.string()).length(2) });

describe('the faucet under concurrent calls', () => {
  let t: TestServer;
  before(async () => {
    t = await startTestServer({ env: { CHAIN: 'local', AUTH_RATE_LIMIT_PER_MINUTE: '1000' } });
  });
  after(() => t.cleanup());

  const funds = async (wallet: Address) => {
    const chain = t.server.platform.chain;
    assert.ok(chain !== null);
    const [ether, usdc] = await Promise.all([
      chain.link.reader.getBalance({ address: wallet }),
      chain.link.reader.readContract({ address: chain.addresses.USDC, abi: TestUSDC.abi, functionName: 'balanceOf', args: [wallet] }),
    ]);
    return { ether, usdc };
  };
  const faucet = (jwt: string): Promise<Answer> => call(t, 'POST', '/chain/faucet', { token: jwt, body: {} });

  it('six accounts at once: every payout answers 200 and pays both the ether and the USDC', async () => {
    const wallets = Array.from({ length: 6 }, () => newWallet());
    const sessions = await Promise.all(wallets.map((wallet) => walletSignIn(t, wallet)));
    const answers = await Promise.all(sessions.map((session) => faucet(session.jwt)));
    for (const answer of answers) expectOk(answer, Payout);
    for (const wallet of wallets) assert.deepEqual(await funds(wallet.address), { ether: parseEther('1'), usdc: parseUnits('1000', 6) });
  });

  it('one account six times at once: each call is paid whole or refused with 429, never a 500', async () => {
    const wallet = newWallet();
    const session = await walletSignIn(t, wallet);
    const answers = await Promise.all(Array.from({ length: 6 }, () => faucet(session.jwt)));
    const paid = answers.filter((answer) => answer.status === 200);
    for (const answer of answers) assert.ok(answer.status === 200 || answer.status === 429, `answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    for (const answer of paid) Payout.parse(answer.body);
    assert.ok(paid.length >= 1);
    assert.deepEqual(await funds(wallet.address), { ether: parseEther('1') * BigInt(paid.length), usdc: parseUnits('1000', 6) * BigInt(paid.length) });
  });
});
