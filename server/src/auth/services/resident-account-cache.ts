import { Inject, Injectable } from '@nestjs/common';
import { CacheService } from '../../common/cache/cache.service';
import { APP_CONFIG, type AppConfig } from '../../common/config/env';
import { RESIDENT_ACCOUNT, ResidentsService, type ResidentAccount } from '../../residents/residents.service';
import { RecentAccounts } from './recent-accounts';

/**
 * What this instance last read of each resident's account (that it exists, and its region), kept
 * `RESIDENT_AUTH_CACHE_SECONDS` so that a resident's request reads neither on every call. A deletion
 * or a region change saved through ResidentsService drops the entry at once on this instance and,
 * with REDIS_URL, on the others.
 */
@Injectable()
export class ResidentAccountCache extends RecentAccounts<ResidentAccount> {
  constructor(@Inject(APP_CONFIG) config: AppConfig, residents: ResidentsService, cache: CacheService) {
    super(RESIDENT_ACCOUNT, config.RESIDENT_AUTH_CACHE_SECONDS * 1000, cache, (id) => residents.account(id));
  }
}
