import type { DataSource } from 'typeorm';
import type { MysqlDriver } from 'typeorm/driver/mysql/MysqlDriver';
import { DatabaseUnavailableError } from './availability';

interface PooledConnection {
  query(sql: string, done: (err: Error | null) => void): unknown;
  release(): void;
}
type Acquired = (err: Error | null, connection?: PooledConnection) => void;
interface Mysql2Pool {
  getConnection(done: Acquired): void;
}

/**
 * The session settings of every application connection: a row lock (e.g. an event's, taken with
 * SELECT … FOR UPDATE) is waited for no longer than a connection (InnoDB counts whole seconds), and
 * a statement runs at most `statementTimeoutMs` (0: unlimited; MariaDB counts seconds, MySQL
 * milliseconds and only for SELECTs).
 */
export function sessionLimitsSql(type: DataSource['options']['type'], limits: { acquireTimeoutMs: number; statementTimeoutMs: number }): string {
  const settings = [`innodb_lock_wait_timeout = ${Math.max(1, Math.ceil(limits.acquireTimeoutMs / 1000))}`];
  const ms = limits.statementTimeoutMs;
  if (ms > 0) settings.push(type === 'mariadb' ? `max_statement_time = ${ms / 1000}` : `max_execution_time = ${ms}`);
  return `SET SESSION ${settings.join(', ')}`;
}

/**
 * Bounds the waits of a MySQL pool, after migrations ran (a schema change may rightly take long):
 * - getting a connection: mysql2 pools queue callers without limit (they have no acquireTimeout),
 *   so every acquisition TypeORM makes is raced against `acquireTimeoutMs`; a caller that gave up
 *   gets DatabaseUnavailableError, and the connection it would have got goes straight back.
 * - a row lock and a statement: each connection, the first time it is handed out, gets the session
 *   limits (queued ahead of the caller's first statement on that connection).
 */
export function limitMysqlPool(ds: DataSource, limits: { acquireTimeoutMs: number; statementTimeoutMs: number }, warn: (message: string) => void): void {
  const pool = (ds.driver as MysqlDriver).pool as Mysql2Pool;
  const getConnection = pool.getConnection.bind(pool);
  const sessionSql = sessionLimitsSql(ds.options.type, limits);
  const limited = new WeakSet<PooledConnection>();
  pool.getConnection = (done: Acquired) => {
    let waiting = true;
    const timer = setTimeout(() => {
      waiting = false;
      done(new DatabaseUnavailableError(`no database connection became free within ${limits.acquireTimeoutMs} ms`));
    }, limits.acquireTimeoutMs);
    getConnection((err, connection) => {
      if (!waiting) return connection?.release();
      waiting = false;
      clearTimeout(timer);
      if (connection && !limited.has(connection)) {
        limited.add(connection);
        connection.query(sessionSql, (e) => e && warn(`could not set the session limits (${sessionSql}): ${e.message}`));
      }
      done(err, connection);
    });
  };
}
