import {
  addChinaDays,
  BOOKING_CONSENT_VERSION,
  chinaDate,
  chinaMinuteOfDay,
  getBuiltInScale,
  parseQuietHours,
  quietHoursEnd,
  SCALE_CONSENT_VERSION,
  type AlertDispatchEvent,
  type HelpUrgency,
} from '@xinqiao/shared';
import { randomUUID } from 'crypto';
import { JobsService } from '../../common/jobs/jobs.service';
import { AlertEscalation } from './entities/alert-escalation.entity';
import { ALERT_ESCALATE_JOB, AlertDispatchService } from './services/alert-dispatch.service';
import { StaffNoticeFakes, type ReceivedNotice } from '../../../test/support/staff-notice-fakes';
import { REGION, TestApp } from '../../../test/support/test-app';
import { TEST_DB } from '../../../test/support/test-db';

const MIN = 60_000;
const HOUR = 60 * MIN;
const PHQ9 = getBuiltInScale('phq-9')!;
const hm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
/** Quiet hours from an hour before to two hours after the tests start: yellow alerts raised while they run fall in them. */
const startedMinute = chinaMinuteOfDay(new Date());
const QUIET = `${hm((startedMinute + 1380) % 1440)}-${hm((startedMinute + 120) % 1440)}`;
const ALL_WEEK = [1, 2, 3, 4, 5, 6, 7] as const;

/** [kind, level, step, region, names] of each timeline entry: what the admin's timeline shows. */
const steps = (events: AlertDispatchEvent[]) => events.map((e) => [e.kind, e.level, e.step, e.regionName, e.staff.map((s) => s.name)]);
/** [channel, to whom]: an SMS to a staff member (username), a robot message to a region (code). */
const reached = (notices: ReceivedNotice[]) => notices.map((n) => [n.via, n.to]);
const NEW_STAFF_PASSWORD = 'Duty#Test2026x';

describe(`duty rosters, dispatch and escalation of alerts on ${TEST_DB}`, () => {
  let t: TestApp;
  let jobs: JobsService;
  let kick: jest.SpyInstance;
  /** SMS and 企业微信 robots, the staff channels a notice of the tests goes out on (nobody is connected live, WeChat is not set up). */
  const fakes = new StaffNoticeFakes();
  /** The test's clock: a minute ahead of the real one, so the jobs' time is the test's. */
  let t0: Date;
  const at = (ms: number) => new Date(t0.getTime() + ms);
  /** Everything due at `time`: the queue (dispatches, notices) and the escalation sweep the schedule runs every minute. */
  async function run(time: Date): Promise<void> {
    await jobs.idle(time);
    await t.app.get(AlertDispatchService).escalateDue(time);
    await jobs.idle(time);
  }

  beforeAll(async () => {
    await fakes.start();
    t = await TestApp.start({ JOB_POLL_MS: '60000', ALERT_QUIET_HOURS: QUIET, ALERT_CLAIM_ESCALATE_MINUTES: '30', ...fakes.env() });
    jobs = t.app.get(JobsService);
    kick = quietKick();
  });
  /**
   * The queue runs on the test's clock (`run`) only. The immediate poll a new alert asks for
   * (`kick`) would run its dispatch and notices on the real clock, a minute behind, racing `run`:
   * timeline entries out of order, a failed send's back-off counted from the other clock. The
   * last test lets it run, on the real clock alone.
   */
  const quietKick = () => jest.spyOn(t.app.get(AlertDispatchService), 'kick').mockImplementation(() => undefined);
  afterAll(async () => {
    await t.stop();
    await fakes.stop();
  });
  // The recurring rows are left out (reset empties the queue): `idle(at)` ahead of the real clock
  // would run them again and again, as their next run is counted from the real clock. The sweep is
  // run at the test's time by `run` instead, and its schedule is tested on its own.
  beforeEach(async () => {
    await t.reset();
    fakes.reset();
    t0 = new Date(Date.now() + MIN);
    // Everyone on the demo ladder of 胜利路街道 has a mobile; the community, the street and the
    // district each a group robot of their own, so every send names whom it reached.
    for (const username of ['counsellor_sl', 'region_yc']) await fakes.giveMobile(t, username, await t.staffToken(username));
    const admin = await t.staffToken('region_yc');
    for (const code of [REGION.communityA1, REGION.streetA, REGION.district]) await fakes.giveRobot(t, code, admin);
  });

  const staffId = async (username: string) => Number((await t.dataSource.query('SELECT id FROM staff WHERE username = ?', [username]))[0].id);
  const timeline = async (alertId: number): Promise<AlertDispatchEvent[]> => {
    const res = await t.get(`/api/v1/admin/alerts/${alertId}/dispatch`, await t.staffToken('region_yc'));
    expect(res.status).toBe(200);
    return res.body;
  };
  /** What the SMS provider and the robots received about the alert: SMS in order, then robot messages in order. */
  const sentFor = (alertId: number) => fakes.sentFor(`/alerts/${alertId}`);
  const smsTo = (alertId: number) =>
    sentFor(alertId)
      .filter((n) => n.via === 'sms')
      .map((n) => n.to);
  /** The SMS template's variables of a notice of the alert: kind, street and community, admin path. */
  const smsParams = (alertId: number, title = '红色预警') => [title, '胜利路街道萱花社区', `管理后台/alerts/${alertId}`];
  /** A robot message of the alert as taken apart from its markdown. */
  const robot = (alertId: number, to: string, text: string, colour: 'red' | 'yellow' = 'red') => ({
    via: 'robot',
    to,
    title: colour === 'red' ? '红色预警' : '黄色预警',
    colour,
    text,
    region: '胜利路街道萱花社区',
    link: `/alerts/${alertId}`,
    markdown: expect.any(String),
  });
  const sms = (alertId: number, to: string, title = '红色预警') => ({ via: 'sms', to, params: smsParams(alertId, title), link: `/alerts/${alertId}` });

  async function resident(openid: string): Promise<string> {
    const token = await t.residentToken(openid);
    await t.patch('/api/v1/me', { regionId: await t.regionId(REGION.communityA1), populationGroup: 'employee', ageBand: '35to59' }, token);
    return token;
  }

  /** A help request of a new resident of 萱花社区 (胜利路街道); `now` raises a red alert, `soon` a yellow one. */
  async function help(urgency: HelpUrgency, openid = `duty-${randomUUID()}`): Promise<{ alertId: number; noticeStatus: string; token: string }> {
    const token = await resident(openid);
    const res = await t.post(
      '/api/v1/help-requests',
      {
        urgency,
        contactPhone: '13800138000',
        contactName: '小李',
        note: null,
        regionId: await t.regionId(REGION.communityA1),
        ageBand: '35to59',
        consent: { version: BOOKING_CONSENT_VERSION, contact: true, sensitive: false },
        guardian: null,
        clientRequestId: randomUUID(),
      },
      token,
    );
    expect(res.status).toBe(201);
    return { ...res.body, token };
  }

  /** Puts a staff member on a region's roster every day, round the clock. */
  async function onDutyAllWeek(username: string, regionCode: string, role: 'primary' | 'backup'): Promise<void> {
    const admin = await t.staffToken('region_yc');
    for (const weekday of ALL_WEEK) {
      const res = await t.post(
        '/api/v1/admin/duty',
        { regionId: await t.regionId(regionCode), staffId: await staffId(username), weekday, date: null, start: '00:00', end: '24:00', role },
        admin,
      );
      expect(res.status).toBe(201);
    }
  }

  /** A new staff member, who signs in, sets their own password and a mobile for notices. */
  async function newStaff(username: string, displayName: string, role: string, regionCode: string): Promise<void> {
    const res = await t.post(
      '/api/v1/admin/staff',
      { username, displayName, role, regionId: await t.regionId(regionCode), password: NEW_STAFF_PASSWORD },
      await t.staffToken('region_yc'),
    );
    expect(res.status).toBe(201);
    const first = await t.post('/api/v1/auth/staff/login', { username, password: NEW_STAFF_PASSWORD });
    expect(first.body.mustChangePassword).toBe(true);
    const changed = await t.post(
      '/api/v1/auth/staff/password',
      { oldPassword: NEW_STAFF_PASSWORD, newPassword: `${NEW_STAFF_PASSWORD}2` },
      first.body.accessToken,
    );
    expect(changed.status).toBe(201);
    await fakes.giveMobile(t, username, changed.body.accessToken);
  }

  /**
   * The whole ladder of 胜利路街道: counsellor_sl on duty (demo roster), a district counsellor as
   * backup, a region admin of the street, and the district's region admin region_yc as its centre.
   */
  async function fullLadder(): Promise<void> {
    await newStaff('counsellor_yc', '永川区值班咨询师', 'counsellor', REGION.district);
    await newStaff('admin_sl', '胜利路街道管理员', 'region_admin', REGION.streetA);
    await onDutyAllWeek('counsellor_yc', REGION.streetA, 'backup');
  }

  it('keeps rosters per region: region admins write them (audited), counsellors read them, every mistake a 400 naming the field', async () => {
    const admin = await t.staffToken('region_yc');
    const counsellor = await t.staffToken('counsellor_sl');
    const streetA = await t.regionId(REGION.streetA);
    const sl = await staffId('counsellor_sl');

    const demo = (await t.get(`/api/v1/admin/duty?regionId=${streetA}`, counsellor)).body;
    expect(demo).toHaveLength(7);
    expect(demo[0]).toEqual({
      id: expect.any(Number),
      regionId: streetA,
      regionName: '胜利路街道',
      staffId: sl,
      staffName: '胜利路心理咨询师',
      inactive: false,
      weekday: 1,
      date: null,
      start: '00:00',
      end: '24:00',
      role: 'primary',
    });

    const tomorrow = addChinaDays(chinaDate(new Date()), 1);
    const entry = { regionId: streetA, staffId: sl, weekday: null, date: tomorrow, start: '20:00', end: '08:00', role: 'backup' };
    const created = await t.post('/api/v1/admin/duty', entry, admin);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ ...entry, regionName: '胜利路街道', staffName: '胜利路心理咨询师' });
    expect((await t.post('/api/v1/admin/duty', entry, admin)).status).toBe(409);
    const updated = await t.put(`/api/v1/admin/duty/${created.body.id}`, { ...entry, end: '09:00' }, admin);
    expect(updated.body).toMatchObject({ id: created.body.id, end: '09:00' });

    const fieldsOf = async (over: Record<string, unknown>) => {
      const res = await t.post('/api/v1/admin/duty', { ...entry, ...over }, admin);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      return res.body.details.fields.map((f: { field: string; message: string }) => [f.field, f.message]);
    };
    expect(await fieldsOf({ weekday: 2 })).toEqual([['date', '请选择每周几或具体日期（二选一）']]);
    expect(await fieldsOf({ date: '2020-01-01' })).toEqual([['date', '不能为已经过去的日期排班']]);
    expect(await fieldsOf({ end: '20:00' })).toEqual([['end', '开始和结束时间不能相同（结束早于开始表示跨夜到次日）']]);
    expect((await fieldsOf({ start: '25:00' }))[0][0]).toBe('start');
    expect((await fieldsOf({ role: 'chief' }))[0][0]).toBe('role');
    // Only someone who handles alerts, in the region or above it.
    expect(await fieldsOf({ staffId: await staffId('counsellor_zs') })).toEqual([['staffId', '值班人员须为本区域或上级区域、可处理预警的在岗心理咨询师']]);
    expect((await fieldsOf({ staffId: await staffId('editor_sl') }))[0][0]).toBe('staffId');
    const candidates = (await t.get(`/api/v1/admin/duty/candidates?regionId=${streetA}`, admin)).body;
    expect(candidates.map((c: { displayName: string }) => c.displayName)).toEqual(['胜利路心理咨询师']);

    // Counsellors read, never write; another street's counsellor sees only their own street.
    expect((await t.post('/api/v1/admin/duty', entry, counsellor)).status).toBe(403);
    const other = await t.staffToken('counsellor_zs');
    expect((await t.get(`/api/v1/admin/duty?regionId=${streetA}`, other)).status).toBe(403);
    expect((await t.get('/api/v1/admin/duty', other)).body.every((e: { regionName: string }) => e.regionName === '中山路街道')).toBe(true);
    expect((await t.delete(`/api/v1/admin/duty/${created.body.id}`, other)).status).toBe(403);

    expect((await t.delete(`/api/v1/admin/duty/${created.body.id}`, admin)).status).toBe(204);
    expect((await t.get(`/api/v1/admin/duty?regionId=${streetA}`, admin)).body).toHaveLength(7);
    // Every write is audited, refused ones too.
    const audited = await t.dataSource.query(`SELECT action, outcome FROM audit_logs WHERE action LIKE 'duty.%' ORDER BY id`);
    expect(audited.filter((a: { outcome: string }) => a.outcome === 'success').map((a: { action: string }) => a.action)).toEqual([
      'duty.create',
      'duty.update',
      'duty.delete',
    ]);
    expect(audited.filter((a: { outcome: string }) => a.outcome === 'failure')).toHaveLength(10);
  });

  it('says who is on duty now, and who a new alert of a community with no roster reaches first', async () => {
    const counsellor = await t.staffToken('counsellor_sl');
    const now = (await t.get(`/api/v1/admin/duty/now?regionId=${await t.regionId(REGION.streetA)}`, counsellor)).body;
    expect(now).toMatchObject({ regionName: '胜利路街道', onDuty: [{ staffName: '胜利路心理咨询师', role: 'primary', until: expect.any(String) }] });
    const community = (await t.get(`/api/v1/admin/duty/now?regionId=${await t.regionId(REGION.communityA1)}`, counsellor)).body;
    expect(community).toMatchObject({
      regionName: '萱花社区',
      onDuty: [],
      firstStep: { regionName: '胜利路街道', kind: 'primary', staff: [{ name: '胜利路心理咨询师' }] },
    });
  });

  it("sends a new red alert to the street's counsellor on duty within one run of the queue, and tells the resident only once it went out", async () => {
    const sl = await staffId('counsellor_sl');
    const community = await t.regionId(REGION.communityA1);
    const { alertId, noticeStatus, token } = await help('now');
    // Queued with the alert, in its transaction.
    expect(noticeStatus).toBe('pending');
    await run(t0);

    expect(steps(await timeline(alertId))).toEqual([
      ['no_one_on_duty', null, null, '萱花社区', []],
      ['dispatched', 0, 'primary', '胜利路街道', ['胜利路心理咨询师']],
    ]);
    // An SMS to the counsellor and a message to the community's group robot, as the providers got them.
    expect(fakes.sms.sent).toEqual([
      {
        provider: 'tencent',
        phone: `+86${fakes.mobileOf('counsellor_sl')}`,
        signName: '心桥',
        template: '100001',
        params: ['红色预警', '胜利路街道萱花社区', `管理后台/alerts/${alertId}`],
      },
    ]);
    expect(fakes.wecom.messages).toEqual([
      {
        key: `robot-${REGION.communityA1}`,
        body: {
          msgtype: 'markdown',
          markdown: {
            content: `### <font color="warning">红色预警</font>\n胜利路街道萱花社区有一条新的红色预警，请尽快认领处理\n> 区域：胜利路街道萱花社区\n[在管理后台查看](https://xq.example.cn/admin/alerts/${alertId})`,
          },
        },
      },
    ]);
    expect(sentFor(alertId)).toEqual([
      sms(alertId, 'counsellor_sl'),
      robot(alertId, REGION.communityA1, '胜利路街道萱花社区有一条新的红色预警，请尽快认领处理'),
    ]);
    // Every staff channel has its record: sent where it went out, skipped with the reason where it could not.
    const deliveries = await t.dataSource.query(
      `SELECT channel, staffId, target, status, reason FROM notification_deliveries WHERE subjectType = 'alert' AND subjectId = ? ORDER BY id`,
      [alertId],
    );
    expect(
      Object.fromEntries(
        deliveries.map((d: { channel: string; staffId: number | null; target: string | null; status: string; reason: string | null }) => [
          `${d.channel}:${d.target ?? `staff:${Number(d.staffId)}`}`,
          [d.status, d.reason],
        ]),
      ),
    ).toEqual({
      [`admin_live:staff:${sl}`]: ['skipped', 'not_connected'],
      [`wechat_subscribe:staff:${sl}`]: ['skipped', 'no_template'],
      [`sms:staff:${sl}`]: ['sent', null],
      [`admin_live:region:${community}`]: ['skipped', 'not_connected'],
      [`wecom_robot:region:${community}`]: ['sent', null],
    });
    expect(deliveries).toHaveLength(5);

    expect((await t.get(`/api/v1/me/alert-notices/${alertId}`, token)).body).toEqual({ alertId, noticeStatus: 'sent' });
    expect((await t.get(`/api/v1/me/alert-notices/${alertId}`, await t.residentToken('someone-else'))).status).toBe(404);

    // A scale result that raises a red alert says the same through its own answer.
    const scaleToken = await resident(`duty-scale-${randomUUID()}`);
    const submitted = await t.post(
      '/api/v1/scales/phq-9/responses',
      {
        scaleVersion: PHQ9.version,
        answers: Object.fromEntries(PHQ9.items.map((item) => [item.id, 3])),
        consent: { mode: 'save', followUp: true, contactPhone: '13900139000', contactName: '张女士', version: SCALE_CONSENT_VERSION },
        clientRequestId: randomUUID(),
      },
      scaleToken,
    );
    expect(submitted.body).toMatchObject({ followUpRequested: true, noticeStatus: 'pending' });
    await run(t0);
    expect((await t.get(`/api/v1/me/responses/${submitted.body.id}`, scaleToken)).body.noticeStatus).toBe('sent');
    expect(fakes.sms.sent).toHaveLength(2);
    expect(fakes.wecom.messages).toHaveLength(2);
    // Nothing about either resident in any notice.
    expect(JSON.stringify([fakes.sms.sent, fakes.wecom.messages])).not.toMatch(/13800138000|小李|13900139000|张女士/);
  });

  it("goes up to the parent region's roster when nobody is on duty, and to region admins when nobody is on duty anywhere", async () => {
    const admin = await t.staffToken('region_yc');
    await newStaff('counsellor_yc', '永川区值班咨询师', 'counsellor', REGION.district);
    await onDutyAllWeek('counsellor_yc', REGION.district, 'primary');
    for (const e of (await t.get(`/api/v1/admin/duty?regionId=${await t.regionId(REGION.streetA)}`, admin)).body) {
      expect((await t.delete(`/api/v1/admin/duty/${e.id}`, admin)).status).toBe(204);
    }
    const first = await help('now');
    await run(t0);
    expect(steps(await timeline(first.alertId))).toEqual([
      ['no_one_on_duty', null, null, '萱花社区', []],
      ['no_one_on_duty', null, null, '胜利路街道', []],
      ['dispatched', 0, 'primary', '永川区', ['永川区值班咨询师']],
    ]);
    // The district's counsellor by SMS; the community's robot as always.
    expect(reached(sentFor(first.alertId))).toEqual([
      ['sms', 'counsellor_yc'],
      ['robot', REGION.communityA1],
    ]);

    for (const e of (await t.get(`/api/v1/admin/duty?regionId=${await t.regionId(REGION.district)}`, admin)).body) {
      expect((await t.delete(`/api/v1/admin/duty/${e.id}`, admin)).status).toBe(204);
    }
    const second = await help('now');
    await run(t0);
    expect(steps(await timeline(second.alertId))).toEqual([
      ['step_empty', 0, 'primary', '萱花社区', []],
      ['step_empty', 1, 'backup', '萱花社区', []],
      ['step_empty', 2, 'region_admin', '萱花社区', []],
      ['step_empty', 3, 'centre_admin', '胜利路街道', []],
      ['dispatched', 4, 'centre_admin', '永川区', ['永川区心理服务中心']],
    ]);
    expect(reached(sentFor(second.alertId))).toEqual([
      ['sms', 'region_yc'],
      ['robot', REGION.communityA1],
    ]);
  });

  it('walks an unclaimed red alert up every step, 30 minutes apart, with each step on its timeline', async () => {
    await fullLadder();
    const { alertId, token } = await help('now');
    await run(t0);
    const dispatched = ['dispatched', 0, 'primary', '胜利路街道', ['胜利路心理咨询师']];
    expect(steps(await timeline(alertId)).at(-1)).toEqual(dispatched);

    // Not yet: 29 minutes on.
    await run(at(29 * MIN));
    expect(await timeline(alertId)).toHaveLength(2);

    await run(at(31 * MIN));
    const backup = ['escalated', 1, 'backup', '胜利路街道', ['永川区值班咨询师']];
    expect(steps(await timeline(alertId)).slice(1)).toEqual([dispatched, backup]);
    expect((await timeline(alertId)).at(-1)!.reason).toBe('unclaimed');
    // The backup by SMS, and the street's robot with why it comes to them.
    const unclaimed = '胜利路街道萱花社区的红色预警超过 30 分钟无人认领，现升级通知您，请尽快处理';
    expect(sentFor(alertId)).toEqual([
      sms(alertId, 'counsellor_sl'),
      sms(alertId, 'counsellor_yc'),
      robot(alertId, REGION.communityA1, '胜利路街道萱花社区有一条新的红色预警，请尽快认领处理'),
      robot(alertId, REGION.streetA, unclaimed),
    ]);

    await run(at(62 * MIN));
    const streetAdmin = ['escalated', 2, 'region_admin', '胜利路街道', ['胜利路街道管理员']];
    await run(at(93 * MIN));
    const centre = ['escalated', 3, 'centre_admin', '永川区', ['永川区心理服务中心']];
    // The city has nobody on duty and no region admin: the ladder ends there.
    await run(at(124 * MIN));
    const city = ['step_empty', 4, 'centre_admin', '重庆市', []];
    const end = ['ladder_end', null, null, null, []];
    await run(at(300 * MIN));
    expect(steps(await timeline(alertId)).slice(1)).toEqual([dispatched, backup, streetAdmin, centre, city, end]);
    // However often the sweep ran, each step's people had one SMS, and each step's region one robot message.
    expect(sentFor(alertId)).toEqual([
      sms(alertId, 'counsellor_sl'),
      sms(alertId, 'counsellor_yc'),
      sms(alertId, 'admin_sl'),
      sms(alertId, 'region_yc'),
      robot(alertId, REGION.communityA1, '胜利路街道萱花社区有一条新的红色预警，请尽快认领处理'),
      robot(alertId, REGION.streetA, unclaimed),
      robot(alertId, REGION.streetA, unclaimed),
      robot(alertId, REGION.district, unclaimed),
    ]);
    // Told all along, and still honest about it.
    expect((await t.get(`/api/v1/me/alert-notices/${alertId}`, token)).body.noticeStatus).toBe('sent');
  });

  it('stops escalating at claim, and escalates again when the first follow-up deadline passes without one', async () => {
    await fullLadder();
    const { alertId } = await help('now');
    await run(t0);
    const counsellor = await t.staffToken('counsellor_sl');
    expect((await t.post(`/api/v1/admin/alerts/${alertId}/claim`, undefined, counsellor)).status).toBe(200);
    await run(at(31 * MIN));
    await run(at(5 * HOUR));
    expect(steps(await timeline(alertId)).map((s) => s[0])).toEqual(['no_one_on_duty', 'dispatched']);

    // ALERT_RED_DUE_HOURS (24) after the alert, still no follow-up.
    const row = (await t.get('/api/v1/admin/alerts', counsellor)).body.items.find((a: { id: number }) => a.id === alertId);
    const due = new Date(row.dueAt);
    await run(new Date(due.getTime() - MIN));
    expect(await timeline(alertId)).toHaveLength(2);
    await run(new Date(due.getTime() + MIN));
    const events = await timeline(alertId);
    expect(steps(events).at(-1)).toEqual(['escalated', 1, 'backup', '胜利路街道', ['永川区值班咨询师']]);
    expect(events.at(-1)!.reason).toBe('overdue');
    const overdue = '胜利路街道萱花社区的红色预警已过首次跟进时限仍未跟进，现升级通知您，请尽快处理';
    expect(sentFor(alertId)).toEqual([
      sms(alertId, 'counsellor_sl'),
      sms(alertId, 'counsellor_yc'),
      robot(alertId, REGION.communityA1, '胜利路街道萱花社区有一条新的红色预警，请尽快认领处理'),
      robot(alertId, REGION.streetA, overdue),
    ]);

    // A follow-up ends it.
    expect(
      (await t.post(`/api/v1/admin/alerts/${alertId}/follow-ups`, { at: new Date().toISOString(), method: 'phone', outcome: '已电话联系' }, counsellor)).status,
    ).toBe(201);
    await run(new Date(due.getTime() + 2 * HOUR));
    expect(await timeline(alertId)).toHaveLength(3);
    expect(sentFor(alertId)).toHaveLength(4);
  });

  it('holds a yellow notice raised in quiet hours until they end; a red one never waits', async () => {
    const quietEnd = quietHoursEnd(t0, parseQuietHours(QUIET))!;
    expect(quietEnd).not.toBeNull();
    const yellow = await help('soon');
    const red = await help('now');
    await run(t0);

    const held = await timeline(yellow.alertId);
    expect(steps(held)).toEqual([['deferred', null, null, null, []]]);
    expect(held[0]).toMatchObject({ colour: 'yellow', until: quietEnd.toISOString() });
    expect(sentFor(yellow.alertId)).toEqual([]);
    expect((await t.get(`/api/v1/me/alert-notices/${yellow.alertId}`, yellow.token)).body.noticeStatus).toBe('pending');
    expect(steps(await timeline(red.alertId)).at(-1)).toEqual(['dispatched', 0, 'primary', '胜利路街道', ['胜利路心理咨询师']]);
    expect(sentFor(red.alertId)).toEqual([
      sms(red.alertId, 'counsellor_sl'),
      robot(red.alertId, REGION.communityA1, '胜利路街道萱花社区有一条新的红色预警，请尽快认领处理'),
    ]);

    await run(new Date(quietEnd.getTime() - MIN));
    expect(sentFor(yellow.alertId)).toEqual([]);
    await run(quietEnd);
    expect(steps(await timeline(yellow.alertId))).toEqual([
      ['deferred', null, null, null, []],
      ['no_one_on_duty', null, null, '萱花社区', []],
      ['dispatched', 0, 'primary', '胜利路街道', ['胜利路心理咨询师']],
    ]);
    expect(sentFor(yellow.alertId)).toEqual([
      sms(yellow.alertId, 'counsellor_sl', '黄色预警'),
      robot(yellow.alertId, REGION.communityA1, '胜利路街道萱花社区有一条新的黄色预警，请尽快认领处理', 'yellow'),
    ]);
    expect(fakes.wecom.messages.at(-1)!.body.markdown!.content).toMatch(/^### <font color="comment">黄色预警<\/font>\n/);
    expect((await t.get(`/api/v1/me/alert-notices/${yellow.alertId}`, yellow.token)).body.noticeStatus).toBe('sent');
    // Yellow alerts are not escalated.
    await run(new Date(quietEnd.getTime() + 3 * HOUR));
    expect(await timeline(yellow.alertId)).toHaveLength(3);
  });

  it('notifies again when a joined request raises the colour, once per colour', async () => {
    const openid = `duty-${randomUUID()}`;
    const yellow = await help('soon', openid);
    const red = await help('now', openid);
    expect(red.alertId).toBe(yellow.alertId);
    await run(t0);
    // The red notice went out at once; the yellow one, held for quiet hours, is moot after it.
    const newRed = [sms(red.alertId, 'counsellor_sl'), robot(red.alertId, REGION.communityA1, '胜利路街道萱花社区有一条新的红色预警，请尽快认领处理')];
    expect(sentFor(red.alertId)).toEqual(newRed);
    const quietEnd = quietHoursEnd(t0, parseQuietHours(QUIET))!;
    await run(new Date(quietEnd.getTime() + MIN));
    const kinds = steps(await timeline(red.alertId)).map((s) => [s[0], s[1]]);
    expect(kinds.filter(([k]) => k === 'dispatched')).toEqual([['dispatched', 0]]);
    // Hours later the unclaimed red alert has been escalated, but no new-alert notice came again, and none in yellow.
    const later = sentFor(red.alertId);
    expect(later).toEqual(expect.arrayContaining(newRed));
    expect(later.filter((n) => n.via === 'robot' && n.text.includes('有一条新的'))).toHaveLength(1);
    expect(later.filter((n) => n.via === 'sms' && n.to === 'counsellor_sl')).toHaveLength(1);
    expect(later.filter((n) => (n.via === 'sms' ? n.params[0] : n.title) !== '红色预警')).toEqual([]);
  });

  it('tells the counsellor who already holds an alert when its colour rises to red, not the others on duty', async () => {
    // A second counsellor on duty with counsellor_sl, whom a new red alert would reach too.
    await newStaff('counsellor_yc', '永川区值班咨询师', 'counsellor', REGION.district);
    await onDutyAllWeek('counsellor_yc', REGION.streetA, 'primary');
    const openid = `duty-${randomUUID()}`;
    const yellow = await help('soon', openid);
    await run(t0);
    const counsellor = await t.staffToken('counsellor_sl');
    expect((await t.post(`/api/v1/admin/alerts/${yellow.alertId}/claim`, undefined, counsellor)).status).toBe(200);
    await help('now', openid);
    await run(t0);
    expect(steps(await timeline(yellow.alertId))).toEqual([
      ['deferred', null, null, null, []],
      ['dispatched', null, 'assignee', '萱花社区', ['胜利路心理咨询师']],
    ]);
    // Only the assignee is told, never the region's group robot ("您负责的…" is addressed to one person).
    expect(sentFor(yellow.alertId)).toEqual([sms(yellow.alertId, 'counsellor_sl')]);
    // Claimed: no escalation for want of a claim.
    await run(at(40 * MIN));
    expect(await timeline(yellow.alertId)).toHaveLength(2);
    expect(sentFor(yellow.alertId)).toHaveLength(1);
    // Whereas a new red alert of someone else reaches both counsellors on duty.
    const other = await help('now');
    await run(t0);
    expect(smsTo(other.alertId).sort()).toEqual(['counsellor_sl', 'counsellor_yc']);
  });

  /** Each staff channel's record of the alert's notices: [status, reason, tries so far]. */
  async function deliveriesOf(alertId: number): Promise<Record<string, [string, string | null, number]>> {
    const rows = await t.dataSource.query(
      `SELECT channel, staffId, target, status, reason, attempts FROM notification_deliveries WHERE subjectType = 'alert' AND subjectId = ? ORDER BY id`,
      [alertId],
    );
    return Object.fromEntries(
      rows.map((d: { channel: string; staffId: number | null; target: string | null; status: string; reason: string | null; attempts: number }) => [
        `${d.channel}:${d.target ?? `staff:${Number(d.staffId)}`}`,
        [d.status, d.reason, Number(d.attempts)],
      ]),
    );
  }
  const noticeStatusOf = async (alertId: number, token: string) => (await t.get(`/api/v1/me/alert-notices/${alertId}`, token)).body.noticeStatus;

  it('with every staff channel down keeps the alert in the queue, retries each notice and records it failed, and never says it was sent', async () => {
    const sl = await staffId('counsellor_sl');
    const community = await t.regionId(REGION.communityA1);
    // SMS and 企业微信 answer 502; WeChat is not set up and nobody has the admin open.
    fakes.sms.down = true;
    fakes.wecom.down = true;
    const { alertId, noticeStatus, token } = await help('now');
    expect(noticeStatus).toBe('pending');
    await run(t0);

    // The alert is in the counsellor's queue whatever became of its notice, and was dispatched to them.
    const queue = (await t.get('/api/v1/admin/alerts', await t.staffToken('counsellor_sl'))).body.items;
    expect(queue.find((a: { id: number }) => a.id === alertId)).toMatchObject({ colour: 'red', status: 'open' });
    expect(steps(await timeline(alertId)).at(-1)).toEqual(['dispatched', 0, 'primary', '胜利路街道', ['胜利路心理咨询师']]);

    const skipped = {
      [`admin_live:staff:${sl}`]: ['skipped', 'not_connected', 1],
      [`wechat_subscribe:staff:${sl}`]: ['skipped', 'no_template', 0],
      [`admin_live:region:${community}`]: ['skipped', 'not_connected', 1],
    };
    expect(await deliveriesOf(alertId)).toEqual({
      ...skipped,
      [`sms:staff:${sl}`]: ['queued', null, 1],
      [`wecom_robot:region:${community}`]: ['queued', null, 1],
    });
    // Still being tried: pending, not sent.
    expect(await noticeStatusOf(alertId, token)).toBe('pending');

    // Back-off 10 s, 60 s, 300 s: tries two to four.
    for (const [ms, tries] of [
      [10_000, 2],
      [70_000, 3],
    ]) {
      await run(at(ms));
      const rows = await deliveriesOf(alertId);
      expect([rows[`sms:staff:${sl}`], rows[`wecom_robot:region:${community}`]]).toEqual([
        ['queued', null, tries],
        ['queued', null, tries],
      ]);
      expect(await noticeStatusOf(alertId, token)).toBe('pending');
    }
    await run(at(370_000));
    expect(await deliveriesOf(alertId)).toEqual({
      ...skipped,
      [`sms:staff:${sl}`]: ['failed', 'unavailable', 4],
      [`wecom_robot:region:${community}`]: ['failed', 'unavailable', 4],
    });
    const [smsRow] = await t.dataSource.query(`SELECT error FROM notification_deliveries WHERE subjectId = ? AND channel = 'sms'`, [alertId]);
    expect(smsRow.error).toBe('HTTP 502');
    expect([fakes.sms.calls, fakes.wecom.calls]).toEqual([4, 4]);
    expect(fakes.sentFor(`/alerts/${alertId}`)).toEqual([]);

    // Nothing went out: the resident is not told it did.
    expect(await noticeStatusOf(alertId, token)).toBe('none');
    // No more tries after the last.
    await run(at(20 * MIN));
    expect([fakes.sms.calls, fakes.wecom.calls]).toEqual([4, 4]);
    expect((await t.get('/api/v1/admin/alerts', await t.staffToken('counsellor_sl'))).body.items.map((a: { id: number }) => a.id)).toContain(alertId);
  });

  it('sends a notice once when its channels come back before the tries run out', async () => {
    const sl = await staffId('counsellor_sl');
    const community = await t.regionId(REGION.communityA1);
    fakes.sms.down = true;
    fakes.wecom.down = true;
    const { alertId, token } = await help('now');
    await run(t0);
    expect([fakes.sms.calls, fakes.wecom.calls]).toEqual([1, 1]);
    expect(await noticeStatusOf(alertId, token)).toBe('pending');

    fakes.sms.down = false;
    fakes.wecom.down = false;
    await run(at(10_000));
    expect(sentFor(alertId)).toEqual([
      sms(alertId, 'counsellor_sl'),
      robot(alertId, REGION.communityA1, '胜利路街道萱花社区有一条新的红色预警，请尽快认领处理'),
    ]);
    const rows = await deliveriesOf(alertId);
    expect([rows[`sms:staff:${sl}`], rows[`wecom_robot:region:${community}`]]).toEqual([
      ['sent', null, 2],
      ['sent', null, 2],
    ]);
    expect(await noticeStatusOf(alertId, token)).toBe('sent');

    // The later back-off times come and go: nothing is sent twice.
    await run(at(70_000));
    await run(at(370_000));
    expect([fakes.sms.calls, fakes.wecom.calls]).toEqual([2, 2]);
    expect(sentFor(alertId)).toHaveLength(2);
  });

  it('dispatches a new alert at once on the real clock, and its notices go out within a poll or two of the queue', async () => {
    kick.mockRestore();
    try {
      const started = Date.now();
      const { alertId, token } = await help('now');
      // Nobody polls the queue: the request itself sets the dispatch off.
      let dispatched = false;
      while (!dispatched && Date.now() - started < 2_000) {
        await new Promise((ok) => setTimeout(ok, 50));
        dispatched = (await timeline(alertId)).some((e) => e.kind === 'dispatched');
      }
      expect(dispatched).toBe(true);
      // The queue's poll at the default interval (JOB_POLL_MS 1 s; this app's is a minute, so the test polls).
      let polled = Date.now();
      while (fakes.sentFor(`/alerts/${alertId}`).length < 2 && Date.now() - started < 5_000) {
        await new Promise((ok) => setTimeout(ok, 50));
        if (Date.now() - polled >= 1_000) {
          polled = Date.now();
          await jobs.tick();
        }
      }
      expect(sentFor(alertId)).toEqual([
        sms(alertId, 'counsellor_sl'),
        robot(alertId, REGION.communityA1, '胜利路街道萱花社区有一条新的红色预警，请尽快认领处理'),
      ]);
      expect(Date.now() - started).toBeLessThan(3_500);
      await jobs.idle();
      expect(await noticeStatusOf(alertId, token)).toBe('sent');
    } finally {
      kick = quietKick();
    }
  });

  it('sweeps for due escalations every minute as a recurring job', async () => {
    const { alertId } = await help('now');
    await jobs.idle();
    await jobs.ensureSchedules();
    const [row] = await t.dataSource.query('SELECT status FROM jobs WHERE scheduleKey = ?', [ALERT_ESCALATE_JOB]);
    expect(row).toEqual({ status: 'queued' });
    // The last step was 31 minutes ago.
    await t.dataSource.getRepository(AlertEscalation).update({ alertId }, { lastStepAt: new Date(Date.now() - 31 * MIN) });
    await jobs.idle();
    // No backup and no street admin in the demo: straight to the district's centre.
    expect(steps(await timeline(alertId)).slice(-3)).toEqual([
      ['step_empty', 1, 'backup', '胜利路街道', []],
      ['step_empty', 2, 'region_admin', '胜利路街道', []],
      ['escalated', 3, 'centre_admin', '永川区', ['永川区心理服务中心']],
    ]);
    expect(smsTo(alertId)).toEqual(['counsellor_sl', 'region_yc']);
  });
});
