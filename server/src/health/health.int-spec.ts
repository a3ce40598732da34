import { TestApp } from '../../test/support/test-app';
import { TEST_DB } from '../../test/support/test-db';

describe(`health on ${TEST_DB}`, () => {
  let t: TestApp;
  beforeAll(async () => (t = await TestApp.start()));
  afterAll(() => t.stop());
  afterEach(() => jest.restoreAllMocks());

  it('answers liveness and readiness while the database answers', async () => {
    expect(await t.get('/api/health/live')).toMatchObject({ status: 200, body: { status: 'ok' } });
    for (const path of ['/api/health/ready', '/api/health']) {
      expect(await t.get(path)).toMatchObject({ status: 200, body: { status: 'ok', info: { database: { status: 'up' } } } });
    }
  });

  it('stays live without the database, and is not ready', async () => {
    // Every query goes through a query runner: refusing them is the database being away, as the app sees it.
    const runners = jest.spyOn(t.dataSource, 'createQueryRunner').mockImplementation(() => {
      throw new Error('connect ECONNREFUSED');
    });
    const live = await t.get('/api/health/live');
    expect([live.status, live.body]).toEqual([200, { status: 'ok', info: {}, error: {}, details: {} }]);
    expect(live.headers['cache-control']).toMatch(/no-cache/);
    expect(runners).not.toHaveBeenCalled();
    for (const path of ['/api/health/ready', '/api/health']) {
      const ready = await t.get(path);
      expect([path, ready.status, ready.body]).toEqual([
        path,
        503,
        { statusCode: 503, code: 'DB_UNAVAILABLE', message: '数据库暂时不可用，请稍后再试', details: { database: 'down' } },
      ]);
    }
    expect(runners).toHaveBeenCalled();
  });
});
