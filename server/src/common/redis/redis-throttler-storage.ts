import { randomUUID } from 'crypto';
import { Logger } from '@nestjs/common';
import { ThrottlerStorageService, type ThrottlerStorage } from '@nestjs/throttler';
import type { SharedRedis } from './shared-redis';

/**
 * One hit, atomically, with the semantics of @nestjs/throttler's in-memory storage: a sliding window
 * (each hit counts for `ttl` ms, kept in a sorted set scored by its expiry), and with a block
 * duration, a block once the count passes the limit, after which the count starts afresh. Times come
 * from Redis's clock, so instances with skewed clocks count alike.
 * KEYS: hits, block. ARGV: ttl ms, limit, block ms, a unique member. Returns totalHits,
 * ms to expire, blocked (0/1), ms to block expiry.
 */
const INCREMENT = `
local hits, blockKey = KEYS[1], KEYS[2]
local ttl, limit, block, member = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), ARGV[4]
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', hits, '-inf', now)
local count = redis.call('ZCARD', hits)
local function untilOldest()
  local oldest = redis.call('ZRANGE', hits, 0, 0, 'WITHSCORES')
  if oldest[2] then return tonumber(oldest[2]) - now end
  return ttl
end
local function hit()
  redis.call('ZADD', hits, now + ttl, member)
  redis.call('PEXPIRE', hits, ttl)
  count = count + 1
end
if block <= 0 then
  if count >= limit then
    local wait = untilOldest()
    return {count + 1, wait, 1, wait}
  end
  hit()
  return {count, untilOldest(), 0, 0}
end
local blocked = redis.call('PTTL', blockKey)
if blocked > 0 then return {count, untilOldest(), 1, blocked} end
if count > limit then
  redis.call('DEL', hits)
  count = 0
end
hit()
if count > limit then
  redis.call('SET', blockKey, '1', 'PX', block)
  return {count, untilOldest(), 1, block}
end
return {count, untilOldest(), 0, 0}
`;

type IncrementResult = [number, number, number, number];
type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/**
 * The throttler's storage in Redis, so every instance counts the same hits (keys
 * `<prefix>:throttle:{<key>:<throttler>}:hits|block`). Redis being away must not turn requests into
 * errors: each instance then counts in its own memory (the limit holds per instance, so up to N times
 * the limit across N instances) and logs it once; back on Redis it counts there again, from where
 * Redis left off.
 */
export class RedisThrottlerStorage implements ThrottlerStorage {
  private readonly logger = new Logger('RedisThrottlerStorage');
  private readonly local = new ThrottlerStorageService();
  private readonly member = randomUUID();
  private seq = 0;
  private failing = false;

  constructor(private readonly redis: SharedRedis) {
    redis.commands.defineCommand('xqThrottle', { numberOfKeys: 2, lua: INCREMENT });
  }

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    // One hash tag for both keys, so a Redis Cluster keeps them in one slot for the script.
    const base = this.redis.key('throttle', `{${key}:${throttlerName}}`);
    let result: IncrementResult;
    try {
      result = await (this.redis.commands as unknown as Scripted).xqThrottle(
        `${base}:hits`,
        `${base}:block`,
        ttl,
        limit,
        blockDuration,
        `${this.member}:${++this.seq}`,
      );
    } catch (e) {
      if (!this.failing) this.logger.error(`rate limits counted in this instance only: Redis failed (${(e as Error).message})`);
      this.failing = true;
      return this.local.increment(key, ttl, limit, blockDuration, throttlerName);
    }
    if (this.failing) this.logger.log('rate limits counted in Redis again');
    this.failing = false;
    const [totalHits, msToExpire, blocked, msToBlockExpire] = result;
    return { totalHits, timeToExpire: Math.ceil(msToExpire / 1000), isBlocked: blocked === 1, timeToBlockExpire: Math.ceil(msToBlockExpire / 1000) };
  }

  onApplicationShutdown(): void {
    this.local.onApplicationShutdown();
  }
}

interface Scripted {
  xqThrottle(hits: string, block: string, ttl: number, limit: number, blockDuration: number, member: string): Promise<IncrementResult>;
}
