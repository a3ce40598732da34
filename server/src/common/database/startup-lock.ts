import { Logger } from '@nestjs/common';
import { createConnection, type Connection, type RowDataPacket } from 'mysql2/promise';
import type { DbConfig } from './data-source';

const logger = new Logger('Database');

/** Longest an instance waits for another one to finish starting before it gives up (and is restarted by its supervisor). */
const LOCK_WAIT_SECONDS = 600;
/** Tries to reach the database for the lock, as TypeORM tries for the app's own connection (10 tries, 3 s apart). */
const CONNECT_TRIES = 10;
const CONNECT_RETRY_MS = 3000;

/**
 * Named after the database (MySQL lock names are server-wide, at most 64 characters), so instances of one
 * deployment wait for each other and other databases on the same server do not.
 */
const LOCK_NAME = `LEFT(CONCAT('xinqiao-start:', DATABASE()), 64)`;

async function connect(url: string): Promise<Connection> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await createConnection({ uri: url.replace(/^mariadb:/, 'mysql:') });
    } catch (e) {
      if (attempt >= CONNECT_TRIES) throw e;
      logger.warn(`cannot reach the database for the start-up lock (${(e as Error).message}); retrying (${attempt}/${CONNECT_TRIES})`);
      await new Promise((ok) => setTimeout(ok, CONNECT_RETRY_MS));
    }
  }
}

async function getLock(connection: Connection, seconds: number): Promise<boolean> {
  const [rows] = await connection.query<RowDataPacket[]>(`SELECT GET_LOCK(${LOCK_NAME}, ?) AS got`, [seconds]);
  return Number(rows[0].got) === 1;
}

/**
 * Runs `start` (opening the database, which runs the migrations, then the start-up data) while holding
 * a MySQL named lock on the database, so instances started at the same moment do it one after
 * another: MySQL DDL is not transactional, and two instances running one migration at once leave it
 * half applied (`Table … already exists`), then race to insert the built-in data. The lock belongs to
 * a connection of its own and goes with it, so a crashed instance never leaves it held.
 * SQLite: one process per database file, nothing to wait for.
 */
export async function holdingStartupLock<T>(config: DbConfig, start: () => Promise<T>): Promise<T> {
  if (config.DB_TYPE !== 'mysql' || !config.DATABASE_URL) return start();
  const connection = await connect(config.DATABASE_URL);
  try {
    if (!(await getLock(connection, 0))) {
      logger.log('another instance is starting on this database (migrations, start-up data); waiting for it to finish');
      if (!(await getLock(connection, LOCK_WAIT_SECONDS)))
        throw new Error(`another instance held the start-up lock of this database for more than ${LOCK_WAIT_SECONDS} s`);
    }
    return await start();
  } finally {
    // Ending the connection releases the lock too; releasing first frees the next instance without waiting for the close.
    await connection.query(`SELECT RELEASE_LOCK(${LOCK_NAME})`).catch(() => undefined);
    await connection.end().catch(() => undefined);
  }
}
