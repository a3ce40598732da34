import { randomUUID } from 'crypto';
import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import type { CacheBus, CacheBusListener } from './cache.service';

interface Invalidation {
  /** The instance that wrote, which ignores its own message (it bumped its cache already). */
  from: string;
  namespace: string;
}

/**
 * Cache invalidations between instances over Redis pub/sub: one connection publishes, one listens
 * on `<prefix>:cache:invalidate` (the prefix keeps deployments sharing a Redis apart). Redis being
 * down never fails a write: a publish that cannot be sent is dropped (the instances that miss it
 * resync when they reconnect), and the instance's own cache was bumped before publishing.
 */
export class RedisCacheBus implements CacheBus, OnApplicationShutdown {
  private readonly logger = new Logger('RedisCacheBus');
  private readonly id = randomUUID();
  private readonly channel: string;
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private listener?: CacheBusListener;
  private subscribed = false;
  /** Logs the first error of an outage only; the client retries every few seconds. */
  private failing = false;

  constructor(url: string, prefix: string) {
    this.channel = `${prefix}:cache:invalidate`;
    // A publish while disconnected fails at once instead of queueing: a late invalidation is useless after the resync.
    this.publisher = new Redis(url, { enableOfflineQueue: false });
    // Subscribed by hand on every (re)connect, so `live` turns true only once Redis confirms the subscription.
    this.subscriber = new Redis(url, { autoResubscribe: false });
    for (const client of [this.publisher, this.subscriber]) {
      client.on('error', (e: Error) => this.failed(e));
      client.on('ready', () => (this.failing = false));
    }
    this.subscriber.on('ready', () => void this.listen());
    this.subscriber.on('close', () => (this.subscribed = false));
    this.subscriber.on('message', (channel: string, raw: string) => this.receive(channel, raw));
  }

  get live(): boolean {
    return this.subscribed;
  }

  publish(namespace: string): void {
    const message: Invalidation = { from: this.id, namespace };
    this.publisher.publish(this.channel, JSON.stringify(message)).catch((e: Error) => this.failed(e));
  }

  subscribe(listener: CacheBusListener): void {
    this.listener = listener;
  }

  async onApplicationShutdown(): Promise<void> {
    this.subscribed = false;
    await Promise.allSettled([this.publisher, this.subscriber].map((c) => (c.status === 'ready' ? c.quit() : c.disconnect())));
  }

  private async listen(): Promise<void> {
    try {
      await this.subscriber.subscribe(this.channel);
    } catch (e) {
      this.failed(e as Error);
      return;
    }
    // Whatever was published while this instance was not listening is lost: start from nothing.
    this.listener?.resync();
    this.subscribed = true;
  }

  private receive(channel: string, raw: string): void {
    if (channel !== this.channel) return;
    let message: Invalidation;
    try {
      message = JSON.parse(raw) as Invalidation;
    } catch {
      this.logger.warn(`ignored a malformed cache invalidation on ${channel}`);
      return;
    }
    if (message.from !== this.id && typeof message.namespace === 'string') this.listener?.changed(message.namespace);
  }

  private failed(e: Error): void {
    if (this.failing) return;
    this.failing = true;
    this.logger.error(`Redis cache bus unavailable (${e.message}); public reads are loaded afresh until it is back`);
  }
}
