import { QueryFailedError, type DataSource, type EntityManager } from 'typeorm';

/** MySQL/MariaDB errno of a deadlock: the transaction was rolled back and may simply run again. */
const ER_LOCK_DEADLOCK = 1213;

export interface DeadlockRetry {
  /** Runs in all, the first included, before a deadlock is passed on. */
  attempts: number;
  /** Before the n-th retry, a random pause of up to n × this (ms), so the two losers do not meet again at once; 0 retries at once. */
  backoffMs: number;
}

/**
 * Runs `work` in one transaction while nobody else holds what `lock` takes, so a check and the
 * write it allows happen with nobody in between:
 * - MySQL/MariaDB: a READ COMMITTED transaction that first runs `lock` (SELECT … FOR UPDATE of the
 *   rows that stand for what is changed; several rows always in one order, so two holders never wait
 *   on each other crosswise); every statement after it sees what the previous holder committed. A
 *   deadlock rolls the transaction back, and it runs again.
 * - SQLite: a plain transaction, which already runs alone (every unit of work takes the
 *   process-wide lock of sqlite-serial.ts, with its bounded wait); `lock` is not run.
 * `work` may run more than once, so it must return its side effects rather than cause them outside `tx`.
 */
export async function lockedTransaction<T>(
  db: DataSource,
  lock: (tx: EntityManager) => Promise<unknown>,
  work: (tx: EntityManager) => Promise<T>,
  retry: DeadlockRetry = { attempts: 3, backoffMs: 0 },
): Promise<T> {
  if (db.options.type !== 'mysql' && db.options.type !== 'mariadb') return db.transaction(work);
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction('READ COMMITTED', async (tx) => {
        await lock(tx);
        return work(tx);
      });
    } catch (e) {
      if (!isDeadlock(e) || attempt >= retry.attempts) throw e;
      if (retry.backoffMs > 0) await new Promise((resolve) => setTimeout(resolve, Math.random() * retry.backoffMs * attempt));
    }
  }
}

function isDeadlock(e: unknown): boolean {
  return e instanceof QueryFailedError && (e.driverError as { errno?: number }).errno === ER_LOCK_DEADLOCK;
}
