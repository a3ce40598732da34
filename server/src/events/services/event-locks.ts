import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { lockedTransaction } from '../../common/database/locked-transaction';

/**
 * Serialises every change to an event's registrations, which is what keeps capacity from
 * overflowing: the work counts seats and writes under the lock (the event's row, taken with
 * SELECT … FOR UPDATE on MySQL), so two sign-ups never both see the last free seat.
 * `work` may run more than once (after a MySQL deadlock): see lockedTransaction.
 */
@Injectable()
export class EventLocks {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  run<T>(eventId: number, work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return lockedTransaction(this.db, (tx) => tx.query('SELECT id FROM `events` WHERE id = ? FOR UPDATE', [eventId]), work);
  }
}
