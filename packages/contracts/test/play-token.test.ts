import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { type Address, keccak256, parseEventLogs, parseUnits, toHex } from 'viem';
import * as artifacts from '../src/generated/artifacts.js';
import { impersonate, withSnapshot } from './support/chain-control.js';
import { contract, type Deployment, deployLocally } from './support/local-deployment.js';
import { expectRevert, sent } from './support/transactions.js';

const PLAY = (amount: string) => parseUnits(amount, 18);
const ref = (label: string) => keccak256(toHex(label));
const MINTER_ROLE = ref('MINTER_ROLE');
const PAUSER_ROLE = ref('PAUSER_ROLE');

describe('PlayToken', () => {
  let deployment: Deployment;
  let players: Address[];
  before(async () => {
    deployment = await deployLocally();
    players = [2, 3, 4, 5, 6].map((index) => deployment.account(index).address);
  });
  after(() => deployment.chain.stop());

  const asMinter = () => contract(deployment, 'PlayToken', deployment.minter);
  const asPlayer = (index: number) => contract(deployment, 'PlayToken', deployment.as(index));

  it('caps every token ever minted at 1e9 PLAY, of which the 2e8 treasury allocation is minted at deploy', async () => {
    const play = asMinter();
    const cap = await play.read.cap();
    assert.equal(cap, PLAY('1000000000'));
    assert.equal(await play.read.CAP(), cap);
    assert.equal(await play.read.totalMinted(), PLAY('200000000'));
    assert.equal(await play.read.TREASURY_ALLOCATION(), PLAY('200000000'));
    assert.equal(await play.read.remainingMintable(), cap - PLAY('200000000'));
    assert.equal(await play.read.totalSupply(), await play.read.totalMinted(), 'nothing burned yet');
  });

  it('lets the reward minter pay a game once, with a TokensMinted event naming the game', async () => {
    const play = asMinter();
    const gameId = ref('game-1');
    const amount = PLAY('12.5');
    const [balanceBefore, mintedBefore] = [await play.read.balanceOf([players[0]]), await play.read.totalMinted()];
    assert.equal(await play.read.gameRewarded([gameId]), false);

    const receipt = await sent(deployment.minter, play.write.mintGameReward([players[0], amount, gameId]));
    assert.equal(await play.read.balanceOf([players[0]]), balanceBefore + amount);
    assert.equal(await play.read.totalMinted(), mintedBefore + amount);
    assert.equal(await play.read.gameRewarded([gameId]), true);
    const [minted, ...more] = parseEventLogs({ abi: artifacts.PlayToken.abi, logs: receipt.logs, eventName: 'TokensMinted' });
    assert.equal(more.length, 0);
    assert.deepEqual(minted.args, { to: players[0], amount, rewardRef: gameId });

    const [refusedGame] = await expectRevert(() => play.write.mintGameReward([players[1], amount, gameId]), 'GameAlreadyRewarded');
    assert.equal(refusedGame, gameId);
    assert.equal(await play.read.balanceOf([players[1]]), 0n);
    assert.equal(await play.read.totalMinted(), mintedBefore + amount);
  });

  it('refuses mints from anyone without the minter role, the deployer included', async () => {
    for (const index of [0, 2]) {
      const who = deployment.account(index).address;
      const [account, role] = await expectRevert(
        () => asPlayer(index).write.mintGameReward([who, PLAY('1'), ref(`game-by-${index}`)]),
        'AccessControlUnauthorizedAccount',
      );
      assert.equal(account, who);
      assert.equal(role, MINTER_ROLE);
    }
    await expectRevert(() => asPlayer(2).write.batchMintRewards([[players[0]], [PLAY('1')], ref('batch-by-player')]), 'AccessControlUnauthorizedAccount');
  });

  it('pays every recipient of a batch once, and refuses a replayed, mismatched or empty batch', async () => {
    const play = asMinter();
    const recipients = players.slice(0, 4);
    const amounts = [PLAY('1'), PLAY('2.5'), PLAY('0.001'), PLAY('40')];
    const batchId = ref('batch-1');
    const before = await Promise.all(recipients.map((to) => play.read.balanceOf([to])));
    const mintedBefore = await play.read.totalMinted();

    const receipt = await sent(deployment.minter, play.write.batchMintRewards([recipients, amounts, batchId]));
    for (const [i, to] of recipients.entries()) assert.equal(await play.read.balanceOf([to]), before[i] + amounts[i]);
    assert.equal(await play.read.totalMinted(), mintedBefore + amounts.reduce((sum, amount) => sum + amount, 0n));
    assert.equal(await play.read.batchMinted([batchId]), true);
    const events = parseEventLogs({ abi: artifacts.PlayToken.abi, logs: receipt.logs, eventName: 'TokensMinted' });
    assert.deepEqual(
      events.map((event) => event.args),
      recipients.map((to, i) => ({ to, amount: amounts[i], rewardRef: batchId })),
    );

    const [replayed] = await expectRevert(() => play.write.batchMintRewards([recipients, amounts, batchId]), 'BatchAlreadyMinted');
    assert.equal(replayed, batchId);
    assert.deepEqual(
      await expectRevert(() => play.write.batchMintRewards([recipients.slice(0, 2), amounts.slice(0, 1), ref('batch-2')]), 'LengthMismatch'),
      [2n, 1n],
    );
    await expectRevert(() => play.write.batchMintRewards([[], [], ref('batch-3')]), 'EmptyBatch');
    assert.equal(await play.read.batchMinted([ref('batch-2')]), false, 'a refused batch is not marked as minted');
    for (const [i, to] of recipients.entries()) assert.equal(await play.read.balanceOf([to]), before[i] + amounts[i]);
  });

  it('burns with burn and burnFrom: supply falls, TokensBurned is emitted, and the cap room does not come back', async () => {
    const holder = deployment.as(2);
    const spender = deployment.as(3);
    await sent(deployment.minter, asMinter().write.mintGameReward([holder.wallet.account.address, PLAY('100'), ref('game-burn')]));
    const play = asPlayer(2);
    const [supply, remaining, balance] = [await play.read.totalSupply(), await play.read.remainingMintable(), await play.read.balanceOf([players[0]])];

    const burnReceipt = await sent(holder, play.write.burn([PLAY('30')]));
    const [burned] = parseEventLogs({ abi: artifacts.PlayToken.abi, logs: burnReceipt.logs, eventName: 'TokensBurned' });
    assert.deepEqual(burned.args, { from: players[0], amount: PLAY('30') });

    await sent(holder, play.write.approve([spender.wallet.account.address, PLAY('50')]));
    const burnFromReceipt = await sent(spender, asPlayer(3).write.burnFrom([players[0], PLAY('20')]));
    const [burnedFrom] = parseEventLogs({ abi: artifacts.PlayToken.abi, logs: burnFromReceipt.logs, eventName: 'TokensBurned' });
    assert.deepEqual(burnedFrom.args, { from: players[0], amount: PLAY('20') });

    assert.equal(await play.read.balanceOf([players[0]]), balance - PLAY('50'));
    assert.equal(await play.read.allowance([players[0], spender.wallet.account.address]), PLAY('30'));
    assert.equal(await play.read.totalSupply(), supply - PLAY('50'));
    assert.equal(await play.read.remainingMintable(), remaining, 'burning does not make room under the cap');
    await expectRevert(() => asPlayer(3).write.burnFrom([players[0], PLAY('31')]), 'ERC20InsufficientAllowance');
  });

  it('can be paused only by the timelock, and a pause stops transfers, burns and mints until it is lifted', async () => {
    for (const link of [deployment.deployer, deployment.minter, deployment.as(2)]) {
      const [account, role] = await expectRevert(() => contract(deployment, 'PlayToken', link).write.pause(), 'AccessControlUnauthorizedAccount');
      assert.equal(account, link.wallet.account.address);
      assert.equal(role, PAUSER_ROLE);
    }
    await sent(deployment.minter, asMinter().write.mintGameReward([players[1], PLAY('10'), ref('game-before-pause')]));

    const timelock = await impersonate(deployment, deployment.addresses.GuandanTimelock);
    const asTimelock = contract(deployment, 'PlayToken', timelock);
    await sent(timelock, asTimelock.write.pause());
    assert.equal(await asTimelock.read.paused(), true);
    await expectRevert(() => asPlayer(3).write.transfer([players[2], PLAY('1')]), 'EnforcedPause');
    await expectRevert(() => asPlayer(3).write.burn([PLAY('1')]), 'EnforcedPause');
    await expectRevert(() => asMinter().write.mintGameReward([players[1], PLAY('1'), ref('game-while-paused')]), 'EnforcedPause');
    await expectRevert(() => asMinter().write.batchMintRewards([[players[1]], [PLAY('1')], ref('batch-while-paused')]), 'EnforcedPause');
    await expectRevert(() => asPlayer(2).write.unpause(), 'AccessControlUnauthorizedAccount');
    assert.equal(await asTimelock.read.gameRewarded([ref('game-while-paused')]), false, 'the refused mint left no trace');

    await sent(timelock, asTimelock.write.unpause());
    const balance = await asTimelock.read.balanceOf([players[2]]);
    await sent(deployment.as(3), asPlayer(3).write.transfer([players[2], PLAY('1')]));
    assert.equal(await asTimelock.read.balanceOf([players[2]]), balance + PLAY('1'));
    await sent(deployment.minter, asMinter().write.mintGameReward([players[1], PLAY('1'), ref('game-while-paused')]));
  });

  it('keeps totalMinted + remainingMintable = cap and refuses exactly the mints that would pass it (property)', async () => {
    const play = asMinter();
    const cap = await play.read.cap();
    let nextGame = 0;
    const outcomes = { minted: 0, refused: 0 };
    type Step = { kind: 'share'; permille: bigint } | { kind: 'rest' } | { kind: 'restPlusOne' };
    const step: fc.Arbitrary<Step> = fc.oneof(
      fc.bigInt({ min: 1n, max: 600n }).map((permille): Step => ({ kind: 'share', permille })),
      fc.constant<Step>({ kind: 'rest' }),
      fc.constant<Step>({ kind: 'restPlusOne' }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 3 }), (steps) =>
        withSnapshot(deployment, async () => {
          const startRemaining = await play.read.remainingMintable();
          const burnedSoFar = (await play.read.totalMinted()) - (await play.read.totalSupply());
          let remaining = startRemaining;
          for (const s of steps) {
            const amount = s.kind === 'share' ? (startRemaining * s.permille) / 1000n : s.kind === 'rest' ? remaining : remaining + 1n;
            const gameId = ref(`cap-property-${nextGame++}`);
            if (amount <= remaining) {
              await sent(deployment.minter, play.write.mintGameReward([players[4], amount, gameId]));
              remaining -= amount;
              outcomes.minted++;
            } else {
              const [requested, left] = await expectRevert(() => play.write.mintGameReward([players[4], amount, gameId]), 'CapExceeded');
              assert.deepEqual([requested, left], [amount, remaining]);
              outcomes.refused++;
            }
            assert.equal(await play.read.remainingMintable(), remaining);
            assert.equal((await play.read.totalMinted()) + remaining, cap);
            assert.equal((await play.read.totalMinted()) - (await play.read.totalSupply()), burnedSoFar);
          }
        }),
      ),
      { numRuns: 8, seed: 20261126 },
    );
    assert.ok(outcomes.minted > 0 && outcomes.refused > 0, `both outcomes exercised: ${JSON.stringify(outcomes)}`);
  });

  it('refuses a batch that would pass the cap as a whole, minting none of it', async () => {
    const play = asMinter();
    const remaining = await play.read.remainingMintable();
    const half = remaining / 2n + 1n;
    const balances = await Promise.all(players.slice(0, 2).map((to) => play.read.balanceOf([to])));
    const [requested, left] = await expectRevert(
      () => play.write.batchMintRewards([players.slice(0, 2), [half, half], ref('batch-over-cap')]),
      'CapExceeded',
    );
    assert.equal(requested, half, 'the second mint is the one that does not fit');
    assert.equal(left, remaining - half);
    assert.equal(await play.read.remainingMintable(), remaining);
    assert.deepEqual(await Promise.all(players.slice(0, 2).map((to) => play.read.balanceOf([to]))), balances);
  });
});
