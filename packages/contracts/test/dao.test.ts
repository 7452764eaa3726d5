import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Address, encodeFunctionData, type Hex, keccak256, parseEventLogs, parseSignature, parseUnits, toHex, zeroHash } from 'viem';
import { DEFAULTS } from '../src/index.js';
import * as artifacts from '../src/generated/artifacts.js';
import { latestTimestamp, mineAt, mineBlocks } from './support/chain-control.js';
import { contract, type Deployment, deployLocally } from './support/local-deployment.js';
import { expectRevert, sent } from './support/transactions.js';

const GUAN = (amount: string) => parseUnits(amount, 18);
const PLAY = (amount: string) => parseUnits(amount, 18);
/** OpenZeppelin's Governor.ProposalState. */
const State = { Pending: 0, Active: 1, Canceled: 2, Defeated: 3, Succeeded: 4, Queued: 5, Expired: 6, Executed: 7 } as const;
const Vote = { Against: 0, For: 1, Abstain: 2 } as const;

interface Proposal {
  targets: Address[];
  values: bigint[];
  calldatas: Hex[];
  description: string;
}

describe('GuanToken, GuandanGovernor and GuandanTimelock', () => {
  let deployment: Deployment;
  const who = (index: number) => deployment.account(index).address;
  const guan = (index: number) => contract(deployment, 'GuanToken', deployment.as(index));
  const governor = (index: number) => contract(deployment, 'GuandanGovernor', deployment.as(index));
  const play = () => contract(deployment, 'PlayToken', deployment.minter);
  const holdings = { 2: GUAN('10000000'), 3: GUAN('5000000'), 4: GUAN('1000'), 6: GUAN('100') } as const;

  /** A proposal that the treasury (the timelock) pays `amount` PLAY to `to`. */
  const treasuryPayment = (to: Address, amount: bigint, description: string): Proposal => ({
    targets: [deployment.addresses.PlayToken],
    values: [0n],
    calldatas: [encodeFunctionData({ abi: artifacts.PlayToken.abi, functionName: 'transfer', args: [to, amount] })],
    description,
  });
  const argsOf = (p: Proposal) => [p.targets, p.values, p.calldatas, keccak256(toHex(p.description))] as const;

  async function propose(index: number, proposal: Proposal): Promise<bigint> {
    const receipt = await sent(
      deployment.as(index),
      governor(index).write.propose([proposal.targets, proposal.values, proposal.calldatas, proposal.description]),
    );
    const [created] = parseEventLogs({ abi: artifacts.GuandanGovernor.abi, logs: receipt.logs, eventName: 'ProposalCreated' });
    assert.equal(created.args.proposer, who(index));
    assert.equal(created.args.proposalId, await governor(index).read.hashProposal(argsOf(proposal)));
    return created.args.proposalId;
  }

  before(async () => {
    deployment = await deployLocally();
    const fromDeployer = contract(deployment, 'GuanToken', deployment.deployer);
    for (const [index, amount] of Object.entries(holdings)) await sent(deployment.deployer, fromDeployer.write.transfer([who(Number(index)), amount]));
  });
  after(() => deployment.chain.stop());

  it('gives votes to GUAN holders only once they delegate', async () => {
    assert.equal(await guan(2).read.totalSupply(), await guan(2).read.TOTAL_SUPPLY());
    for (const index of [2, 3, 4]) {
      assert.equal(await guan(index).read.getVotes([who(index)]), 0n, 'a balance alone does not vote');
      const receipt = await sent(deployment.as(index), guan(index).write.delegate([who(index)]));
      const [delegated] = parseEventLogs({ abi: artifacts.GuanToken.abi, logs: receipt.logs, eventName: 'DelegateChanged' });
      assert.equal(delegated.args.toDelegate, who(index));
      assert.equal(await guan(index).read.getVotes([who(index)]), holdings[index as 2 | 3 | 4]);
    }
    assert.equal(await guan(2).read.getVotes([who(0)]), 0n, 'the deployer’s undelegated GUAN carries no votes');
    // Votes follow the tokens between delegates.
    await sent(deployment.as(4), guan(4).write.transfer([who(3), GUAN('1')]));
    assert.equal(await guan(3).read.getVotes([who(3)]), holdings[3] + GUAN('1'));
    assert.equal(await guan(4).read.getVotes([who(4)]), holdings[4] - GUAN('1'));
    await sent(deployment.as(3), guan(3).write.transfer([who(4), GUAN('1')]));
  });

  it('pays from the treasury through propose, vote, queue and execute after the timelock delay', async () => {
    const amount = PLAY('25000');
    const proposal = treasuryPayment(who(5), amount, 'Grant 25,000 PLAY to the tournament organiser (player 5)');
    const treasury = deployment.addresses.GuandanTimelock;
    const [treasuryBefore, playerBefore] = [await play().read.balanceOf([treasury]), await play().read.balanceOf([who(5)])];
    assert.ok(treasuryBefore >= amount);

    const id = await propose(2, proposal);
    assert.equal(await governor(2).read.state([id]), State.Pending);
    await expectRevert(() => governor(2).write.castVote([id, Vote.For]), 'GovernorUnexpectedProposalState');

    await mineBlocks(deployment, await governor(2).read.votingDelay());
    const receipt = await sent(deployment.as(2), governor(2).write.castVote([id, Vote.For]));
    const [cast] = parseEventLogs({ abi: artifacts.GuandanGovernor.abi, logs: receipt.logs, eventName: 'VoteCast' });
    assert.deepEqual([cast.args.voter, cast.args.support, cast.args.weight], [who(2), Vote.For, holdings[2]]);
    assert.equal(await governor(2).read.hasVoted([id, who(2)]), true);
    assert.deepEqual(await expectRevert(() => governor(2).write.castVote([id, Vote.Against]), 'GovernorAlreadyCastVote'), [who(2)]);
    assert.deepEqual(await governor(2).read.proposalVotes([id]), [0n, holdings[2], 0n]);
    await expectRevert(() => governor(4).write.queue(argsOf(proposal)), 'GovernorUnexpectedProposalState');

    await mineBlocks(deployment, await governor(2).read.votingPeriod());
    assert.equal(await governor(2).read.state([id]), State.Succeeded);
    const queued = await sent(deployment.as(4), governor(4).write.queue(argsOf(proposal)));
    const queuedAt = (await deployment.deployer.reader.getBlock({ blockNumber: queued.blockNumber })).timestamp;
    const delay = await contract(deployment, 'GuandanTimelock', deployment.as(4)).read.getMinDelay();
    assert.equal(delay, 60n);
    assert.equal(await governor(2).read.state([id]), State.Queued);
    assert.equal(await governor(2).read.proposalEta([id]), queuedAt + delay);

    // The timelock refuses to run it before its delay has passed.
    await expectRevert(() => governor(4).write.execute(argsOf(proposal)), 'TimelockUnexpectedOperationState');
    assert.equal(await play().read.balanceOf([who(5)]), playerBefore);

    await mineAt(deployment, queuedAt + delay);
    await sent(deployment.as(4), governor(4).write.execute(argsOf(proposal)));
    assert.equal(await governor(2).read.state([id]), State.Executed);
    assert.equal(await play().read.balanceOf([who(5)]), playerBefore + amount);
    assert.equal(await play().read.balanceOf([treasury]), treasuryBefore - amount);
    await expectRevert(() => governor(4).write.execute(argsOf(proposal)), 'GovernorUnexpectedProposalState');
  });

  it('defeats a proposal with more votes against, even past quorum, and refuses to queue or execute it', async () => {
    const proposal = treasuryPayment(who(3), PLAY('1000000'), 'Pay player 3 a million PLAY');
    const id = await propose(3, proposal);
    await mineBlocks(deployment, await governor(3).read.votingDelay());
    await sent(deployment.as(3), governor(3).write.castVote([id, Vote.For]));
    await sent(deployment.as(2), governor(2).write.castVote([id, Vote.Against]));
    await mineBlocks(deployment, await governor(3).read.votingPeriod());

    assert.equal(await governor(3).read.state([id]), State.Defeated);
    const [against, inFavour] = await governor(3).read.proposalVotes([id]);
    assert.deepEqual([against, inFavour], [holdings[2], holdings[3]]);
    const quorum = await governor(3).read.quorum([await governor(3).read.proposalSnapshot([id])]);
    assert.equal(quorum, ((await guan(3).read.totalSupply()) * BigInt(DEFAULTS.quorumPercent)) / 100n);
    assert.ok(inFavour >= quorum, 'quorum was reached: the votes against decided it');

    const balance = await play().read.balanceOf([who(3)]);
    await expectRevert(() => governor(3).write.queue(argsOf(proposal)), 'GovernorUnexpectedProposalState');
    await expectRevert(() => governor(3).write.execute(argsOf(proposal)), 'GovernorUnexpectedProposalState');
    assert.equal(await play().read.balanceOf([who(3)]), balance);
  });

  it('refuses a proposal from a holder below the proposal threshold', async () => {
    const threshold = await governor(4).read.proposalThreshold();
    assert.equal(threshold, GUAN(String(DEFAULTS.proposalThresholdGuan)));
    const [proposer, votes, needed] = await expectRevert(
      () => governor(4).write.propose([[deployment.addresses.PlayToken], [0n], ['0x'], 'A small holder proposes']),
      'GovernorInsufficientProposerVotes',
    );
    assert.deepEqual([proposer, votes, needed], [who(4), holdings[4], threshold]);
  });

  it('refuses direct calls to admin functions from anyone but the timelock, the deployer included', async () => {
    for (const index of [0, 2]) {
      const link = deployment.as(index);
      const me = who(index);
      const [account, role] = await expectRevert(
        () => contract(deployment, 'PlayToken', link).write.grantRole([keccak256(toHex('MINTER_ROLE')), me]),
        'AccessControlUnauthorizedAccount',
      );
      assert.deepEqual([account, role], [me, zeroHash]);
      await expectRevert(() => contract(deployment, 'GameItems', link).write.grantRole([keccak256(toHex('MINTER_ROLE')), me]), 'AccessControlUnauthorizedAccount');
      await expectRevert(() => contract(deployment, 'Staking', link).write.setRewardRate([PLAY('1000')]), 'OwnableUnauthorizedAccount');
      await expectRevert(() => contract(deployment, 'PlaySwap', link).write.setFees([0n, 0n]), 'OwnableUnauthorizedAccount');
      const timelock = contract(deployment, 'GuandanTimelock', link);
      await expectRevert(
        () => timelock.write.schedule([deployment.addresses.PlayToken, 0n, '0x', zeroHash, zeroHash, 60n]),
        'AccessControlUnauthorizedAccount',
      );
      await expectRevert(() => timelock.write.updateDelay([0n]), 'TimelockUnauthorizedCaller');
      // A Governor setting changes only through a proposal executed by the timelock.
      await expectRevert(() => contract(deployment, 'GuandanGovernor', link).write.setVotingPeriod([1]), 'GovernorOnlyExecutor');
    }
  });

  it('accepts an EIP-2612 permit signed off-chain, once, and not after its deadline', async () => {
    const owner = deployment.as(6);
    const spender = deployment.as(7);
    const token = guan(7);
    const [, name, version, chainId, verifyingContract] = await token.read.eip712Domain();
    assert.equal(name, 'Guandan Governance');
    assert.equal(verifyingContract, deployment.addresses.GuanToken);
    const domain = { name, version, chainId, verifyingContract };
    const types = {
      Permit: [
        { name: 'owner', type: 'address' },
        { name: 'spender', type: 'address' },
        { name: 'value', type: 'uint256' },
        { name: 'nonce', type: 'uint256' },
        { name: 'deadline', type: 'uint256' },
      ],
    } as const;
    const sign = async (value: bigint, deadline: bigint) => {
      const message = { owner: who(6), spender: who(7), value, nonce: await token.read.nonces([who(6)]), deadline };
      const { r, s, v, yParity } = parseSignature(await owner.wallet.signTypedData({ domain, types, primaryType: 'Permit', message }));
      return [who(6), who(7), value, deadline, Number(v ?? BigInt(yParity + 27)), r, s] as const;
    };

    const value = GUAN('40');
    const permit = await sign(value, (await latestTimestamp(deployment)) + 3600n);
    await sent(spender, token.write.permit(permit));
    assert.equal(await token.read.allowance([who(6), who(7)]), value);
    assert.equal(await token.read.nonces([who(6)]), 1n);
    await sent(spender, token.write.transferFrom([who(6), who(7), value]));
    assert.equal(await token.read.balanceOf([who(7)]), value);
    assert.equal(await token.read.balanceOf([who(6)]), holdings[6] - value);

    await expectRevert(() => token.write.permit(permit), 'ERC2612InvalidSigner');
    const expiredAt = (await latestTimestamp(deployment)) - 1n;
    assert.deepEqual(await expectRevert(async () => token.write.permit(await sign(value, expiredAt)), 'ERC2612ExpiredSignature'), [expiredAt]);
    assert.equal(await token.read.allowance([who(6), who(7)]), 0n);
  });
});
