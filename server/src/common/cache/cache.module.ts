import { DynamicModule, Global, Module } from '@nestjs/common';
import type { AppConfig } from '../config/env';
import { SharedRedis } from '../redis/shared-redis';
import { CACHE_BUS, CacheService } from './cache.service';
import { RedisCacheBus } from './redis-cache-bus';

/** One cache per process, shared by the modules that cache their own public reads. */
@Global()
@Module({})
export class CacheModule {
  /** With REDIS_URL (RedisModule provides SharedRedis) the instances tell each other of their writes; without it the cache stays in-process. */
  static forRoot(config: Pick<AppConfig, 'REDIS_URL'>): DynamicModule {
    const bus = config.REDIS_URL ? [{ provide: CACHE_BUS, useFactory: (redis: SharedRedis) => new RedisCacheBus(redis), inject: [SharedRedis] }] : [];
    return { module: CacheModule, providers: [...bus, CacheService], exports: [CacheService] };
  }
}
