import { holdLease } from './lease.js';
import type { RedisLink } from './redis-link.js';

/** Extends the leases this node still holds; answers the ids it no longer holds. */
const RENEW = `
local lost = {}
for i, key in ipairs(KEYS) do
  if redis.call('GET', key) == ARGV[1] then
    redis.call('PEXPIRE', key, ARGV[2])
    redis.call('ZADD', ARGV[3], ARGV[4], ARGV[4 + i])
  else
    table.insert(lost, ARGV[4 + i])
  end
end
return lost`;

/** Deletes a lease only if this node holds it; the table leaves the list (finished) or is up for taking at once. */
const RELEASE = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('DEL', KEYS[1])
if ARGV[3] == 'finished' then redis.call('ZREM', KEYS[2], ARGV[2]) else redis.call('ZADD', KEYS[2], 0, ARGV[2]) end
return 1`;

/**
 * Which node runs each table: a Redis key per table holding the node's id, set only if absent and expiring unless
 * renewed. A sorted set of running tables scored by lease expiry lets any node find the tables whose node stopped
 * renewing, without scanning every table.
 */
export class TableLeases {
  private readonly running: string;

  constructor(
    private readonly link: RedisLink,
    private readonly nodeId: string,
    readonly leaseMs: number,
  ) {
    this.running = link.key('tables');
  }

  /** Takes the table if no node holds it; true when this node holds it now (or already did). */
  async acquire(gameId: string): Promise<boolean> {
    if (!(await holdLease(this.link, this.leaseKey(gameId), this.nodeId, this.leaseMs))) return false;
    await this.link.commands.zadd(this.running, Date.now() + this.leaseMs, gameId);
    return true;
  }

  /** Renews this node's leases; the ids among them that another node holds now (or that expired). */
  async renew(gameIds: string[]): Promise<string[]> {
    if (gameIds.length === 0) return [];
    const expiry = String(Date.now() + this.leaseMs);
    const keys = gameIds.map((id) => this.leaseKey(id));
    return (await this.link.commands.eval(RENEW, keys.length, ...keys, this.nodeId, String(this.leaseMs), this.running, expiry, ...gameIds)) as string[];
  }

  /** Hands the table over (this node stops): another node takes it on its next look. */
  async release(gameId: string): Promise<void> {
    await this.link.commands.eval(RELEASE, 2, this.leaseKey(gameId), this.running, this.nodeId, gameId, 'released');
  }

  /** The table is over: off the list for good. */
  async finished(gameId: string): Promise<void> {
    await this.link.commands.eval(RELEASE, 2, this.leaseKey(gameId), this.running, this.nodeId, gameId, 'finished');
  }

  /** The node holding each table's lease, or null where none does. */
  async holders(gameIds: readonly string[]): Promise<Map<string, string | null>> {
    if (gameIds.length === 0) return new Map();
    const nodes = await this.link.commands.mget(...gameIds.map((id) => this.leaseKey(id)));
    return new Map(gameIds.map((id, index) => [id, nodes[index] ?? null]));
  }

  /** Tables whose lease ran out: their node died (or never took them). */
  async orphans(limit = 100): Promise<string[]> {
    return this.link.commands.zrangebyscore(this.running, '-inf', Date.now(), 'LIMIT', 0, limit);
  }

  /** Puts tables PostgreSQL says are playing on the list, for a Redis that lost its data. */
  async adopt(gameIds: string[]): Promise<void> {
    if (gameIds.length > 0) await this.link.commands.zadd(this.running, 'NX', ...gameIds.flatMap((id) => ['0', id]));
  }

  private leaseKey(gameId: string): string {
    return this.link.key('lease', gameId);
  }
}
