import { type Account, type Address, getContract, type GetContractReturnType } from 'viem';
import { type ChainAddresses, type ChainLink, deployContracts, LOCAL_DEPLOY, linkChain, localDevAccount, startLocalChain, type LocalChain } from '../../src/index.js';
import * as artifacts from '../../src/generated/artifacts.js';

export interface Deployment {
  chain: LocalChain;
  addresses: ChainAddresses;
  /** Anvil's account 0: it deployed everything and kept no role. */
  deployer: ChainLink;
  /** Anvil's account 1: the server's reward key. */
  minter: ChainLink;
  /** A link for anvil's account `index` (2 to 9 are players). */
  as(index: number): ChainLink;
  account(index: number): Account;
}

/** A fresh anvil with every contract deployed as the local platform deploys them. */
export async function deployLocally(): Promise<Deployment> {
  const chain = await startLocalChain();
  const link = (index: number) => linkChain(chain.rpcUrl, chain.chainId, localDevAccount(index));
  const deployer = link(0);
  const minter = link(1);
  const addresses = await deployContracts(deployer, { ...LOCAL_DEPLOY, rewardMinter: minter.wallet.account.address });
  return { chain, addresses, deployer, minter, as: link, account: localDevAccount };
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
