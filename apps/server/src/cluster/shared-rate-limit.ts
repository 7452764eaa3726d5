import type { RedisLink } from './redis-link.js';

/** A token bucket in a Redis hash: `rate` a second on average, bursts up to `burst`; 1 when a token was taken. */
const TAKE = `
local rate = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local now = tonumber(ARGV[3])
local tokens = tonumber(redis.call('HGET', KEYS[1], 't') or burst)
local updated = tonumber(redis.call('HGET', KEYS[1], 'u') or now)
tokens = math.min(burst, tokens + math.max(0, now - updated) / 1000 * rate)
local taken = 0
if tokens >= 1 then
  tokens = tokens - 1
  taken = 1
end
redis.call('HSET', KEYS[1], 't', tostring(tokens), 'u', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil(burst / rate * 1000) + 1000)
return taken`;

/**
 * The realtime message limit of a user across every node and socket they use: one bucket per user in Redis, so
 * opening sockets on several nodes does not multiply the allowance.
 */
export class SharedRateLimit {
  constructor(
    private readonly link: RedisLink,
    private readonly perSecond: number,
    private readonly burst: number,
  ) {}

  async take(userId: string): Promise<boolean> {
    const taken = await this.link.commands.eval(TAKE, 1, this.link.key('rate', userId), this.perSecond, this.burst, Date.now());
    return taken === 1;
  }
}
