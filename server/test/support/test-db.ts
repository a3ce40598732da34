import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { DataSource } from 'typeorm';
import type { DbConfig } from '../../src/common/database/data-source';

export const TEST_DB: 'sqlite' | 'mysql' = process.env.TEST_DB === 'mysql' ? 'mysql' : 'sqlite';
const MYSQL_BASE = (process.env.MYSQL_URL ?? 'mariadb://root@127.0.0.1:3306').replace(/\/+$/, '');

export interface TestDatabase {
  config: DbConfig;
  drop(): Promise<void>;
}

/** A brand-new, empty database of the dialect under test; the app migrates it on start. */
export async function createTestDatabase(): Promise<TestDatabase> {
  if (TEST_DB === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'xq-test-'));
    return {
      config: { DB_TYPE: 'sqlite', SQLITE_PATH: join(dir, 'test.sqlite'), DATABASE_URL: undefined, DB_POOL_SIZE: 1 },
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const name = `xq_test_${process.pid}_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  const admin = new DataSource({ type: 'mysql', url: MYSQL_BASE.replace(/^mariadb:/, 'mysql:') });
  await admin.initialize();
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  return {
    config: { DB_TYPE: 'mysql', SQLITE_PATH: '', DATABASE_URL: `${MYSQL_BASE}/${name}`, DB_POOL_SIZE: 20 },
    drop: async () => {
      await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await admin.destroy();
    },
  };
}

/** Empties every table (keeping the migrations record), so each test starts from a clean database. */
export async function truncateAll(ds: DataSource): Promise<void> {
  const tables = ds.entityMetadatas.map((m) => m.tableName);
  await ds.transaction(async (tx) => {
    for (const t of tables) await tx.query(`DELETE FROM ${ds.driver.escape(t)}`);
  });
}
