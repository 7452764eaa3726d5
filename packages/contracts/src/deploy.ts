import { type Abi, type Address, encodeFunctionData, getAddress, keccak256, parseUnits, toHex, zeroAddress } from 'viem';
import { type ChainLink, confirmed } from './chain-link.js';
import * as artifacts from './generated/artifacts.js';

/** Where each contract lives on one chain: what the server and the app need to talk to it. */
export interface ChainAddresses {
  chainId: number;
  PlayToken: Address;
  GuanToken: Address;
  GuandanTimelock: Address;
  GuandanGovernor: Address;
  Staking: Address;
  GameItems: Address;
  ItemMarket: Address;
  PlaySwap: Address;
  USDC: Address;
  /** The block the contracts were deployed in: where an indexer starts. */
  deployBlock: number;
}

export interface DeployOptions {
  /** The server's reward key: it alone may mint game rewards and items. */
  rewardMinter: Address;
  /** Who receives the $GUAN supply to distribute (default: the deployer). */
  guanHolder?: Address;
  /** USDC on the target chain; when absent a TestUSDC is deployed (local chains only). */
  usdc?: Address;
  timelockDelaySeconds?: number;
  votingDelayBlocks?: number;
  votingPeriodBlocks?: number;
  proposalThresholdGuan?: number;
  quorumPercent?: number;
  /** Royalty on item sales, paid to the treasury, in basis points. */
  royaltyBps?: number;
  /** Taken from the treasury allocation at launch, before the rest goes to the timelock. */
  launch?: {
    poolPlay: bigint;
    poolUsdc: bigint;
    stakingRewardFunds: bigint;
    stakingRewardPerSecond: bigint;
  };
}

export const DEFAULTS = {
  timelockDelaySeconds: 2 * 24 * 3600,
  votingDelayBlocks: 1,
  votingPeriodBlocks: 45_818,
  proposalThresholdGuan: 100_000,
  quorumPercent: 4,
  royaltyBps: 500,
} as const;

/** Local chain settings: a proposal can pass in a test run in seconds. */
export const LOCAL_DEPLOY: Omit<DeployOptions, 'rewardMinter'> = {
  timelockDelaySeconds: 60,
  votingDelayBlocks: 1,
  votingPeriodBlocks: 20,
  launch: {
    poolPlay: parseUnits('1000000', 18),
    poolUsdc: parseUnits('50000', 6),
    stakingRewardFunds: parseUnits('1000000', 18),
    stakingRewardPerSecond: parseUnits('0.1', 18),
  },
};

const ROLE = {
  admin: `0x${'00'.repeat(32)}` as const,
  minter: keccak256(toHex('MINTER_ROLE')),
  pauser: keccak256(toHex('PAUSER_ROLE')),
  proposer: keccak256(toHex('PROPOSER_ROLE')),
  canceller: keccak256(toHex('CANCELLER_ROLE')),
};

type Artifact = { abi: Abi; bytecode: `0x${string}` };

/**
 * Deploys every contract and hands the admin roles to the DAO: the timelock ends up holding the treasury (what the
 * launch does not use) and every admin role, the Governor proposes to it, the reward key may mint, and the deployer
 * keeps nothing.
 */
export async function deployContracts(link: ChainLink, options: DeployOptions): Promise<ChainAddresses> {
  const deployer = link.wallet.account.address;
  const settings = { ...DEFAULTS, ...options };
  const startBlock = Number(await link.reader.getBlockNumber()) + 1;

  const timelock = await deploy(link, artifacts.GuandanTimelock, [BigInt(settings.timelockDelaySeconds), [], [zeroAddress], deployer]);
  const play = await deploy(link, artifacts.PlayToken, [deployer, deployer]);
  const guan = await deploy(link, artifacts.GuanToken, [options.guanHolder ?? deployer]);
  const governor = await deploy(link, artifacts.GuandanGovernor, [
    guan,
    timelock,
    settings.votingDelayBlocks,
    settings.votingPeriodBlocks,
    parseUnits(String(settings.proposalThresholdGuan), 18),
    BigInt(settings.quorumPercent),
  ]);
  const staking = await deploy(link, artifacts.Staking, [play, deployer]);
  const items = await deploy(link, artifacts.GameItems, [deployer, timelock, BigInt(settings.royaltyBps)]);
  const market = await deploy(link, artifacts.ItemMarket, [items, play]);
  const usdc = options.usdc ?? (await deploy(link, artifacts.TestUSDC, [deployer]));
  const swap = await deploy(link, artifacts.PlaySwap, [play, usdc, deployer]);

  const call = (address: Address, artifact: Artifact, functionName: string, args: readonly unknown[]) =>
    send(link, address, encodeFunctionData({ abi: artifact.abi, functionName, args }));

  if (options.launch !== undefined) {
    const launch = options.launch;
    if (options.usdc === undefined) await call(usdc, artifacts.TestUSDC, 'mint', [deployer, launch.poolUsdc]);
    await call(play, artifacts.PlayToken, 'approve', [swap, launch.poolPlay]);
    await call(usdc, artifacts.TestUSDC, 'approve', [swap, launch.poolUsdc]);
    await call(swap, artifacts.PlaySwap, 'addLiquidity', [launch.poolPlay, launch.poolUsdc, 0n]);
    // The launch liquidity came from the treasury: its pool shares belong to the timelock, not the deployer.
    const shares = (await link.reader.readContract({ address: swap, abi: artifacts.PlaySwap.abi, functionName: 'balanceOf', args: [deployer] })) as bigint;
    await call(swap, artifacts.PlaySwap, 'transfer', [timelock, shares]);
    await call(play, artifacts.PlayToken, 'transfer', [staking, launch.stakingRewardFunds]);
    await call(staking, artifacts.Staking, 'setRewardRate', [launch.stakingRewardPerSecond]);
  }

  const treasuryRest = (await link.reader.readContract({ address: play, abi: artifacts.PlayToken.abi, functionName: 'balanceOf', args: [deployer] })) as bigint;
  await call(play, artifacts.PlayToken, 'transfer', [timelock, treasuryRest]);

  await call(play, artifacts.PlayToken, 'grantRole', [ROLE.minter, options.rewardMinter]);
  await call(items, artifacts.GameItems, 'grantRole', [ROLE.minter, options.rewardMinter]);
  await call(timelock, artifacts.GuandanTimelock, 'grantRole', [ROLE.proposer, governor]);
  await call(timelock, artifacts.GuandanTimelock, 'grantRole', [ROLE.canceller, governor]);
  for (const [address, artifact] of [
    [play, artifacts.PlayToken],
    [items, artifacts.GameItems],
  ] as const) {
    await call(address, artifact, 'grantRole', [ROLE.admin, timelock]);
  }
  await call(play, artifacts.PlayToken, 'grantRole', [ROLE.pauser, timelock]);
  await call(play, artifacts.PlayToken, 'renounceRole', [ROLE.pauser, deployer]);
  await call(play, artifacts.PlayToken, 'renounceRole', [ROLE.admin, deployer]);
  await call(items, artifacts.GameItems, 'renounceRole', [ROLE.admin, deployer]);
  await call(staking, artifacts.Staking, 'transferOwnership', [timelock]);
  await call(swap, artifacts.PlaySwap, 'transferOwnership', [timelock]);
  await call(timelock, artifacts.GuandanTimelock, 'renounceRole', [ROLE.admin, deployer]);

  return {
    chainId: link.wallet.chain.id,
    PlayToken: play,
    GuanToken: guan,
    GuandanTimelock: timelock,
    GuandanGovernor: governor,
    Staking: staking,
    GameItems: items,
    ItemMarket: market,
    PlaySwap: swap,
    USDC: usdc,
    deployBlock: startBlock,
  };
}

async function deploy(link: ChainLink, artifact: Artifact, args: readonly unknown[]): Promise<Address> {
  const hash = await link.wallet.deployContract({ abi: artifact.abi, bytecode: artifact.bytecode, args });
  const receipt = await confirmed(link, hash);
  if (!receipt.contractAddress) throw new Error(`deploying ${hash} created no contract`);
  return getAddress(receipt.contractAddress);
}

async function send(link: ChainLink, to: Address, data: `0x${string}`): Promise<void> {
  await confirmed(link, await link.wallet.sendTransaction({ to, data }));
}
