/**
 * Limits on slow clients (fastify leaves the request timeout off), so a trickle of bytes cannot hold a
 * connection and its memory open: the headers must arrive within 20 s and the whole request (a 5 MB
 * image from a phone included) within 60 s; a connection idle for 2 minutes is closed.
 */
export const HEADERS_TIMEOUT_MS = 20_000;
export const REQUEST_TIMEOUT_MS = 60_000;
export const CONNECTION_TIMEOUT_MS = 120_000;
/** Longer than the 60 s idle timeout of common reverse proxies, so the proxy closes first (fastify's default). */
export const KEEP_ALIVE_TIMEOUT_MS = 72_000;
