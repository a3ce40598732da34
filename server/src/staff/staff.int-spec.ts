import { DEMO_PASSWORD, REGION, TestApp } from '../../test/support/test-app';
import { TEST_DB } from '../../test/support/test-db';

describe(`regions, staff accounts and audit on ${TEST_DB}`, () => {
  let t: TestApp;
  let district: string;
  beforeAll(async () => (t = await TestApp.start()));
  afterAll(() => t.stop());
  beforeEach(async () => {
    await t.reset();
    district = await t.staffToken('region_yc');
  });

  it('creates a community under a street, with its materialized path, and refuses a fifth level', async () => {
    const streetA = await t.regionId(REGION.streetA);
    const res = await t.post(
      '/api/v1/admin/regions',
      { parentId: streetA, name: '新建社区', urbanRural: 'urban', population: 5000, urbanPopulation: 5000 },
      district,
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ level: 'community', parentId: streetA, urbanRural: 'urban' });
    expect(res.body.path).toMatch(new RegExp(`/${streetA}/${res.body.id}/$`));
    const deeper = await t.post('/api/v1/admin/regions', { parentId: res.body.id, name: '小组' }, district);
    expect(deeper.body).toMatchObject({ statusCode: 400, message: '社区/村是最低一级区域，不能再添加下级' });
    const bad = await t.post('/api/v1/admin/regions', { parentId: streetA, name: '人口有误', population: 10, urbanPopulation: 20 }, district);
    expect(bad.body.message).toBe('城镇常住人口不能大于常住人口');
  });

  it('limits a region admin to their subtree', async () => {
    const list = await t.get('/api/v1/admin/regions', district);
    expect(list.body.map((r: { name: string }) => r.name)).not.toContain('重庆市');
    expect(list.body.map((r: { name: string }) => r.name)).toContain('萱花社区');
    const city = await t.regionId(REGION.city);
    expect((await t.patch(`/api/v1/admin/regions/${city}`, { name: '改名' }, district)).status).toBe(404);
    expect((await t.post('/api/v1/admin/regions', { parentId: city, name: '新区' }, district)).body.code).toBe('REGION_OUT_OF_SCOPE');
    expect((await t.delete(`/api/v1/admin/regions/${await t.regionId(REGION.streetA)}`, district)).body.code).toBe('CONFLICT');
  });

  it('lets a region admin create staff only below their rank and inside their region', async () => {
    const streetA = await t.regionId(REGION.streetA);
    const created = await t.post(
      '/api/v1/admin/staff',
      { username: 'new_editor', displayName: '新编辑', role: 'content_editor', regionId: streetA, password: 'Strong#Pass1' },
      district,
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ mustChangePassword: true, regionName: '胜利路街道' });
    expect(
      (await t.post('/api/v1/admin/staff', { username: 'boss', displayName: 'x', role: 'system_admin', regionId: streetA, password: 'Strong#Pass1' }, district))
        .status,
    ).toBe(403);
    const weak = await t.post(
      '/api/v1/admin/staff',
      { username: 'weakling', displayName: 'x', role: 'counsellor', regionId: streetA, password: 'password12' },
      district,
    );
    expect(weak.body.code).toBe('WEAK_PASSWORD');
    const dup = await t.post(
      '/api/v1/admin/staff',
      { username: 'editor_sl', displayName: 'x', role: 'counsellor', regionId: streetA, password: 'Strong#Pass1' },
      district,
    );
    expect(dup.status).toBe(409);
    // A content editor cannot manage accounts at all.
    expect((await t.get('/api/v1/admin/staff', await t.staffToken('editor_sl'))).status).toBe(403);
    // Reset password forces a change at next login.
    await t.post(`/api/v1/admin/staff/${created.body.id}/reset-password`, { password: 'Another#Pass2' }, district);
    const login = await t.post('/api/v1/auth/staff/login', { username: 'new_editor', password: 'Another#Pass2' });
    expect(login.body.mustChangePassword).toBe(true);
  });

  it('audits staff writes with who, what, when, IP and outcome, and scopes the log by region', async () => {
    const editorA = await t.staffToken('editor_sl');
    const streetB = await t.regionId(REGION.streetB);
    await t.post('/api/v1/admin/articles', { title: 'x', summary: '', category: 'knowledge', audiences: [], regionId: streetB, body: '<p>x</p>' }, editorA);
    const log = await t.get('/api/v1/admin/audit?action=article.create', district);
    expect(log.body.items[0]).toMatchObject({
      actorType: 'staff',
      actorName: 'editor_sl',
      action: 'article.create',
      outcome: 'failure',
      statusCode: 403,
      ip: '127.0.0.1',
    });
    expect(new Date(log.body.items[0].at).getTime()).toBeGreaterThan(Date.now() - 60_000);
    // Street B's editor cannot read the audit log; the city admin can.
    expect((await t.get('/api/v1/admin/audit', await t.staffToken('editor_zx'))).status).toBe(403);
    // There is no way to change or delete audit records through the API.
    expect((await t.delete(`/api/v1/admin/audit/${log.body.items[0].id}`, district)).status).toBe(404);
  });

  it('needs demo password to be the documented one', async () => {
    expect((await t.post('/api/v1/auth/staff/login', { username: 'checkin_sl', password: DEMO_PASSWORD })).status).toBe(201);
  });
});
