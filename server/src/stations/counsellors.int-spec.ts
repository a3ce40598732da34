import type { CounsellorSummary } from '@xinqiao/shared';
import { REGION, TestApp } from '../../test/support/test-app';
import { TEST_DB } from '../../test/support/test-db';
import { counsellorInput, createStation, idByName, stationInput } from '../../test/support/stations';
import { InUseRegistry } from './services/in-use.registry';
import { CounsellorsService } from './services/counsellors.service';

const names = (items: CounsellorSummary[]) => items.map((c) => c.name);

/** Every key anywhere in a JSON answer, to prove a field is absent at any depth. */
const keysOf = (value: unknown): string[] =>
  Array.isArray(value) ? value.flatMap(keysOf) : value && typeof value === 'object' ? Object.entries(value).flatMap(([k, v]) => [k, ...keysOf(v)]) : [];

describe(`counsellor profiles on ${TEST_DB}`, () => {
  let t: TestApp;
  let district: string;
  let manager: string;
  beforeAll(async () => (t = await TestApp.start()));
  afterAll(() => t.stop());
  beforeEach(async () => {
    await t.reset();
    [district, manager] = [await t.staffToken('region_yc'), await t.staffToken('station_sl')];
  });

  const staffId = async (username: string) => Number((await t.dataSource.query('SELECT id FROM staff WHERE username = ?', [username]))[0].id);

  it('shows the published profiles to the public, filtered, and never the staff account or the consent record', async () => {
    const sl = await idByName(t, 'stations', '胜利路街道心理服务站');
    const list = async (query = '') => names((await t.get(`/api/v1/counsellors?${query}`)).body.items);
    expect(await list()).toEqual(['李静', '王磊', '陈芳']);
    expect(await list(`stationId=${sl}`)).toEqual(['李静', '陈芳']);
    expect(await list('mode=phone')).toEqual(['李静', '陈芳']);
    expect(await list('specialty=youth')).toEqual(['王磊']);
    expect(await list(`regionId=${await t.regionId(REGION.streetB)}`)).toEqual(['王磊']);
    expect((await t.get('/api/v1/counsellors?mode=video')).body).toMatchObject({ statusCode: 400, message: expect.stringContaining('咨询方式的取值无效') });

    const li = await idByName(t, 'counsellor_profiles', '李静');
    const profile = await t.get(`/api/v1/counsellors/${li}`);
    expect(profile.body).toMatchObject({
      name: '李静',
      qualification: '国家二级心理咨询师',
      certificateNo: 'DEMO-0001',
      regionName: '胜利路街道',
      stationIds: [sl],
      modes: ['in_person', 'phone'],
    });
    const station = await t.get(`/api/v1/stations/${sl}`);
    expect(names(station.body.counsellors)).toEqual(['李静', '陈芳']);
    for (const answer of [(await t.get('/api/v1/counsellors')).body, profile.body, station.body]) {
      expect(keysOf(answer)).not.toContain('staffId');
      expect(keysOf(answer)).not.toContain('publishConsent');
    }
    // Staff see the link.
    expect((await t.get(`/api/v1/admin/counsellors/${li}`, manager)).body).toMatchObject({
      staffId: await staffId('counsellor_sl'),
      staffName: '胜利路心理咨询师（counsellor_sl）',
    });
  });

  it('publishes only with the counsellor’s consent, records when and by whom, and keeps the record when unpublished', async () => {
    const streetA = await t.regionId(REGION.streetA);
    const refused = await t.post('/api/v1/admin/counsellors', counsellorInput(streetA, { name: '赵敏', published: true, publishConsent: false }), manager);
    expect(refused.body).toMatchObject({ statusCode: 400, code: 'CONSENT_REQUIRED', message: '公开咨询师信息须先取得本人同意：请确认并勾选“本人已同意公开”' });
    expect((await t.get('/api/v1/admin/counsellors?keyword=赵敏', manager)).body.total).toBe(0);

    const draft = await t.post('/api/v1/admin/counsellors', counsellorInput(streetA, { name: '赵敏' }), manager);
    expect(draft.body).toMatchObject({ published: false, publishConsent: null });
    expect((await t.get(`/api/v1/counsellors/${draft.body.id}`)).status).toBe(404);

    const published = await t.put(
      `/api/v1/admin/counsellors/${draft.body.id}`,
      counsellorInput(streetA, { name: '赵敏', published: true, publishConsent: true }),
      manager,
    );
    expect(published.body).toMatchObject({ published: true, publishConsent: { recordedBy: '胜利路心理服务站负责人' } });
    const at = published.body.publishConsent.at;
    expect(Math.abs(Date.parse(at) - Date.now())).toBeLessThan(60_000);
    expect((await t.get(`/api/v1/counsellors/${draft.body.id}`)).body.name).toBe('赵敏');

    // Saving again while published keeps the original record; unpublishing keeps it too.
    expect(
      (
        await t.put(
          `/api/v1/admin/counsellors/${draft.body.id}`,
          counsellorInput(streetA, { name: '赵敏', bio: '简介', published: true, publishConsent: true }),
          district,
        )
      ).body.publishConsent,
    ).toEqual({ at, recordedBy: '胜利路心理服务站负责人' });
    const hidden = await t.put(`/api/v1/admin/counsellors/${draft.body.id}`, counsellorInput(streetA, { name: '赵敏', published: false }), manager);
    expect(hidden.body).toMatchObject({ published: false, publishConsent: { at, recordedBy: '胜利路心理服务站负责人' } });
    expect((await t.get(`/api/v1/counsellors/${draft.body.id}`)).status).toBe(404);
    expect(names((await t.get('/api/v1/counsellors')).body.items)).not.toContain('赵敏');
    // Published again: a new consent, by whoever records it now.
    const again = await t.put(
      `/api/v1/admin/counsellors/${draft.body.id}`,
      counsellorInput(streetA, { name: '赵敏', published: true, publishConsent: true }),
      district,
    );
    expect(again.body.publishConsent.recordedBy).toBe('永川区心理服务中心');
  });

  it('links a profile to one counsellor account of the region at most', async () => {
    const streetA = await t.regionId(REGION.streetA);
    const li = await idByName(t, 'counsellor_profiles', '李静');
    const taken = await t.post('/api/v1/admin/counsellors', counsellorInput(streetA, { staffId: await staffId('counsellor_sl') }), manager);
    expect(taken.body).toMatchObject({ statusCode: 409, code: 'CONFLICT', message: '该账号已关联咨询师「李静」，一个账号只能关联一份咨询师信息' });
    expect((await t.post('/api/v1/admin/counsellors', counsellorInput(streetA, { staffId: await staffId('editor_sl') }), manager)).body).toMatchObject({
      statusCode: 400,
      message: '只能关联角色为心理咨询师的账号',
    });
    expect((await t.post('/api/v1/admin/counsellors', counsellorInput(streetA, { staffId: await staffId('counsellor_zs') }), manager)).body).toMatchObject({
      statusCode: 400,
      message: '所选账号不存在或不在本辖区',
    });
    expect((await t.post('/api/v1/admin/counsellors', counsellorInput(streetA, { staffId: 999999 }), manager)).body.message).toBe('所选账号不存在或不在本辖区');

    // Saving 李静 with her own account is fine; moving the account to a new profile needs her unlinked first.
    const own = (await t.get(`/api/v1/admin/counsellors/${li}`, manager)).body;
    const body = {
      ...counsellorInput(streetA),
      name: own.name,
      qualification: own.qualification,
      specialties: own.specialties,
      languages: own.languages,
      modes: own.modes,
      stationIds: own.stationIds,
      staffId: own.staffId,
      published: true,
      publishConsent: true,
    };
    expect((await t.put(`/api/v1/admin/counsellors/${li}`, body, manager)).status).toBe(200);
    expect((await t.put(`/api/v1/admin/counsellors/${li}`, { ...body, staffId: null }, manager)).body.staffId).toBeNull();
    const moved = await t.post('/api/v1/admin/counsellors', counsellorInput(streetA, { staffId: await staffId('counsellor_sl') }), manager);
    expect(moved.status).toBe(201);

    // The accounts a station manager may link: the street's active counsellors, with their profile.
    expect((await t.get('/api/v1/admin/counsellors/accounts', manager)).body).toEqual([
      { id: await staffId('counsellor_sl'), username: 'counsellor_sl', displayName: '胜利路心理咨询师', regionName: '胜利路街道', counsellorId: moved.body.id },
    ]);
    expect((await t.get('/api/v1/admin/counsellors/accounts?keyword=中山路', district)).body.map((a: { username: string }) => a.username)).toEqual([
      'counsellor_zs',
    ]);

    // A counsellor finds their own profile (and only theirs); other roles have no own profile to ask for.
    expect((await t.get('/api/v1/admin/counsellors/mine', await t.staffToken('counsellor_sl'))).body.counsellor).toMatchObject({
      id: moved.body.id,
      staffId: await staffId('counsellor_sl'),
    });
    expect((await t.get('/api/v1/admin/counsellors/mine', await t.staffToken('counsellor_zs'))).body.counsellor).toMatchObject({ name: '王磊' });
    expect((await t.get('/api/v1/admin/counsellors/mine', manager)).status).toBe(403);
  });

  it('keeps station managers to their street’s profiles and stations', async () => {
    const streetA = await t.regionId(REGION.streetA);
    const wang = await idByName(t, 'counsellor_profiles', '王磊');
    const zs = await idByName(t, 'stations', '中山路街道心灵驿站');
    const centre = await idByName(t, 'stations', '永川区精神卫生中心');
    expect(names((await t.get('/api/v1/admin/counsellors', manager)).body.items)).toEqual(['李静']);
    expect((await t.get(`/api/v1/admin/counsellors/${wang}`, manager)).status).toBe(404);
    expect((await t.put(`/api/v1/admin/counsellors/${wang}`, counsellorInput(streetA), manager)).status).toBe(404);
    expect((await t.delete(`/api/v1/admin/counsellors/${wang}`, manager)).status).toBe(404);
    expect((await t.post('/api/v1/admin/counsellors', counsellorInput(streetA, { stationIds: [zs] }), manager)).body).toMatchObject({
      statusCode: 400,
      message: `所选站点不存在或不在本辖区（编号 ${zs}）`,
    });
    expect((await t.post('/api/v1/admin/counsellors', counsellorInput(await t.regionId(REGION.streetB)), manager)).body.code).toBe('REGION_OUT_OF_SCOPE');
    expect((await t.get('/api/v1/admin/counsellors', await t.staffToken('counsellor_sl'))).status).toBe(403);

    // A station linked by the district stays when the street's manager edits the profile.
    const shared = await t.post('/api/v1/admin/counsellors', counsellorInput(streetA, { name: '共享咨询师', stationIds: [centre] }), district);
    const edited = await t.put(
      `/api/v1/admin/counsellors/${shared.body.id}`,
      counsellorInput(streetA, { name: '共享咨询师', bio: '简介', stationIds: [centre] }),
      manager,
    );
    expect(edited.body).toMatchObject({ stationIds: [centre], bio: '简介' });
  });

  it('names only published stations to the public, and drops unpublished profiles from station pages', async () => {
    const streetA = await t.regionId(REGION.streetA);
    const open = await createStation(t, manager, stationInput(streetA, { name: '公开的咨询室' }));
    const closed = await createStation(t, manager, stationInput(streetA, { name: '未公开的咨询室', published: false }));
    const c = await t.post(
      '/api/v1/admin/counsellors',
      counsellorInput(streetA, { name: '孙悦', stationIds: [closed, open], published: true, publishConsent: true }),
      manager,
    );
    expect(c.body.stationIds).toEqual([open, closed]);
    expect((await t.get(`/api/v1/counsellors/${c.body.id}`)).body.stationIds).toEqual([open]);
    expect(names((await t.get(`/api/v1/counsellors?stationId=${closed}`)).body.items)).toEqual([]);
    expect(names((await t.get(`/api/v1/stations/${open}`)).body.counsellors)).toEqual(['孙悦']);
    await t.put(`/api/v1/admin/counsellors/${c.body.id}`, counsellorInput(streetA, { name: '孙悦', stationIds: [open] }), manager);
    expect((await t.get(`/api/v1/stations/${open}`)).body.counsellors).toEqual([]);
  });

  it('validates profiles with named fields', async () => {
    const streetA = await t.regionId(REGION.streetA);
    const message = async (over: object) => (await t.post('/api/v1/admin/counsellors', { ...counsellorInput(streetA), ...over }, manager)).body.message;
    expect(await message({ name: ' ' })).toBe('请求参数有误：姓名不能为空');
    expect(await message({ modes: [] })).toBe('请求参数有误：咨询方式至少 1 项');
    expect(await message({ specialties: ['astrology'] })).toMatch(/^请求参数有误：擅长领域的取值无效/);
    expect(await message({ languages: ['普通话', ' '] })).toBe('请求参数有误：语言不能为空');
    expect(await message({ photoUrl: 'http://example.com/p.jpg' })).toBe('请求参数有误：照片须为通过本系统上传的图片（/uploads/…）');
    expect(await message({ publishConsent: 'yes' })).toBe('请求参数有误：本人同意公开必须是 true 或 false');
    expect(await message({ stationIds: [999999] })).toBe('所选站点不存在或不在本辖区（编号 999999）');
  });

  it('deletes a profile unless another module (bookings) still uses it', async () => {
    const streetA = await t.regionId(REGION.streetA);
    const sl = await idByName(t, 'stations', '胜利路街道心理服务站');
    const kept = await t.post('/api/v1/admin/counsellors', counsellorInput(streetA, { name: '有预约的咨询师', stationIds: [sl] }), manager);
    const free = await t.post('/api/v1/admin/counsellors', counsellorInput(streetA, { name: '可删除的咨询师', stationIds: [sl] }), manager);
    t.app.get(InUseRegistry).onCounsellor(async (id) => (id === kept.body.id ? '有 2 条未完成的预约' : null));
    expect((await t.delete(`/api/v1/admin/counsellors/${kept.body.id}`, manager)).body).toMatchObject({
      statusCode: 409,
      message: '该咨询师信息仍在使用，不能删除：有 2 条未完成的预约',
    });
    expect((await t.delete(`/api/v1/admin/counsellors/${free.body.id}`, manager)).status).toBe(204);
    expect((await t.get(`/api/v1/admin/counsellors/${free.body.id}`, manager)).status).toBe(404);
    const [{ n }] = await t.dataSource.query('SELECT COUNT(*) AS n FROM counsellor_stations WHERE counsellorId = ?', [free.body.id]);
    expect(Number(n)).toBe(0);
  });

  it('gives the bookings module profiles by id, by staff account, and as summaries', async () => {
    const counsellors = t.app.get(CounsellorsService);
    const li = await idByName(t, 'counsellor_profiles', '李静');
    const chen = await idByName(t, 'counsellor_profiles', '陈芳');
    expect(await counsellors.get(li)).toMatchObject({
      name: '李静',
      staffId: await staffId('counsellor_sl'),
      published: true,
      publishConsent: { recordedBy: '永川区心理服务中心' },
    });
    await expect(counsellors.get(999999)).rejects.toMatchObject({ status: 404 });
    expect((await counsellors.byStaffId(await staffId('counsellor_zs')))?.name).toBe('王磊');
    expect(await counsellors.byStaffId(await staffId('editor_sl'))).toBeNull();
    const summaries = await counsellors.summaries([chen, li, 999999]);
    expect([...summaries.keys()].sort((a, b) => a - b)).toEqual([li, chen].sort((a, b) => a - b));
    expect(summaries.get(chen)).toMatchObject({ name: '陈芳', modes: ['phone', 'in_person'] });
    expect(keysOf(summaries.get(chen))).not.toContain('staffId');
  });
});
