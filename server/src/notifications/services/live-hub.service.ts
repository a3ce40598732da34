import { randomUUID } from 'crypto';
import { Injectable, Logger, OnModuleDestroy, Optional } from '@nestjs/common';
import { hasPermission, isWithin, type LiveNotice } from '@xinqiao/shared';
import type { ServerResponse } from 'http';
import type { StaffPrincipal } from '../../common/access/principal';
import { SharedRedis, type RedisSubscription } from '../../common/redis/shared-redis';

/** A comment line every so often keeps proxies and the browser from closing an idle stream. */
export const LIVE_KEEPALIVE_MS = 25_000;
/** How long a sender waits for the other instances to say how many of their consoles a notice reached. */
export const LIVE_ACK_WAIT_MS = 1_000;

/** Who a notice is for: one staff member's consoles, or those of alert staff covering a region. */
type LiveAudience = { staffId: number } | { regionPath: string };

/** A notice published to the other instances; each answers on the sender's ack channel. */
interface Broadcast {
  id: string;
  from: string;
  audience: LiveAudience;
  notice: LiveNotice;
}

interface Ack {
  id: string;
  reached: number;
}

/** The answers to one broadcast: settles once `expected` instances answered, or after LIVE_ACK_WAIT_MS. */
class AckTally {
  reached = 0;
  private answered = 0;
  private expected = Infinity;
  private readonly done: Promise<number>;
  private settle!: () => void;
  private readonly timer: NodeJS.Timeout;

  constructor() {
    this.done = new Promise((ok) => (this.settle = () => ok(this.reached)));
    this.timer = setTimeout(() => this.finish(), LIVE_ACK_WAIT_MS);
  }

  answer(reached: number): void {
    this.reached += reached;
    this.answered++;
    if (this.answered >= this.expected) this.finish();
  }

  /** The number of instances that got the broadcast (acks may have come in already). */
  expect(instances: number): Promise<number> {
    this.expected = instances;
    if (this.answered >= instances) this.finish();
    return this.done;
  }

  finish(): void {
    clearTimeout(this.timer);
    this.settle();
  }
}

interface LiveStream {
  staff: StaffPrincipal;
  res: ServerResponse;
  keepalive: NodeJS.Timeout;
  expiry: NodeJS.Timeout;
}

/**
 * The admin consoles, by staff member: each signed-in console holds one event stream
 * (text/event-stream) on the instance it connected to and gets every live notice meant for its staff
 * member. A notice goes to this instance's streams and, with REDIS_URL, is published on
 * `<prefix>:live:notice` to the other instances, which push it to theirs and answer how many they
 * reached on the sender's `<prefix>:live:ack:<instance>`. The count a send returns is what was
 * confirmed: streams here plus the answers that came within LIVE_ACK_WAIT_MS (PUBLISH says how many
 * instances to wait for). So "delivered" is never claimed for a console nobody confirmed; a late or
 * lost answer only under-counts. Redis away: the notice still reaches this instance's consoles, and
 * the sender never fails.
 */
@Injectable()
export class LiveHub implements OnModuleDestroy {
  private readonly logger = new Logger('LiveHub');
  private readonly streams = new Set<LiveStream>();
  private readonly id = randomUUID();
  private readonly tallies = new Map<string, AckTally>();
  private readonly bus?: { redis: SharedRedis; notices: string; subscription: RedisSubscription };

  constructor(@Optional() redis?: SharedRedis) {
    if (!redis) return;
    const notices = redis.key('live', 'notice');
    const acks = this.ackChannel(redis, this.id);
    const subscription = redis.subscribe(
      [notices, acks],
      // Nothing to catch up on: a notice missed while away is no live notice any more.
      { subscribed: () => undefined, message: (channel, raw) => (channel === acks ? this.acked(raw) : void this.received(raw)) },
      'live notices reach the consoles on the sending instance only',
    );
    this.bus = { redis, notices, subscription };
  }

  /**
   * Starts an event stream on `res` (already hijacked from the framework). It ends when the client
   * goes away, and after `maxAgeMs` (the access token's lifetime), so a disabled account or a revoked
   * session does not keep listening: the client reconnects with a fresh token.
   */
  open(staff: StaffPrincipal, res: ServerResponse, maxAgeMs: number): void {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      // nginx would otherwise buffer the stream.
      'x-accel-buffering': 'no',
      'x-content-type-options': 'nosniff',
    });
    res.socket?.setNoDelay(true);
    res.socket?.setTimeout(0);
    res.write(`retry: 5000\n: connected\n\n`);
    const stream: LiveStream = {
      staff,
      res,
      keepalive: setInterval(() => res.write(': keepalive\n\n'), LIVE_KEEPALIVE_MS),
      expiry: setTimeout(() => res.end(), maxAgeMs),
    };
    this.streams.add(stream);
    const close = () => {
      clearInterval(stream.keepalive);
      clearTimeout(stream.expiry);
      this.streams.delete(stream);
    };
    res.on('close', close);
    res.on('error', close);
  }

  /** Sends to every stream of this staff member, on every instance; resolves to how many were confirmed to get it. */
  toStaff(staffId: number, notice: LiveNotice): Promise<number> {
    return this.deliver({ staffId }, notice);
  }

  /**
   * Sends to every stream of a staff member who works on alerts (handles or oversees them) in a
   * region covering `regionPath`, on every instance; resolves to how many were confirmed to get it.
   */
  toRegion(regionPath: string, notice: LiveNotice): Promise<number> {
    return this.deliver({ regionPath }, notice);
  }

  onModuleDestroy(): void {
    for (const s of [...this.streams]) s.res.end();
    for (const tally of this.tallies.values()) tally.finish();
  }

  private async deliver(audience: LiveAudience, notice: LiveNotice): Promise<number> {
    const here = this.push(audience, notice);
    if (!this.bus) return here;
    const broadcast: Broadcast = { id: randomUUID(), from: this.id, audience, notice };
    // Without our own subscription no answer can come back: publish for the others' consoles, count ours only.
    const tally = this.bus.subscription.live ? new AckTally() : undefined;
    if (tally) this.tallies.set(broadcast.id, tally);
    try {
      const instances = await this.bus.redis.commands.publish(this.bus.notices, JSON.stringify(broadcast));
      // PUBLISH counts every subscribed instance, this one included (it ignores its own broadcast).
      return here + (tally ? await tally.expect(instances - 1) : 0);
    } catch {
      tally?.finish();
      return here;
    } finally {
      this.tallies.delete(broadcast.id);
    }
  }

  /** A broadcast from another instance: push it to the streams here and say how many got it. */
  private async received(raw: string): Promise<void> {
    const broadcast = parse<Broadcast>(raw);
    if (!broadcast || broadcast.from === this.id || !broadcast.notice || !broadcast.audience) return;
    const ack: Ack = { id: broadcast.id, reached: this.push(broadcast.audience, broadcast.notice) };
    await this.bus!.redis.commands.publish(this.ackChannel(this.bus!.redis, broadcast.from), JSON.stringify(ack)).catch(() => undefined);
  }

  private acked(raw: string): void {
    const ack = parse<Ack>(raw);
    if (ack && typeof ack.reached === 'number') this.tallies.get(ack.id)?.answer(ack.reached);
  }

  private ackChannel(redis: SharedRedis, instance: string): string {
    return redis.key('live', 'ack', instance);
  }

  private push(audience: LiveAudience, notice: LiveNotice): number {
    const match =
      'staffId' in audience
        ? (s: LiveStream) => s.staff.id === audience.staffId
        : (s: LiveStream) =>
            isWithin(audience.regionPath, s.staff.regionPath) &&
            (hasPermission(s.staff.role, 'alerts.handle') || hasPermission(s.staff.role, 'alerts.oversee'));
    const frame = `id: ${notice.deliveryId}\nevent: notice\ndata: ${JSON.stringify(notice)}\n\n`;
    let reached = 0;
    for (const s of this.streams) {
      if (!match(s) || s.res.writableEnded || s.res.destroyed) continue;
      try {
        s.res.write(frame);
        reached++;
      } catch (e) {
        this.logger.warn({ err: (e as Error).message }, 'live stream write failed');
      }
    }
    return reached;
  }
}

function parse<T>(raw: string): T | undefined {
  try {
    const value: unknown = JSON.parse(raw);
    return value && typeof value === 'object' ? (value as T) : undefined;
  } catch {
    return undefined;
  }
}
