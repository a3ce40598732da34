import { TestApp } from '../../../test/support/test-app';
import { TEST_DB } from '../../../test/support/test-db';

describe(`schema on ${TEST_DB}`, () => {
  let t: TestApp;
  beforeAll(async () => (t = await TestApp.start()));
  afterAll(() => t.stop());

  it('has every migration applied and nothing pending against the entities', async () => {
    expect(await t.dataSource.showMigrations()).toBe(false);
    const diff = await t.dataSource.driver.createSchemaBuilder().log();
    expect(diff.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('can roll every migration back and apply it again', async () => {
    const count = t.dataSource.migrations.length;
    for (let i = 0; i < count; i++) await t.dataSource.undoLastMigration({ transaction: 'each' });
    const [{ n }] = await t.dataSource.query('SELECT COUNT(*) AS n FROM migrations');
    expect(Number(n)).toBe(0);
    await t.dataSource.runMigrations({ transaction: 'each' });
    expect((await t.dataSource.driver.createSchemaBuilder().log()).upQueries).toEqual([]);
  });

  it('stores Chinese text intact', async () => {
    await t.reset();
    const [row] = await t.dataSource.query(`SELECT name FROM regions WHERE code = ?`, ['500118001']);
    expect(row.name).toBe('胜利路街道');
  });
});
