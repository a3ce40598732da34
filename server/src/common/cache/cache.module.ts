import { Global, Module } from '@nestjs/common';
import { CacheService } from './cache.service';

/** One cache per process, shared by the modules that cache their own public reads. */
@Global()
@Module({ providers: [CacheService], exports: [CacheService] })
export class CacheModule {}
