import { Logger } from '@nestjs/common';
import { ThrottlerStorageService, type ThrottlerStorage } from '@nestjs/throttler';
import { describeWithRedis, eventually, REDIS_URL, uniquePrefix } from '../../../test/support/redis';
import { RedisThrottlerStorage } from './redis-throttler-storage';
import { SharedRedis } from './shared-redis';

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

/** The storage in Redis against @nestjs/throttler's own in-memory one, fed the same hits: they must agree. */
describeWithRedis('RedisThrottlerStorage', () => {
  let redis: SharedRedis;
  let storage: RedisThrottlerStorage;
  let memory: ThrottlerStorageService;

  beforeAll(async () => {
    Logger.overrideLogger(false);
    redis = new SharedRedis(REDIS_URL, uniquePrefix());
    expect(
      await eventually(
        async () => redis.commands.status,
        (s) => s === 'ready',
      ),
    ).toBe('ready');
    storage = new RedisThrottlerStorage(redis);
  });
  beforeEach(() => (memory = new ThrottlerStorageService()));
  afterEach(() => memory.onApplicationShutdown());
  afterAll(async () => {
    storage.onApplicationShutdown();
    await redis.onApplicationShutdown();
    Logger.overrideLogger(['log', 'error', 'warn']);
  });

  /** One hit on both; returns what Redis said, after checking memory said the same. */
  async function both(...args: Parameters<ThrottlerStorage['increment']>) {
    const [fromRedis, fromMemory] = await Promise.all([storage.increment(...args), memory.increment(...args)]);
    expect({ totalHits: fromRedis.totalHits, isBlocked: fromRedis.isBlocked }).toEqual({ totalHits: fromMemory.totalHits, isBlocked: fromMemory.isBlocked });
    return fromRedis;
  }

  it('blocks past the limit for the block duration, then counts afresh', async () => {
    const hits = [];
    for (let i = 0; i < 4; i++) hits.push(await both('k1', 60_000, 3, 400, 'default'));
    expect(hits.map((h) => h.isBlocked)).toEqual([false, false, false, true]);
    expect(hits[3].timeToBlockExpire).toBe(1);
    expect((await both('k1', 60_000, 3, 400, 'default')).isBlocked).toBe(true);
    await sleep(450);
    expect(await both('k1', 60_000, 3, 400, 'default')).toMatchObject({ totalHits: 1, isBlocked: false });
  });

  it('without a block duration, lets each hit drop out of the count when its window has passed (a sliding window)', async () => {
    expect((await both('k2', 1000, 2, 0, 'submit')).isBlocked).toBe(false);
    await sleep(500);
    expect((await both('k2', 1000, 2, 0, 'submit')).isBlocked).toBe(false);
    expect(await both('k2', 1000, 2, 0, 'submit')).toMatchObject({ totalHits: 3, isBlocked: true });
    // The first hit has left the window (1 s after it), the second not yet.
    await sleep(600);
    expect(await both('k2', 1000, 2, 0, 'submit')).toMatchObject({ totalHits: 2, isBlocked: false });
    expect((await both('k2', 1000, 2, 0, 'submit')).isBlocked).toBe(true);
  });

  it('keeps throttlers and keys apart', async () => {
    await both('k3', 60_000, 1, 0, 'a');
    expect((await both('k3', 60_000, 1, 0, 'b')).isBlocked).toBe(false);
    expect((await both('k4', 60_000, 1, 0, 'a')).isBlocked).toBe(false);
    expect((await both('k3', 60_000, 1, 0, 'a')).isBlocked).toBe(true);
  });
});
