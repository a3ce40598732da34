import { randomUUID } from 'crypto';
import { Logger } from '@nestjs/common';
import type { RedisSubscription, SharedRedis } from '../redis/shared-redis';
import type { CacheBus, CacheBusListener } from './cache.service';

interface Invalidation {
  /** The instance that wrote, which ignores its own message (it bumped its cache already). */
  from: string;
  namespace: string;
}

/**
 * Cache invalidations between instances over Redis pub/sub on `<prefix>:cache:invalidate` (the
 * prefix keeps deployments sharing a Redis apart). Redis being down never fails a write: a publish
 * that cannot be sent is dropped (the instances that miss it resync when they reconnect), and the
 * instance's own cache was bumped before publishing.
 */
export class RedisCacheBus implements CacheBus {
  private readonly logger = new Logger('RedisCacheBus');
  private readonly id = randomUUID();
  private readonly channel: string;
  private readonly subscription: RedisSubscription;
  private listener?: CacheBusListener;

  constructor(private readonly redis: SharedRedis) {
    this.channel = redis.key('cache', 'invalidate');
    this.subscription = redis.subscribe(
      [this.channel],
      // Whatever was published while this instance was not listening is lost: start from nothing.
      { subscribed: () => this.listener?.resync(), message: (channel, raw) => this.receive(channel, raw) },
      'public reads are loaded afresh',
    );
  }

  get live(): boolean {
    return this.subscription.live;
  }

  publish(namespace: string): void {
    const message: Invalidation = { from: this.id, namespace };
    // A publish while disconnected fails at once (the shared connection does not queue): a late invalidation is useless after the resync.
    this.redis.commands.publish(this.channel, JSON.stringify(message)).catch(() => undefined);
  }

  subscribe(listener: CacheBusListener): void {
    this.listener = listener;
  }

  private receive(channel: string, raw: string): void {
    let message: Invalidation;
    try {
      message = JSON.parse(raw) as Invalidation;
    } catch {
      this.logger.warn(`ignored a malformed cache invalidation on ${channel}`);
      return;
    }
    if (message.from !== this.id && typeof message.namespace === 'string') this.listener?.changed(message.namespace);
  }
}
