import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Address, keccak256, maxUint256, parseEventLogs, parseUnits, toHex } from 'viem';
import { LOCAL_DEPLOY } from '../src/index.js';
import * as artifacts from '../src/generated/artifacts.js';
import { impersonate, latestTimestamp, mineAt, nextBlockAt } from './support/chain-control.js';
import { contract, type Deployment, deployLocally } from './support/local-deployment.js';
import { expectRevert, sent } from './support/transactions.js';

const PLAY = (amount: string) => parseUnits(amount, 18);
const UNIT = 10n ** 18n;

/**
 * What `stake` earns over `seconds` while `total` is staked in all at `rate` per second: the contract's
 * reward-per-token step, with its two roundings down.
 */
function accrued(stake: bigint, seconds: bigint, total: bigint, rate: bigint): bigint {
  return (stake * ((seconds * rate * UNIT) / total)) / UNIT;
}

describe('Staking', () => {
  let deployment: Deployment;
  let alice: Address;
  let bob: Address;
  let rate: bigint;
  const asAlice = () => contract(deployment, 'Staking', deployment.as(2));
  const asBob = () => contract(deployment, 'Staking', deployment.as(3));
  const play = () => contract(deployment, 'PlayToken', deployment.minter);

  before(async () => {
    deployment = await deployLocally();
    [alice, bob] = [deployment.account(2).address, deployment.account(3).address];
    for (const [index, who] of [[2, alice], [3, bob]] as const) {
      await sent(deployment.minter, play().write.mintGameReward([who, PLAY('1000'), keccak256(toHex(`staking-seed-${index}`))]));
      const link = deployment.as(index);
      await sent(link, contract(deployment, 'PlayToken', link).write.approve([deployment.addresses.Staking, maxUint256]));
    }
    rate = await asAlice().read.rewardRate();
  });
  after(() => deployment.chain.stop());

  it('starts with the launch rate and reward funds, and nothing staked', async () => {
    const staking = asAlice();
    assert.equal(rate, LOCAL_DEPLOY.launch?.stakingRewardPerSecond);
    assert.equal(await staking.read.rewardFunds(), LOCAL_DEPLOY.launch?.stakingRewardFunds);
    assert.equal(await staking.read.totalStaked(), 0n);
    assert.equal(await staking.read.token(), deployment.addresses.PlayToken);
  });

  let t1: bigint;
  it('shares the reward stream between two stakers in proportion to their stakes over time', async () => {
    const t0 = (await latestTimestamp(deployment)) + 10n;
    await nextBlockAt(deployment, t0);
    const receipt = await sent(deployment.as(2), asAlice().write.stake([PLAY('100')]));
    const [staked] = parseEventLogs({ abi: artifacts.Staking.abi, logs: receipt.logs, eventName: 'Staked' });
    assert.deepEqual(staked.args, { account: alice, amount: PLAY('100') });
    assert.equal(await asAlice().read.lastUpdateTime(), t0);
    assert.equal(await play().read.balanceOf([alice]), PLAY('900'));

    t1 = t0 + 100n;
    await nextBlockAt(deployment, t1);
    await sent(deployment.as(3), asBob().write.stake([PLAY('300')]));
    assert.equal(await asBob().read.totalStaked(), PLAY('400'));
    // Alice alone for 100 s earned the whole stream; Bob's stake is not paid for that time.
    assert.equal(await asAlice().read.earned([alice]), accrued(PLAY('100'), 100n, PLAY('100'), rate));
    assert.equal(await asAlice().read.earned([bob]), 0n);

    await mineAt(deployment, t1 + 200n);
    const aliceEarned = await asAlice().read.earned([alice]);
    const bobEarned = await asAlice().read.earned([bob]);
    assert.equal(aliceEarned, rate * 100n + accrued(PLAY('100'), 200n, PLAY('400'), rate));
    assert.equal(bobEarned, accrued(PLAY('300'), 200n, PLAY('400'), rate));
    // The shared 200 s split 1:3, as the stakes are.
    assert.equal((aliceEarned - rate * 100n) * 3n, bobEarned);
    assert.equal(aliceEarned + bobEarned, rate * 300n, 'every second of the stream went to someone');
  });

  let t2: bigint;
  it('withdraws part of a stake, keeping what it earned, and refuses more than is staked', async () => {
    t2 = t1 + 210n;
    await nextBlockAt(deployment, t2);
    const balance = await play().read.balanceOf([alice]);
    const receipt = await sent(deployment.as(2), asAlice().write.withdraw([PLAY('50')]));
    const [withdrawn] = parseEventLogs({ abi: artifacts.Staking.abi, logs: receipt.logs, eventName: 'Withdrawn' });
    assert.deepEqual(withdrawn.args, { account: alice, amount: PLAY('50') });
    assert.equal(await play().read.balanceOf([alice]), balance + PLAY('50'), 'only the stake comes back; rewards wait for a claim');
    assert.equal(await asAlice().read.stakedOf([alice]), PLAY('50'));
    assert.equal(await asAlice().read.totalStaked(), PLAY('350'));
    const aliceAtT2 = rate * 100n + accrued(PLAY('100'), 210n, PLAY('400'), rate);
    assert.equal(await asAlice().read.rewards([alice]), aliceAtT2, 'the withdrawal settled what was earned');

    assert.deepEqual(await expectRevert(() => asAlice().write.withdraw([PLAY('50') + 1n]), 'InsufficientStake'), [PLAY('50') + 1n, PLAY('50')]);
    await expectRevert(() => asAlice().write.withdraw([0n]), 'ZeroAmount');
    await expectRevert(() => asAlice().write.stake([0n]), 'ZeroAmount');
    await expectRevert(() => contract(deployment, 'Staking', deployment.as(4)).write.withdraw([1n]), 'InsufficientStake');

    await mineAt(deployment, t2 + 70n);
    assert.equal(await asAlice().read.earned([alice]), aliceAtT2 + accrued(PLAY('50'), 70n, PLAY('350'), rate));
    assert.equal(
      await asAlice().read.earned([bob]),
      accrued(PLAY('300'), 210n, PLAY('400'), rate) + accrued(PLAY('300'), 70n, PLAY('350'), rate),
    );
  });

  let t3: bigint;
  it('claims exactly what was earned, paid from the reward funds', async () => {
    t3 = t2 + 105n;
    const expected = accrued(PLAY('300'), 210n, PLAY('400'), rate) + accrued(PLAY('300'), 105n, PLAY('350'), rate);
    const [balance, funds] = [await play().read.balanceOf([bob]), await asBob().read.rewardFunds()];
    await nextBlockAt(deployment, t3);
    const receipt = await sent(deployment.as(3), asBob().write.claim());
    const [paid] = parseEventLogs({ abi: artifacts.Staking.abi, logs: receipt.logs, eventName: 'RewardPaid' });
    assert.deepEqual(paid.args, { account: bob, amount: expected });
    assert.equal(await play().read.balanceOf([bob]), balance + expected);
    assert.equal(await asBob().read.rewardFunds(), funds - expected);
    assert.equal(await asBob().read.earned([bob]), 0n);
    assert.equal(await asBob().read.stakedOf([bob]), PLAY('300'), 'claiming leaves the stake');

    const again = await sent(deployment.as(3), asBob().write.claim());
    assert.equal(parseEventLogs({ abi: artifacts.Staking.abi, logs: again.logs, eventName: 'RewardPaid' }).length, 0, 'nothing owed, nothing paid');
  });

  it('exits with the whole stake and every reward in one transaction', async () => {
    const t4 = t3 + 35n;
    const expected = rate * 100n + accrued(PLAY('100'), 210n, PLAY('400'), rate) + accrued(PLAY('50'), t4 - t2, PLAY('350'), rate);
    const balance = await play().read.balanceOf([alice]);
    await nextBlockAt(deployment, t4);
    const receipt = await sent(deployment.as(2), asAlice().write.exit());
    const withdrawn = parseEventLogs({ abi: artifacts.Staking.abi, logs: receipt.logs, eventName: 'Withdrawn' });
    const paid = parseEventLogs({ abi: artifacts.Staking.abi, logs: receipt.logs, eventName: 'RewardPaid' });
    assert.deepEqual(withdrawn.map((event) => event.args), [{ account: alice, amount: PLAY('50') }]);
    assert.deepEqual(paid.map((event) => event.args), [{ account: alice, amount: expected }]);
    assert.equal(await play().read.balanceOf([alice]), balance + PLAY('50') + expected);
    assert.equal(await asAlice().read.stakedOf([alice]), 0n);
    assert.equal(await asAlice().read.earned([alice]), 0n);
    assert.equal(await asAlice().read.totalStaked(), PLAY('300'));
    await expectRevert(() => asAlice().write.exit(), 'ZeroAmount');
  });

  it('lets only its owner, the timelock, change the rate, settling what accrued at the old rate first', async () => {
    for (const link of [deployment.deployer, deployment.minter, deployment.as(3)]) {
      const [account] = await expectRevert(() => contract(deployment, 'Staking', link).write.setRewardRate([rate * 10n]), 'OwnableUnauthorizedAccount');
      assert.equal(account, link.wallet.account.address);
    }
    const timelock = await impersonate(deployment, deployment.addresses.GuandanTimelock);
    const asTimelock = contract(deployment, 'Staking', timelock);
    assert.equal(await asTimelock.read.owner(), deployment.addresses.GuandanTimelock);

    const [storedBefore, updatedBefore, total] = [
      await asBob().read.rewardPerTokenStored(),
      await asBob().read.lastUpdateTime(),
      await asBob().read.totalStaked(),
    ];
    const changedAt = (await latestTimestamp(deployment)) + 10n;
    const newRate = rate * 3n;
    await nextBlockAt(deployment, changedAt);
    const receipt = await sent(timelock, asTimelock.write.setRewardRate([newRate]));
    const [changed] = parseEventLogs({ abi: artifacts.Staking.abi, logs: receipt.logs, eventName: 'RewardRateChanged' });
    assert.equal(changed.args.rewardRate, newRate);
    assert.equal(await asBob().read.rewardRate(), newRate);
    // The time since the last update was accounted at the old rate, in one step, before the new rate took over.
    assert.equal(await asBob().read.lastUpdateTime(), changedAt);
    assert.equal(await asBob().read.rewardPerTokenStored(), storedBefore + ((changedAt - updatedBefore) * rate * UNIT) / total);

    const bobAtChange = await asBob().read.earned([bob], { blockNumber: receipt.blockNumber });
    await mineAt(deployment, changedAt + 30n);
    assert.equal(await asBob().read.earned([bob]), bobAtChange + accrued(PLAY('300'), 30n, total, newRate));
  });

  it('refuses a claim beyond the reward funds, while the stake itself can still be withdrawn', async () => {
    const timelock = await impersonate(deployment, deployment.addresses.GuandanTimelock);
    const funds = await asBob().read.rewardFunds();
    await sent(timelock, contract(deployment, 'Staking', timelock).write.setRewardRate([funds]));
    await mineAt(deployment, (await latestTimestamp(deployment)) + 2n);
    const owedNow = await asBob().read.earned([bob]);
    assert.ok(owedNow > funds, 'two seconds at this rate promise more than the contract holds');

    const [owed, available] = await expectRevert(() => asBob().write.claim(), 'InsufficientRewardFunds');
    assert.ok(typeof owed === 'bigint' && owed >= owedNow);
    assert.equal(available, funds);
    await expectRevert(() => asBob().write.exit(), 'InsufficientRewardFunds');

    const balance = await play().read.balanceOf([bob]);
    await sent(deployment.as(3), asBob().write.withdraw([PLAY('300')]));
    assert.equal(await play().read.balanceOf([bob]), balance + PLAY('300'));
    assert.equal(await asBob().read.rewardFunds(), funds, 'the stake never paid for rewards');
    assert.ok((await asBob().read.rewards([bob])) >= owedNow, 'the reward stays owed');
  });
});
