import type { SessionEndReason } from '@guandan/protocol';
import type { Config } from '../config.js';
import type { PresenceHooks } from '../realtime/index.js';
import type { LocalDelivery } from './user-channels.js';
import { ClusterPresence } from './cluster-presence.js';
import { ClusterSockets } from './cluster-sockets.js';
import { ClusterTables } from './cluster-tables.js';
import { holdLease } from './lease.js';
import type { RedisLink } from './redis-link.js';
import { SharedRateLimit } from './shared-rate-limit.js';
import { TableLeases } from './table-leases.js';
import { UserChannels } from './user-channels.js';

/**
 * This process as one node of a cluster: presence, the fan-out of messages to users, the realtime rate limit and
 * the tables, all shared through Redis (docs/SCALING.md).
 */
export class ClusterNode {
  readonly presence: ClusterPresence;
  readonly channels: UserChannels;
  readonly tables: ClusterTables;
  readonly rateLimit: SharedRateLimit;
  readonly sockets: ClusterSockets;
  private readonly leaseMs: number;

  constructor(
    readonly link: RedisLink,
    readonly nodeId: string,
    config: Config,
    deps: {
      deliverLocally: LocalDelivery;
      /** Closes one of this node's sockets of a user who opened too many across the cluster. */
      evictLocally: (userId: string, connectionId: string) => void;
      endSessionsLocally: (userId: string, reason: SessionEndReason) => void;
      onPresence: (userId: string, online: boolean) => void;
      playingIds: () => Promise<string[]>;
      log: { error(object: unknown, message: string): void };
    },
  ) {
    this.leaseMs = config.TABLE_LEASE_MS;
    this.presence = new ClusterPresence(link, nodeId, config.TABLE_LEASE_MS, deps.onPresence, deps.log);
    this.channels = new UserChannels(link, nodeId, deps.deliverLocally, this.presence.onOtherNode, deps.log);
    this.tables = new ClusterTables(link, nodeId, new TableLeases(link, nodeId, config.TABLE_LEASE_MS), deps.playingIds, deps.log);
    this.rateLimit = new SharedRateLimit(link, config.REALTIME_MESSAGES_PER_SECOND, config.REALTIME_BURST);
    this.sockets = new ClusterSockets(link, nodeId, config.REALTIME_SOCKETS_PER_USER, { evict: deps.evictLocally, endSessions: deps.endSessionsLocally }, deps.log);
  }

  /** A user's first socket on this node follows their channel and announces them; the last one undoes both. */
  presenceHooks(log: { error(object: unknown, message: string): void }): PresenceHooks {
    return {
      opened: async (userId) => {
        await Promise.all([this.channels.follow(userId), this.presence.localChanged(userId, true)]);
      },
      closed: (userId) => {
        Promise.all([this.channels.unfollow(userId), this.presence.localChanged(userId, false)]).catch((error: unknown) =>
          log.error({ err: error, userId }, 'announcing a user offline failed'),
        );
      },
    };
  }

  /** Whether this node is the one that runs a cluster-wide job now (the reward minter): a lease renewed on each ask. */
  runsSingleton = (name: string): Promise<boolean> => holdLease(this.link, this.link.key('singleton', name), this.nodeId, this.leaseMs);

  async start(): Promise<void> {
    await this.sockets.start();
    await this.presence.start();
    await this.tables.start();
  }

  async stop(): Promise<void> {
    await this.tables.stop();
    await this.presence.stop();
    await this.sockets.stop();
  }
}
