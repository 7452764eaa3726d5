import type { SessionEndReason } from '@guandan/protocol';
import type { Connection } from '../realtime/index.js';
import type { SocketCounter } from '../realtime/index.js';
import type { RedisLink } from './redis-link.js';

/**
 * Adds a socket to the user's sorted set (scored in opening order) and pops the oldest beyond the cap; returns the
 * members popped. Members of a node that died stay until they are the oldest and popped like any other.
 */
const OPEN = `
local top = redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')
local score = (tonumber(top[2]) or 0) + 1
redis.call('ZADD', KEYS[1], score, ARGV[1])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
local extra = redis.call('ZCARD', KEYS[1]) - tonumber(ARGV[2])
if extra <= 0 then return {} end
local evicted = redis.call('ZRANGE', KEYS[1], 0, extra - 1)
redis.call('ZREMRANGEBYRANK', KEYS[1], 0, extra - 1)
return evicted`;

/** A user's set outlives their last socket by this much at most (sockets of nodes that died leave members behind). */
const SET_TTL_MS = 24 * 60 * 60 * 1000;

/** What a node does to its own sockets when told to through its eviction channel. */
export interface LocalSockets {
  evict(userId: string, connectionId: string): void;
  endSessions(userId: string, reason: SessionEndReason): void;
}

/** The connection id that stands for every socket of the user on the node (an operator ended their sessions). */
const ALL_SOCKETS = '*';

/**
 * The socket cap of each user across the cluster: their open sockets in one Redis sorted set. Opening one more than
 * the cap anywhere evicts the oldest, on whichever node holds it, through that node's eviction channel; ending a
 * user's sessions closes all of them the same way.
 */
export class ClusterSockets implements SocketCounter {
  private readonly channel: string;

  constructor(
    private readonly link: RedisLink,
    private readonly nodeId: string,
    private readonly socketsPerUser: number,
    private readonly local: LocalSockets,
    private readonly log: { error(object: unknown, message: string): void },
  ) {
    this.channel = this.evictionChannel(nodeId);
  }

  async start(): Promise<void> {
    await this.link.listen(this.channel, (message) => {
      const [userId, connectionId, reason] = message.split(' ');
      if (connectionId === ALL_SOCKETS) this.local.endSessions(userId, reason as SessionEndReason);
      else this.local.evict(userId, connectionId);
    });
  }

  async stop(): Promise<void> {
    await this.link.unlisten(this.channel);
  }

  opened(connection: Connection): void {
    const { userId } = connection;
    (this.link.commands.eval(OPEN, 1, this.setKey(userId), this.member(connection), this.socketsPerUser, SET_TTL_MS) as Promise<string[]>)
      .then((evicted) => Promise.all(evicted.map((member) => this.evict(userId, member))))
      .catch((error: unknown) => this.log.error({ err: error, userId }, 'counting a socket across the cluster failed; the node cap still holds'));
  }

  closed(connection: Connection): void {
    this.link.commands.zrem(this.setKey(connection.userId), this.member(connection)).catch((error: unknown) => {
      this.log.error({ err: error, userId: connection.userId }, 'uncounting a socket across the cluster failed');
    });
  }

  /** Closes the user's sockets on every node holding one (this one at once). */
  endSessions(userId: string, reason: SessionEndReason): void {
    this.local.endSessions(userId, reason);
    this.link.commands.zrange(this.setKey(userId), '0', '-1')
      .then((members) => {
        const nodes = new Set(members.map((member) => member.split(' ')[0]).filter((nodeId) => nodeId !== this.nodeId));
        return Promise.all([...nodes].map((nodeId) => this.link.publish(this.evictionChannel(nodeId), `${userId} ${ALL_SOCKETS} ${reason}`)));
      })
      .catch((error: unknown) => this.log.error({ err: error, userId }, 'ending sessions on other nodes failed; their sockets close at the next request'));
  }

  private async evict(userId: string, member: string): Promise<void> {
    const [nodeId, connectionId] = member.split(' ');
    if (nodeId === this.nodeId) this.local.evict(userId, connectionId);
    else await this.link.publish(this.evictionChannel(nodeId), `${userId} ${connectionId}`);
  }

  private member(connection: Connection): string {
    return `${this.nodeId} ${connection.id}`;
  }

  private setKey(userId: string): string {
    return this.link.key('sockets', userId);
  }

  private evictionChannel(nodeId: string): string {
    return this.link.key('evict', nodeId);
  }
}
