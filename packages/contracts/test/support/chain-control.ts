import {
  type Account,
  type Address,
  createPublicClient,
  createTestClient,
  createWalletClient,
  custom,
  type EIP1193RequestFn,
  type Hex,
  http,
  type JsonRpcAccount,
  toHex,
} from 'viem';
import type { ChainLink } from '../../src/index.js';
import type { Deployment } from './local-deployment.js';

/** Anvil's test actions (time, mining, impersonation, snapshots) for one deployment's chain. */
export function anvilOf(deployment: Deployment) {
  return createTestClient({ mode: 'anvil', chain: deployment.deployer.reader.chain, transport: http(deployment.chain.rpcUrl) });
}

/** The timestamp of the latest block: what a read (`eth_call` on latest) sees as `block.timestamp`. */
export async function latestTimestamp(deployment: Deployment): Promise<bigint> {
  return (await deployment.deployer.reader.getBlock()).timestamp;
}

/** The next block (the next transaction, under automine) gets exactly this timestamp. */
export async function nextBlockAt(deployment: Deployment, timestamp: bigint): Promise<void> {
  await anvilOf(deployment).setNextBlockTimestamp({ timestamp });
}

/** Mines one empty block with exactly this timestamp, so reads see it. */
export async function mineAt(deployment: Deployment, timestamp: bigint): Promise<void> {
  const anvil = anvilOf(deployment);
  await anvil.setNextBlockTimestamp({ timestamp });
  await anvil.mine({ blocks: 1 });
}

export async function mineBlocks(deployment: Deployment, blocks: number | bigint): Promise<void> {
  await anvilOf(deployment).mine({ blocks: Number(blocks) });
}

/**
 * A link that sends as `address` (a contract such as the timelock) without its key, funded for gas.
 *
 * Left to itself, anvil fills in the gas of an impersonated transaction with an exact estimate made before a pinned
 * next-block timestamp applies, so a write whose storage costs depend on the time (Staking's reward update) runs out
 * of gas; and a refused write is mined and reverts instead of throwing. So every transaction is first estimated
 * here, like a local account's: a refusal throws with its decoded error, and the gas limit gets a margin.
 */
export async function impersonate(deployment: Deployment, address: Address): Promise<ChainLink> {
  const anvil = anvilOf(deployment);
  await anvil.impersonateAccount({ address });
  await anvil.setBalance({ address, value: 10n ** 20n });
  const chain = deployment.deployer.reader.chain;
  const rpc = http(deployment.chain.rpcUrl)({ chain });
  const request: EIP1193RequestFn = async ({ method, params }) => {
    if (method === 'eth_sendTransaction' && Array.isArray(params)) {
      const [transaction] = params as [Record<string, unknown>];
      if (transaction.gas === undefined) {
        const estimate = BigInt((await rpc.request({ method: 'eth_estimateGas', params: [transaction] })) as Hex);
        return rpc.request({ method, params: [{ ...transaction, gas: toHex((estimate * 5n) / 4n + 20_000n) }] });
      }
    }
    return rpc.request({ method, params });
  };
  const transport = custom({ request });
  const account: JsonRpcAccount = { address, type: 'json-rpc' };
  return {
    wallet: createWalletClient<typeof transport, typeof chain, Account>({ account, chain, transport, pollingInterval: 50 }),
    reader: createPublicClient({ chain, transport, pollingInterval: 50 }),
  };
}

/** Runs `body` and then puts the chain back as it was before it (anvil snapshot and revert). */
export async function withSnapshot<T>(deployment: Deployment, body: () => Promise<T>): Promise<T> {
  const anvil = anvilOf(deployment);
  const id = await anvil.snapshot();
  try {
    return await body();
  } finally {
    await anvil.revert({ id });
  }
}
