import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type ChainAddresses,
  type ChainLink,
  deployContracts,
  LOCAL_DEPLOY,
  linkChain,
  localDevAccount,
  startLocalChain,
} from '@guandan/contracts';
import type { FastifyBaseLogger } from 'fastify';
import { createNonceManager, type Hex, toHex } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { jsonRpc } from 'viem/nonce';
import type { Config } from '../config.js';

/** The chain the platform runs on: the reward key's link and where the contracts are. */
export interface ChainRuntime {
  rpcUrl: string;
  link: ChainLink;
  addresses: ChainAddresses;
  /** Local chain only: anvil's account #0, which deployed TestUSDC and holds ether, for the faucet. */
  funder: ChainLink | null;
  stop(): Promise<void>;
}

/**
 * CHAIN=local (the default): anvil from npm, its state kept in DATA_DIR/chain, the contracts deployed on the first
 * start and their addresses kept beside it; anvil's well-known development keys deploy and mint (local only).
 * CHAIN=rpc: CHAIN_RPC_URL, the addresses in CHAIN_ADDRESSES_FILE (written by the deploy script) and the reward key
 * in REWARD_MINTER_PRIVATE_KEY. CHAIN=off: no chain, no rewards minted (they stay pending).
 */
export async function openChain(config: Config, log: Pick<FastifyBaseLogger, 'info'>): Promise<ChainRuntime | null> {
  if (config.CHAIN === 'off') return null;
  if (config.CHAIN === 'rpc') {
    const { CHAIN_RPC_URL: rpcUrl, CHAIN_ADDRESSES_FILE: file, REWARD_MINTER_PRIVATE_KEY: key } = config;
    if (!rpcUrl || !file || !key) throw new Error('CHAIN=rpc needs CHAIN_RPC_URL, CHAIN_ADDRESSES_FILE and REWARD_MINTER_PRIVATE_KEY');
    const addresses = JSON.parse(readFileSync(file, 'utf8')) as ChainAddresses;
    return { rpcUrl, link: linkChain(rpcUrl, addresses.chainId, minterAccount(key as Hex)), addresses, funder: null, stop: async () => undefined };
  }
  const dir = join(config.DATA_DIR, 'chain');
  mkdirSync(dir, { recursive: true });
  const chain = await startLocalChain({ stateFile: join(dir, 'anvil-state.json') });
  const devMinterKey = localDevAccount(1).getHdKey().privateKey;
  if (devMinterKey === null) throw new Error('the development mnemonic gave no key');
  const link = linkChain(chain.rpcUrl, chain.chainId, minterAccount(toHex(devMinterKey)));
  const addressesFile = join(dir, 'addresses.json');
  const deployer = linkChain(chain.rpcUrl, chain.chainId, localDevAccount(0));
  let addresses = existsSync(addressesFile) ? (JSON.parse(readFileSync(addressesFile, 'utf8')) as ChainAddresses) : null;
  // A kept address with no code means the chain's state was lost: deploy again.
  if (addresses === null || (await link.reader.getCode({ address: addresses.PlayToken })) === undefined) {
    const players = Array.from({ length: 8 }, (_, index) => localDevAccount(index + 2).address);
    addresses = await deployContracts(deployer, {
      ...LOCAL_DEPLOY,
      rewardMinter: link.wallet.account.address,
      launch: LOCAL_DEPLOY.launch && { ...LOCAL_DEPLOY.launch, faucet: { to: players, amount: 10_000n * 10n ** 6n } },
    });
    writeFileSync(addressesFile, `${JSON.stringify(addresses, null, 2)}\n`);
    log.info({ rpcUrl: chain.rpcUrl, addresses }, 'deployed the contracts to the local chain');
  }
  log.info({ rpcUrl: chain.rpcUrl, play: addresses.PlayToken }, 'local chain up');
  return { rpcUrl: chain.rpcUrl, link, addresses, funder: deployer, stop: () => chain.stop() };
}

/** The reward key, its transaction numbers kept by viem's nonce manager (one sender, many batches in a row). */
function minterAccount(key: Hex) {
  return privateKeyToAccount(key, { nonceManager: createNonceManager({ source: jsonRpc() }) });
}
