import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { type Address, keccak256, maxUint256, parseEventLogs, parseUnits, toHex } from 'viem';
import { LOCAL_DEPLOY } from '../src/index.js';
import * as artifacts from '../src/generated/artifacts.js';
import { impersonate } from './support/chain-control.js';
import { contract, type Deployment, deployLocally } from './support/local-deployment.js';
import { expectRevert, sent } from './support/transactions.js';

const PLAY = (amount: string) => parseUnits(amount, 18);
const USDC = (amount: string) => parseUnits(amount, 6);
const BPS = 10_000n;
const DEAD: Address = '0x000000000000000000000000000000000000dEaD';

function sqrt(value: bigint): bigint {
  if (value < 2n) return value;
  let x = value;
  let y = (x + 1n) / 2n;
  while (y < x) [x, y] = [y, (y + value / y) / 2n];
  return x;
}

describe('PlaySwap', () => {
  let deployment: Deployment;
  let trader: Address;
  let provider: Address;
  const launch = LOCAL_DEPLOY.launch;
  const pool = (index = 2) => contract(deployment, 'PlaySwap', deployment.as(index));
  const play = () => contract(deployment, 'PlayToken', deployment.minter);
  const usdc = () => contract(deployment, 'TestUSDC', deployment.deployer);

  /** The contract's pricing, from its reserves and fee settings: constant product on the input less the fee. */
  async function expectedQuote(tokenIn: Address, amountIn: bigint): Promise<{ amountOut: bigint; burned: bigint }> {
    const swap = pool();
    const [reservePlay, reserveUsdc, feeBps, burnShareBps] = await Promise.all([
      swap.read.reservePlay(),
      swap.read.reserveUsdc(),
      swap.read.feeBps(),
      swap.read.burnShareBps(),
    ]);
    const playIn = tokenIn === deployment.addresses.PlayToken;
    const [reserveIn, reserveOut] = playIn ? [reservePlay, reserveUsdc] : [reserveUsdc, reservePlay];
    const fee = (amountIn * feeBps) / BPS;
    const effectiveIn = amountIn - fee;
    return { amountOut: (effectiveIn * reserveOut) / (reserveIn + effectiveIn), burned: playIn ? (fee * burnShareBps) / BPS : 0n };
  }

  async function poolState() {
    const swap = pool();
    const [reservePlay, reserveUsdc, playHeld, usdcHeld, playSupply] = await Promise.all([
      swap.read.reservePlay(),
      swap.read.reserveUsdc(),
      play().read.balanceOf([deployment.addresses.PlaySwap]),
      usdc().read.balanceOf([deployment.addresses.PlaySwap]),
      play().read.totalSupply(),
    ]);
    return { reservePlay, reserveUsdc, playHeld, usdcHeld, playSupply, k: reservePlay * reserveUsdc };
  }

  before(async () => {
    deployment = await deployLocally();
    [trader, provider] = [deployment.account(2).address, deployment.account(3).address];
    for (const [index, who, playAmount, usdcAmount] of [
      [2, trader, PLAY('10000000'), USDC('1000000')],
      [3, provider, PLAY('100000'), USDC('50000')],
    ] as const) {
      await sent(deployment.minter, play().write.mintGameReward([who, playAmount, keccak256(toHex(`swap-seed-${index}`))]));
      await sent(deployment.deployer, usdc().write.mint([who, usdcAmount]));
      const link = deployment.as(index);
      await sent(link, contract(deployment, 'PlayToken', link).write.approve([deployment.addresses.PlaySwap, maxUint256]));
      await sent(link, contract(deployment, 'TestUSDC', link).write.approve([deployment.addresses.PlaySwap, maxUint256]));
    }
  });
  after(() => deployment.chain.stop());

  it('is seeded by the deploy with the launch liquidity, whose shares the timelock holds', async () => {
    assert.ok(launch !== undefined);
    const state = await poolState();
    assert.equal(state.reservePlay, launch.poolPlay);
    assert.equal(state.reserveUsdc, launch.poolUsdc);
    assert.equal(state.playHeld, state.reservePlay);
    assert.equal(state.usdcHeld, state.reserveUsdc);
    const swap = pool();
    const supply = await swap.read.totalSupply();
    assert.equal(supply, sqrt(launch.poolPlay * launch.poolUsdc));
    assert.equal(await swap.read.balanceOf([DEAD]), await swap.read.MINIMUM_LIQUIDITY());
    assert.equal(await swap.read.balanceOf([deployment.addresses.GuandanTimelock]), supply - (await swap.read.MINIMUM_LIQUIDITY()));
    assert.equal(await swap.read.feeBps(), 30n);
    assert.equal(await swap.read.burnShareBps(), 2_000n);
  });

  it('quotes the constant-product output on the input less the 0.3% fee, both ways (property)', async () => {
    const { PlayToken: playAddress, USDC: usdcAddress } = deployment.addresses;
    await fc.assert(
      fc.asyncProperty(fc.boolean(), fc.bigInt({ min: 1n, max: 10n ** 6n }), async (playIn, millionths) => {
        const tokenIn = playIn ? playAddress : usdcAddress;
        const reserveIn = playIn ? await pool().read.reservePlay() : await pool().read.reserveUsdc();
        const amountIn = (reserveIn * millionths) / 10n ** 6n + 1n;
        const [amountOut, burned] = await pool().read.quote([tokenIn, amountIn]);
        assert.deepEqual({ amountOut, burned }, await expectedQuote(tokenIn, amountIn));
      }),
      { numRuns: 25, seed: 7 },
    );
    // Without the fee the same input would buy more.
    const amountIn = PLAY('1000');
    const [reservePlay, reserveUsdc] = [await pool().read.reservePlay(), await pool().read.reserveUsdc()];
    const [amountOut] = await pool().read.quote([playAddress, amountIn]);
    assert.ok(amountOut < (amountIn * reserveUsdc) / (reservePlay + amountIn));
  });

  it('swaps PLAY for USDC and burns 20% of the PLAY fee: the PLAY supply falls by exactly that', async () => {
    const amountIn = PLAY('1000');
    const expected = await expectedQuote(deployment.addresses.PlayToken, amountIn);
    assert.equal(expected.burned, (((amountIn * 30n) / BPS) * 2_000n) / BPS);
    assert.ok(expected.burned > 0n);
    const before = await poolState();
    const [playBefore, usdcBefore] = [await play().read.balanceOf([trader]), await usdc().read.balanceOf([trader])];

    const receipt = await sent(deployment.as(2), pool().write.swap([deployment.addresses.PlayToken, amountIn, expected.amountOut]));
    const [swapped] = parseEventLogs({ abi: artifacts.PlaySwap.abi, logs: receipt.logs, eventName: 'Swapped' });
    assert.deepEqual(swapped.args, { trader, tokenIn: deployment.addresses.PlayToken, amountIn, ...expected });
    const [burnEvent] = parseEventLogs({ abi: artifacts.PlayToken.abi, logs: receipt.logs, eventName: 'TokensBurned' });
    assert.deepEqual(burnEvent.args, { from: deployment.addresses.PlaySwap, amount: expected.burned });

    const after = await poolState();
    assert.equal(await play().read.balanceOf([trader]), playBefore - amountIn);
    assert.equal(await usdc().read.balanceOf([trader]), usdcBefore + expected.amountOut);
    assert.equal(after.playSupply, before.playSupply - expected.burned);
    assert.equal(after.reservePlay, before.reservePlay + amountIn - expected.burned);
    assert.equal(after.reserveUsdc, before.reserveUsdc - expected.amountOut);
    assert.equal(after.playHeld, after.reservePlay);
    assert.equal(after.usdcHeld, after.reserveUsdc);
  });

  it('swaps USDC for PLAY, keeping the whole USDC fee in the pool and burning nothing', async () => {
    const amountIn = USDC('500');
    const expected = await expectedQuote(deployment.addresses.USDC, amountIn);
    assert.equal(expected.burned, 0n);
    const before = await poolState();
    const playBefore = await play().read.balanceOf([trader]);
    await sent(deployment.as(2), pool().write.swap([deployment.addresses.USDC, amountIn, expected.amountOut]));
    const after = await poolState();
    assert.equal(await play().read.balanceOf([trader]), playBefore + expected.amountOut);
    assert.equal(after.playSupply, before.playSupply);
    assert.equal(after.reserveUsdc, before.reserveUsdc + amountIn);
    assert.equal(after.reservePlay, before.reservePlay - expected.amountOut);
  });

  it('refuses a swap paying less than minAmountOut, or of nothing', async () => {
    const amountIn = PLAY('250');
    const { amountOut } = await expectedQuote(deployment.addresses.PlayToken, amountIn);
    const before = await poolState();
    const [paid, wanted] = await expectRevert(
      () => pool().write.swap([deployment.addresses.PlayToken, amountIn, amountOut + 1n]),
      'InsufficientOutput',
    );
    assert.deepEqual([paid, wanted], [amountOut, amountOut + 1n]);
    await expectRevert(() => pool().write.swap([deployment.addresses.USDC, 0n, 0n]), 'ZeroAmount');
    assert.deepEqual(await poolState(), before);
  });

  it('adds liquidity at the pool ratio, limited by the scarcer side, and removes it pro rata', async () => {
    const swap = pool(3);
    const link = deployment.as(3);
    const balances = async () => [await play().read.balanceOf([provider]), await usdc().read.balanceOf([provider])] as const;

    // PLAY is the limiting side: the USDC taken follows the reserves' ratio.
    let state = await poolState();
    let supply = await swap.read.totalSupply();
    const maxPlay = PLAY('20000');
    const usdcNeeded = (maxPlay * state.reserveUsdc) / state.reservePlay;
    let [playBefore, usdcBefore] = await balances();
    let receipt = await sent(link, swap.write.addLiquidity([maxPlay, USDC('40000'), 0n]));
    let [added] = parseEventLogs({ abi: artifacts.PlaySwap.abi, logs: receipt.logs, eventName: 'LiquidityAdded' });
    const firstShares = [(maxPlay * supply) / state.reservePlay, (usdcNeeded * supply) / state.reserveUsdc].reduce((a, b) => (a < b ? a : b));
    assert.deepEqual(added.args, { provider, amountPlay: maxPlay, amountUsdc: usdcNeeded, shares: firstShares });
    assert.deepEqual(await balances(), [playBefore - maxPlay, usdcBefore - usdcNeeded]);

    // USDC is the limiting side.
    state = await poolState();
    supply = await swap.read.totalSupply();
    const maxUsdc = USDC('100');
    const playNeeded = (maxUsdc * state.reservePlay) / state.reserveUsdc;
    [playBefore, usdcBefore] = await balances();
    receipt = await sent(link, swap.write.addLiquidity([PLAY('50000'), maxUsdc, 0n]));
    [added] = parseEventLogs({ abi: artifacts.PlaySwap.abi, logs: receipt.logs, eventName: 'LiquidityAdded' });
    assert.equal(added.args.amountPlay, playNeeded);
    assert.equal(added.args.amountUsdc, maxUsdc);
    assert.deepEqual(await balances(), [playBefore - playNeeded, usdcBefore - maxUsdc]);
    const shares = await swap.read.balanceOf([provider]);
    assert.equal(shares, firstShares + added.args.shares);
    await expectRevert(() => swap.write.addLiquidity([PLAY('1'), USDC('1'), maxUint256]), 'InsufficientOutput');

    // Removing every share pays its fraction of each reserve.
    state = await poolState();
    supply = await swap.read.totalSupply();
    const playOut = (shares * state.reservePlay) / supply;
    const usdcOut = (shares * state.reserveUsdc) / supply;
    await expectRevert(() => swap.write.removeLiquidity([shares, playOut + 1n, 0n]), 'InsufficientOutput');
    [playBefore, usdcBefore] = await balances();
    receipt = await sent(link, swap.write.removeLiquidity([shares, playOut, usdcOut]));
    const [removed] = parseEventLogs({ abi: artifacts.PlaySwap.abi, logs: receipt.logs, eventName: 'LiquidityRemoved' });
    assert.deepEqual(removed.args, { provider, amountPlay: playOut, amountUsdc: usdcOut, shares });
    assert.deepEqual(await balances(), [playBefore + playOut, usdcBefore + usdcOut]);
    assert.equal(await swap.read.balanceOf([provider]), 0n);
    assert.equal(await swap.read.totalSupply(), supply - shares);
    const after = await poolState();
    assert.deepEqual([after.reservePlay, after.reserveUsdc], [state.reservePlay - playOut, state.reserveUsdc - usdcOut]);
    // The price is unchanged (to rounding): PLAY per USDC before and after, compared by cross-multiplication.
    const drift = after.reservePlay * state.reserveUsdc - state.reservePlay * after.reserveUsdc;
    assert.ok((drift < 0n ? -drift : drift) <= state.reservePlay + state.reserveUsdc, 'removal kept the pool ratio');
    await expectRevert(() => swap.write.removeLiquidity([1n, 0n, 0n]), 'ERC20InsufficientBalance');
  });

  it('never lets k = reservePlay × reserveUsdc fall across a sequence of swaps, with reserves matching holdings (property)', async () => {
    const { PlayToken: playAddress, USDC: usdcAddress } = deployment.addresses;
    const directions = { playIn: 0, usdcIn: 0 };
    const swapStep = fc.record({ playIn: fc.boolean(), permyriad: fc.bigInt({ min: 1n, max: 2_000n }) });
    await fc.assert(
      fc.asyncProperty(fc.array(swapStep, { minLength: 2, maxLength: 4 }), async (steps) => {
        for (const { playIn, permyriad } of steps) {
          const before = await poolState();
          const tokenIn = playIn ? playAddress : usdcAddress;
          const amountIn = ((playIn ? before.reservePlay : before.reserveUsdc) * permyriad) / BPS;
          const { amountOut, burned } = await expectedQuote(tokenIn, amountIn);
          await sent(deployment.as(2), pool().write.swap([tokenIn, amountIn, amountOut]));
          const after = await poolState();
          assert.ok(after.k >= before.k, `k fell from ${before.k} to ${after.k}`);
          assert.equal(after.playHeld, after.reservePlay);
          assert.equal(after.usdcHeld, after.reserveUsdc);
          assert.equal(before.playSupply - after.playSupply, burned);
          directions[playIn ? 'playIn' : 'usdcIn']++;
        }
      }),
      { numRuns: 5, seed: 42 },
    );
    assert.ok(directions.playIn > 0 && directions.usdcIn > 0, `both directions swapped: ${JSON.stringify(directions)}`);
  });

  it('refuses a token other than PLAY or USDC', async () => {
    const guan = deployment.addresses.GuanToken;
    assert.deepEqual(await expectRevert(() => pool().read.quote([guan, PLAY('1')]), 'UnknownToken'), [guan]);
    assert.deepEqual(await expectRevert(() => pool().write.swap([guan, PLAY('1'), 0n]), 'UnknownToken'), [guan]);
  });

  it('lets only its owner, the timelock, set the fees, within their bounds, and prices with the new ones', async () => {
    for (const link of [deployment.deployer, deployment.as(2)]) {
      const [account] = await expectRevert(() => contract(deployment, 'PlaySwap', link).write.setFees([0n, 0n]), 'OwnableUnauthorizedAccount');
      assert.equal(account, link.wallet.account.address);
    }
    const dao = await impersonate(deployment, deployment.addresses.GuandanTimelock);
    const asDao = contract(deployment, 'PlaySwap', dao);
    const maxFee = await asDao.read.MAX_FEE_BPS();
    assert.deepEqual(await expectRevert(() => asDao.write.setFees([maxFee + 1n, 0n]), 'InvalidFees'), [maxFee + 1n, 0n]);
    await expectRevert(() => asDao.write.setFees([30n, BPS + 1n]), 'InvalidFees');

    const receipt = await sent(dao, asDao.write.setFees([maxFee, 5_000n]));
    const [changed] = parseEventLogs({ abi: artifacts.PlaySwap.abi, logs: receipt.logs, eventName: 'FeesChanged' });
    assert.deepEqual(changed.args, { feeBps: maxFee, burnShareBps: 5_000n });
    const amountIn = PLAY('1000');
    const [, burned] = await pool().read.quote([deployment.addresses.PlayToken, amountIn]);
    assert.equal(burned, (((amountIn * maxFee) / BPS) * 5_000n) / BPS);
    const supply = await play().read.totalSupply();
    await sent(deployment.as(2), pool().write.swap([deployment.addresses.PlayToken, amountIn, 0n]));
    assert.equal(await play().read.totalSupply(), supply - burned);
  });
});
