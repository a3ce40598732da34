import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { isDatabaseUnavailable } from '../../common/database/availability';
import { lockedTransaction } from '../../common/database/locked-transaction';

/** Someone waiting in this process for an event's lock. */
type Waiter = () => void;

/** How many callers one locked transaction answers at most, so its statements stay small. */
export const MAX_BATCH = 500;

/** Work on several callers' items under one lock: answers one outcome per item, in order. */
export type BatchWork<I, O> = (tx: EntityManager, items: I[]) => Promise<O[]>;

/** What runs once a batch has committed and the lock is free, before its callers are answered (sending what the outcomes call for). */
export type AfterBatch<O> = (outcomes: O[]) => Promise<void>;

interface Entry<I, O> {
  item: I;
  resolve: (o: O) => void;
  reject: (e: unknown) => void;
}

/** Callers whose items wait for the event's next locked transaction. */
interface Batch<I, O> {
  work: BatchWork<I, O>;
  after: AfterBatch<O>;
  entries: Entry<I, O>[];
}

/**
 * Serialises every change to an event's registrations, which is what keeps capacity from
 * overflowing: the work counts seats and writes under the lock (the event's row, taken with
 * SELECT … FOR UPDATE on MySQL), so two sign-ups never both see the last free seat.
 * `work` may run more than once (after a MySQL deadlock): see lockedTransaction.
 *
 * Within one process, callers first queue in memory, so at most one transaction per event holds a
 * database connection while the others wait without one (a crowd otherwise fills the pool with
 * transactions waiting on the row, and every other request waits behind them). The row lock still
 * orders the instances among themselves. Callers of `batch` who arrive while the lock is busy are
 * answered together by the next transaction, so a crowd costs a few transactions, not one each.
 */
@Injectable()
export class EventLocks {
  /** Events whose lock a caller of this process holds or is taking, with who waits next, in order. */
  private readonly queues = new Map<number, Waiter[]>();
  /** Per event, the batch that has not taken the lock yet: callers arriving now join it. */
  private readonly open = new Map<number, Batch<unknown, unknown>>();

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async run<T>(eventId: number, work: (tx: EntityManager) => Promise<T>): Promise<T> {
    await this.enter(eventId);
    try {
      return await this.locked(eventId, work);
    } finally {
      this.leave(eventId);
    }
  }

  /**
   * Answers `item` from one locked transaction that `work` runs on every item gathered for the event
   * until the lock is free (at most MAX_BATCH); then `after` runs on the outcomes. Callers of one
   * event must pass the same work. A batch that fails for a reason other than the database being
   * unreachable runs again one item per transaction, so an item that cannot be written fails alone.
   */
  batch<I, O>(eventId: number, item: I, work: BatchWork<I, O>, after: AfterBatch<O>): Promise<O> {
    let batch = this.open.get(eventId) as Batch<I, O> | undefined;
    if (!batch) {
      batch = { work, after, entries: [] };
      this.open.set(eventId, batch as Batch<unknown, unknown>);
      void this.runBatch(eventId, batch);
    }
    const entries = batch.entries;
    if (entries.length + 1 >= MAX_BATCH) this.open.delete(eventId);
    return new Promise<O>((resolve, reject) => entries.push({ item, resolve, reject }));
  }

  private async runBatch<I, O>(eventId: number, batch: Batch<I, O>): Promise<void> {
    await this.enter(eventId);
    if (this.open.get(eventId) === batch) this.open.delete(eventId);
    const { entries, work, after } = batch;
    const done: { entries: Entry<I, O>[]; outcomes: O[] }[] = [];
    try {
      done.push({
        entries,
        outcomes: await this.locked(eventId, (tx) =>
          work(
            tx,
            entries.map((e) => e.item),
          ),
        ),
      });
    } catch (error) {
      if (entries.length === 1 || isDatabaseUnavailable(error)) entries.forEach((e) => e.reject(error));
      else
        for (const e of entries) {
          await this.locked(eventId, (tx) => work(tx, [e.item])).then(
            (outcomes) => done.push({ entries: [e], outcomes }),
            (err: unknown) => e.reject(err),
          );
        }
    } finally {
      this.leave(eventId);
    }
    for (const d of done) {
      await after(d.outcomes).then(
        () => d.entries.forEach((e, i) => e.resolve(d.outcomes[i])),
        (err: unknown) => d.entries.forEach((e) => e.reject(err)),
      );
    }
  }

  private locked<T>(eventId: number, work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return lockedTransaction(this.db, (tx) => tx.query('SELECT id FROM `events` WHERE id = ? FOR UPDATE', [eventId]), work);
  }

  /** Resolves once this caller holds the event's lock in this process. */
  private enter(eventId: number): Promise<void> {
    const waiting = this.queues.get(eventId);
    if (!waiting) {
      this.queues.set(eventId, []);
      return Promise.resolve();
    }
    return new Promise((wake) => waiting.push(wake));
  }

  private leave(eventId: number): void {
    const next = this.queues.get(eventId)!.shift();
    if (next) next();
    else this.queues.delete(eventId);
  }
}
