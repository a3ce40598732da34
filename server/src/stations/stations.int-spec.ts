import { addChinaDays, chinaDate, chinaInstant, chinaWeekday, distanceMetres, type StationSummary } from '@xinqiao/shared';
import { REGION, TestApp } from '../../test/support/test-app';
import { TEST_DB } from '../../test/support/test-db';
import { residentIn } from '../../test/support/events';
import { multipart, PNG } from '../../test/support/multipart';
import { counsellorInput, createStation, idByName, stationInput } from '../../test/support/stations';
import type { StationListQueryDto } from './dto/station.dto';
import { InUseRegistry } from './services/in-use.registry';
import { StationsService } from './services/stations.service';

const SL = '胜利路街道心理服务站';
const ZS = '中山路街道心灵驿站';
const CENTRE = '永川区精神卫生中心';
const names = (items: StationSummary[]) => items.map((s) => s.name);

describe(`the station directory on ${TEST_DB}`, () => {
  let t: TestApp;
  let admin: string;
  let district: string;
  let manager: string;
  beforeAll(async () => (t = await TestApp.start()));
  afterAll(() => t.stop());
  beforeEach(async () => {
    await t.reset();
    [admin, district, manager] = [await t.adminToken(), await t.staffToken('region_yc'), await t.staffToken('station_sl')];
  });

  describe('the public list', () => {
    it('shows the published demo stations with their hours, without sign-in, ordered by region', async () => {
      await createStation(t, district, stationInput(await t.regionId(REGION.streetA), { name: '未公开的咨询室', published: false }));
      const res = await t.get('/api/v1/stations');
      expect(res.status).toBe(200);
      // Paths: 永川区 /1/2/ before its streets /1/2/3/ (胜利路) and the later 中山路.
      expect(names(res.body.items)).toEqual([CENTRE, SL, ZS]);
      const sl = res.body.items[1];
      // Mon-Fri 3.5 + 4 = 7.5 h x 5 = 37.5, Sat 3: 40.5 h.
      expect(sl).toMatchObject({
        type: 'service_station',
        regionName: '胜利路街道',
        weeklyOpenHours: 40.5,
        bookable: true,
        referralTarget: false,
        published: true,
      });
      expect(sl.location).toEqual({ lat: 29.3558, lng: 105.9265 });
      expect(typeof sl.openNow).toBe('boolean');
      expect(res.body.items[0]).toMatchObject({ type: 'mental_health_centre', bookable: false, referralTarget: true, weeklyOpenHours: 45.5 });
      expect(res.body.items[2].weeklyOpenHours).toBe(42);
    });

    it('filters by type, bookability, region and keyword, and pages within bounds', async () => {
      const list = async (query: string) => names((await t.get(`/api/v1/stations?${query}`)).body.items);
      expect(await list('type=heart_station')).toEqual([ZS]);
      expect(await list('bookable=true')).toEqual([SL, ZS]);
      expect(await list('bookable=false')).toEqual([CENTRE]);
      expect(await list(`regionId=${await t.regionId(REGION.streetA)}`)).toEqual([SL]);
      expect(await list(`regionId=${await t.regionId(REGION.district)}`)).toEqual([CENTRE, SL, ZS]);
      expect(await list('keyword=渝西大道')).toEqual([ZS]);
      const page = await t.get('/api/v1/stations?page=2&pageSize=2');
      expect(page.body).toMatchObject({ total: 3, page: 2, pageSize: 2 });
      expect(names(page.body.items)).toEqual([ZS]);

      expect((await t.get('/api/v1/stations?pageSize=101')).body).toMatchObject({ statusCode: 400, message: expect.stringContaining('每页条数不能大于 100') });
      expect((await t.get('/api/v1/stations?type=clinic')).body).toMatchObject({ statusCode: 400, message: expect.stringContaining('站点类型的取值无效') });
      expect((await t.get('/api/v1/stations?bookable=yes')).body).toMatchObject({
        statusCode: 400,
        message: expect.stringContaining('可预约必须是 true 或 false'),
      });
      expect((await t.get('/api/v1/stations?regionId=999999')).body).toMatchObject({ statusCode: 400, message: '所选区域不存在' });
    });

    it('puts the nearest first when given a position, unplaced stations last, and checks the position', async () => {
      await createStation(t, district, stationInput(await t.regionId(REGION.streetB), { name: '未标注位置的咨询室', location: null }));
      const at = { lat: 29.3487, lng: 105.9118 }; // the 中山路 驿站's own point
      const res = await t.get(`/api/v1/stations?lat=${at.lat}&lng=${at.lng}`);
      expect(names(res.body.items)).toEqual([ZS, SL, CENTRE, '未标注位置的咨询室']);
      expect(res.body.items.map((s: StationSummary) => s.distanceMetres)).toEqual([
        0,
        distanceMetres(at, { lat: 29.3558, lng: 105.9265 }),
        distanceMetres(at, { lat: 29.3652, lng: 105.9347 }),
        null,
      ]);
      // 0.0071° of latitude ≈ 790 m and 0.0147° of longitude at 29.35° N ≈ 1,425 m: about 1.6 km.
      expect(res.body.items[1].distanceMetres).toBeGreaterThan(1500);
      expect(res.body.items[1].distanceMetres).toBeLessThan(1750);
      // Without a position there is no distance.
      expect((await t.get('/api/v1/stations')).body.items.every((s: StationSummary) => s.distanceMetres === null)).toBe(true);

      expect((await t.get('/api/v1/stations?lat=29.35')).body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED', message: '请同时提供纬度和经度' });
      expect((await t.get('/api/v1/stations?lat=91&lng=105')).body).toMatchObject({ statusCode: 400, message: expect.stringContaining('纬度不能大于 90') });
      expect((await t.get('/api/v1/stations?lat=29&lng=abc')).body).toMatchObject({ statusCode: 400, message: expect.stringContaining('经度必须是数字') });
    });

    it("puts a resident's own region and its ancestors first", async () => {
      const inB = await residentIn(t, 'station-resident-b', REGION.communityB1);
      expect(names((await t.get('/api/v1/stations', inB)).body.items)).toEqual([ZS, CENTRE, SL]);
      const inA = await residentIn(t, 'station-resident-a', REGION.communityA1);
      expect(names((await t.get('/api/v1/stations', inA)).body.items)).toEqual([SL, CENTRE, ZS]);
      // An explicit region wins over the resident's own.
      expect(names((await t.get(`/api/v1/stations?regionId=${await t.regionId(REGION.streetB)}`, inA)).body.items)).toEqual([ZS]);
    });
  });

  describe('open now', () => {
    const today = () => chinaDate(new Date());

    it('follows the station exceptions: a closed day, and the next opening after it', async () => {
      const id = await createStation(t, district, stationInput(await t.regionId(REGION.streetA), { name: '全天开放的咨询室' }));
      const openOnes = async () => names((await t.get('/api/v1/stations?openNow=true')).body.items);
      expect(await openOnes()).toContain('全天开放的咨询室');
      const detail = (await t.get(`/api/v1/stations/${id}`)).body;
      expect(detail).toMatchObject({ openNow: true, nextOpenAt: null, todayHours: [{ start: '00:00', end: '24:00' }] });

      // Closed today and tomorrow (two days, so a run crossing midnight still sees a closed day).
      for (const date of [today(), addChinaDays(today(), 1)]) {
        expect((await t.post(`/api/v1/admin/stations/${id}/exceptions`, { date, hours: [], note: '内部培训' }, manager)).status).toBe(201);
      }
      expect(await openOnes()).not.toContain('全天开放的咨询室');
      const closed = (await t.get(`/api/v1/stations/${id}`)).body;
      expect(closed).toMatchObject({ openNow: false, todayHours: [] });
      expect(closed.nextOpenAt).toBe(chinaInstant(addChinaDays(today(), 2)).toISOString());
    });

    it('closes every station on a holiday and opens a 调休 weekend day with a weekday’s hours (HTTP, next 14 days)', async () => {
      const always = await createStation(t, district, stationInput(await t.regionId(REGION.streetA), { name: '全天开放的咨询室' }));
      const mondays = await createStation(
        t,
        district,
        stationInput(await t.regionId(REGION.streetA), { name: '周一开放的咨询室', weeklyHours: { 1: [{ start: '08:00', end: '10:00' }] } }),
      );
      for (const date of [today(), addChinaDays(today(), 1)]) {
        expect((await t.put(`/api/v1/admin/holidays/${date}`, { kind: 'holiday', name: '测试节', worksAs: null }, admin)).status).toBe(200);
      }
      expect((await t.get(`/api/v1/stations/${always}`)).body).toMatchObject({ openNow: false, todayHours: [] });
      expect(names((await t.get('/api/v1/stations?openNow=true')).body.items)).not.toContain('全天开放的咨询室');
      const days = (await t.get(`/api/v1/stations/${always}`)).body.days;
      expect(days).toHaveLength(14);
      expect(days[0]).toEqual({ date: today(), hours: [], holiday: '测试节放假' });
      expect(days[2]).toEqual({ date: addChinaDays(today(), 2), hours: [{ start: '00:00', end: '24:00' }], holiday: null });

      // The next Saturday within the coming week (not today or tomorrow, which are holidays now).
      let saturday = addChinaDays(today(), 2);
      while (chinaWeekday(saturday) !== 6) saturday = addChinaDays(saturday, 1);
      const index = (await t.get(`/api/v1/stations/${mondays}`)).body.days.findIndex((d: { date: string }) => d.date === saturday);
      expect((await t.get(`/api/v1/stations/${mondays}`)).body.days[index]).toEqual({ date: saturday, hours: [], holiday: null });
      expect((await t.put(`/api/v1/admin/holidays/${saturday}`, { kind: 'workday', name: '测试节', worksAs: null }, admin)).status).toBe(200);
      expect((await t.get(`/api/v1/stations/${mondays}`)).body.days[index]).toEqual({
        date: saturday,
        hours: [{ start: '08:00', end: '10:00' }],
        holiday: '测试节调休上班',
      });
    });

    it('answers open now, next opening and today for a given instant (controllable clock)', async () => {
      await createStation(
        t,
        district,
        stationInput(await t.regionId(REGION.streetA), {
          name: '工作日上午开放',
          weeklyHours: {
            1: [{ start: '09:00', end: '12:00' }],
            2: [{ start: '09:00', end: '12:00' }],
            3: [{ start: '09:00', end: '12:00' }],
            4: [{ start: '09:00', end: '12:00' }],
            5: [{ start: '09:00', end: '12:00' }],
          },
        }),
      );
      const stations = t.app.get(StationsService);
      const at = async (iso: string) => (await stations.listPublic({ keyword: '工作日上午开放' } as StationListQueryDto, null, new Date(iso))).items[0];
      // June 2026: Friday 5, Sunday 7, Monday 8. 02:00Z = 10:00 China time.
      expect(await at('2026-06-05T02:00:00Z')).toMatchObject({ openNow: true, nextOpenAt: null, todayHours: [{ start: '09:00', end: '12:00' }] });
      // At 12:00 sharp it has closed ([start, end)); it opens again Monday 09:00 China = 01:00Z.
      expect(await at('2026-06-05T04:00:00Z')).toMatchObject({ openNow: false, nextOpenAt: '2026-06-08T01:00:00.000Z' });
      expect(await at('2026-06-07T02:00:00Z')).toMatchObject({ openNow: false, todayHours: [], nextOpenAt: '2026-06-08T01:00:00.000Z' });

      // A holiday on Friday 5 closes it; Sunday 7 worked as a Friday (调休) opens it.
      await t.put('/api/v1/admin/holidays/2026-06-05', { kind: 'holiday', name: '测试节', worksAs: null }, admin);
      await t.put('/api/v1/admin/holidays/2026-06-07', { kind: 'workday', name: '测试节', worksAs: 5 }, admin);
      expect(await at('2026-06-05T02:00:00Z')).toMatchObject({ openNow: false, todayHours: [], nextOpenAt: '2026-06-07T01:00:00.000Z' });
      expect(await at('2026-06-07T02:00:00Z')).toMatchObject({ openNow: true, todayHours: [{ start: '09:00', end: '12:00' }] });
      const open = await stations.listPublic({ keyword: '工作日上午开放', openNow: true } as StationListQueryDto, null, new Date('2026-06-05T02:00:00Z'));
      expect(open.items).toEqual([]);
    });
  });

  describe('staff', () => {
    it('keeps a station manager to the stations of their street: another street’s station answers 404', async () => {
      const zs = await idByName(t, 'stations', ZS);
      expect(names((await t.get('/api/v1/admin/stations', manager)).body.items)).toEqual([SL]);
      expect((await t.get(`/api/v1/admin/stations/${zs}`, manager)).status).toBe(404);
      expect((await t.put(`/api/v1/admin/stations/${zs}`, stationInput(await t.regionId(REGION.streetB)), manager)).status).toBe(404);
      expect((await t.delete(`/api/v1/admin/stations/${zs}`, manager)).status).toBe(404);
      expect((await t.get(`/api/v1/admin/stations/${zs}/exceptions`, manager)).status).toBe(404);
      expect((await t.post(`/api/v1/admin/stations/${zs}/exceptions`, { date: chinaDate(new Date()), hours: [], note: null }, manager)).status).toBe(404);
      const elsewhere = await t.post('/api/v1/admin/stations', stationInput(await t.regionId(REGION.streetB)), manager);
      expect(elsewhere.body).toMatchObject({ statusCode: 403, code: 'REGION_OUT_OF_SCOPE' });
      // The district sees all three; counsellors and editors have no station rights.
      expect((await t.get('/api/v1/admin/stations', district)).body.total).toBe(3);
      expect((await t.get('/api/v1/admin/stations', await t.staffToken('counsellor_sl'))).status).toBe(403);
      expect((await t.get('/api/v1/admin/stations', await t.staffToken('editor_sl'))).status).toBe(403);
    });

    it('creates and edits stations, showing weekly hours and allowing a 心灵驿站 under 40 hours', async () => {
      const streetA = await t.regionId(REGION.streetA);
      const weekly = {
        3: [
          { start: '14:00', end: '17:00' },
          { start: '09:00', end: '12:00' },
        ],
        1: [{ start: '09:00', end: '12:00' }],
      };
      const created = await t.post(
        '/api/v1/admin/stations',
        stationInput(streetA, { name: '红河社区心灵驿站', type: 'heart_station', weeklyHours: weekly, published: false }),
        manager,
      );
      expect(created.status).toBe(201);
      // 3 + 3 + 3 = 9 h: under the 40 of the seeds, allowed (the admin flags it); stored sorted by day and start.
      expect(created.body).toMatchObject({ weeklyOpenHours: 9, published: false, counsellorCount: 0, regionName: '胜利路街道' });
      expect(created.body.weeklyHours).toEqual({
        1: [{ start: '09:00', end: '12:00' }],
        3: [
          { start: '09:00', end: '12:00' },
          { start: '14:00', end: '17:00' },
        ],
      });
      const edited = await t.put(
        `/api/v1/admin/stations/${created.body.id}`,
        stationInput(streetA, { name: '红河社区心灵驿站', type: 'heart_station', location: null, published: true }),
        manager,
      );
      expect(edited.body).toMatchObject({ weeklyOpenHours: 168, published: true, location: null });
      expect((await t.get(`/api/v1/admin/stations/${created.body.id}`, manager)).body.name).toBe('红河社区心灵驿站');
      const audit = await t.get('/api/v1/admin/audit?action=station.update', district);
      expect(audit.body.items[0]).toMatchObject({ actorName: 'station_sl', outcome: 'success' });
    });

    it('answers bad weekly hours with a 400 that names the weekday and the range', async () => {
      const streetA = await t.regionId(REGION.streetA);
      const bad = async (weeklyHours: unknown) =>
        (await t.post('/api/v1/admin/stations', stationInput(streetA, { weeklyHours: weeklyHours as never }), manager)).body;
      expect(
        await bad({
          2: [
            { start: '09:00', end: '12:00' },
            { start: '15:00', end: '14:00' },
          ],
        }),
      ).toMatchObject({
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: '请求参数有误：开放时间：周二第2段：开始时间须早于结束时间',
      });
      expect(
        (
          await bad({
            5: [
              { start: '09:00', end: '12:00' },
              { start: '11:00', end: '13:00' },
            ],
          })
        ).message,
      ).toBe('请求参数有误：开放时间：周五第2段：与当天的其他时间段重叠');
      expect((await bad({ 1: [{ start: '9:00', end: '12:00' }] })).message).toBe('请求参数有误：开放时间：周一第1段：时间须为 HH:mm 格式，如 09:00');
      expect((await bad({ 1: [{ start: '20:00', end: '24:30' }] })).message).toBe('请求参数有误：开放时间：周一第1段：时间须在 00:00 到 24:00 之间');
      expect((await bad({ 8: [] })).message).toBe('请求参数有误：开放时间：星期须为 1（周一）到 7（周日）');
      expect((await bad('weekdays')).message).toBe('请求参数有误：开放时间：星期须为 1（周一）到 7（周日）');

      const other = async (over: object) => (await t.post('/api/v1/admin/stations', { ...stationInput(streetA), ...over }, manager)).body.message;
      expect(await other({ photoUrl: 'https://example.com/a.png' })).toBe('请求参数有误：照片须为通过本系统上传的图片（/uploads/…）');
      expect(await other({ photoUrl: '/uploads/../../etc/passwd' })).toBe('请求参数有误：照片须为通过本系统上传的图片（/uploads/…）');
      expect(await other({ location: { lat: 95, lng: 105 } })).toBe('请求参数有误：纬度不能大于 90');
      expect(await other({ type: 'clinic' })).toMatch(/^请求参数有误：站点类型的取值无效/);
      expect(await other({ name: '   ' })).toBe('请求参数有误：站点名称不能为空');
      expect(await other({ services: ['massage'] })).toMatch(/^请求参数有误：服务项目的取值无效/);
      expect(await other({ phone: 'call me' })).toBe('请求参数有误：联系电话格式不正确');
      // A photo the station manager uploads here is accepted.
      const upload = await t.request('POST', '/api/v1/admin/uploads', { token: manager, ...multipart('file', 'station.png', 'image/png', PNG) });
      expect(upload.status).toBe(201);
      expect((await t.post('/api/v1/admin/stations', stationInput(streetA, { photoUrl: upload.body.url }), manager)).body.photoUrl).toBe(upload.body.url);
      // Counsellors upload nothing.
      expect(
        (await t.request('POST', '/api/v1/admin/uploads', { token: await t.staffToken('counsellor_sl'), ...multipart('file', 'a.png', 'image/png', PNG) }))
          .status,
      ).toBe(403);
    });

    it('keeps exceptions by date: one per date, replaced when set again, deleted only through their station', async () => {
      const sl = await idByName(t, 'stations', SL);
      const own = await createStation(t, manager, stationInput(await t.regionId(REGION.streetA), { name: '另一个咨询室' }));
      const date = addChinaDays(chinaDate(new Date()), 3);
      const first = await t.post(
        `/api/v1/admin/stations/${own}/exceptions`,
        {
          date,
          hours: [
            { start: '14:00', end: '16:00' },
            { start: '09:00', end: '10:00' },
          ],
          note: ' 临时调整 ',
        },
        manager,
      );
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({
        date,
        hours: [
          { start: '09:00', end: '10:00' },
          { start: '14:00', end: '16:00' },
        ],
        note: '临时调整',
      });
      const again = await t.post(`/api/v1/admin/stations/${own}/exceptions`, { date, hours: [], note: null }, manager);
      expect(again.body).toMatchObject({ id: first.body.id, hours: [], note: null });
      expect((await t.get(`/api/v1/admin/stations/${own}/exceptions`, manager)).body).toEqual([again.body]);
      expect((await t.get(`/api/v1/admin/stations/${own}/exceptions?from=${addChinaDays(date, 1)}`, manager)).body).toEqual([]);

      const bad = await t.post(
        `/api/v1/admin/stations/${own}/exceptions`,
        {
          date,
          hours: [
            { start: '09:00', end: '12:00' },
            { start: '10:00', end: '11:00' },
          ],
          note: null,
        },
        manager,
      );
      expect(bad.body.message).toBe('请求参数有误：当天开放时间：第2段：与当天的其他时间段重叠');
      expect((await t.post(`/api/v1/admin/stations/${own}/exceptions`, { date: '2026-02-30', hours: [], note: null }, manager)).body.message).toBe(
        '请求参数有误：日期必须是日期，格式为 YYYY-MM-DD（不含时间）',
      );

      // The exception belongs to its station: not deletable through another one.
      expect((await t.delete(`/api/v1/admin/stations/${sl}/exceptions/${first.body.id}`, manager)).status).toBe(404);
      expect((await t.delete(`/api/v1/admin/stations/${own}/exceptions/${first.body.id}`, manager)).status).toBe(204);
      expect((await t.get(`/api/v1/admin/stations/${own}/exceptions`, manager)).body).toEqual([]);
    });

    it('refuses to delete a station counsellors serve, saying why, and deletes it once free (exceptions with it)', async () => {
      const streetA = await t.regionId(REGION.streetA);
      const sl = await idByName(t, 'stations', SL);
      const refused = await t.delete(`/api/v1/admin/stations/${sl}`, manager);
      // 李静 and 陈芳 serve it, and (demo data) the bookings module has a booking ahead and availability there.
      expect(refused.body).toMatchObject({
        statusCode: 409,
        code: 'CONFLICT',
        message: expect.stringMatching(/^该站点仍在使用，不能删除：有 2 位咨询师在此服务，请先在咨询师信息中移除该站点；/),
      });

      const id = await createStation(t, manager, stationInput(streetA, { name: '待删除的咨询室' }));
      await t.post(`/api/v1/admin/stations/${id}/exceptions`, { date: chinaDate(new Date()), hours: [], note: null }, manager);
      const profile = await t.post('/api/v1/admin/counsellors', counsellorInput(streetA, { stationIds: [id] }), manager);
      expect((await t.delete(`/api/v1/admin/stations/${id}`, manager)).status).toBe(409);
      await t.put(`/api/v1/admin/counsellors/${profile.body.id}`, counsellorInput(streetA, { stationIds: [] }), manager);
      expect((await t.delete(`/api/v1/admin/stations/${id}`, manager)).status).toBe(204);
      expect((await t.get(`/api/v1/admin/stations/${id}`, manager)).status).toBe(404);
      const [{ n }] = await t.dataSource.query('SELECT COUNT(*) AS n FROM station_exceptions WHERE stationId = ?', [id]);
      expect(Number(n)).toBe(0);
    });

    it('lets other modules (bookings) refuse the deletion of a station they use', async () => {
      const id = await createStation(t, manager, stationInput(await t.regionId(REGION.streetA), { name: '有预约的咨询室' }));
      t.app.get(InUseRegistry).onStation(async (stationId) => (stationId === id ? '有 1 条未完成的预约' : null));
      expect((await t.delete(`/api/v1/admin/stations/${id}`, manager)).body).toMatchObject({
        statusCode: 409,
        message: '该站点仍在使用，不能删除：有 1 条未完成的预约',
        details: { reasons: ['有 1 条未完成的预约'] },
      });
    });

    it('keeps a region that stations use', async () => {
      const community = await t.regionId(REGION.communityA1);
      await createStation(t, district, stationInput(community));
      expect((await t.delete(`/api/v1/admin/regions/${community}`, district)).body).toMatchObject({ statusCode: 409 });
    });
  });

  describe('the holiday calendar', () => {
    it('is kept by system admins and read by station managers, with checked entries', async () => {
      expect((await t.put('/api/v1/admin/holidays/2026-10-01', { kind: 'holiday', name: '国庆节', worksAs: null }, admin)).body).toEqual({
        date: '2026-10-01',
        kind: 'holiday',
        name: '国庆节',
        worksAs: null,
      });
      // 2026-10-10 is a Saturday.
      expect((await t.put('/api/v1/admin/holidays/2026-10-10', { kind: 'workday', name: '国庆节', worksAs: 3 }, admin)).status).toBe(200);
      expect((await t.put('/api/v1/admin/holidays/2026-10-01', { kind: 'holiday', name: '国庆节（更正）', worksAs: null }, admin)).body.name).toBe(
        '国庆节（更正）',
      );
      expect((await t.get('/api/v1/admin/holidays?year=2026', manager)).body).toEqual([
        { date: '2026-10-01', kind: 'holiday', name: '国庆节（更正）', worksAs: null },
        { date: '2026-10-10', kind: 'workday', name: '国庆节', worksAs: 3 },
      ]);
      expect((await t.get('/api/v1/admin/holidays?year=2027', manager)).body).toEqual([]);

      // 2026-10-09 is a Friday: a 调休 day is a worked weekend day.
      expect((await t.put('/api/v1/admin/holidays/2026-10-09', { kind: 'workday', name: '国庆节', worksAs: null }, admin)).body).toMatchObject({
        statusCode: 400,
        message: '调休上班日须为周六或周日',
      });
      expect((await t.put('/api/v1/admin/holidays/2026-10-10', { kind: 'workday', name: '国庆节', worksAs: 6 }, admin)).body.message).toBe(
        '调休上班须按周一至周五中某一天的时间开放',
      );
      expect((await t.put('/api/v1/admin/holidays/2026-10-02', { kind: 'holiday', name: '国庆节', worksAs: 1 }, admin)).body.message).toBe(
        '放假日不开放，不需要指定按星期几上班',
      );
      expect((await t.put('/api/v1/admin/holidays/2026-13-01', { kind: 'holiday', name: '国庆节', worksAs: null }, admin)).body).toMatchObject({
        statusCode: 400,
        message: '路径参数 date 必须是日期，格式为 YYYY-MM-DD',
      });
      expect((await t.put('/api/v1/admin/holidays/2026-10-02', { kind: 'vacation', name: '国庆节', worksAs: null }, admin)).body.message).toMatch(
        /^请求参数有误：类型的取值无效/,
      );
      expect((await t.get('/api/v1/admin/holidays', manager)).body.message).toMatch(/^请求参数有误：年份/);

      expect((await t.put('/api/v1/admin/holidays/2026-10-02', { kind: 'holiday', name: '国庆节', worksAs: null }, manager)).status).toBe(403);
      expect((await t.put('/api/v1/admin/holidays/2026-10-02', { kind: 'holiday', name: '国庆节', worksAs: null }, district)).status).toBe(403);
      expect((await t.get('/api/v1/admin/holidays?year=2026', await t.staffToken('editor_sl'))).status).toBe(403);
      expect((await t.delete('/api/v1/admin/holidays/2026-10-10', admin)).status).toBe(204);
      expect((await t.delete('/api/v1/admin/holidays/2026-10-10', admin)).status).toBe(404);
    });
  });

  describe('what the bookings module uses', () => {
    it('gives per-date hours with holidays and exceptions, and only bookable published stations', async () => {
      const stations = t.app.get(StationsService);
      const sl = await idByName(t, 'stations', SL);
      await t.put('/api/v1/admin/holidays/2026-06-19', { kind: 'holiday', name: '端午节', worksAs: null }, admin);
      await t.post(`/api/v1/admin/stations/${sl}/exceptions`, { date: '2026-06-17', hours: [{ start: '14:00', end: '16:00' }], note: null }, manager);
      // Wed 17: the exception; Thu 18: the weekday; Fri 19: holiday; Sat 20: Saturday hours; Sun 21: closed.
      expect(await stations.hoursFor(sl, '2026-06-17', '2026-06-21')).toEqual([
        { date: '2026-06-17', hours: [{ start: '14:00', end: '16:00' }], holiday: null },
        {
          date: '2026-06-18',
          hours: [
            { start: '08:30', end: '12:00' },
            { start: '14:00', end: '18:00' },
          ],
          holiday: null,
        },
        { date: '2026-06-19', hours: [], holiday: '端午节放假' },
        { date: '2026-06-20', hours: [{ start: '09:00', end: '12:00' }], holiday: null },
        { date: '2026-06-21', hours: [], holiday: null },
      ]);
      await expect(stations.hoursFor(sl, '2026-06-21', '2026-06-17')).rejects.toMatchObject({ status: 400 });
      await expect(stations.hoursFor(999999, '2026-06-17', '2026-06-18')).rejects.toMatchObject({ status: 404 });

      expect((await stations.getBookable(sl)).name).toBe(SL);
      await expect(stations.getBookable(await idByName(t, 'stations', CENTRE))).rejects.toMatchObject({ status: 400 });
      const hidden = await createStation(t, manager, stationInput(await t.regionId(REGION.streetA), { published: false }));
      await expect(stations.getBookable(hidden)).rejects.toMatchObject({ status: 404 });
      expect((await t.get(`/api/v1/stations/${hidden}`)).status).toBe(404);
    });
  });
});
