import { Logger } from '@nestjs/common';
import { mkdirSync } from 'fs';
import { dirname, join } from 'path';
import type { TypeOrmModuleOptions } from '@nestjs/typeorm';
import { DataSource, type DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../config/env';
import { mysqlMigrations } from './migrations/mysql';
import { sqliteMigrations } from './migrations/sqlite';
import { limitMysqlPool } from './mysql-limits';
import { serializeSqlite } from './sqlite-serial';

export type DbConfig = Pick<AppConfig, 'DB_TYPE' | 'SQLITE_PATH' | 'DATABASE_URL' | 'DB_POOL_SIZE'>;
export type DbLimits = Pick<AppConfig, 'DB_ACQUIRE_TIMEOUT_MS' | 'DB_STATEMENT_TIMEOUT_MS'>;

const logger = new Logger('Database');

/**
 * Every entity file of the server, for the tools that open the database without the app's modules
 * (generating migrations, rotating keys); the app loads each module's own entities instead.
 */
export const ENTITY_FILES = [join(__dirname, '../../**/*.entity.{ts,js}')];

/** The app's options: each module registers its own entities (`forFeature`), none is listed here. */
export function appDataSourceOptions(config: DbConfig): TypeOrmModuleOptions {
  return { ...dataSourceOptions(config), entities: [], autoLoadEntities: true };
}

/** TypeORM options for either dialect, with every entity file. The schema only ever changes through migrations. */
export function dataSourceOptions(config: DbConfig): DataSourceOptions {
  const common = { entities: ENTITY_FILES, synchronize: false, migrationsRun: true, migrationsTransactionMode: 'each' as const };
  if (config.DB_TYPE === 'mysql') {
    // MariaDB reports column defaults differently; TypeORM must know which server it talks to, or it
    // sees schema differences that are not there. A `mariadb://` URL says so.
    const url = config.DATABASE_URL ?? '';
    const mariadb = url.startsWith('mariadb://');
    return {
      ...common,
      type: mariadb ? 'mariadb' : 'mysql',
      url: url.replace(/^mariadb:/, 'mysql:'),
      charset: 'utf8mb4_unicode_ci',
      timezone: 'Z',
      poolSize: config.DB_POOL_SIZE,
      migrations: mysqlMigrations,
    };
  }
  if (config.SQLITE_PATH !== ':memory:') mkdirSync(dirname(config.SQLITE_PATH), { recursive: true });
  return {
    ...common,
    type: 'better-sqlite3',
    database: config.SQLITE_PATH,
    enableWAL: true,
    // Wait for a concurrent writer (e.g. the CLI seeding while the server runs) instead of failing.
    prepareDatabase: (db: { pragma(s: string): unknown }) => {
      db.pragma('busy_timeout = 5000');
    },
    migrations: sqliteMigrations,
  };
}

/**
 * The application's database: opened and migrated, then bounded so that no request waits for it
 * without limit (an outage, a full pool or a long lock ends in DatabaseUnavailableError, a 503).
 * MySQL: DB_ACQUIRE_TIMEOUT_MS for a pooled connection, DB_STATEMENT_TIMEOUT_MS per statement.
 * SQLite: DB_ACQUIRE_TIMEOUT_MS for the process-wide lock and, as busy_timeout, for another
 * process's write lock.
 */
export async function openDataSource(options: DataSourceOptions, limits: DbLimits): Promise<DataSource> {
  const ds = await new DataSource(options).initialize();
  if (options.type === 'better-sqlite3') {
    await ds.query(`PRAGMA busy_timeout = ${limits.DB_ACQUIRE_TIMEOUT_MS}`);
    return serializeSqlite(ds, limits.DB_ACQUIRE_TIMEOUT_MS);
  }
  limitMysqlPool(ds, { acquireTimeoutMs: limits.DB_ACQUIRE_TIMEOUT_MS, statementTimeoutMs: limits.DB_STATEMENT_TIMEOUT_MS }, (message) => logger.warn(message));
  return ds;
}
