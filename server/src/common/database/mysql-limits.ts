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

/** The statement that limits every later statement of a session; MySQL counts milliseconds (SELECTs only), MariaDB seconds. */
export function statementTimeoutSql(type: DataSource['options']['type'], ms: number): string | null {
  if (ms <= 0) return null;
  return type === 'mariadb' ? `SET SESSION max_statement_time = ${ms / 1000}` : `SET SESSION max_execution_time = ${ms}`;
}

/**
 * Bounds the two waits of a MySQL pool, after migrations ran (a schema change may rightly take long):
 * - getting a connection: mysql2 pools queue callers without limit (they have no acquireTimeout),
 *   so every acquisition TypeORM makes is raced against `acquireTimeoutMs`; a caller that gave up
 *   gets DatabaseUnavailableError, and the connection it would have got goes straight back.
 * - a statement: each connection, the first time it is handed out, gets the session time limit
 *   (queued ahead of the caller's first statement on that connection).
 */
export function limitMysqlPool(ds: DataSource, limits: { acquireTimeoutMs: number; statementTimeoutMs: number }, warn: (message: string) => void): void {
  const pool = (ds.driver as MysqlDriver).pool as Mysql2Pool;
  const getConnection = pool.getConnection.bind(pool);
  const sessionSql = statementTimeoutSql(ds.options.type, limits.statementTimeoutMs);
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
      if (connection && sessionSql && !limited.has(connection)) {
        limited.add(connection);
        connection.query(sessionSql, (e) => e && warn(`could not limit statement time (${sessionSql}): ${e.message}`));
      }
      done(err, connection);
    });
  };
}
