import { REGION, TestApp } from '../../test/support/test-app';
import { TEST_DB } from '../../test/support/test-db';

describe(`residents on ${TEST_DB}`, () => {
  let t: TestApp;
  beforeAll(async () => (t = await TestApp.start()));
  afterAll(() => t.stop());
  beforeEach(() => t.reset());

  it('keeps an optional profile and validates it', async () => {
    const token = await t.residentToken('resident-profile');
    const blank = await t.get('/api/v1/me', token);
    expect(blank.body).toMatchObject({ nickname: null, regionId: null, populationGroup: null, ageBand: null });
    const community = await t.regionId(REGION.communityA1);
    const saved = await t.patch('/api/v1/me', { nickname: '小王', regionId: community, populationGroup: 'parent', ageBand: '35to59' }, token);
    expect(saved.body).toMatchObject({ nickname: '小王', regionName: '萱花社区', populationGroup: 'parent' });
    const bad = await t.patch('/api/v1/me', { populationGroup: 'alien', regionId: 999999 }, token);
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('人群的取值无效');
    const missing = await t.patch('/api/v1/me', { regionId: 999999 }, token);
    expect(missing.body.message).toBe('所选区域不存在');
    expect((await t.patch('/api/v1/me', { regionId: null }, token)).body.regionId).toBeNull();
    // The WeChat client cannot send PATCH, so PUT does the same partial update.
    expect((await t.put('/api/v1/me', { nickname: '小李' }, token)).body).toMatchObject({ nickname: '小李', populationGroup: 'parent' });
  });

  it('exports and deletes everything about the resident (PIPL)', async () => {
    const token = await t.residentToken('resident-gone');
    await t.patch('/api/v1/me', { nickname: '将被删除' }, token);
    const exported = await t.get('/api/v1/me/export', token);
    expect(exported.body).toMatchObject({ profile: { nickname: '将被删除' }, account: { openid: 'resident-gone' } });
    expect((await t.delete('/api/v1/me', token)).status).toBe(204);
    expect((await t.get('/api/v1/me', token)).status).toBe(401);
    const [{ n }] = await t.dataSource.query(`SELECT COUNT(*) AS n FROM residents WHERE openid = 'resident-gone'`);
    expect(Number(n)).toBe(0);
    // Signing in again starts a new, empty account.
    const again = await t.residentToken('resident-gone');
    expect((await t.get('/api/v1/me', again)).body.nickname).toBeNull();
  });

  it('creates one resident for concurrent first sign-ins', async () => {
    const answers = await Promise.all(Array.from({ length: 5 }, () => t.post('/api/v1/auth/dev/login', { openid: 'same-openid' })));
    expect(answers.every((a) => a.status === 201)).toBe(true);
    expect(new Set(answers.map((a) => a.body.resident.id)).size).toBe(1);
  });
});
