import { QueryFailedError, type DataSource, type EntityManager } from 'typeorm';
import { lockedTransaction } from './locked-transaction';

const deadlock = () => new QueryFailedError('SELECT 1', [], Object.assign(new Error('driver'), { code: 'ER_LOCK_DEADLOCK', errno: 1213 }));
const duplicate = () => new QueryFailedError('INSERT', [], Object.assign(new Error('driver'), { code: 'ER_DUP_ENTRY', errno: 1062 }));

/** A data source whose transactions fail with the given errors, in turn, before succeeding; it records what ran. */
function fakeDb(type: 'mariadb' | 'better-sqlite3', failures: Error[] = []) {
  const calls: string[] = [];
  const db = {
    options: { type },
    async transaction(...args: unknown[]) {
      const work = args[args.length - 1] as (tx: EntityManager) => Promise<unknown>;
      calls.push(args.length === 2 ? `transaction ${String(args[0])}` : 'transaction');
      const result = await work({} as EntityManager);
      const failure = failures.shift();
      if (failure) throw failure;
      return result;
    },
  };
  return { db: db as unknown as DataSource, calls };
}

describe('lockedTransaction', () => {
  const lockAndWork = (calls: string[]) => [async () => void calls.push('lock'), async () => (calls.push('work'), 'done')] as const;

  it('on MySQL takes the lock first, inside a READ COMMITTED transaction', async () => {
    const { db, calls } = fakeDb('mariadb');
    await expect(lockedTransaction(db, ...lockAndWork(calls))).resolves.toBe('done');
    expect(calls).toEqual(['transaction READ COMMITTED', 'lock', 'work']);
  });

  it('on SQLite runs a plain transaction and no lock statement', async () => {
    const { db, calls } = fakeDb('better-sqlite3');
    await expect(lockedTransaction(db, ...lockAndWork(calls))).resolves.toBe('done');
    expect(calls).toEqual(['transaction', 'work']);
  });

  it('runs again after a deadlock, up to the attempts allowed, then passes the deadlock on', async () => {
    const twice = fakeDb('mariadb', [deadlock()]);
    await expect(lockedTransaction(twice.db, ...lockAndWork(twice.calls))).resolves.toBe('done');
    expect(twice.calls.filter((c) => c === 'work')).toHaveLength(2);

    const never = fakeDb('mariadb', [deadlock(), deadlock(), deadlock()]);
    await expect(lockedTransaction(never.db, ...lockAndWork(never.calls), { attempts: 2, backoffMs: 1 })).rejects.toMatchObject({
      driverError: { errno: 1213 },
    });
    expect(never.calls.filter((c) => c === 'work')).toHaveLength(2);
  });

  it('passes any other error on at once', async () => {
    const { db, calls } = fakeDb('mariadb', [duplicate()]);
    await expect(lockedTransaction(db, ...lockAndWork(calls))).rejects.toMatchObject({ driverError: { errno: 1062 } });
    expect(calls.filter((c) => c === 'work')).toHaveLength(1);
  });
});
