import { QueryFailedError } from 'typeorm';
import { DatabaseUnavailableError, isDatabaseUnavailable } from './availability';

/** An error shaped as the drivers make them: Node socket errors and mysql2 carry code/errno/fatal, better-sqlite3 a code. */
const driverError = (fields: { code?: string; errno?: number; fatal?: boolean }) => Object.assign(new Error('driver'), fields);
const failedQuery = (fields: Parameters<typeof driverError>[0]) => new QueryFailedError('SELECT 1', [], driverError(fields));

describe('isDatabaseUnavailable', () => {
  it.each([
    ['a refused connection (server stopped)', driverError({ code: 'ECONNREFUSED', errno: -111, fatal: true })],
    ['a connection lost mid-query', failedQuery({ code: 'PROTOCOL_CONNECTION_LOST', fatal: true })],
    ['a connect timeout', driverError({ code: 'ETIMEDOUT', fatal: true })],
    ['a command on a closed connection (mysql2 marks it fatal)', failedQuery({ fatal: true })],
    ['the server out of connections', driverError({ code: 'ER_CON_COUNT_ERROR', errno: 1040 })],
    ['a server shutting down', failedQuery({ code: 'ER_SERVER_SHUTDOWN', errno: 1053 })],
    ['a row lock not granted in time', failedQuery({ code: 'ER_LOCK_WAIT_TIMEOUT', errno: 1205 })],
    ['MariaDB max_statement_time', failedQuery({ errno: 1969 })],
    ['MySQL max_execution_time', failedQuery({ code: 'ER_QUERY_TIMEOUT', errno: 3024 })],
    ['SQLite busy', failedQuery({ code: 'SQLITE_BUSY' })],
    ['SQLite busy on a stale snapshot', failedQuery({ code: 'SQLITE_BUSY_SNAPSHOT' })],
    ['SQLite locked', failedQuery({ code: 'SQLITE_LOCKED' })],
    ['no pooled connection or lock within the bound', new DatabaseUnavailableError('waited too long')],
  ])('is true for %s', (_, e) => expect(isDatabaseUnavailable(e)).toBe(true));

  it.each([
    ['a duplicate key', failedQuery({ code: 'ER_DUP_ENTRY', errno: 1062 })],
    ['a syntax error', failedQuery({ code: 'ER_PARSE_ERROR', errno: 1064 })],
    ['a SQLite constraint', failedQuery({ code: 'SQLITE_CONSTRAINT_UNIQUE' })],
    ['a plain bug', new TypeError('x is undefined')],
    ['a thrown string', 'oops'],
    ['nothing', undefined],
  ])('is false for %s', (_, e) => expect(isDatabaseUnavailable(e)).toBe(false));
});
