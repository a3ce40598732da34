import { LoginBackoff } from '../src/common/login-backoff/login-backoff.entity';
import { TestApp } from './support/test-app';
import { TEST_DB } from './support/test-db';

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Overlapping requests must not share a transaction (SQLite has one connection for all of them).
 * The rows are common's own sign-in back-off records: any table would do, and common touches no module's.
 */
describe(`overlapping units of work on ${TEST_DB}`, () => {
  let t: TestApp;
  beforeAll(async () => (t = await TestApp.start()));
  afterAll(() => t.stop());
  beforeEach(() => t.reset());

  const names = async () => (await t.dataSource.getRepository(LoginBackoff).find({ order: { id: 'ASC' } })).map((r) => r.id);
  const row = (id: string) => ({ id, attempts: 1, lastAttemptAt: Date.now(), blockedUntil: null });

  it('keeps a committed transaction when an overlapping one rolls back', async () => {
    const kept = t.dataSource.transaction(async (tx) => {
      await tx.getRepository(LoginBackoff).insert(row('kept'));
      await pause(40);
    });
    const failed = t.dataSource
      .transaction(async (tx) => {
        await pause(10);
        await tx.getRepository(LoginBackoff).insert(row('undone'));
        throw new Error('rolled back');
      })
      .catch((e: Error) => e.message);
    await kept;
    expect(await failed).toBe('rolled back');
    expect(await names()).toEqual(['kept']);
  });

  it('keeps a plain write made while another transaction is open and then rolls back', async () => {
    const failed = t.dataSource
      .transaction(async (tx) => {
        await tx.getRepository(LoginBackoff).insert(row('undone'));
        await pause(40);
        throw new Error('rolled back');
      })
      .catch((e: Error) => e.message);
    await pause(10);
    await t.dataSource.getRepository(LoginBackoff).insert(row('plain'));
    await t.dataSource.getRepository(LoginBackoff).save(row('saved'));
    expect(await failed).toBe('rolled back');
    expect(await names()).toEqual(['plain', 'saved']);
  });
});
