import { createHash } from 'crypto';
import { Inject, Injectable, Optional } from '@nestjs/common';

/** What a bus tells the cache of this instance. */
export interface CacheBusListener {
  /** Another instance changed `namespace`. */
  changed(namespace: string): void;
  /** The bus is listening again after a gap in which messages may have been missed: nothing cached before may answer. */
  resync(): void;
}

/**
 * Carries invalidations between server instances. Without one (a single instance) a bump stays
 * local; with REDIS_URL set, `RedisCacheBus` is registered under CACHE_BUS.
 */
export interface CacheBus {
  /** Tells the other instances that `namespace` changed; never throws, and never waits for them. */
  publish(namespace: string): void;
  subscribe(listener: CacheBusListener): void;
  /** False while another instance's invalidation could be missed (not yet, or no longer, subscribed). */
  readonly live: boolean;
}

export const CACHE_BUS = Symbol('CACHE_BUS');

/** An answer as it is sent: the value, its JSON bytes and their entity tag, computed once per load. */
export class CachedBody<T = unknown> {
  readonly json: Buffer;
  readonly etag: string;

  constructor(readonly value: T) {
    this.json = Buffer.from(JSON.stringify(value));
    this.etag = `"${createHash('sha1').update(this.json).digest('base64url')}"`;
  }
}

interface Entry {
  stamp: string;
  expiresAt: number;
  body: CachedBody;
}

export interface CacheOptions {
  /** Also expire after this long, for answers that depend on the clock as well as on writes. */
  ttlMs?: number;
}

/** Told that the record `key` of a watched kind changed, or, with null, that any of them may have. */
export type ChangeWatcher = (key: string | null) => void;

/** Separates a watched kind from the record's key in a bus message (a namespace never contains it). */
const KEY_SEPARATOR = '#';

/** Entries kept at most; the least recently stored go first. */
const MAX_ENTRIES = 2000;

/**
 * In-process cache of shared read answers. An entry is stored under its namespaces' versions at the
 * time its load began; a write bumps its namespace's version, so every entry loaded before the write
 * is stale at once (no key lists to maintain, and a load racing a write is never kept as fresh).
 * Concurrent misses for one key share a single load.
 */
@Injectable()
export class CacheService {
  private readonly versions = new Map<string, number>();
  private readonly entries = new Map<string, Entry>();
  private readonly loading = new Map<string, Promise<CachedBody>>();
  private readonly watchers = new Map<string, ChangeWatcher[]>();
  /** Bumped by `clear`, so that a load begun before it is not kept either. */
  private epoch = 0;

  constructor(@Optional() @Inject(CACHE_BUS) private readonly bus?: CacheBus) {
    bus?.subscribe({ changed: (message) => this.received(message), resync: () => this.clear() });
  }

  /**
   * False while a change made on another instance could go unheard (the bus is down): memory kept
   * from before may be stale, so whoever keeps records of their own reads them afresh meanwhile.
   */
  get hearsEveryChange(): boolean {
    return !this.bus || this.bus.live;
  }

  /**
   * For a cache of single records kept elsewhere (e.g. the accounts a token check reads): `watcher`
   * hears each `announce(kind, key)` made on this instance or, over the bus, on another one, and
   * null after `clear` or a gap in the bus.
   */
  watch(kind: string, watcher: ChangeWatcher): void {
    this.watchers.set(kind, [...(this.watchers.get(kind) ?? []), watcher]);
  }

  /** Tells the watchers of `kind` here and on the other instances that its record `key` changed; call after the write has committed. */
  announce(kind: string, key: string | number): void {
    this.tell(kind, String(key));
    this.bus?.publish(`${kind}${KEY_SEPARATOR}${key}`);
  }

  /**
   * The cached answer for `key` under `namespaces` (the first one owns the key; the others are what
   * the answer also depends on), loading it on a miss. While the bus is down every answer is loaded
   * afresh, since a write on another instance would go unnoticed.
   */
  async get<T>(namespaces: readonly string[], key: string, load: () => Promise<T>, options: CacheOptions = {}): Promise<CachedBody<T>> {
    if (this.bus && !this.bus.live) return new CachedBody(await load());
    const id = `${namespaces[0]}\u0000${key}`;
    const stamp = `${this.epoch}:${namespaces.map((n) => this.versions.get(n) ?? 0).join('.')}`;
    const hit = this.entries.get(id);
    if (hit && hit.stamp === stamp && hit.expiresAt > Date.now()) return hit.body as CachedBody<T>;
    const flight = `${id}\u0000${stamp}`;
    let pending = this.loading.get(flight);
    if (!pending) {
      pending = load().then((value) => {
        const body = new CachedBody(value);
        this.store(id, { stamp, expiresAt: options.ttlMs ? Date.now() + options.ttlMs : Infinity, body });
        return body;
      });
      this.loading.set(flight, pending);
      void pending.then(
        () => this.loading.delete(flight),
        () => this.loading.delete(flight),
      );
    }
    return pending as Promise<CachedBody<T>>;
  }

  /** Makes every entry of the namespaces stale here and on the other instances; call after the write has committed. */
  invalidate(...namespaces: string[]): void {
    for (const namespace of namespaces) {
      this.bump(namespace);
      this.bus?.publish(namespace);
    }
  }

  /** Forgets everything (after a gap in the bus, and in tests that rewrite the database underneath the services). */
  clear(): void {
    this.epoch++;
    this.entries.clear();
    for (const kind of this.watchers.keys()) this.tell(kind, null);
  }

  private received(message: string): void {
    const at = message.indexOf(KEY_SEPARATOR);
    if (at < 0) this.bump(message);
    else this.tell(message.slice(0, at), message.slice(at + 1));
  }

  private tell(kind: string, key: string | null): void {
    for (const watcher of this.watchers.get(kind) ?? []) watcher(key);
  }

  private bump(namespace: string): void {
    this.versions.set(namespace, (this.versions.get(namespace) ?? 0) + 1);
  }

  private store(id: string, entry: Entry): void {
    this.entries.delete(id);
    this.entries.set(id, entry);
    if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
  }
}
