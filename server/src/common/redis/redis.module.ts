import { DynamicModule, Global, Module } from '@nestjs/common';
import type { AppConfig } from '../config/env';
import { SharedRedis } from './shared-redis';

/**
 * With REDIS_URL, one SharedRedis per process for the features instances share (cache
 * invalidations, rate limits, live notices); without it no provider, and each feature (which injects
 * it as optional) stays in-process.
 */
@Global()
@Module({})
export class RedisModule {
  static forRoot(config: Pick<AppConfig, 'REDIS_URL' | 'REDIS_PREFIX'>): DynamicModule {
    const url = config.REDIS_URL;
    const providers = url ? [{ provide: SharedRedis, useFactory: () => new SharedRedis(url, config.REDIS_PREFIX) }] : [];
    return { module: RedisModule, providers, exports: providers.map((p) => p.provide) };
  }
}
