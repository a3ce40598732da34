import { randomUUID } from 'crypto';
import { isIP } from 'net';
import type { IncomingMessage } from 'http';

/** What a caller's own request id may look like; anything else is replaced, never trimmed or stored as sent. */
const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/**
 * The id of a request: the caller's `X-Request-Id` when it is short and plain (so a trace can cross a
 * proxy), otherwise a fresh UUID. Kept on the raw request so the logger and Fastify agree on it.
 */
export function requestIdFor(raw: IncomingMessage): string {
  const own = (raw as IncomingMessage & { xqRequestId?: string }).xqRequestId;
  if (own) return own;
  const header = raw.headers['x-request-id'];
  const id = typeof header === 'string' && SAFE_REQUEST_ID.test(header) ? header : randomUUID();
  (raw as IncomingMessage & { xqRequestId?: string }).xqRequestId = id;
  return id;
}

/** A client address as stored in the audit trail: an IP address, or null when the socket or proxy gave something else. */
export function clientIp(ip: string | undefined): string | null {
  return ip && isIP(ip) ? ip : null;
}
