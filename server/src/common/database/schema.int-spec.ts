import { getMetadataArgsStorage } from 'typeorm';
import { importClassesFromDirectories } from 'typeorm/util/DirectoryExportedClassesLoader';
import { TestApp } from '../../../test/support/test-app';
import { TEST_DB } from '../../../test/support/test-db';
import { ENTITY_FILES } from './data-source';

describe(`schema on ${TEST_DB}`, () => {
  let t: TestApp;
  beforeAll(async () => (t = await TestApp.start()));
  afterAll(() => t.stop());

  it('has every migration applied and nothing pending against the entities', async () => {
    expect(await t.dataSource.showMigrations()).toBe(false);
    const diff = await t.dataSource.driver.createSchemaBuilder().log();
    expect(diff.upQueries.map((q) => q.query)).toEqual([]);
  });

  // The app loads the entities its modules register; the migrations are generated from the files.
  it('registers every entity file through its module', async () => {
    const classes = await importClassesFromDirectories(t.dataSource.logger, ENTITY_FILES);
    const entities = new Set(getMetadataArgsStorage().tables.map((table) => table.target));
    const loaded = new Set(t.dataSource.entityMetadatas.map((m) => m.target));
    const missing = classes.filter((c) => entities.has(c) && !loaded.has(c)).map((c) => (c as { name: string }).name);
    expect(missing).toEqual([]);
    expect(loaded.size).toBe(classes.filter((c) => entities.has(c)).length);
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
