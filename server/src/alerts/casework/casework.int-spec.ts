import { addChinaDays, chinaDate, chinaInstant, getBuiltInScale, SCALE_CONSENT_VERSION, type AlertIndicatorsRow, type ScaleDefinition } from '@xinqiao/shared';
import { randomUUID } from 'crypto';
import ExcelJS from 'exceljs';
import { REGION, TestApp } from '../../../test/support/test-app';
import { TEST_DB } from '../../../test/support/test-db';
import { JobsService } from '../../common/jobs/jobs.service';
import { NotificationTopics, type DueDelivery } from '../../notifications/services/notification-topics';
import { NotificationsService } from '../../notifications/services/notifications.service';
import { Alert } from '../entities/alert.entity';
import { AlertDispatchEventRow } from '../duty/entities/alert-dispatch-event.entity';
import { CaseworkService, FOLLOW_UP_DUE_TOPIC } from './services/casework.service';
import { AlertReferral } from './entities/referral.entity';

const PHQ9 = getBuiltInScale('phq-9')!;
const GAD7 = getBuiltInScale('gad-7')!;
const HOUR = 3_600_000;

function answers(def: ScaleDefinition, value: number): Record<string, number> {
  return Object.fromEntries(def.items.map((item) => [item.id, value]));
}

function submission(def: ScaleDefinition, value: number, followUp: boolean) {
  return {
    scaleVersion: def.version,
    answers: answers(def, value),
    consent: followUp
      ? { mode: 'save', followUp: true, contactPhone: '13800138000', contactName: '李先生', version: SCALE_CONSENT_VERSION }
      : { mode: 'save', followUp: false, version: SCALE_CONSENT_VERSION },
    clientRequestId: randomUUID(),
  };
}

describe(`alert casework on ${TEST_DB}`, () => {
  let t: TestApp;
  beforeAll(async () => (t = await TestApp.start()));
  afterAll(() => t.stop());
  beforeEach(() => t.reset());
  afterEach(() => jest.restoreAllMocks());

  async function resident(openid: string): Promise<string> {
    const token = await t.residentToken(openid);
    await t.patch('/api/v1/me', { regionId: await t.regionId(REGION.communityA1), populationGroup: 'employee', ageBand: '35to59' }, token);
    return token;
  }

  /** A red PHQ-9 alert of `token`'s resident in 胜利路, claimed and contacted by counsellor_sl. */
  async function claimedAlert(token: string, counsellor: string): Promise<number> {
    expect((await t.post('/api/v1/scales/phq-9/responses', submission(PHQ9, 3, true), token)).status).toBe(201);
    const [row] = await t.dataSource.query('SELECT id FROM alerts ORDER BY id DESC LIMIT 1');
    const id = Number(row.id);
    expect((await t.post(`/api/v1/admin/alerts/${id}/claim`, undefined, counsellor)).status).toBe(200);
    return id;
  }

  const contact = (over: Record<string, unknown> = {}) => ({ at: new Date().toISOString(), method: 'phone', outcome: '已电话联系，情绪平稳', ...over });
  const fields = (res: { body: { details?: { fields?: { field: string }[] } } }) => (res.body.details?.fields ?? []).map((f) => f.field);

  describe('follow-up plans', () => {
    it('lists plans due today and overdue for the assignee and the region, and reminds the assignee once on the day', async () => {
      const counsellor = await t.staffToken('counsellor_sl');
      const region = await t.staffToken('region_yc');
      const other = await t.staffToken('counsellor_zs');
      const id = await claimedAlert(await resident('plan-1'), counsellor);
      const today = chinaDate(new Date());
      const tomorrow = addChinaDays(today, 1);

      // Bad plans name their field.
      expect(fields(await t.put(`/api/v1/admin/alerts/${id}/plan`, { date: addChinaDays(today, -1), purpose: '回访' }, counsellor))).toEqual(['date']);
      expect(fields(await t.put(`/api/v1/admin/alerts/${id}/plan`, { date: tomorrow, time: '25:00', purpose: '回访' }, counsellor))).toEqual(['time']);
      expect(fields(await t.put(`/api/v1/admin/alerts/${id}/plan`, { date: tomorrow, purpose: '' }, counsellor))).toEqual(['purpose']);
      // Only the assignee plans.
      expect((await t.put(`/api/v1/admin/alerts/${id}/plan`, { date: tomorrow, purpose: '回访' }, region)).status).toBe(403);

      const planned = await t.put(`/api/v1/admin/alerts/${id}/plan`, { date: tomorrow, time: '10:30', purpose: '电话确认是否已去门诊' }, counsellor);
      expect(planned.status).toBe(200);
      expect(planned.body.followUpPlan).toMatchObject({ date: tomorrow, time: '10:30', purpose: '电话确认是否已去门诊', remindedAt: null });
      const [stored] = await t.dataSource.query('SELECT purpose FROM alert_follow_up_plans');
      expect(stored.purpose).toMatch(/^enc:v1:/);
      const [row] = (await t.get('/api/v1/admin/alerts', region)).body.items;
      expect(row.nextContact).toEqual({ date: tomorrow, time: '10:30' });
      expect(row).not.toHaveProperty('followUpPlan');

      const due = async (token: string, when: string) => (await t.get(`/api/v1/admin/alerts?due=${when}`, token)).body.items.map((a: { id: number }) => a.id);
      expect(await due(counsellor, 'today')).toEqual([]);
      // Today's plan: in 今日待随访; moved to yesterday (as time passes), in 已逾期.
      await t.put(`/api/v1/admin/alerts/${id}/plan`, { date: today, purpose: '回访' }, counsellor);
      expect([await due(counsellor, 'today'), await due(region, 'today'), await due(other, 'today')]).toEqual([[id], [id], []]);
      await t.dataSource.query('UPDATE alert_follow_up_plans SET date = ? WHERE currentKey = ?', [addChinaDays(today, -1), id]);
      expect([await due(counsellor, 'overdue'), await due(region, 'overdue'), await due(counsellor, 'today')]).toEqual([[id], [id], []]);
      expect((await t.get('/api/v1/admin/alerts?due=someday', counsellor)).status).toBe(400);

      // A contact with a next plan replaces it; the old plan is history.
      const followed = await t.post(`/api/v1/admin/alerts/${id}/follow-ups`, contact({ nextPlan: { date: tomorrow, purpose: '约定面谈' } }), counsellor);
      expect(followed.status).toBe(201);
      expect(followed.body.followUpPlan).toMatchObject({ date: tomorrow, purpose: '约定面谈' });
      expect(await due(counsellor, 'overdue')).toEqual([]);
      expect(fields(await t.post(`/api/v1/admin/alerts/${id}/follow-ups`, contact({ nextPlan: { date: '2020-01-01', purpose: 'x' } }), counsellor))).toEqual([
        'nextPlan.date',
      ]);

      // The reminder: the recurring job, on the plan's day from 08:00 China time, once.
      const jobs = t.app.get(JobsService);
      const casework = t.app.get(CaseworkService);
      const notify = jest.spyOn(t.app.get(NotificationsService), 'notifyStaff');
      const deliveries = async () =>
        Number((await t.dataSource.query(`SELECT COUNT(*) AS n FROM notification_deliveries WHERE topic = ?`, [FOLLOW_UP_DUE_TOPIC]))[0].n);
      expect(await casework.sendDueReminders(chinaInstant(today, 23 * 60))).toBe(0);
      expect(await casework.sendDueReminders(chinaInstant(tomorrow, 7 * 60 + 59))).toBe(0);
      // The recurring job, as the queue runs it at 08:05 on the day (`idle` would spin: a recurring row
      // is put back at real time plus its interval, always due again on a clock set ahead).
      await jobs.ensureSchedules(new Date());
      for (let i = 0; i < 100 && !notify.mock.calls.length; i++) {
        await jobs.tick(chinaInstant(tomorrow, 8 * 60 + 5));
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(notify).toHaveBeenCalledTimes(1);
      await jobs.idle();
      const [{ id: counsellorId }] = await t.dataSource.query(`SELECT id FROM staff WHERE username = 'counsellor_sl'`);
      expect(notify.mock.calls[0][1]).toMatchObject({ topic: FOLLOW_UP_DUE_TOPIC, subject: { type: 'alert', id }, staffIds: [Number(counsellorId)] });
      // Every record notifyStaff made (one per staff channel the branch has) exists; a second run adds none.
      const recorded = (await notify.mock.results[0].value).length;
      expect(await deliveries()).toBe(recorded);
      expect(await casework.sendDueReminders(chinaInstant(tomorrow, 9 * 60))).toBe(0);
      expect(notify).toHaveBeenCalledTimes(1);
      expect(await deliveries()).toBe(recorded);
      expect((await t.get(`/api/v1/admin/alerts/${id}`, counsellor)).body.followUpPlan.remindedAt).toEqual(expect.any(String));

      // What a staff channel shows: no name, no phone, a link to the alert; obsolete once the plan changed or the alert closed.
      const handler = t.app.get(NotificationTopics).handler(FOLLOW_UP_DUE_TOPIC)!;
      const [plan] = await t.dataSource.query('SELECT id FROM alert_follow_up_plans WHERE currentKey = ?', [id]);
      const delivery = { subject: { type: 'alert', id }, params: { planId: Number(plan.id) } } as unknown as DueDelivery;
      const message = await handler.staff!.render(delivery, new Date());
      expect(message).toMatchObject({ title: '随访提醒', link: `/alerts/${id}`, colour: 'red', region: '萱花社区' });
      expect(JSON.stringify(message)).not.toMatch(/李先生|13800138000/);
      expect(await handler.stillDue!(delivery, new Date())).toBe(true);
      await t.put(`/api/v1/admin/alerts/${id}/plan`, { date: tomorrow, purpose: '改期' }, counsellor);
      expect(await handler.stillDue!(delivery, new Date())).toBe(false);
      const [replanned] = await t.dataSource.query('SELECT id FROM alert_follow_up_plans WHERE currentKey = ?', [id]);
      const current = { ...delivery, params: { planId: Number(replanned.id) } } as DueDelivery;
      expect(await handler.stillDue!(current, new Date())).toBe(true);
      expect((await t.post(`/api/v1/admin/alerts/${id}/close`, { outcome: 'resolved', note: '情况好转' }, counsellor)).status).toBe(200);
      expect(await handler.stillDue!(current, new Date())).toBe(false);
      // Closing ends the plan: no reminder, no place in the lists.
      expect(await casework.sendDueReminders(chinaInstant(tomorrow, 12 * 60))).toBe(0);
      expect(await due(region, 'today')).toEqual([]);
    });
  });

  describe('the case view (一户一档)', () => {
    it('shows the resident’s results, alerts, contacts, referrals and bookings to the assignee only, newest first, and records every read', async () => {
      const counsellor = await t.staffToken('counsellor_sl');
      const demo = await t.residentToken('demo-resident');
      expect((await t.post('/api/v1/scales/gad-7/responses', submission(GAD7, 1, false), demo)).status).toBe(201);
      const id = await claimedAlert(demo, counsellor);
      await t.post(`/api/v1/admin/alerts/${id}/follow-ups`, contact(), counsellor);
      const [target] = (await t.get('/api/v1/admin/alerts/referral-targets', counsellor)).body;
      expect((await t.post(`/api/v1/admin/alerts/${id}/referrals`, { stationId: target.id, reason: '建议精神科评估' }, counsellor)).status).toBe(201);

      const res = await t.get(`/api/v1/admin/alerts/${id}/case`, counsellor);
      expect(res.status).toBe(200);
      const entries: { type: string; at: string }[] = res.body.entries;
      const [{ n: bookings }] = await t.dataSource.query(
        `SELECT COUNT(*) AS n FROM bookings b JOIN residents r ON r.id = b.residentId WHERE r.openid = 'demo-resident'`,
      );
      const count = (type: string) => entries.filter((e) => e.type === type).length;
      expect([count('scale'), count('alert'), count('follow_up'), count('referral'), count('booking')]).toEqual([2, 1, 1, 1, Number(bookings)]);
      expect(Number(bookings)).toBeGreaterThan(0);
      const times = entries.map((e) => Date.parse(e.at));
      expect(times).toEqual([...times].sort((a, b) => b - a));
      expect(entries.find((e) => e.type === 'scale' && (e as unknown as { scaleCode: string }).scaleCode === 'gad-7')).toMatchObject({
        scaleTitle: expect.any(String),
        score: expect.any(Number),
        bandLabel: expect.any(String),
      });
      expect(entries.find((e) => e.type === 'booking')).toEqual(expect.objectContaining({ kind: expect.any(String), status: expect.any(String) }));
      // No answers, contact details, intakes or session notes.
      const text = JSON.stringify(res.body);
      expect(text).not.toMatch(/13800138000|李先生|answers|contactPhone|topic|note/);

      // Nobody else: another street's counsellor 404, the region admin 403, an alert the counsellor has not claimed 403.
      expect((await t.get(`/api/v1/admin/alerts/${id}/case`, await t.staffToken('counsellor_zs'))).status).toBe(404);
      expect((await t.get(`/api/v1/admin/alerts/${id}/case`, await t.staffToken('region_yc'))).status).toBe(403);
      expect((await t.post('/api/v1/scales/phq-9/responses', submission(PHQ9, 3, true), await resident('unclaimed'))).status).toBe(201);
      const [unclaimed] = await t.dataSource.query(`SELECT id FROM alerts WHERE status = 'open'`);
      expect((await t.get(`/api/v1/admin/alerts/${unclaimed.id}/case`, counsellor)).status).toBe(403);
      const audit = await t.dataSource.query(`SELECT actorName, outcome, statusCode FROM audit_logs WHERE action = 'alert.case.read' ORDER BY id`);
      expect(audit.map((a: { actorName: string; statusCode: number }) => [a.actorName, a.statusCode])).toEqual([
        ['counsellor_sl', 200],
        ['counsellor_zs', 404],
        ['region_yc', 403],
        ['counsellor_sl', 403],
      ]);
    });
  });

  describe('referral and closing', () => {
    it('records a referral, its acceptance and outcome on the timeline, and closes only with a coded outcome', async () => {
      const counsellor = await t.staffToken('counsellor_sl');
      const id = await claimedAlert(await resident('refer-1'), counsellor);
      await t.post(`/api/v1/admin/alerts/${id}/follow-ups`, contact(), counsellor);

      const targets = (await t.get('/api/v1/admin/alerts/referral-targets', counsellor)).body;
      expect(targets.map((s: { name: string }) => s.name)).toContain('永川区精神卫生中心');
      expect(targets.every((s: { type: string }) => ['mental_health_centre', 'hospital', 'hospital_clinic'].includes(s.type))).toBe(true);
      const [bookable] = await t.dataSource.query(`SELECT id FROM stations WHERE type = 'service_station' LIMIT 1`);

      // Closing: the outcome is required and coded; `referred` needs a referral first.
      const noOutcome = await t.post(`/api/v1/admin/alerts/${id}/close`, { note: '结案' }, counsellor);
      expect(noOutcome.status).toBe(400);
      expect(fields(noOutcome)).toEqual(['outcome']);
      expect(fields(await t.post(`/api/v1/admin/alerts/${id}/close`, { outcome: 'gone', note: '结案' }, counsellor))).toEqual(['outcome']);
      expect(fields(await t.post(`/api/v1/admin/alerts/${id}/close`, { outcome: 'resolved' }, counsellor))).toEqual(['note']);
      const early = await t.post(`/api/v1/admin/alerts/${id}/close`, { outcome: 'referred', note: '已转介' }, counsellor);
      expect([early.status, early.body.code]).toEqual([409, 'REFERRAL_REQUIRED']);

      expect(fields(await t.post(`/api/v1/admin/alerts/${id}/referrals`, { stationId: Number(bookable.id), reason: '评估' }, counsellor))).toEqual([
        'stationId',
      ]);
      expect(fields(await t.post(`/api/v1/admin/alerts/${id}/referrals`, { stationId: targets[0].id, reason: '' }, counsellor))).toEqual(['reason']);
      const sent = await t.post(
        `/api/v1/admin/alerts/${id}/referrals`,
        { stationId: targets[0].id, reason: '建议精神科评估', note: '已与对方门诊电话沟通' },
        counsellor,
      );
      expect(sent.status).toBe(201);
      expect(sent.body.referrals).toEqual([
        expect.objectContaining({ stationName: targets[0].name, status: 'sent', reason: '建议精神科评估', respondedOn: null, outcome: null }),
      ]);
      const referralId = sent.body.referrals[0].id;
      const [stored] = await t.dataSource.query('SELECT reason, note FROM alert_referrals');
      expect([stored.reason, stored.note]).toEqual([expect.stringMatching(/^enc:v1:/), expect.stringMatching(/^enc:v1:/)]);

      const today = chinaDate(new Date());
      // No outcome before the institution accepted; dates in order.
      expect((await t.post(`/api/v1/admin/alerts/${id}/referrals/${referralId}/outcome`, { outcome: '已就诊', date: today }, counsellor)).status).toBe(409);
      expect(
        fields(await t.post(`/api/v1/admin/alerts/${id}/referrals/${referralId}/response`, { status: 'accepted', date: addChinaDays(today, 1) }, counsellor)),
      ).toEqual(['date']);
      expect(fields(await t.post(`/api/v1/admin/alerts/${id}/referrals/${referralId}/response`, { status: 'maybe', date: today }, counsellor))).toEqual([
        'status',
      ]);
      const accepted = await t.post(`/api/v1/admin/alerts/${id}/referrals/${referralId}/response`, { status: 'accepted', date: today }, counsellor);
      expect(accepted.body.referrals[0]).toMatchObject({ status: 'accepted', respondedOn: today });
      expect((await t.post(`/api/v1/admin/alerts/${id}/referrals/${referralId}/response`, { status: 'declined', date: today }, counsellor)).status).toBe(409);
      // Only the assignee; another alert's referral is not found.
      expect(
        (await t.post(`/api/v1/admin/alerts/${id}/referrals/${referralId}/response`, { status: 'accepted', date: today }, await t.staffToken('region_yc')))
          .status,
      ).toBe(403);

      const closed = await t.post(`/api/v1/admin/alerts/${id}/close`, { outcome: 'referred', note: '已转介至精神卫生中心' }, counsellor);
      expect(closed.status).toBe(200);
      expect(closed.body).toMatchObject({ status: 'closed', closeOutcome: 'referred', followUpPlan: null });
      // The outcome is often known after closing: the assignee records it then.
      const done = await t.post(`/api/v1/admin/alerts/${id}/referrals/${referralId}/outcome`, { outcome: '已确诊并开始治疗', date: today }, counsellor);
      expect(done.status).toBe(200);
      expect(done.body.referrals[0]).toMatchObject({ outcome: '已确诊并开始治疗', outcomeOn: today });
      expect((await t.post(`/api/v1/admin/alerts/${id}/referrals/${referralId}/outcome`, { outcome: '再次', date: today }, counsellor)).status).toBe(409);
      // But no new referral on a closed alert.
      expect((await t.post(`/api/v1/admin/alerts/${id}/referrals`, { stationId: targets[0].id, reason: '再转' }, counsellor)).status).toBe(409);
      expect((await t.get(`/api/v1/admin/alerts?status=closed`, counsellor)).body.items[0]).toMatchObject({ id, closeOutcome: 'referred', nextContact: null });
    });
  });

  describe('indicators (预警处置指标)', () => {
    /** Alerts and referrals as they would stand, with the times chosen (China time). */
    async function seed() {
      const [resident] = await t.dataSource.query(`SELECT id FROM residents WHERE openid = 'demo-resident'`);
      const place = async (code: string) => (await t.dataSource.query('SELECT id, path FROM regions WHERE code = ?', [code]))[0];
      const a = await place(REGION.communityA1);
      const b = await place(REGION.communityB1);
      const repo = t.dataSource.getRepository(Alert);
      const alert = async (
        where: { id: number; path: string },
        colour: 'red' | 'yellow' | 'green',
        created: Date,
        contactHours: number | null,
        closed?: { at: Date; outcome: 'resolved' | 'declined' },
      ) => {
        const row = await repo.save(
          repo.create({
            source: 'help_request',
            residentId: Number(resident.id),
            colour,
            priority: 0,
            status: closed ? 'closed' : 'claimed',
            regionId: Number(where.id),
            regionPath: where.path,
            firstFollowUpAt: contactHours === null ? null : new Date(created.getTime() + contactHours * HOUR),
            closedAt: closed?.at ?? null,
            closeOutcome: closed?.outcome ?? null,
            assigneeName: '胜利路心理咨询师',
          }),
        );
        await repo.update({ id: row.id }, { createdAt: created });
        return row.id;
      };
      const march10 = chinaInstant('2026-03-10');
      const closedA = { at: chinaInstant('2026-03-20', 600), outcome: 'resolved' as const };
      const reds = [];
      for (const h of [1, 2, 3, 10, 30]) reds.push(await alert(a, 'red', march10, h, closedA));
      reds.push(await alert(a, 'red', march10, null));
      for (let i = 0; i < 5; i++) await alert(a, 'yellow', march10, null);
      for (let i = 0; i < 5; i++) await alert(b, 'green', chinaInstant('2026-03-15', 720), 4, { at: chinaInstant('2026-03-25', 600), outcome: 'declined' });
      // 00:30 on 1 April in China is still 31 March in UTC: it counts in April.
      await alert(b, 'yellow', chinaInstant('2026-04-01', 30), null);
      await alert(b, 'yellow', chinaInstant('2026-02-28', 23 * 60 + 30), null);
      // Six escalation steps of 胜利路's unanswered red alert in March (unclaimed, then overdue), one in April.
      for (const [day, minute] of [
        ['2026-03-10', 60],
        ['2026-03-10', 90],
        ['2026-03-10', 120],
        ['2026-03-11', 0],
        ['2026-03-11', 30],
        ['2026-03-11', 60],
        ['2026-04-02', 0],
      ] as const) {
        await t.dataSource.getRepository(AlertDispatchEventRow).insert({
          alertId: reds[5],
          at: chinaInstant(day, minute),
          kind: 'escalated',
          colour: 'red',
          level: 1,
          step: null,
          regionId: Number(a.id),
          staff: '[]',
          reason: 'unclaimed',
          until: null,
          sendKey: null,
        });
      }
      const referrals = t.dataSource.getRepository(AlertReferral);
      for (let i = 0; i < 5; i++) {
        await referrals.save(
          referrals.create({
            alertId: reds[5],
            stationId: 1,
            stationName: '永川区精神卫生中心',
            reason: '评估',
            status: i < 2 ? 'accepted' : 'sent',
            sentAt: chinaInstant('2026-03-12', 600),
            respondedOn: i < 2 ? '2026-03-13' : null,
            outcome: i === 0 ? '已就诊' : null,
            outcomeOn: i === 0 ? '2026-04-02' : null,
            counsellorId: 1,
            counsellorName: '胜利路心理咨询师',
          }),
        );
      }
    }

    it('counts by month and sub-region with hand-worked figures, withholds small cells, and exports them', async () => {
      await seed();
      const region = await t.staffToken('region_yc');
      const res = await t.get('/api/v1/admin/alerts/indicators?fromMonth=2026-03&toMonth=2026-04', region);
      expect(res.status).toBe(200);
      expect(res.body.months).toEqual(['2026-03', '2026-04']);
      const rows: AlertIndicatorsRow[] = res.body.rows;
      const streetA = await t.regionId(REGION.streetA);
      const streetB = await t.regionId(REGION.streetB);
      const find = (month: string, regionId: number | 'total') =>
        rows.find((r) => r.month === month && (regionId === 'total' ? r.isTotal : r.regionId === regionId && !r.isTotal))!;
      const zeroOutcomes = { resolved: 0, referred: 0, declined: 0, lost_contact: 0, moved_away: 0, unrecorded: 0 };

      // 胜利路, March: 6 red and 5 yellow; contacts after 1, 2, 3, 10, 30 h: median 3, P90 at 3.6 → 10 + 0.6 × 20 = 22;
      // 4 of 6 reds within 24 h; 5 referrals made, 2 accepted (withheld), none completed in March; 5 resolved.
      expect(find('2026-03', streetA)).toMatchObject({
        raised: { red: 6, yellow: 5, green: 0, total: 11 },
        firstContactMedianHours: 3,
        firstContactP90Hours: 22,
        escalations: 6,
        referralsMade: 5,
        referralsAccepted: null,
        referralsCompleted: 0,
        outcomes: { ...zeroOutcomes, resolved: 5 },
      });
      expect(find('2026-03', streetA).redContactedWithin24h).toBeCloseTo(4 / 6, 10);
      // 中山路, March: 5 green, each contacted after 4 h; no red, so no share; 5 declined.
      expect(find('2026-03', streetB)).toMatchObject({
        raised: { red: 0, yellow: 0, green: 5, total: 5 },
        firstContactMedianHours: 4,
        firstContactP90Hours: 4,
        redContactedWithin24h: null,
        escalations: 0,
        outcomes: { ...zeroOutcomes, declined: 5 },
      });
      // The district, March: hours 1 2 3 4 4 4 4 4 10 30 → median (4 + 4) / 2 = 4, P90 at 8.1 → 10 + 0.1 × 20 = 12.
      expect(find('2026-03', 'total')).toMatchObject({
        raised: { red: 6, yellow: 5, green: 5, total: 16 },
        firstContactMedianHours: 4,
        firstContactP90Hours: 12,
        escalations: 6,
        referralsMade: 5,
        outcomes: { ...zeroOutcomes, resolved: 5, declined: 5 },
      });
      // April: one yellow in 中山路 (a cell of one, withheld with its row and the district's), one referral completed (withheld).
      expect(find('2026-04', streetB).raised).toEqual({ red: null, yellow: null, green: null, total: null });
      // One escalation step in April: a cell of one, withheld.
      expect(find('2026-04', streetA).escalations).toBeNull();
      expect(find('2026-04', 'total')).toMatchObject({
        raised: { red: null, yellow: null, green: null, total: null },
        referralsCompleted: null,
        firstContactMedianHours: null,
      });
      expect(find('2026-04', streetA).raised).toEqual({ red: 0, yellow: 0, green: 0, total: 0 });

      // Wrong input names its field; another district is out of scope.
      expect(fields(await t.get('/api/v1/admin/alerts/indicators?fromMonth=2026-13&toMonth=2026-04', region))).toEqual(['fromMonth']);
      expect(fields(await t.get('/api/v1/admin/alerts/indicators?fromMonth=2026-05&toMonth=2026-04', region))).toEqual(['toMonth']);
      expect(
        (await t.get(`/api/v1/admin/alerts/indicators?fromMonth=2026-03&toMonth=2026-04&regionId=${streetA}`, await t.staffToken('counsellor_zs'))).status,
      ).toBe(403);

      const file = await t.get('/api/v1/admin/alerts/indicators/export?fromMonth=2026-03&toMonth=2026-04', region);
      expect(file.status).toBe(200);
      expect(String(file.headers['content-type'])).toContain('spreadsheetml');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(file.raw as never);
      const sheet = wb.getWorksheet('按月份和区域')!;
      expect(sheet.getRow(1).getCell(3).value).toBe('红色预警');
      const total = sheet.getRows(2, sheet.rowCount - 1)!.find((r) => r.getCell(1).value === '2026-03' && String(r.getCell(2).value).endsWith('（合计）'))!;
      expect([total.getCell(3).value, total.getCell(6).value, total.getCell(7).value, total.getCell(8).value]).toEqual([6, 16, 4, 12]);
      const april = sheet.getRows(2, sheet.rowCount - 1)!.find((r) => r.getCell(1).value === '2026-04' && String(r.getCell(2).value).endsWith('（合计）'))!;
      expect(april.getCell(4).value).toBe('<5');
      expect(wb.getWorksheet('说明')).toBeDefined();
    });
  });
});
