import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import {
  type ChainAddresses,
  type ChainLink,
  deployContracts,
  LOCAL_DEPLOY,
  linkChain,
  type LocalChain,
  mnemonicAccount,
  PlayToken,
  startLocalChain,
} from '@guandan/contracts';
import type { FastifyBaseLogger } from 'fastify';
import { type Account, createNonceManager, type Hex, keccak256, toHex } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { jsonRpc } from 'viem/nonce';
import type { Config } from '../config.js';
import { type LocalChainFiles, localChainFiles, localChainMnemonic } from './local-chain-keys.js';

/** The chain the platform runs on: the reward key's link and where the contracts are. */
export interface ChainRuntime {
  rpcUrl: string;
  link: ChainLink;
  addresses: ChainAddresses;
  /** Local chain only: the data directory's account #0, which deployed TestUSDC and holds ether, for the faucet. */
  funder: ChainLink | null;
  /** The contracts were deployed at this start (a new or a lost local chain): an index of an earlier chain is stale. */
  deployedNow: boolean;
  stop(): Promise<void>;
}

const MINTER_ROLE = keccak256(toHex('MINTER_ROLE'));

/**
 * CHAIN=local (the default): anvil from npm, its state, its own random mnemonic and the contract addresses kept in
 * DATA_DIR/chain; account #0 of that mnemonic deploys and funds the faucet, #1 mints rewards.
 * CHAIN=rpc: CHAIN_RPC_URL, the addresses in CHAIN_ADDRESSES_FILE (written by the deploy script) and the reward key
 * in REWARD_MINTER_PRIVATE_KEY. CHAIN=off: no chain, no rewards minted (they stay pending).
 */
export async function openChain(config: Config, log: Pick<FastifyBaseLogger, 'info' | 'warn'>): Promise<ChainRuntime | null> {
  if (config.CHAIN === 'off') return null;
  if (config.CHAIN === 'rpc') {
    const { CHAIN_RPC_URL: rpcUrl, CHAIN_ADDRESSES_FILE: file, REWARD_MINTER_PRIVATE_KEY: key } = config;
    if (!rpcUrl || !file || !key) throw new Error('CHAIN=rpc needs CHAIN_RPC_URL, CHAIN_ADDRESSES_FILE and REWARD_MINTER_PRIVATE_KEY');
    const addresses = JSON.parse(readFileSync(file, 'utf8')) as ChainAddresses;
    return { rpcUrl, link: linkChain(rpcUrl, addresses.chainId, numbered(key as Hex)), addresses, funder: null, deployedNow: false, stop: async () => undefined };
  }
  const files = localChainFiles(config.DATA_DIR);
  const mnemonic = localChainMnemonic(files, log);
  const chain = await startLocalChain({ stateFile: files.state, mnemonic });
  try {
    return await onLocalChain(chain, files, mnemonic, log);
  } catch (error) {
    // A server that cannot start must not leave its chain running (nor a test process waiting on it).
    await chain.stop();
    throw error;
  }
}

/** The local chain's keys and contracts, deployed when the chain has none of this data directory's. */
async function onLocalChain(chain: LocalChain, files: LocalChainFiles, mnemonic: string, log: Pick<FastifyBaseLogger, 'info'>): Promise<ChainRuntime> {
  const link = linkChain(chain.rpcUrl, chain.chainId, numbered(localKey(mnemonic, 1)));
  const deployer = linkChain(chain.rpcUrl, chain.chainId, numbered(localKey(mnemonic, 0)));
  const kept = existsSync(files.addresses) ? (JSON.parse(readFileSync(files.addresses, 'utf8')) as ChainAddresses) : null;
  const deployedNow = kept === null || !(await deployedHere(link, kept));
  let addresses: ChainAddresses;
  if (kept !== null && !deployedNow) addresses = kept;
  else {
    addresses = await deployContracts(deployer, { ...LOCAL_DEPLOY, rewardMinter: link.wallet.account.address });
    writeFileSync(files.addresses, `${JSON.stringify(addresses, null, 2)}\n`);
    log.info({ rpcUrl: chain.rpcUrl, addresses }, 'deployed the contracts to the local chain');
  }
  log.info({ rpcUrl: chain.rpcUrl, play: addresses.PlayToken }, 'local chain up');
  return { rpcUrl: chain.rpcUrl, link, addresses, funder: deployer, deployedNow, stop: () => chain.stop() };
}

/**
 * Whether the kept addresses are contracts this data directory's keys deployed: code at PLAY (none means the chain's
 * state was lost) and our reward key its minter (not, it was deployed with other keys).
 */
async function deployedHere(link: ChainLink, addresses: ChainAddresses): Promise<boolean> {
  if ((await link.reader.getCode({ address: addresses.PlayToken })) === undefined) return false;
  return link.reader.readContract({ address: addresses.PlayToken, abi: PlayToken.abi, functionName: 'hasRole', args: [MINTER_ROLE, link.wallet.account.address] });
}

/**
 * The account with one nonce manager of its own, shared by everything that sends with it (the faucet's payouts,
 * many reward batches in a row): two sends at once never take the same transaction number.
 */
function numbered(key: Hex): Account {
  return privateKeyToAccount(key, { nonceManager: createNonceManager({ source: jsonRpc() }) });
}

function localKey(mnemonic: string, index: number): Hex {
  const key = mnemonicAccount(mnemonic, index).getHdKey().privateKey;
  if (key === null) throw new Error(`the local chain's mnemonic gave no key #${index}`);
  return toHex(key);
}
