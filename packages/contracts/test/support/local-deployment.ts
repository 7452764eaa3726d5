import { type Account, type Address, getContract, type GetContractReturnType } from 'viem';
import { type ChainAddresses, type ChainLink, deployContracts, LOCAL_DEPLOY, linkChain, type LocalChain, mnemonicAccount, startLocalChain } from '../../src/index.js';
import * as artifacts from '../../src/generated/artifacts.js';

export interface Deployment {
  chain: LocalChain;
  addresses: ChainAddresses;
  /** The chain's account 0: it deployed everything and kept no role. */
  deployer: ChainLink;
  /** The chain's account 1: the server's reward key. */
  minter: ChainLink;
  /** A link for the chain's account `index` (2 to 9 are players). */
  as(index: number): ChainLink;
  account(index: number): Account;
}

/**
 * A fresh anvil (its own random mnemonic) with every contract deployed as the local platform deploys them, and its
 * clock stopped: a block's timestamp moves only when a test sets it (nextBlockAt, mineAt), so what accrues per
 * second never depends on how fast the machine runs the test.
 */
export async function deployLocally(): Promise<Deployment> {
  const chain = await startLocalChain();
  const account = (index: number) => mnemonicAccount(chain.mnemonic, index);
  const link = (index: number) => linkChain(chain.rpcUrl, chain.chainId, account(index));
  const deployer = link(0);
  const minter = link(1);
  const addresses = await deployContracts(deployer, { ...LOCAL_DEPLOY, rewardMinter: minter.wallet.account.address });
  await stopClock(chain.rpcUrl);
  return { chain, addresses, deployer, minter, as: link, account };
}

export type ContractName = Exclude<keyof typeof artifacts, 'SOURCES_FINGERPRINT'>;

/** Typed read/write handles on one deployed contract, acting as the given link's account. */
export type ContractHandle<N extends ContractName> = GetContractReturnType<
  (typeof artifacts)[N]['abi'],
  { public: ChainLink['reader']; wallet: ChainLink['wallet'] },
  Address
>;

export function contract<const N extends ContractName>(deployment: Deployment, name: N, link: ChainLink): ContractHandle<N> {
  const addresses: Record<ContractName, Address> = { ...deployment.addresses, TestUSDC: deployment.addresses.USDC };
  // Indexed by a generic name, the ABI widens to the union of every contract's; the handle is the named one's.
  return getContract({ address: addresses[name], abi: artifacts[name].abi, client: { public: link.reader, wallet: link.wallet } }) as ContractHandle<N>;
}

/** Every block from now on gets its parent's timestamp unless one is set for it. */
async function stopClock(rpcUrl: string): Promise<void> {
  const response = await fetch(rpcUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'anvil_setBlockTimestampInterval', params: [0] }),
  });
  const answer = (await response.json()) as { error?: { message: string } };
  if (answer.error !== undefined) throw new Error(`anvil refused to stop its clock: ${answer.error.message}`);
}
