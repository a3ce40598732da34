import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import Redis, { type RedisOptions } from 'ioredis';

/** A command that gets no answer in this time fails, so a hung Redis slows a request by this much at most. */
const COMMAND_TIMEOUT_MS = 1_000;

export interface SubscriptionListener {
  /** Called on every (re)subscription: what was published while not listening is lost. */
  subscribed(): void;
  message(channel: string, raw: string): void;
}

/**
 * Channels of one feature on a connection of its own, subscribed by hand on every (re)connect so
 * `live` turns true only once Redis has confirmed the subscription.
 */
export class RedisSubscription {
  private subscribed = false;

  constructor(
    readonly client: Redis,
    private readonly channels: string[],
    private readonly listener: SubscriptionListener,
    private readonly failed: (e: Error) => void,
  ) {
    client.on('ready', () => void this.listen());
    client.on('close', () => (this.subscribed = false));
    client.on('message', (channel: string, raw: string) => {
      if (this.channels.includes(channel)) listener.message(channel, raw);
    });
  }

  get live(): boolean {
    return this.subscribed;
  }

  private async listen(): Promise<void> {
    try {
      await this.client.subscribe(...this.channels);
    } catch (e) {
      this.failed(e as Error);
      return;
    }
    this.listener.subscribed();
    this.subscribed = true;
  }
}

/**
 * The Redis of a deployment running several instances (REDIS_URL): one command connection shared by
 * every feature (rate limits, publishes), plus one connection per subscribing feature (a subscribed
 * connection can run no other command). Every connection fails a command at once while Redis is
 * away instead of queueing it, so each feature decides what to do without Redis; each outage is
 * logged once per connection, with what the feature does meanwhile.
 */
export class SharedRedis implements OnApplicationShutdown {
  private readonly logger = new Logger('Redis');
  private readonly clients: Redis[] = [];
  readonly commands: Redis;

  constructor(
    private readonly url: string,
    readonly prefix: string,
  ) {
    [this.commands] = this.connect('commands', 'rate limits are counted per instance, and live notices and cache invalidations stay on this instance', {
      enableOfflineQueue: false,
      commandTimeout: COMMAND_TIMEOUT_MS,
    });
  }

  /** A key or channel name of this deployment: `<prefix>:<parts…>`. */
  key(...parts: (string | number)[]): string {
    return [this.prefix, ...parts].join(':');
  }

  /** Listens on `channels` over a connection of their own; `meanwhile` says what the feature does while Redis is away. */
  subscribe(channels: string[], listener: SubscriptionListener, meanwhile: string): RedisSubscription {
    const [client, failed] = this.connect(`subscriber ${channels.join(',')}`, meanwhile, { autoResubscribe: false });
    return new RedisSubscription(client, channels, listener, failed);
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled(this.clients.map((c) => (c.status === 'ready' ? c.quit() : Promise.resolve(c.disconnect()))));
  }

  /** A connection that logs the first error of each outage only (the client retries every few seconds); returns it and that logger. */
  private connect(name: string, meanwhile: string, options: RedisOptions): [Redis, (e: Error) => void] {
    const client = new Redis(this.url, options);
    let failing = false;
    const failed = (e: Error) => {
      if (failing) return;
      failing = true;
      this.logger.error(`Redis (${name}) unavailable (${e.message}); ${meanwhile} until it is back`);
    };
    client.on('error', failed);
    client.on('ready', () => {
      if (failing) this.logger.log(`Redis (${name}) is back`);
      failing = false;
    });
    this.clients.push(client);
    return [client, failed];
  }
}
