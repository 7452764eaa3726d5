import type { RedisLink } from './redis-link.js';

/** Takes a lease that is free, or extends it if this node holds it; 1 when this node holds it afterwards. */
const HOLD = `
local holder = redis.call('GET', KEYS[1])
if holder == ARGV[1] then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return 1
end
if holder then return 0 end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return 1`;

/** A lease in Redis: the named thing is this node's until `ms` pass without another `hold`. */
export async function holdLease(link: RedisLink, key: string, nodeId: string, ms: number): Promise<boolean> {
  return (await link.commands.eval(HOLD, 1, key, nodeId, String(ms))) === 1;
}
