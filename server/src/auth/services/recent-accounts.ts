import type { CacheService } from '../../common/cache/cache.service';

/** Accounts kept at most per kind; the ones read longest ago go first (they also expire first). */
const MAX_KEPT = 20_000;

/**
 * What this instance last read of each account of one kind, kept `ttlMs` so that a token check does
 * not read the account on every request. A change announced through the CacheService under `kind`
 * (`cache.announce(kind, id)`) drops the entry at once on this instance and, over the cache bus, on
 * the others; a change nobody announced, or one missed while the bus is down (then nothing kept is
 * used), is seen once the entry expires.
 */
export class RecentAccounts<T> {
  private readonly entries = new Map<number, { account: T; until: number }>();
  /**
   * Counts changes: a read that was under way when an account changed may have fetched the row as it
   * was before, so it is returned but not kept.
   */
  private changes = 0;

  constructor(
    kind: string,
    private readonly ttlMs: number,
    private readonly cache: CacheService,
    private readonly load: (id: number) => Promise<T | null>,
  ) {
    cache.watch(kind, (key) => this.forget(key === null ? null : Number(key)));
  }

  /** The account as read within the last `ttlMs`, if it was and no change could have gone unheard since. */
  recent(id: number): T | undefined {
    const entry = this.entries.get(id);
    if (entry && entry.until > Date.now() && this.cache.hearsEveryChange) return entry.account;
    if (entry) this.entries.delete(id);
    return undefined;
  }

  /** Reads the account from the database and keeps it. */
  async read(id: number): Promise<T | null> {
    const changesBefore = this.changes;
    const account = await this.load(id);
    if (account && this.ttlMs > 0 && changesBefore === this.changes) this.keep(id, account);
    return account;
  }

  /** The account from memory when kept, else from the database. */
  async get(id: number): Promise<T | null> {
    return this.recent(id) ?? this.read(id);
  }

  private keep(id: number, account: T): void {
    // Re-inserted at the end, so the map stays in expiry order and the oldest entry is the first.
    this.entries.delete(id);
    this.entries.set(id, { account, until: Date.now() + this.ttlMs });
    if (this.entries.size > MAX_KEPT) this.entries.delete(this.entries.keys().next().value as number);
  }

  private forget(id: number | null): void {
    this.changes += 1;
    if (id === null) this.entries.clear();
    else this.entries.delete(id);
  }
}
