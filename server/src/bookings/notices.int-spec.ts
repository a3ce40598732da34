import { randomUUID } from 'crypto';
import { BOOKING_CONSENT_VERSION, addChinaDays, chinaDate, type Slot } from '@xinqiao/shared';
import { residentIn } from '../../test/support/events';
import { FakeWechat } from '../../test/support/fake-wechat';
import { TestApp } from '../../test/support/test-app';
import { TEST_DB } from '../../test/support/test-db';
import { JobsService } from '../common/jobs/jobs.service';
import { NotificationsService } from '../notifications/services/notifications.service';

const CONFIRMED = 'TPL-booking-ok-01';
const REMINDER = 'TPL-booking-rem-01';
const CHANGED = 'TPL-booking-chg-01';
const HOUR_MS = 3_600_000;
const ALL_DAY = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '00:00', end: '24:00', mode: 'phone', stationId: null }));
const intake = { topic: null, contactPhone: '13800138000', ageBand: '18to34', consent: { version: BOOKING_CONSENT_VERSION, booking: true, sensitive: false } };

describe(`booking notices on ${TEST_DB}`, () => {
  let t: TestApp;
  let jobs: JobsService;
  let li: number;
  const wechat = new FakeWechat();

  beforeAll(async () => {
    await wechat.start();
    t = await TestApp.start({
      JOB_POLL_MS: '60000',
      WECHAT_API_BASE: wechat.baseUrl,
      WECHAT_APPID: wechat.appid,
      WECHAT_SECRET: wechat.secret,
      WECHAT_TEMPLATE_BOOKING_CONFIRMED: CONFIRMED,
      WECHAT_TEMPLATE_BOOKING_REMINDER: REMINDER,
      WECHAT_TEMPLATE_BOOKING_CHANGED: CHANGED,
    });
    jobs = t.app.get(JobsService);
  });
  afterAll(async () => {
    await t.stop();
    await wechat.stop();
  });
  beforeEach(async () => {
    await t.reset();
    wechat.reset();
    li = Number((await t.dataSource.query('SELECT id FROM counsellor_profiles WHERE name = ?', ['李静']))[0].id);
    expect((await t.put(`/api/v1/admin/counsellors/${li}/availability`, ALL_DAY, await t.staffToken('station_sl'))).status).toBe(200);
  });

  const deliveries = async (bookingId: number) =>
    (await t.app.get(NotificationsService).list({ group: `booking:${bookingId}`, pageSize: 100 })).items
      .sort((a, b) => a.id - b.id)
      .map((d) => ({
        kind: d.topic.replace(/^bookings\./, ''),
        status: d.status,
        reason: d.reason,
        dueAt: d.dueAt,
      }));
  async function slots(days: number): Promise<Slot[]> {
    const from = addChinaDays(chinaDate(new Date()), days);
    return (await t.get(`/api/v1/slots?kind=phone&counsellorId=${li}&from=${from}&to=${addChinaDays(from, 1)}`)).body;
  }
  async function subscribed(openid: string, times: number): Promise<string> {
    const me = await residentIn(t, openid);
    for (let i = 0; i < times; i++) await t.post('/api/v1/me/subscriptions', { templateIds: [CONFIRMED, REMINDER, CHANGED] }, me);
    return me;
  }
  async function book(me: string, s: Slot) {
    const hold = await t.post('/api/v1/bookings/holds', { kind: 'phone', start: s.start, counsellorId: li }, me);
    expect(hold.status).toBe(201);
    const res = await t.post('/api/v1/bookings', { holdId: hold.body.id, clientRequestId: randomUUID(), intake }, me);
    expect(res.status).toBe(201);
    return res.body;
  }

  it('lists the booking templates among the resident’s subscriptions', async () => {
    const me = await residentIn(t, 'tpl-list');
    const slotsShown = (await t.get('/api/v1/me/subscriptions', me)).body.templates.map((x: { slot: string }) => x.slot);
    expect(slotsShown).toEqual(expect.arrayContaining(['booking_confirmed', 'booking_reminder', 'booking_changed']));
  });

  it('confirms at once, reminds the day before and two hours before, and skips the old reminders of a moved booking', async () => {
    const me = await subscribed('notice-move', 3);
    const [first] = await slots(3);
    const booking = await book(me, first);
    const start = Date.parse(first.start);
    await jobs.idle();
    expect(wechat.sentMessages.map((m) => m.template_id)).toEqual([CONFIRMED]);
    expect(wechat.sentMessages[0]).toMatchObject({ touser: 'notice-move', page: `packageBookings/pages/booking/index?id=${booking.id}` });
    expect(wechat.sentMessages[0].data.thing1.value).toBe('电话咨询（李静）');
    expect((await deliveries(booking.id)).map((d) => [d.kind, d.status, d.dueAt.getTime()])).toEqual([
      ['confirmed', 'sent', expect.any(Number)],
      ['reminder_day_before', 'queued', start - 24 * HOUR_MS],
      ['reminder_two_hours', 'queued', start - 2 * HOUR_MS],
    ]);

    // Not before its time: an hour before the day-before reminder nothing more goes out.
    await jobs.idle(new Date(start - 25 * HOUR_MS));
    expect(wechat.sentMessages).toHaveLength(1);

    // Moved a day later: the old reminders fall due and are skipped as obsolete, never sent.
    const later = (await slots(4)).find((s) => Date.parse(s.start) >= start + 24 * HOUR_MS)!;
    const hold = await t.post('/api/v1/bookings/holds', { kind: 'phone', start: later.start, counsellorId: li }, me);
    expect((await t.post(`/api/v1/me/bookings/${booking.id}/reschedule`, { holdId: hold.body.id }, me)).status).toBe(200);
    await jobs.idle();
    expect(wechat.sentMessages.map((m) => m.template_id)).toEqual([CONFIRMED, CHANGED]);
    const newStart = Date.parse(later.start);
    await jobs.idle(new Date(newStart - 23 * HOUR_MS));
    const all = await deliveries(booking.id);
    expect(all.map((d) => [d.kind, d.status, d.reason])).toEqual([
      ['confirmed', 'sent', null],
      ['reminder_day_before', 'skipped', 'obsolete'],
      ['reminder_two_hours', 'skipped', 'obsolete'],
      ['rescheduled', 'sent', null],
      ['reminder_day_before', 'sent', null],
      ['reminder_two_hours', 'queued', null],
    ]);
    expect(all[4].dueAt.getTime()).toBe(newStart - 24 * HOUR_MS);
    expect(wechat.sentMessages.map((m) => m.template_id)).toEqual([CONFIRMED, CHANGED, REMINDER]);

    // Cancelled: the last reminder is skipped, the cancellation is sent.
    expect((await t.post(`/api/v1/me/bookings/${booking.id}/cancel`, {}, me)).body.status).toBe('cancelled');
    await jobs.idle(new Date(newStart - HOUR_MS));
    expect((await deliveries(booking.id)).slice(5).map((d) => [d.kind, d.status, d.reason])).toEqual([
      ['reminder_two_hours', 'skipped', 'obsolete'],
      ['cancelled', 'sent', null],
    ]);
  });

  it('reminds at once a booking made less than two hours ahead, and records a skip without an accept', async () => {
    const me = await subscribed('notice-soon', 1);
    const soon = (await slots(0)).concat(await slots(1)).find((s) => Date.parse(s.start) < Date.now() + 2 * HOUR_MS)!;
    expect(soon).toBeDefined();
    const booking = await book(me, soon);
    await jobs.idle();
    expect((await deliveries(booking.id)).map((d) => [d.kind, d.status])).toEqual([
      ['confirmed', 'sent'],
      ['reminder_two_hours', 'sent'],
    ]);
    // No accept left for a second booking: nothing is sent, and that is what is recorded.
    const other = await residentIn(t, 'notice-none');
    const b2 = await book(other, (await slots(2))[0]);
    await jobs.idle();
    expect((await deliveries(b2.id)).map((d) => [d.kind, d.status, d.reason])).toEqual([
      ['confirmed', 'skipped', 'no_subscription'],
      ['reminder_day_before', 'queued', null],
      ['reminder_two_hours', 'queued', null],
    ]);
  });
});
