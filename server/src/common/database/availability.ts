import { QueryFailedError } from 'typeorm';

/** A unit of work waited longer than DB_ACQUIRE_TIMEOUT_MS for a connection (MySQL) or the lock (SQLite). */
export class DatabaseUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatabaseUnavailableError';
  }
}

/** Node socket and mysql2 protocol failures: the database cannot be reached (or went away mid-query). */
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
]);

/** MySQL/MariaDB server errors that say "not now" rather than "bad request": worth retrying shortly. */
const TRANSIENT_ERRNOS = new Set([
  1040, // ER_CON_COUNT_ERROR: the server's max_connections reached
  1053, // ER_SERVER_SHUTDOWN
  1203, // ER_TOO_MANY_USER_CONNECTIONS
  1205, // ER_LOCK_WAIT_TIMEOUT
  1317, // ER_QUERY_INTERRUPTED (killed, e.g. by a shutdown)
  1927, // ER_CONNECTION_KILLED (MariaDB)
  1969, // ER_STATEMENT_TIMEOUT: MariaDB max_statement_time (DB_STATEMENT_TIMEOUT_MS)
  3024, // ER_QUERY_TIMEOUT: MySQL max_execution_time (DB_STATEMENT_TIMEOUT_MS)
]);

/**
 * Whether an error means the database is unreachable or too busy right now (an answer of 503), as
 * opposed to a bug or bad input. TypeORM wraps statement errors in QueryFailedError; failures to get
 * a connection arrive as the driver's own error.
 */
export function isDatabaseUnavailable(e: unknown): boolean {
  if (e instanceof DatabaseUnavailableError) return true;
  const err = (e instanceof QueryFailedError ? e.driverError : e) as { code?: unknown; errno?: unknown; fatal?: unknown } | null | undefined;
  if (!err || typeof err !== 'object') return false;
  // mysql2 marks every error that broke the connection itself as fatal.
  if (err.fatal === true) return true;
  if (typeof err.code === 'string' && (CONNECTION_CODES.has(err.code) || /^SQLITE_(BUSY|LOCKED)/.test(err.code))) return true;
  return typeof err.errno === 'number' && TRANSIENT_ERRNOS.has(err.errno);
}
