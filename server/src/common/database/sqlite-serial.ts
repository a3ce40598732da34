import { AsyncLocalStorage } from 'async_hooks';
import { EntityManager, type DataSource, type QueryRunner } from 'typeorm';
import { DatabaseUnavailableError } from './availability';

/**
 * TypeORM runs every SQLite statement on one shared connection. Two requests whose transactions
 * overlap in time would share it: the second's BEGIN becomes a savepoint inside the first, and a
 * rollback by either can silently undo the other's writes, and a plain statement issued meanwhile
 * joins whichever transaction is open. So on SQLite every unit of work takes one process-wide lock:
 * a transaction (explicit, or the one `save`/`remove` open) holds it until it ends, a statement
 * outside any transaction holds it for that statement. Work inside the holder's async context (its
 * own statements, nested transactions) passes straight through. SQLite admits one writer at a time
 * anyway, and better-sqlite3 runs each statement synchronously, so nothing is lost in throughput.
 * A unit that waits longer than `waitMs` for its turn gives up with DatabaseUnavailableError (and is
 * skipped when its turn comes), so a long holder makes the queue answer 503s instead of hanging.
 */
export function serializeSqlite(ds: DataSource, waitMs: number): DataSource {
  if (ds.options.type !== 'better-sqlite3') return ds;
  const holder = new AsyncLocalStorage<object>();
  let current: object | null = null;
  let tail: Promise<unknown> = Promise.resolve();

  /** Runs `work` alone: after every unit queued before it, with `current` naming it. */
  const exclusive = <T>(work: () => Promise<T>): Promise<T> => {
    const token = {};
    let gaveUp: DatabaseUnavailableError | null = null;
    let timer: NodeJS.Timeout | undefined;
    const run = tail.then(async () => {
      if (gaveUp) throw gaveUp;
      clearTimeout(timer);
      current = token;
      try {
        return await holder.run(token, work);
      } finally {
        current = null;
      }
    });
    tail = run.catch(() => undefined);
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject((gaveUp = new DatabaseUnavailableError(`the database lock was not free within ${waitMs} ms`))), waitMs);
    });
    return Promise.race([run, timeout]);
  };
  const inside = () => current !== null && holder.getStore() === current;

  const runner = ds.createQueryRunner() as QueryRunner & { query: QueryRunner['query'] };
  const query = runner.query.bind(runner);
  runner.query = ((...args: Parameters<QueryRunner['query']>) => (inside() ? query(...args) : exclusive(() => query(...args)))) as QueryRunner['query'];

  // Top-level units of work: explicit transactions and the ones persistence opens for itself.
  for (const method of ['transaction', 'save', 'remove', 'softRemove', 'recover'] as const) {
    const original = EntityManager.prototype[method] as (...args: unknown[]) => Promise<unknown>;
    const manager = ds.manager as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
    manager[method] = function (this: EntityManager, ...args: unknown[]) {
      return inside() ? original.apply(this, args) : exclusive(() => original.apply(this, args));
    };
  }
  return ds;
}
