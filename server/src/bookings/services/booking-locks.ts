import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, QueryFailedError, type EntityManager } from 'typeorm';
import { lockedTransaction, type DeadlockRetry } from '../../common/database/locked-transaction';
import { BookingLock } from '../entities/booking-lock.entity';

/** Booking rushes meet more often than other writers, so a deadlock gets more runs, spread apart. */
const BOOKING_RETRY: DeadlockRetry = { attempts: 6, backoffMs: 20 };

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
 * bookings), so a check and the write it allows happen with nobody else in between: each key has a
 * row in `booking_locks` (made beforehand by one INSERT IGNORE outside the transaction, so making it
 * never deadlocks), which `lockedTransaction` takes in sorted order on MySQL.
 * `work` may run again after a MySQL deadlock, so it must not cause side effects outside `tx`.
 */
@Injectable()
export class BookingLocks {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async run<T>(keys: readonly string[], work: (tx: EntityManager) => Promise<T>): Promise<T> {
    const sorted = [...new Set(keys)].sort();
    // The rows exist on both databases, so a backup or a move between them carries the same tables.
    await this.db
      .createQueryBuilder()
      .insert()
      .into(BookingLock)
      .values(sorted.map((lockKey) => ({ lockKey })))
      .orIgnore()
      .execute();
    return lockedTransaction(
      this.db,
      async (tx) => {
        for (const key of sorted) await tx.query('SELECT `lockKey` FROM `booking_locks` WHERE `lockKey` = ? FOR UPDATE', [key]);
      },
      work,
      BOOKING_RETRY,
    );
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
