import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, QueryFailedError, type EntityManager } from 'typeorm';
import { BookingLock } from '../entities/booking-lock.entity';

/** MySQL/MariaDB errno of a deadlock: the transaction was rolled back and may simply run again. */
const ER_LOCK_DEADLOCK = 1213;
const MAX_ATTEMPTS = 6;

/** `c:<counsellor profile id>`, `l:<call-back line id>`, `r:<resident id>`. */
export const counsellorKey = (id: number) => `c:${id}`;
export const lineKey = (id: number) => `l:${id}`;
export const residentKey = (id: number) => `r:${id}`;

/** A unique index refused the row (SQLite and MySQL wordings). */
export function isUniqueViolation(e: unknown): boolean {
  return e instanceof QueryFailedError && /UNIQUE constraint failed|Duplicate entry|ER_DUP_ENTRY/i.test(e.message);
}

/**
 * Serialises changes to what the keys name (a counsellor's or a line's slots, a resident's open
 * bookings), so a check and the write it allows happen with nobody else in between:
 * - MySQL: each key has a row in `booking_locks` (made beforehand by one INSERT IGNORE outside the
 *   transaction, so making it never deadlocks), taken with SELECT … FOR UPDATE in a sorted order inside a READ
 *   COMMITTED transaction; every statement after it sees what the previous holder committed.
 * - SQLite: a plain transaction, which already runs alone (common/database/sqlite-serial.ts).
 * `work` may run again after a MySQL deadlock, so it must not cause side effects outside `tx`.
 */
@Injectable()
export class BookingLocks {
  private readonly mysql: boolean;

  constructor(@InjectDataSource() private readonly db: DataSource) {
    this.mysql = db.options.type === 'mysql' || db.options.type === 'mariadb';
  }

  async run<T>(keys: readonly string[], work: (tx: EntityManager) => Promise<T>): Promise<T> {
    const sorted = [...new Set(keys)].sort();
    // The rows exist on both databases, so a backup or a move between them carries the same tables.
    await this.db.createQueryBuilder().insert().into(BookingLock).values(sorted.map((lockKey) => ({ lockKey }))).orIgnore().execute();
    if (!this.mysql) return this.db.transaction(work);
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.db.transaction('READ COMMITTED', async (tx) => {
          for (const key of sorted) await tx.query('SELECT `lockKey` FROM `booking_locks` WHERE `lockKey` = ? FOR UPDATE', [key]);
          return work(tx);
        });
      } catch (e) {
        const errno = e instanceof QueryFailedError ? (e.driverError as { errno?: number }).errno : undefined;
        if (errno !== ER_LOCK_DEADLOCK || attempt >= MAX_ATTEMPTS) throw e;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
      }
    }
  }
}

/**
 * A Date as a query-builder parameter: find options convert it per column type, raw parameters
 * are not (better-sqlite3 binds no Date; TypeORM keeps SQLite datetimes as UTC text).
 */
export function sqlTime(db: DataSource | EntityManager, at: Date): unknown {
  const ds = 'driver' in db ? db : db.connection;
  return ds.driver.preparePersistentValue(at, { type: 'datetime' } as never);
}
