import { mkdirSync } from 'fs';
import { dirname } from 'path';
import type { DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../config/env';
import { ENTITIES } from './entities';
import { mysqlMigrations } from './migrations/mysql';
import { sqliteMigrations } from './migrations/sqlite';

export type DbConfig = Pick<AppConfig, 'DB_TYPE' | 'SQLITE_PATH' | 'DATABASE_URL' | 'DB_POOL_SIZE'>;

/** TypeORM options for either dialect. The schema only ever changes through migrations. */
export function dataSourceOptions(config: DbConfig): DataSourceOptions {
  const common = { entities: ENTITIES, synchronize: false, migrationsRun: true, migrationsTransactionMode: 'each' as const };
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
