import { chinaMonth, chinaYear } from '@xinqiao/shared';
import { randomUUID } from 'crypto';
import { eventInput, inHours, publishedEvent, residentIn, signUp } from '../../test/support/events';
import { REGION, TestApp } from '../../test/support/test-app';
import { TEST_DB } from '../../test/support/test-db';

const titles = (items: { title: string }[]) => items.map((e) => e.title);

describe(`events, host units and reports on ${TEST_DB}`, () => {
  let t: TestApp;
  let organiser: string;
  beforeAll(async () => {
    t = await TestApp.start({ JOB_POLL_MS: '60000', EVENT_QUOTA_REGION_LECTURES: '1' });
  });
  afterAll(() => t.stop());
  beforeEach(async () => {
    await t.reset();
    organiser = await t.staffToken('organiser_sl');
  });

  /** An organiser of 中山路街道, made by the district admin. */
  async function zhongshanOrganiser(): Promise<string> {
    const admin = await t.staffToken('region_yc');
    await t.post(
      '/api/v1/admin/staff',
      {
        username: 'organiser_zs',
        displayName: '中山路活动组织者',
        role: 'event_organiser',
        regionId: await t.regionId(REGION.streetB),
        password: 'Organiser#2026zs',
      },
      admin,
    );
    const login = await t.post('/api/v1/auth/staff/login', { username: 'organiser_zs', password: 'Organiser#2026zs' });
    return (await t.post('/api/v1/auth/staff/password', { oldPassword: 'Organiser#2026zs', newPassword: 'Changed#2026zs' }, login.body.accessToken)).body
      .accessToken;
  }

  describe('the organiser’s editor', () => {
    it('creates a draft, edits and publishes it; residents see it only once published', async () => {
      const regionId = await t.regionId(REGION.communityA1);
      const created = await t.post('/api/v1/admin/events', eventInput(regionId, { title: '  新的讲座  ', requiredFields: ['phone', 'name'] }), organiser);
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        title: '新的讲座',
        status: 'draft',
        regionName: '萱花社区',
        offerHours: 12,
        requiredFields: ['name', 'phone'],
        version: 1,
        venue: { name: '萱花社区活动中心', location: { lat: 29.35, lng: 105.92 } },
        createdByName: '胜利路活动组织者',
        counts: { confirmed: 0, offered: 0, waitlisted: 0, walkIns: 0, checkedIn: 0 },
        quizId: null,
        campaignId: null,
      });
      const id = created.body.id;
      expect((await t.get(`/api/v1/events/${id}`)).status).toBe(404);
      const edited = await t.put(`/api/v1/admin/events/${id}`, { ...eventInput(regionId, { title: '改过的讲座', capacity: 30 }), version: 1 }, organiser);
      expect(edited.body).toMatchObject({ title: '改过的讲座', capacity: 30, version: 2 });
      const published = await t.post(`/api/v1/admin/events/${id}/publish`, undefined, organiser);
      expect(published.body).toMatchObject({ status: 'published', publishedAt: expect.any(String) });
      const detail = await t.get(`/api/v1/events/${id}`);
      expect(detail.body).toMatchObject({
        title: '改过的讲座',
        seatsLeft: 30,
        waitlistOpen: false,
        myRegistration: null,
        speakers: [{ name: '李老师', title: '心理咨询师', bio: null }],
      });
      expect((await t.delete(`/api/v1/admin/events/${id}`, organiser)).body).toMatchObject({ statusCode: 409, code: 'INVALID_STATE' });
      const audit = await t.get('/api/v1/admin/audit?action=event.create', await t.staffToken('region_yc'));
      expect(audit.body.items[0]).toMatchObject({ actorName: 'organiser_sl', outcome: 'success', resourceId: String(id) });
    });

    it('checks the input as a whole, in Chinese', async () => {
      const regionId = await t.regionId(REGION.communityA1);
      const cases: [Record<string, unknown>, string][] = [
        [{ endsAt: inHours(71) }, '结束时间必须晚于开始时间'],
        [{ signupOpensAt: inHours(80) }, '报名开始时间必须早于报名截止时间'],
        [{ cancelClosesAt: inHours(80) }, '取消报名截止时间不能晚于活动开始时间'],
        [{ hostUnitId: 99999 }, '所选承办单位不存在'],
        [{ quizId: 99999 }, '所选测验不存在'],
        [{ campaignId: 99999 }, '所选宣传活动不存在'],
        [{ placeType: 'mall' }, '场所类型的取值无效'],
        [{ capacity: 0 }, '名额不能小于 1'],
        [{ requiredFields: ['idcard'] }, '报名需填信息的取值无效'],
      ];
      for (const [over, message] of cases) {
        const res = await t.post('/api/v1/admin/events', eventInput(regionId, over), organiser);
        expect({ status: res.status, message: res.body.message }).toEqual({ status: 400, message: expect.stringContaining(message) });
      }
      const draft = await t.post('/api/v1/admin/events', eventInput(regionId), organiser);
      expect((await t.delete(`/api/v1/admin/events/${draft.body.id}`, organiser)).status).toBe(204);
    });

    it('keeps each organiser to their region, and check-in staff to reading', async () => {
      const id = await publishedEvent(t, organiser);
      const zs = await zhongshanOrganiser();
      expect((await t.get(`/api/v1/admin/events/${id}`, zs)).body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND', message: '活动不存在或无权访问' });
      expect((await t.put(`/api/v1/admin/events/${id}`, eventInput(await t.regionId(REGION.communityB1)), zs)).status).toBe(404);
      expect((await t.post(`/api/v1/admin/events/${id}/cancel`, { reason: '越权' }, zs)).status).toBe(404);
      expect((await t.get(`/api/v1/admin/events/${id}/registrations`, zs)).status).toBe(404);
      expect((await t.get(`/api/v1/admin/events/${id}/checkin-kit`, zs)).status).toBe(404);
      const outside = await t.post('/api/v1/admin/events', eventInput(await t.regionId(REGION.communityA1)), zs);
      expect(outside.body).toMatchObject({ statusCode: 403, code: 'REGION_OUT_OF_SCOPE' });
      expect(titles((await t.get('/api/v1/admin/events?pageSize=100', zs)).body.items)).toEqual(['职场心理健康讲座', '老年人心理关爱小组活动']);
      expect(titles((await t.get('/api/v1/admin/events?pageSize=100', await t.staffToken('region_yc'))).body.items)).toHaveLength(7);

      const checkin = await t.staffToken('checkin_sl');
      expect((await t.get(`/api/v1/admin/events/${id}`, checkin)).status).toBe(200);
      expect((await t.post('/api/v1/admin/events', eventInput(await t.regionId(REGION.communityA1)), checkin)).status).toBe(403);
      expect((await t.get('/api/v1/admin/events', await t.staffToken('editor_sl'))).status).toBe(403);
      expect((await t.get('/api/v1/admin/events/coverage', checkin)).status).toBe(403);
    });
  });

  describe('browsing', () => {
    it('shows residents the events around their region, by place type and date', async () => {
      const mine = await publishedEvent(t, organiser, { title: '萱花社区学校讲座', placeType: 'school' });
      await publishedEvent(t, await t.staffToken('region_yc'), { title: '区里的讲座', startsAt: inHours(200), endsAt: inHours(201) }, REGION.district);
      await publishedEvent(t, organiser, { title: '红河社区讲座' }, '500118001002');
      const ended = await publishedEvent(t, organiser, { title: '已结束的讲座', startsAt: inHours(-3), endsAt: inHours(-2) });

      const resident = await residentIn(t, 'browser', REGION.communityA1);
      const around = titles((await t.get('/api/v1/events?pageSize=100', resident)).body.items);
      expect(around).toEqual(expect.arrayContaining(['萱花社区学校讲座', '区里的讲座', '情绪管理与压力应对讲座', '中学生心理健康讲座']));
      for (const hidden of ['红河社区讲座', '亲子沟通工作坊', '职场心理健康讲座', '已结束的讲座']) expect(around).not.toContain(hidden);

      const zs = await residentIn(t, 'browser-zs', REGION.communityB1);
      const there = titles((await t.get('/api/v1/events?pageSize=100', zs)).body.items);
      expect(there).toEqual(expect.arrayContaining(['职场心理健康讲座', '区里的讲座']));
      expect(there).not.toContain('萱花社区学校讲座');

      const street = await t.get(`/api/v1/events?regionId=${await t.regionId(REGION.streetA)}&placeType=community&pageSize=100`);
      expect(titles(street.body.items).sort()).toEqual(['情绪管理与压力应对讲座', '亲子沟通工作坊', '红河社区讲座', '区里的讲座'].sort());
      expect(street.body.items.every((e: { placeType: string }) => e.placeType === 'community')).toBe(true);

      const window = await t.get(`/api/v1/events?from=${encodeURIComponent(inHours(150))}&to=${encodeURIComponent(inHours(250))}&pageSize=100`);
      expect(titles(window.body.items)).toContain('区里的讲座');
      expect(window.body.items.every((e: { startsAt: string }) => e.startsAt >= inHours(149))).toBe(true);
      const past = await t.get(`/api/v1/events?from=${encodeURIComponent(inHours(-5))}&keyword=已结束`);
      expect(past.body.items).toEqual([expect.objectContaining({ id: ended, status: 'finished' })]);
      const first = (await t.get('/api/v1/events?pageSize=100')).body.items;
      expect(first.map((e: { startsAt: string }) => e.startsAt)).toEqual([...first.map((e: { startsAt: string }) => e.startsAt)].sort());
      expect((await t.get('/api/v1/events?regionId=99999')).status).toBe(400);
      expect((await t.get(`/api/v1/events/${mine}`, resident)).body).toMatchObject({ placeType: 'school', seatsLeft: 10, myRegistration: null });
    });
  });

  describe('host units and reports', () => {
    it('keeps host units per region, and will not delete one that hosted events', async () => {
      const streetA = await t.regionId(REGION.streetA);
      const created = await t.post(
        '/api/v1/admin/host-units',
        { name: '胜利路卫生服务中心', placeType: 'agency', regionId: streetA, staffCount: 150 },
        organiser,
      );
      expect(created.body).toMatchObject({ name: '胜利路卫生服务中心', regionName: '胜利路街道', staffCount: 150 });
      const dup = await t.post('/api/v1/admin/host-units', { name: '胜利路卫生服务中心', placeType: 'agency', regionId: streetA }, organiser);
      expect(dup.body).toMatchObject({ statusCode: 409, code: 'CONFLICT' });
      const updated = await t.put(
        `/api/v1/admin/host-units/${created.body.id}`,
        { name: '胜利路社区卫生服务中心', placeType: 'agency', regionId: streetA, staffCount: null },
        organiser,
      );
      expect(updated.body).toMatchObject({ name: '胜利路社区卫生服务中心', staffCount: null });
      const list = await t.get('/api/v1/admin/host-units?placeType=agency', organiser);
      expect(list.body.items.map((u: { name: string }) => u.name).sort()).toEqual(['胜利路社区卫生服务中心', '胜利路街道办事处'].sort());
      const zs = await zhongshanOrganiser();
      expect((await t.get('/api/v1/admin/host-units', zs)).body.items.map((u: { name: string }) => u.name)).toEqual(['渝西科技有限公司']);
      expect((await t.delete(`/api/v1/admin/host-units/${created.body.id}`, zs)).status).toBe(404);

      await publishedEvent(t, organiser, { hostUnitId: created.body.id });
      expect((await t.delete(`/api/v1/admin/host-units/${created.body.id}`, organiser)).body).toMatchObject({
        statusCode: 409,
        message: '该单位已有活动记录，不能删除',
      });
      const spare = await t.post('/api/v1/admin/host-units', { name: '临时单位', placeType: 'enterprise', regionId: streetA, staffCount: 5 }, organiser);
      expect((await t.delete(`/api/v1/admin/host-units/${spare.body.id}`, organiser)).status).toBe(204);
    });

    it('reports events held, sign-ups and attendance, and the communities and units still below quota', async () => {
      const streetA = await t.regionId(REGION.streetA);
      const unit = (
        await t.post('/api/v1/admin/host-units', { name: '胜利路卫生服务中心', placeType: 'agency', regionId: streetA, staffCount: 150 }, organiser)
      ).body;
      await t.post('/api/v1/admin/host-units', { name: '人数未知的单位', placeType: 'enterprise', regionId: streetA }, organiser);
      const id = await publishedEvent(t, organiser, { hostUnitId: unit.id });
      const residents = await Promise.all(['s1', 's2', 's3'].map((o) => residentIn(t, `stats-${o}`)));
      const tickets: string[] = [];
      for (const tk of residents) tickets.push((await t.post(`/api/v1/events/${id}/registrations`, signUp(), tk)).body.ticket.token);
      // The lecture took place: it started two hours ago and ended ten minutes ago.
      const current = (await t.get(`/api/v1/admin/events/${id}`, organiser)).body;
      const held = await t.put(
        `/api/v1/admin/events/${id}`,
        { ...eventInput(current.regionId, { hostUnitId: unit.id }), startsAt: inHours(-2), endsAt: inHours(-1 / 6) },
        organiser,
      );
      expect(held.body.status).toBe('finished');
      const items = tickets.slice(0, 2).map((token) => ({ clientId: randomUUID(), token, method: 'ticket_scan', checkedInAt: new Date().toISOString() }));
      await t.post(`/api/v1/admin/events/${id}/checkins`, { items }, await t.staffToken('checkin_sl'));

      const startsAt = new Date(held.body.startsAt);
      const year = chinaYear(startsAt);
      const byPlace = (await t.get(`/api/v1/admin/events/stats?groupBy=placeType&year=${year}`, organiser)).body;
      expect(byPlace.rows.find((r: { key: string }) => r.key === 'community')).toMatchObject({ label: '社区', eventsHeld: 1, signUps: 3, attended: 2 });
      expect(byPlace.rows.find((r: { key: string }) => r.key === 'community').attendanceRate).toBeCloseTo(2 / 3);
      expect(byPlace.total).toMatchObject({ eventsHeld: 1, signUps: 3, attended: 2 });
      const byRegion = (await t.get(`/api/v1/admin/events/stats?groupBy=region&year=${year}`, organiser)).body;
      expect(byRegion.rows.find((r: { label: string }) => r.label === '萱花社区')).toMatchObject({
        key: String(await t.regionId(REGION.communityA1)),
        eventsHeld: 1,
      });
      const byMonth = (await t.get(`/api/v1/admin/events/stats?groupBy=month&year=${year}`, organiser)).body;
      expect(byMonth.rows.find((r: { key: string }) => r.key === chinaMonth(startsAt))).toMatchObject({ eventsHeld: 1, attended: 2 });
      expect((await t.get(`/api/v1/admin/events/stats?groupBy=region&regionId=${await t.regionId(REGION.streetB)}`, organiser)).body.code).toBe(
        'REGION_OUT_OF_SCOPE',
      );

      const coverage = (await t.get(`/api/v1/admin/events/coverage?year=${year}`, organiser)).body;
      expect(coverage.rules).toMatchObject({ regionLecturesPerYear: 1, unitStaffThreshold: 100, unitLecturesPerYear: 1, unitMinMinutes: 60 });
      expect(coverage.regions.map((r: { name: string; kind: string; held: number }) => [r.name, r.kind, r.held])).toEqual(
        expect.arrayContaining([
          ['红河社区', 'community', 0],
          ['五间村', 'village', 0],
        ]),
      );
      expect(coverage.regions.map((r: { name: string }) => r.name)).not.toContain('萱花社区');
      expect(coverage.units.map((u: { name: string }) => u.name)).toEqual(['永川区胜利路中学']);
      expect(coverage.unitsWithoutStaffCount).toEqual([expect.objectContaining({ name: '人数未知的单位' })]);
      expect(coverage.summary).toEqual({ regionsTotal: 3, regionsBelow: 2, unitsTotal: 2, unitsBelow: 1 });
      const all = (await t.get(`/api/v1/admin/events/coverage?year=${year}&belowOnly=false`, organiser)).body;
      expect(all.regions.find((r: { name: string }) => r.name === '萱花社区')).toMatchObject({ held: 1, required: 1, met: true });
      expect(all.units.find((u: { name: string }) => u.name === '胜利路卫生服务中心')).toMatchObject({ held: 1, met: true });
    });
  });
});
