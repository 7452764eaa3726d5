import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { keccak256, toHex, zeroHash } from 'viem';
import { contract, type Deployment, deployLocally } from './support/local-deployment.js';

describe('deploying to a local chain', () => {
  let deployment: Deployment;
  before(async () => {
    deployment = await deployLocally();
  });
  after(() => deployment.chain.stop());

  it('leaves the deployer with no role and the timelock with the treasury and every admin role', async () => {
    const { addresses, deployer, minter } = deployment;
    const play = contract(deployment, 'PlayToken', deployer);
    const me = deployer.wallet.account.address;
    assert.equal(await play.read.hasRole([zeroHash, me]), false);
    assert.equal(await play.read.hasRole([zeroHash, addresses.GuandanTimelock]), true);
    assert.equal(await play.read.hasRole([keccak256(toHex('MINTER_ROLE')), minter.wallet.account.address]), true);
    assert.equal(await play.read.balanceOf([me]), 0n);
    const treasury = await play.read.balanceOf([addresses.GuandanTimelock]);
    const total = await play.read.totalSupply();
    assert.equal(total, 200_000_000n * 10n ** 18n);
    assert.ok(treasury > 0n && treasury < total, 'the launch took the pool and staking funds from the treasury');
    assert.equal(await contract(deployment, 'Staking', deployer).read.owner(), addresses.GuandanTimelock);
    assert.equal(await contract(deployment, 'PlaySwap', deployer).read.owner(), addresses.GuandanTimelock);
    const pool = contract(deployment, 'PlaySwap', deployer);
    assert.equal(await pool.read.balanceOf([me]), 0n, 'the launch liquidity is not the deployer’s to withdraw');
    assert.equal(
      await pool.read.balanceOf([addresses.GuandanTimelock]),
      (await pool.read.totalSupply()) - (await pool.read.MINIMUM_LIQUIDITY()),
      'the timelock holds every launch pool share but the locked minimum',
    );
    const timelock = contract(deployment, 'GuandanTimelock', deployer);
    assert.equal(await timelock.read.hasRole([zeroHash, me]), false);
    assert.equal(await timelock.read.hasRole([keccak256(toHex('PROPOSER_ROLE')), addresses.GuandanGovernor]), true);
  });
});
