import type { Treasury } from '@guandan/protocol';
import type { Api } from '../http/api.js';
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config.js';
import type { EventBus } from '../platform/bus.js';
import type { Db } from '../platform/db/database.js';
import { WALLET_LINKED, type WalletLinked } from '../wallet/index.js';
import type { ChainRuntime } from './chain-runtime.js';
import { BalanceReader } from './balances.js';
import { readTreasury } from './treasury.js';
import { ChainAccess, type WalletAddressOf } from './chain-access.js';
import { ChainEventStore } from './chain-event-store.js';
import { ChainIndexer } from './chain-indexer.js';
import { chainRoutes } from './chain-routes.js';
import { daoRoutes } from './dao-routes.js';
import { economyRoutes } from './economy-routes.js';
import { itemRoutes } from './item-routes.js';
import { playRewardChain } from './reward-chain.js';
import { subscribeRewards } from './reward-consumer.js';
import { type MintedReward, RewardMinter } from './reward-minter.js';
import { recordPayoutWallet, RewardStore } from './reward-store.js';
import { tradeRoutes } from './trade-routes.js';

/** What the economy is built on. */
export interface EconomyPorts {
  config: Config;
  db: Db;
  bus: EventBus;
  log: FastifyBaseLogger;
  /** Null with CHAIN=off. */
  chain: ChainRuntime | null;
  /** Which wallet a user linked; the users domain owns it. */
  walletAddressOf: WalletAddressOf;
}

export interface EconomyDomain {
  /** Starts the reward minter (settling what a previous run left) and the chain indexer (from its last block). */
  start(): void;
  /** The DAO treasury's balances as the chain says (for operators). */
  treasury(): Promise<Treasury>;
  stop(): Promise<void>;
}

/**
 * The economy: rewards accrued from finished games and minted on chain, balances, swap, staking and the DAO. With
 * CHAIN=off the rewards still accrue (pending) and the chain routes answer CHAIN_OFF.
 */
export function buildEconomy(
  ports: EconomyPorts,
  api: Api,
  announce: (minted: MintedReward[]) => void,
  /** On a cluster, whether this node is the one minting now; one process always is. */
  mintsHere: () => Promise<boolean> = async () => true,
): EconomyDomain {
  const { chain, db, config, log, bus, walletAddressOf } = ports;
  const balances = chain === null ? null : new BalanceReader(chain, config.BALANCE_CACHE_MS);
  const minter =
    chain === null
      ? null
      : new RewardMinter({
          db,
          chain: playRewardChain(chain.link, chain.addresses.PlayToken, BigInt(chain.addresses.deployBlock)),
          log,
          batchSize: config.REWARD_BATCH_SIZE,
          sweepMs: config.REWARD_SWEEP_MS,
          // A local anvil has no reorgs; on a real chain a block is trusted some way down (docs/OPERATIONS.md).
          confirmations: config.REWARD_CONFIRMATIONS ?? (config.CHAIN === 'rpc' ? 64 : 1),
          reconcileBlocks: config.REWARD_RECONCILE_BLOCKS,
          mayRun: mintsHere,
          onMinted: (minted) => {
            // the announcement sends players to their balance: it must not be the cached one
            for (const reward of minted) balances?.forget(reward.wallet);
            announce(minted);
          },
        });
  subscribeRewards(db, bus, () => void minter?.kick());
  // rewards that waited for a wallet are minted to it as soon as one is linked
  bus.subscribe(WALLET_LINKED, async (event) => {
    const linked = event.payload as WalletLinked;
    await recordPayoutWallet(db, linked.userId, linked.address);
    void minter?.kick();
  });
  // a wallet's cached balances are dropped as soon as the indexer sees a transfer touch it
  const indexer = chain === null ? null : new ChainIndexer(db, chain, log, (addresses) => addresses.forEach((address) => balances?.forget(address)));
  const access = new ChainAccess(chain, walletAddressOf);
  const events = new ChainEventStore(db);
  api.add(
    ...economyRoutes(access, new RewardStore(db), balances, chain?.addresses.chainId ?? null),
    ...tradeRoutes(access),
    ...daoRoutes(access, events, async () => indexer?.catchUp()),
    ...itemRoutes(access, events),
    ...chainRoutes(chain, access, balances, { faucetPerMinute: config.AUTH_RATE_LIMIT_PER_MINUTE, relayTxPerMinute: config.RELAY_TX_PER_MINUTE }),
  );
  return {
    start() {
      minter?.start();
      indexer?.start();
    },
    treasury: () => readTreasury(chain, balances, log),
    async stop() {
      await minter?.stop();
      await indexer?.stop();
    },
  };
}
