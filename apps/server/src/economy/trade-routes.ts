import { PlaySwap, Staking } from '@guandan/contracts';
import { PreparedTransactionsSchema, ProtocolError, StakeBodySchema, StakingInfoSchema, SwapBodySchema, SwapPreparedSchema } from '@guandan/protocol';
import { formatUnits } from 'viem';
import { z } from 'zod';
import { route } from '../http/api.js';
import type { ChainAccess } from './chain-access.js';
import { approvalIfNeeded, call, prepared } from './prepared.js';
import { tokenUnits } from './token-amount.js';

const DECIMALS = { PLAY: 18, USDC: 6 } as const;

/** Swap and staking: the server reads the chain and prepares the calls; the player's wallet signs and sends them. */
export function tradeRoutes(access: ChainAccess) {
  const common = { tag: 'token', auth: true } as const;
  return [
    route({
      ...common,
      method: 'POST',
      path: '/token/swap',
      summary: 'Prepare a PLAY/USDC swap at the pool’s current price, with a minimum out from the slippage allowed',
      body: SwapBodySchema,
      response: SwapPreparedSchema,
      handler: async ({ user, body }) => {
        const { runtime, wallet } = await access.chainAndWallet(user.userId);
        const { addresses } = runtime;
        const tokenIn = body.from_token === 'PLAY' ? addresses.PlayToken : addresses.USDC;
        const amountIn = tokenUnits(body.amount, DECIMALS[body.from_token]);
        let expected: bigint;
        try {
          [expected] = await runtime.link.reader.readContract({ address: addresses.PlaySwap, abi: PlaySwap.abi, functionName: 'quote', args: [tokenIn, amountIn] });
        } catch {
          throw new ProtocolError('CONFLICT', 'the pool has no liquidity');
        }
        const minOut = (expected * BigInt(10_000 - body.slippage_bps)) / 10_000n;
        const outDecimals = DECIMALS[body.to_token];
        return {
          ...prepared(runtime, wallet, [
            ...(await approvalIfNeeded(runtime, tokenIn, wallet, addresses.PlaySwap, amountIn, `Allow the swap to take ${body.amount} ${body.from_token}`)),
            call(addresses.PlaySwap, PlaySwap.abi, 'swap', [tokenIn, amountIn, minOut], `Swap ${body.amount} ${body.from_token} for at least ${formatUnits(minOut, outDecimals)} ${body.to_token}`),
          ]),
          expected_out: formatUnits(expected, outDecimals),
          min_out: formatUnits(minOut, outDecimals),
        };
      },
    }),
    route({
      ...common,
      method: 'GET',
      path: '/token/staking',
      summary: 'The caller’s stake and unclaimed staking rewards, and the pool’s totals',
      response: StakingInfoSchema,
      handler: async ({ user }) => {
        const { runtime, wallet } = await access.chainAndWallet(user.userId);
        const staking = { address: runtime.addresses.Staking, abi: Staking.abi } as const;
        const [staked, earned, total, rate] = await Promise.all([
          runtime.link.reader.readContract({ ...staking, functionName: 'stakedOf', args: [wallet] }),
          runtime.link.reader.readContract({ ...staking, functionName: 'earned', args: [wallet] }),
          runtime.link.reader.readContract({ ...staking, functionName: 'totalStaked' }),
          runtime.link.reader.readContract({ ...staking, functionName: 'rewardRate' }),
        ]);
        return { staked: formatUnits(staked, 18), earned: formatUnits(earned, 18), total_staked: formatUnits(total, 18), reward_per_second: formatUnits(rate, 18) };
      },
    }),
    route({
      ...common,
      method: 'POST',
      path: '/token/stake',
      summary: 'Prepare staking PLAY',
      body: StakeBodySchema,
      response: PreparedTransactionsSchema,
      handler: async ({ user, body }) => {
        const { runtime, wallet } = await access.chainAndWallet(user.userId);
        const amount = tokenUnits(body.amount, 18);
        const { PlayToken: play, Staking: staking } = runtime.addresses;
        return prepared(runtime, wallet, [
          ...(await approvalIfNeeded(runtime, play, wallet, staking, amount, `Allow staking to take ${body.amount} PLAY`)),
          call(staking, Staking.abi, 'stake', [amount], `Stake ${body.amount} PLAY`),
        ]);
      },
    }),
    route({
      ...common,
      method: 'POST',
      path: '/token/unstake',
      summary: 'Prepare withdrawing staked PLAY',
      body: StakeBodySchema,
      response: PreparedTransactionsSchema,
      handler: async ({ user, body }) => {
        const { runtime, wallet } = await access.chainAndWallet(user.userId);
        return prepared(runtime, wallet, [call(runtime.addresses.Staking, Staking.abi, 'withdraw', [tokenUnits(body.amount, 18)], `Withdraw ${body.amount} staked PLAY`)]);
      },
    }),
    route({
      ...common,
      method: 'POST',
      path: '/token/claim',
      summary: 'Prepare claiming staking rewards',
      body: z.strictObject({}),
      response: PreparedTransactionsSchema,
      handler: async ({ user }) => {
        const { runtime, wallet } = await access.chainAndWallet(user.userId);
        return prepared(runtime, wallet, [call(runtime.addresses.Staking, Staking.abi, 'claim', [], 'Claim staking rewards')]);
      },
    }),
  ];
}
