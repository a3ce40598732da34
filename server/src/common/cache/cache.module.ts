import { DynamicModule, Global, Module } from '@nestjs/common';
import type { AppConfig } from '../config/env';
import { CACHE_BUS, CacheService } from './cache.service';
import { RedisCacheBus } from './redis-cache-bus';

/** One cache per process, shared by the modules that cache their own public reads. */
@Global()
@Module({})
export class CacheModule {
  /** With REDIS_URL the instances tell each other of their writes; without it the cache stays in-process. */
  static forRoot(config: Pick<AppConfig, 'REDIS_URL' | 'REDIS_PREFIX'>): DynamicModule {
    const bus = config.REDIS_URL ? [{ provide: CACHE_BUS, useFactory: () => new RedisCacheBus(config.REDIS_URL!, config.REDIS_PREFIX) }] : [];
    return { module: CacheModule, providers: [...bus, CacheService], exports: [CacheService] };
  }
}
