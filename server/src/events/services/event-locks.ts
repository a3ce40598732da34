import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, QueryFailedError, type EntityManager } from 'typeorm';

/** MySQL/MariaDB errno of a deadlock: the transaction was rolled back and may simply run again. */
const ER_LOCK_DEADLOCK = 1213;
const MAX_ATTEMPTS = 3;

/**
 * Serialises every change to an event's registrations, which is what keeps capacity from
 * overflowing: the work counts seats and writes under the lock, so two sign-ups never both see the
 * last free seat.
 * - MySQL: a READ COMMITTED transaction that first takes the event row with SELECT … FOR UPDATE;
 *   every statement after it sees what the previous holder committed.
 * - SQLite: a plain transaction, which already runs alone: every unit of work takes the
 *   process-wide lock (common/database/sqlite-serial.ts), with its bounded wait.
 * `work` may run more than once (after a MySQL deadlock), so it must return its side effects
 * rather than cause them outside the transaction.
 */
@Injectable()
export class EventLocks {
  private readonly mysql: boolean;

  constructor(@InjectDataSource() private readonly db: DataSource) {
    this.mysql = db.options.type === 'mysql' || db.options.type === 'mariadb';
  }

  async run<T>(eventId: number, work: (tx: EntityManager) => Promise<T>): Promise<T> {
    if (!this.mysql) return this.db.transaction(work);
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.db.transaction('READ COMMITTED', async (tx) => {
          await tx.query('SELECT id FROM `events` WHERE id = ? FOR UPDATE', [eventId]);
          return work(tx);
        });
      } catch (e) {
        const errno = e instanceof QueryFailedError ? (e.driverError as { errno?: number }).errno : undefined;
        if (errno !== ER_LOCK_DEADLOCK || attempt >= MAX_ATTEMPTS) throw e;
      }
    }
  }
}
