import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { CacheService } from '../common/cache/cache.service';
import { Article } from './article.entity';

/** How often this instance writes the views it has counted. */
export const VIEW_FLUSH_MS = 10_000;

export const ARTICLES_CACHE = 'articles';

/**
 * Article view counts without a write per view: each instance adds views up in memory and writes
 * them as one increment per article every VIEW_FLUSH_MS (and when it shuts down). The buffer lives
 * in each instance, so each flushes its own on a timer rather than through the shared job queue,
 * whose recurring runs go to one instance at a time. Counts shown are those of the last flush.
 */
@Injectable()
export class ArticleViews implements OnModuleInit, OnModuleDestroy {
  private pending = new Map<number, number>();
  private timer?: NodeJS.Timeout;

  constructor(
    @InjectRepository(Article) private readonly repo: Repository<Article>,
    private readonly cache: CacheService,
  ) {}

  onModuleInit(): void {
    this.timer = setInterval(() => void this.flush().catch(() => undefined), VIEW_FLUSH_MS).unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }

  count(id: number): void {
    this.pending.set(id, (this.pending.get(id) ?? 0) + 1);
  }

  /** Writes the views counted so far; views that fail to write are kept for the next flush. */
  async flush(): Promise<void> {
    if (!this.pending.size) return;
    const batch = this.pending;
    this.pending = new Map();
    try {
      for (const [id, n] of batch) {
        await this.repo.increment({ id }, 'viewCount', n);
        batch.delete(id);
      }
    } finally {
      for (const [id, n] of batch) this.pending.set(id, (this.pending.get(id) ?? 0) + n);
      this.cache.invalidate(ARTICLES_CACHE);
    }
  }
}
