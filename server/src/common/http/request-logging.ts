import type { IncomingMessage, ServerResponse } from 'http';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The level of a request's access-log line: a read answered without error is routine and logged at
 * `debug` (the bulk of the traffic, and cheap to answer; serialising a line for each would cost more
 * than the answer), while writes are logged at `info`, refusals at `warn` and failures at `error`.
 */
export function requestLogLevel(req: IncomingMessage, res: ServerResponse, err?: Error): 'debug' | 'info' | 'warn' | 'error' {
  if (err || res.statusCode >= 500) return 'error';
  if (res.statusCode >= 400) return 'warn';
  return READS.has(req.method ?? '') ? 'debug' : 'info';
}

/**
 * What a log line says of its request. Each request's logger is made with this serialised up front,
 * whether or not anything is logged, so it stays small: no headers (which also keeps tokens and
 * cookies out of the log), no query object (the URL has it).
 */
export function requestLogFields(req: { id: string | number; method: string; url: string; remoteAddress?: string }): Record<string, unknown> {
  return { id: req.id, method: req.method, url: req.url, remoteAddress: req.remoteAddress };
}
