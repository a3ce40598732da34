import { AlertRuleSet } from '../src/scales/alert-rule-set.entity';
import { TestApp } from './support/test-app';
import { TEST_DB } from './support/test-db';

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Overlapping requests must not share a transaction (SQLite has one connection for all of them). */
describe(`overlapping units of work on ${TEST_DB}`, () => {
  let t: TestApp;
  beforeAll(async () => (t = await TestApp.start()));
  afterAll(() => t.stop());
  beforeEach(() => t.reset());

  const names = async () => (await t.dataSource.getRepository(AlertRuleSet).find({ order: { id: 'ASC' } })).map((r) => r.createdBy);

  it('keeps a committed transaction when an overlapping one rolls back', async () => {
    const kept = t.dataSource.transaction(async (tx) => {
      await tx.getRepository(AlertRuleSet).insert({ rules: '{}', createdBy: 'kept' });
      await pause(40);
    });
    const failed = t.dataSource.transaction(async (tx) => {
      await pause(10);
      await tx.getRepository(AlertRuleSet).insert({ rules: '{}', createdBy: 'undone' });
      throw new Error('rolled back');
    }).catch((e: Error) => e.message);
    await kept;
    expect(await failed).toBe('rolled back');
    expect(await names()).toEqual(['kept']);
  });

  it('keeps a plain write made while another transaction is open and then rolls back', async () => {
    const failed = t.dataSource.transaction(async (tx) => {
      await tx.getRepository(AlertRuleSet).insert({ rules: '{}', createdBy: 'undone' });
      await pause(40);
      throw new Error('rolled back');
    }).catch((e: Error) => e.message);
    await pause(10);
    await t.dataSource.getRepository(AlertRuleSet).insert({ rules: '{}', createdBy: 'plain' });
    await t.dataSource.getRepository(AlertRuleSet).save({ rules: '{}', createdBy: 'saved' });
    expect(await failed).toBe('rolled back');
    expect(await names()).toEqual(['plain', 'saved']);
  });
});
