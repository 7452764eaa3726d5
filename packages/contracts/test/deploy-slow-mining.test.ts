import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  type Account,
  createPublicClient,
  createWalletClient,
  custom,
  type EIP1193RequestFn,
  type Hex,
  http,
  parseTransaction,
  toFunctionSelector,
} from 'viem';
import { type ChainLink, chainAt, deployContracts, LOCAL_DEPLOY, type LocalChain, mnemonicAccount, startLocalChain } from '../src/index.js';
import * as artifacts from '../src/generated/artifacts.js';

/**
 * A link to `chain` whose clock stands still, but for one second that ticks between the gas estimate of each
 * transaction calling `selector` and its mining: as on a busy machine, where a deploy that usually fits in one second
 * does not.
 */
async function linkTickingDuring(chain: LocalChain, account: Account, selector: Hex): Promise<ChainLink> {
  const viemChain = chainAt(chain.rpcUrl, chain.chainId);
  const rpc = http(chain.rpcUrl)({ chain: viemChain });
  await rpc.request({ method: 'anvil_setBlockTimestampInterval', params: [0] });
  const request: EIP1193RequestFn = async ({ method, params }) => {
    if (method === 'eth_sendRawTransaction' && parseTransaction((params as [Hex])[0]).data?.startsWith(selector)) {
      const latest = (await rpc.request({ method: 'eth_getBlockByNumber', params: ['latest', false] })) as { timestamp: Hex };
      await rpc.request({ method: 'evm_setNextBlockTimestamp', params: [Number(BigInt(latest.timestamp) + 1n)] });
    }
    return rpc.request({ method, params });
  };
  const transport = custom({ request });
  return {
    wallet: createWalletClient({ account, chain: viemChain, transport, pollingInterval: 50 }),
    reader: createPublicClient({ chain: viemChain, transport, pollingInterval: 50 }),
  };
}

describe('deploying while the clock ticks', () => {
  let chain: LocalChain;
  before(async () => {
    chain = await startLocalChain();
  });
  after(() => chain.stop());

  // Estimated in the second Staking was deployed, setRewardRate rewrites lastUpdateTime with the same value (100 gas);
  // mined a second later, it writes a new one (2,900 gas). With an exact estimate, it ran out of gas and reverted.
  it('launches staking when a second passes between setRewardRate’s estimate and its mining', async () => {
    const link = await linkTickingDuring(chain, mnemonicAccount(chain.mnemonic, 0), toFunctionSelector('setRewardRate(uint256)'));
    const addresses = await deployContracts(link, { ...LOCAL_DEPLOY, rewardMinter: mnemonicAccount(chain.mnemonic, 1).address });
    const rate = await link.reader.readContract({ address: addresses.Staking, abi: artifacts.Staking.abi, functionName: 'rewardRate' });
    assert.equal(rate, LOCAL_DEPLOY.launch?.stakingRewardPerSecond);
  });
});
