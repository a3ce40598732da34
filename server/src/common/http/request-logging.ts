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
