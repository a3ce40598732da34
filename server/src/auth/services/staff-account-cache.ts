import { Inject, Injectable } from '@nestjs/common';
import { CacheService } from '../../common/cache/cache.service';
import { APP_CONFIG, type AppConfig } from '../../common/config/env';
import { StaffService, type StaffAccount } from '../../staff/staff.service';
import { RecentAccounts } from './recent-accounts';

/** The kind of record under which staff account changes go over the cache bus. */
const STAFF_ACCOUNT = 'staff-account';

/**
 * What this instance last read of each staff account, kept `STAFF_AUTH_CACHE_SECONDS`. A change saved
 * through StaffService drops the entry at once on this instance and, with REDIS_URL, on the others;
 * a change written to the database by other means is seen once the entry expires. Entries are keyed
 * by account id, so there are never more than there are staff accounts.
 */
@Injectable()
export class StaffAccountCache extends RecentAccounts<StaffAccount> {
  constructor(@Inject(APP_CONFIG) config: AppConfig, staff: StaffService, cache: CacheService) {
    super(STAFF_ACCOUNT, config.STAFF_AUTH_CACHE_SECONDS * 1000, cache, (id) => staff.account(id));
    staff.onAccountChanged((id) => cache.announce(STAFF_ACCOUNT, id));
  }
}
