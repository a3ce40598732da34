import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../common/config/env';
import { StaffService, type StaffAccount } from '../../staff/staff.service';

/**
 * What this instance last read of each staff account, kept `STAFF_AUTH_CACHE_SECONDS` so that a staff
 * request does not read its account on every call. A change saved through this instance's StaffService
 * drops the entry at once; a change saved by another instance is seen once the entry expires. Entries
 * are keyed by account id, so there are never more than there are staff accounts.
 */
@Injectable()
export class StaffAccountCache {
  private readonly entries = new Map<number, { account: StaffAccount; until: number }>();
  /**
   * Counts changes: a read that was under way when an account changed may have fetched the row as it
   * was before, so it is returned but not kept.
   */
  private changes = 0;
  private readonly ttlMs: number;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly staff: StaffService,
  ) {
    this.ttlMs = config.STAFF_AUTH_CACHE_SECONDS * 1000;
    staff.onAccountChanged((id) => this.forget(id));
  }

  /** The account as read within the last `STAFF_AUTH_CACHE_SECONDS`, if it was. */
  recent(id: number): StaffAccount | undefined {
    const entry = this.entries.get(id);
    if (entry && entry.until > Date.now()) return entry.account;
    if (entry) this.entries.delete(id);
    return undefined;
  }

  /** Reads the account from the database and keeps it. */
  async read(id: number): Promise<StaffAccount | null> {
    const changesBefore = this.changes;
    const account = await this.staff.account(id);
    if (account && this.ttlMs > 0 && changesBefore === this.changes) this.entries.set(id, { account, until: Date.now() + this.ttlMs });
    return account;
  }

  private forget(id: number): void {
    this.changes += 1;
    this.entries.delete(id);
  }
}
