/**
 * Gas used by the platform's on-chain operations, measured on a fresh local deployment (anvil, the same EVM rules as
 * Polygon PoS), and what it would cost at assumed Polygon gas and POL prices.
 *   npm run bench -w packages/contracts [-- --pol-usd 0.25 --gwei 30,50,100]
 */
import { parseArgs } from 'node:util';
import { type Address, encodeFunctionData, getAddress, type Hash, keccak256, maxUint256, parseUnits, toHex } from 'viem';
import * as artifacts from '../src/generated/artifacts.js';
import type { ChainLink } from '../src/index.js';
import { latestTimestamp, mineAt, mineBlocks } from '../test/support/chain-control.js';
import { contract, type Deployment, deployLocally } from '../test/support/local-deployment.js';
import { sent } from '../test/support/transactions.js';

const { values: options } = parseArgs({
  options: {
    'pol-usd': { type: 'string', default: '0.25' },
    gwei: { type: 'string', default: '30,50,100' },
  },
});
const polUsd = Number(options['pol-usd']);
const gweiPrices = options.gwei.split(',').map(Number);
if (!(polUsd > 0) || gweiPrices.some((gwei) => !(gwei > 0))) throw new Error('--pol-usd and --gwei take positive numbers');

interface Row {
  operation: string;
  gas: bigint;
  /** How many rewards (or other units) the gas pays for: the table also shows gas per unit. */
  units: number;
}

const PLAY = (amount: string) => parseUnits(amount, 18);
const USDC = (amount: string) => parseUnits(amount, 6);
const rows: Row[] = [];
let nextRef = 0;
const ref = () => keccak256(toHex(`bench-${nextRef++}`));
/** Addresses that never held PLAY: their first balance is a zero-to-non-zero storage write, the costly case. */
const freshAddresses = (count: number): Address[] =>
  Array.from({ length: count }, () => getAddress(keccak256(toHex(`bench-recipient-${nextRef++}`)).slice(0, 42)));

async function gasOf(link: ChainLink, hash: Promise<Hash>): Promise<bigint> {
  return (await sent(link, hash)).gasUsed;
}

async function measureRewards(deployment: Deployment): Promise<void> {
  const play = contract(deployment, 'PlayToken', deployment.minter);
  const minter = deployment.minter;
  const amount = PLAY('12.5');

  for (const [label, recipients] of [
    ['new holders', freshAddresses(4)],
    ['existing holders', [2, 3, 4, 5].map((index) => deployment.account(index).address)],
  ] as const) {
    if (label === 'existing holders') {
      for (const to of recipients) await sent(minter, play.write.mintGameReward([to, amount, ref()]));
    }
    let singles = 0n;
    for (const to of recipients) singles += await gasOf(minter, play.write.mintGameReward([to, amount, ref()]));
    rows.push({ operation: `4 × mintGameReward (${label})`, gas: singles, units: 4 });
    const batchTo = label === 'new holders' ? freshAddresses(4) : recipients;
    rows.push({
      operation: `batchMintRewards of 4 (${label})`,
      gas: await gasOf(minter, play.write.batchMintRewards([batchTo, batchTo.map(() => amount), ref()])),
      units: 4,
    });
  }
  for (const size of [16, 64]) {
    const to = freshAddresses(size);
    rows.push({
      operation: `batchMintRewards of ${size} (new holders)`,
      gas: await gasOf(minter, play.write.batchMintRewards([to, to.map(() => amount), ref()])),
      units: size,
    });
  }
}

async function measureTrading(deployment: Deployment): Promise<void> {
  const trader = deployment.as(6);
  const me = trader.wallet.account.address;
  await sent(deployment.minter, contract(deployment, 'PlayToken', deployment.minter).write.mintGameReward([me, PLAY('100000'), ref()]));
  await sent(deployment.deployer, contract(deployment, 'TestUSDC', deployment.deployer).write.mint([me, USDC('10000')]));
  const play = contract(deployment, 'PlayToken', trader);
  for (const spender of [deployment.addresses.PlaySwap, deployment.addresses.Staking, deployment.addresses.ItemMarket]) {
    await sent(trader, play.write.approve([spender, maxUint256]));
  }
  await sent(trader, contract(deployment, 'TestUSDC', trader).write.approve([deployment.addresses.PlaySwap, maxUint256]));

  const swap = contract(deployment, 'PlaySwap', trader);
  rows.push({ operation: 'swap PLAY → USDC (burns part of the fee)', gas: await gasOf(trader, swap.write.swap([deployment.addresses.PlayToken, PLAY('1000'), 0n])), units: 1 });
  rows.push({ operation: 'swap USDC → PLAY', gas: await gasOf(trader, swap.write.swap([deployment.addresses.USDC, USDC('50'), 0n])), units: 1 });

  const staking = contract(deployment, 'Staking', trader);
  rows.push({ operation: 'stake (first stake)', gas: await gasOf(trader, staking.write.stake([PLAY('5000')])), units: 1 });
  await mineAt(deployment, (await latestTimestamp(deployment)) + 3600n);
  rows.push({ operation: 'claim staking reward', gas: await gasOf(trader, staking.write.claim()), units: 1 });

  const seller = deployment.as(7);
  const items = contract(deployment, 'GameItems', deployment.minter);
  const mintReceipt = await sent(deployment.minter, items.write.mint([seller.wallet.account.address, 0, 'ipfs://skins/bench.json', 0n]));
  rows.push({ operation: 'GameItems.mint (skin, with URI)', gas: mintReceipt.gasUsed, units: 1 });
  const tokenId = (await items.read.nextTokenId()) - 1n;
  await sent(seller, contract(deployment, 'GameItems', seller).write.setApprovalForAll([deployment.addresses.ItemMarket, true]));
  rows.push({ operation: 'market list', gas: await gasOf(seller, contract(deployment, 'ItemMarket', seller).write.list([tokenId, PLAY('40')])), units: 1 });
  rows.push({
    operation: 'market buy (royalty + payment + NFT transfer)',
    gas: await gasOf(trader, contract(deployment, 'ItemMarket', trader).write.buy([tokenId, PLAY('40')])),
    units: 1,
  });
}

async function measureDao(deployment: Deployment): Promise<void> {
  const holder = deployment.deployer;
  const guan = contract(deployment, 'GuanToken', holder);
  rows.push({ operation: 'GUAN delegate (to self)', gas: await gasOf(holder, guan.write.delegate([holder.wallet.account.address])), units: 1 });
  const governor = contract(deployment, 'GuandanGovernor', holder);
  const targets = [deployment.addresses.PlayToken];
  const values = [0n];
  const calldatas = [encodeFunctionData({ abi: artifacts.PlayToken.abi, functionName: 'transfer', args: [deployment.account(8).address, PLAY('1000')] })];
  const description = 'Bench: pay 1,000 PLAY from the treasury';
  rows.push({ operation: 'DAO propose (one call)', gas: await gasOf(holder, governor.write.propose([targets, values, calldatas, description])), units: 1 });
  const id = await governor.read.hashProposal([targets, values, calldatas, keccak256(toHex(description))]);
  await mineBlocks(deployment, await governor.read.votingDelay());
  rows.push({ operation: 'DAO castVote', gas: await gasOf(holder, governor.write.castVote([id, 1])), units: 1 });
  await mineBlocks(deployment, await governor.read.votingPeriod());
  const args = [targets, values, calldatas, keccak256(toHex(description))] as const;
  rows.push({ operation: 'DAO queue', gas: await gasOf(holder, governor.write.queue(args)), units: 1 });
  await mineAt(deployment, await governor.read.proposalEta([id]));
  rows.push({ operation: 'DAO execute (PLAY transfer)', gas: await gasOf(holder, governor.write.execute(args)), units: 1 });
}

function print(): void {
  const pol = (gas: bigint, gwei: number) => (Number(gas) * gwei) / 1e9;
  const header = ['operation', 'gas', 'gas / unit', ...gweiPrices.map((gwei) => `POL / unit @${gwei} gwei`), ...gweiPrices.map((gwei) => `USD / unit @${gwei} gwei`)];
  const lines = rows.map((row) => {
    const perUnit = row.gas / BigInt(row.units);
    return [
      row.operation,
      row.gas.toLocaleString('en-US'),
      row.units === 1 ? '' : perUnit.toLocaleString('en-US'),
      ...gweiPrices.map((gwei) => pol(perUnit, gwei).toFixed(6)),
      ...gweiPrices.map((gwei) => `$${(pol(perUnit, gwei) * polUsd).toFixed(5)}`),
    ];
  });
  console.log(`| ${header.join(' | ')} |`);
  console.log(`|${header.map(() => '---').join('|')}|`);
  for (const line of lines) console.log(`| ${line.join(' | ')} |`);
  console.log('');
  console.log(`Assumptions (not measured): gas prices ${gweiPrices.join(', ')} gwei (base fee + priority tip on Polygon PoS),`);
  console.log(`POL at $${polUsd} (--pol-usd). Cost = gas used × gas price. "unit" = one reward for mints, one operation otherwise.`);
}

const deployment = await deployLocally();
try {
  await measureRewards(deployment);
  await measureTrading(deployment);
  await measureDao(deployment);
  print();
} finally {
  await deployment.chain.stop();
}
