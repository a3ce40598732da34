import { TestApp } from '../../../test/support/test-app';
import { TEST_DB } from '../../../test/support/test-db';
import { above, subtree, visibleFrom } from './region-scope';

/** The scope operators on a real database, in find options and on a query builder, two to a query. */
describe(`region scope operators on ${TEST_DB}`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start();
    await t.reset();
    const regions = t.dataSource.getRepository<{ id: number; path: string; name: string; level: string }>('Region');
    // A private tree far from the seeded ids: /9001/ > /9001/9002/ > /9001/9002/9003/, and a sibling /9001/9004/.
    for (const [id, parentId, path] of [
      [9001, null, '/9001/'],
      [9002, 9001, '/9001/9002/'],
      [9003, 9002, '/9001/9002/9003/'],
      [9004, 9001, '/9001/9004/'],
    ] as const) {
      await regions.insert({ id, parentId, path, name: `r${id}`, level: 'district' } as never);
    }
  });
  afterAll(() => t.stop());

  const paths = (rows: { path: string }[]) => rows.map((r) => r.path).sort();
  const repo = () => t.dataSource.getRepository<{ id: number; path: string }>('Region');

  it('subtree: the region and everything below it', async () => {
    expect(paths(await repo().find({ where: { path: subtree('/9001/9002/') } }))).toEqual(['/9001/9002/', '/9001/9002/9003/']);
  });

  it('above: the region and its ancestors only', async () => {
    expect(paths(await repo().find({ where: { path: above('/9001/9002/9003/') } }))).toEqual(['/9001/', '/9001/9002/', '/9001/9002/9003/']);
  });

  it('visibleFrom: the subtree and the ancestors, not the siblings', async () => {
    expect(paths(await repo().find({ where: { path: visibleFrom('/9001/9002/') } }))).toEqual(['/9001/', '/9001/9002/', '/9001/9002/9003/']);
  });

  it('two operators in one query builder keep their own parameters', async () => {
    const rows = await repo()
      .createQueryBuilder('r')
      .where({ path: subtree('/9001/') })
      .andWhere({ path: visibleFrom('/9001/9004/') })
      .getMany();
    expect(paths(rows)).toEqual(['/9001/', '/9001/9004/']);
  });
});
