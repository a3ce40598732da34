import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { hasPermission, isWithin, type LiveNotice } from '@xinqiao/shared';
import type { ServerResponse } from 'http';
import type { StaffPrincipal } from '../../common/access/principal';

/** A comment line every so often keeps proxies and the browser from closing an idle stream. */
export const LIVE_KEEPALIVE_MS = 25_000;

interface LiveStream {
  staff: StaffPrincipal;
  res: ServerResponse;
  keepalive: NodeJS.Timeout;
  expiry: NodeJS.Timeout;
}

/**
 * The admin consoles connected to this process, by staff member: each signed-in console holds one
 * event stream (text/event-stream) and gets every live notice meant for its staff member. Streams
 * live in this process only: several server instances would need a shared fan-out (issue 15).
 */
@Injectable()
export class LiveHub implements OnModuleDestroy {
  private readonly logger = new Logger('LiveHub');
  private readonly streams = new Set<LiveStream>();

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

  /** Streams open now for one staff member (tests, the settings screen). */
  connected(staffId: number): number {
    return [...this.streams].filter((s) => s.staff.id === staffId).length;
  }

  /** Sends to every stream of this staff member; returns how many got it. */
  toStaff(staffId: number, notice: LiveNotice): number {
    return this.push((s) => s.staff.id === staffId, notice);
  }

  /**
   * Sends to every stream of a staff member who works on alerts (handles or oversees them) in a
   * region covering `regionPath`; returns how many got it.
   */
  toRegion(regionPath: string, notice: LiveNotice): number {
    return this.push(
      (s) => isWithin(regionPath, s.staff.regionPath) && (hasPermission(s.staff.role, 'alerts.handle') || hasPermission(s.staff.role, 'alerts.oversee')),
      notice,
    );
  }

  onModuleDestroy(): void {
    for (const s of [...this.streams]) s.res.end();
  }

  private push(match: (s: LiveStream) => boolean, notice: LiveNotice): number {
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
