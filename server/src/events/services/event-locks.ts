import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { lockedTransaction } from '../../common/database/locked-transaction';

/** Someone waiting in this process for an event's lock: handed the lock (true), or sent away because the event filled (false). */
interface Waiter {
  wake: (turn: boolean) => void;
  leavesWhenFull: boolean;
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
 * orders the instances among themselves.
 */
@Injectable()
export class EventLocks {
  /** Events whose lock a caller of this process holds or is taking, with who waits next, in order. */
  private readonly queues = new Map<number, Waiter[]>();
  /** Events whose last sign-up in this process left a seat free. A hint only: every answer is still read from the database. */
  private readonly seatsFree = new Set<number>();

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async run<T>(eventId: number, work: (tx: EntityManager) => Promise<T>): Promise<T> {
    await this.enter(eventId, false);
    try {
      return await this.locked(eventId, work);
    } finally {
      this.leave(eventId, false);
    }
  }

  /**
   * Like run, for a sign-up whose answer is known without the lock once the event is full: if a
   * holder leaves the event full while this call waits, it answers `null` without having taken the
   * lock, so the crowd behind the last seat is sent back to its lock-free check all at once instead
   * of one transaction after another. `work` answers whether it left the event without a free seat.
   */
  async runUnlessFull<T>(eventId: number, work: (tx: EntityManager) => Promise<{ value: T; full: boolean }>): Promise<T | null> {
    if (!(await this.enter(eventId, true))) return null;
    let full = false;
    try {
      const result = await this.locked(eventId, work);
      full = result.full;
      if (full) this.seatsFree.delete(eventId);
      else this.seatsFree.add(eventId);
      return result.value;
    } finally {
      this.leave(eventId, full);
    }
  }

  /** Whether the last sign-up here left a seat free, so a check for a full event before queueing would most likely be wasted. */
  seatsWereFree(eventId: number): boolean {
    return this.seatsFree.has(eventId);
  }

  private locked<T>(eventId: number, work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return lockedTransaction(this.db, (tx) => tx.query('SELECT id FROM `events` WHERE id = ? FOR UPDATE', [eventId]), work);
  }

  /** Answers true once this caller holds the event's lock in this process, false if sent away because the event filled. */
  private enter(eventId: number, leavesWhenFull: boolean): Promise<boolean> {
    const waiting = this.queues.get(eventId);
    if (!waiting) {
      this.queues.set(eventId, []);
      return Promise.resolve(true);
    }
    return new Promise((wake) => waiting.push({ wake, leavesWhenFull }));
  }

  private leave(eventId: number, full: boolean): void {
    let waiting = this.queues.get(eventId)!;
    if (full) {
      for (const w of waiting) if (w.leavesWhenFull) w.wake(false);
      waiting = waiting.filter((w) => !w.leavesWhenFull);
      this.queues.set(eventId, waiting);
    }
    const next = waiting.shift();
    if (next) next.wake(true);
    else this.queues.delete(eventId);
  }
}
