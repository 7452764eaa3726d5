import type { Presence } from '../realtime/index.js';
import type { RedisLink } from './redis-link.js';

type PresenceNews = { user: string; node: string; online: boolean } | { node: string; gone: true };

/**
 * Who is online across the cluster. Each node keeps its connected users in a Redis set and announces every change
 * on one channel; every node mirrors the announcements in memory, so `isOnline` stays a synchronous lookup. Nodes
 * beat in a sorted set: a node that stops beating for a lease is reaped by whichever node sees it first, and its
 * users go offline everywhere.
 */
export class ClusterPresence implements Presence {
  private readonly nodesOfUser = new Map<string, Set<string>>();
  /** The users connected to this node, to announce again if this node was taken for dead and reaped. */
  private readonly local = new Set<string>();
  private timer: NodeJS.Timeout | null = null;
  private readonly channel: string;
  private readonly nodes: string;

  constructor(
    private readonly link: RedisLink,
    private readonly nodeId: string,
    private readonly leaseMs: number,
    /** A user came online (their first connection anywhere) or went offline (their last one closed). */
    private readonly onChange: (userId: string, online: boolean) => void,
    private readonly log: { error(object: unknown, message: string): void },
  ) {
    this.channel = link.key('presence');
    this.nodes = link.key('nodes');
  }

  isOnline = (userId: string): boolean => this.nodesOfUser.has(userId);

  /** Whether a node other than this one holds a socket of the user. */
  onOtherNode = (userId: string): boolean => {
    const nodes = this.nodesOfUser.get(userId);
    if (nodes === undefined) return false;
    return nodes.size > (nodes.has(this.nodeId) ? 1 : 0);
  };

  async start(): Promise<void> {
    await this.link.listen(this.channel, (raw) => this.apply(JSON.parse(raw) as PresenceNews));
    await this.beat();
    for (const node of await this.link.commands.zrange(this.nodes, '0', '-1')) {
      for (const user of await this.link.commands.smembers(this.usersKey(node))) this.mark(user, node, true);
    }
    this.timer = setInterval(() => void this.beat().catch((error: unknown) => this.log.error({ err: error }, 'presence heartbeat failed')), Math.max(250, this.leaseMs / 5));
    this.timer.unref();
  }

  /** Leaves the cluster: this node's users are offline at once for the others. */
  async stop(): Promise<void> {
    if (this.timer !== null) clearInterval(this.timer);
    await this.reap(this.nodeId).catch(() => undefined);
  }

  /** This node's first connection of a user opened, or its last one closed. */
  async localChanged(userId: string, online: boolean): Promise<void> {
    const users = this.usersKey(this.nodeId);
    if (online) this.local.add(userId);
    else this.local.delete(userId);
    await (online ? this.link.commands.sadd(users, userId) : this.link.commands.srem(users, userId));
    await this.link.publish(this.channel, JSON.stringify({ user: userId, node: this.nodeId, online } satisfies PresenceNews));
  }

  private async beat(): Promise<void> {
    const now = Date.now();
    const rejoined = (await this.link.commands.zadd(this.nodes, now, this.nodeId)) === 1;
    if (rejoined) for (const user of this.local) await this.localChanged(user, true);
    for (const node of await this.link.commands.zrangebyscore(this.nodes, '-inf', String(now - this.leaseMs))) await this.reap(node);
  }

  /** Removes a node and tells every node that its users are gone from it. */
  private async reap(node: string): Promise<void> {
    await this.link.commands.multi().del(this.usersKey(node)).zrem(this.nodes, node).exec();
    await this.link.publish(this.channel, JSON.stringify({ node, gone: true } satisfies PresenceNews));
  }

  private apply(news: PresenceNews): void {
    if ('gone' in news) {
      for (const [user, nodes] of [...this.nodesOfUser]) if (nodes.has(news.node)) this.mark(user, news.node, false);
      return;
    }
    this.mark(news.user, news.node, news.online);
  }

  private mark(user: string, node: string, online: boolean): void {
    const nodes = this.nodesOfUser.get(user);
    const wasOnline = nodes !== undefined;
    if (online) {
      if (nodes === undefined) this.nodesOfUser.set(user, new Set([node]));
      else nodes.add(node);
    } else if (nodes !== undefined) {
      nodes.delete(node);
      if (nodes.size === 0) this.nodesOfUser.delete(user);
    }
    const isOnline = this.nodesOfUser.has(user);
    if (isOnline !== wasOnline) this.onChange(user, isOnline);
  }

  private usersKey(node: string): string {
    return this.link.key('presence', node);
  }
}
