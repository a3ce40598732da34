import { formatChinaDateTime } from '@xinqiao/shared';
import { Job } from '../common/jobs/job.entity';
import { JobsService } from '../common/jobs/jobs.service';
import { APP_CONFIG, type AppConfig } from '../common/config/env';
import { FakeWechat } from '../../test/support/fake-wechat';
import { TestApp } from '../../test/support/test-app';
import { TEST_DB } from '../../test/support/test-db';
import { NotificationDelivery } from './entities/notification-delivery.entity';
import type { DueDelivery } from './services/notification-topics';
import { NotificationsService, type NotifyInput } from './services/notifications.service';

const SEND = '/cgi-bin/message/subscribe/send';
const CONFIRMED = 'TPL-bkconf-0001';
/** Configured long-term, with keys of its own. */
const REMINDER = 'TPL-bkremd-0001';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** A stand-in owner module: bookings kept in memory, so a test can move or cancel one. */
interface FakeBooking {
  title: string;
  startsAt: Date;
  cancelled: boolean;
  /** Its still-due check fails (the owner's database is down). */
  broken?: boolean;
}

describe(`notifications on ${TEST_DB}`, () => {
  let t: TestApp;
  let jobs: JobsService;
  let notifications: NotificationsService;
  const wechat = new FakeWechat();
  const bookings = new Map<number, FakeBooking>();
  /** The clock of each test: a minute ahead of the real one, so only the test decides when jobs run. */
  let t0: Date;
  const at = (ms: number) => new Date(t0.getTime() + ms);

  const render = async (d: DueDelivery) => {
    const b = bookings.get(d.subject.id)!;
    return {
      values: [b.title, formatChinaDateTime(b.startsAt), '胜利路心理服务站', d.params.note ? String(d.params.note) : '请按时到达'],
      page: `pages/bookings/detail?id=${d.subject.id}`,
    };
  };

  beforeAll(async () => {
    await wechat.start();
    t = await TestApp.start({
      JOB_POLL_MS: '60000',
      WECHAT_API_BASE: wechat.baseUrl,
      WECHAT_APPID: wechat.appid,
      WECHAT_SECRET: wechat.secret,
      WECHAT_TIMEOUT_MS: '200',
      WECHAT_TEMPLATE_BOOKING_CONFIRMED: CONFIRMED,
      WECHAT_TEMPLATE_BOOKING_REMINDER: `${REMINDER}:thing2,time5,thing6,thing7`,
      WECHAT_LONG_TERM_TEMPLATES: REMINDER,
    });
    jobs = t.app.get(JobsService);
    notifications = t.app.get(NotificationsService);
    notifications.register('test_booking', {
      templates: {
        test_confirmed: 'WECHAT_TEMPLATE_BOOKING_CONFIRMED',
        test_reminder: 'WECHAT_TEMPLATE_BOOKING_REMINDER',
        test_changed: 'WECHAT_TEMPLATE_BOOKING_CHANGED',
      },
      topics: {
        confirmed: { wechat: { template: 'test_confirmed', render } },
        reminder: {
          stillDue: async (d) => {
            const b = bookings.get(d.subject.id);
            if (b?.broken) throw new Error('owner database busy');
            return Boolean(b) && !b!.cancelled && b!.startsAt.getTime() === d.subjectAt?.getTime();
          },
          wechat: { template: 'test_reminder', render },
        },
        cancelled: { wechat: { template: 'test_changed', render } },
      },
    });
  });
  afterAll(async () => {
    await t.stop();
    await wechat.stop();
  });
  beforeEach(async () => {
    await t.reset();
    wechat.reset();
    bookings.clear();
    t0 = new Date(Date.now() + MINUTE);
  });

  async function resident(openid: string): Promise<{ token: string; id: number }> {
    const token = await t.residentToken(openid);
    return { token, id: (await t.get('/api/v1/me', token)).body.id };
  }
  const accept = (token: string, templateIds: string[]) => t.post('/api/v1/me/subscriptions', { templateIds }, token);
  const available = async (token: string) =>
    Object.fromEntries(
      ((await t.get('/api/v1/me/subscriptions', token)).body.templates as { templateId: string; available: number }[]).map((x) => [x.templateId, x.available]),
    );
  const deliveries = () => t.dataSource.getRepository(NotificationDelivery).find({ order: { id: 'ASC' } });
  const jobOf = async (deliveryId: number) =>
    (await t.dataSource.getRepository(Job).find({ where: { kind: 'notify.wechat_subscribe' } })).find((j) => JSON.parse(j.params).deliveryId === deliveryId)!;
  function booking(id: number, startsAt: Date, title = '个体心理咨询'): number {
    bookings.set(id, { title, startsAt, cancelled: false });
    return id;
  }
  function message(
    kind: 'confirmed' | 'reminder' | 'cancelled',
    residentId: number,
    bookingId: number,
    dueAt: Date,
    extra: Partial<NotifyInput> = {},
  ): NotifyInput {
    return {
      channel: 'wechat_subscribe',
      recipient: { residentId },
      topic: `test_booking.${kind}`,
      subject: { type: 'booking', id: bookingId },
      group: 'station:1',
      subjectAt: bookings.get(bookingId)!.startsAt,
      dueAt,
      ...extra,
    };
  }

  it('uses up one accept per message of a one-time template, and none of a long-term one', async () => {
    const me = await resident('notify-permits');
    // Two accepts of the one-time template count twice; the long-term one is on or off.
    await accept(me.token, [CONFIRMED, REMINDER]);
    // The bookings module owns these templates and registers its slots first: the list names them by its slots.
    expect((await accept(me.token, [CONFIRMED, REMINDER, 'someone-elses-template'])).body.templates).toEqual([
      { slot: 'booking_confirmed', templateId: CONFIRMED, available: 2 },
      { slot: 'booking_reminder', templateId: REMINDER, available: 1 },
    ]);
    const start = at(26 * HOUR);
    const b = booking(1, start);
    const recorded = await notifications.notify(
      null,
      [
        message('confirmed', me.id, b, t0),
        message('confirmed', me.id, b, t0, { params: { note: '已为您改约' } }),
        message('confirmed', me.id, b, t0),
        ...[24, 2, 1].map((h) => message('reminder', me.id, b, new Date(start.getTime() - h * HOUR))),
      ],
      t0,
    );
    expect(recorded.map((r) => [r.status, r.reason])).toEqual(Array(6).fill(['queued', null]));

    await jobs.idle(t0);
    // Two jobs run at a time: which of the first two is sent first is not fixed.
    expect(wechat.sentMessages.map((m) => m.data.thing4.value).sort()).toEqual(['已为您改约', '请按时到达'].sort());
    expect(wechat.sentMessages.find((m) => m.data.thing4.value === '请按时到达')).toMatchObject({
      touser: 'notify-permits',
      template_id: CONFIRMED,
      page: 'pages/bookings/detail?id=1',
      data: { thing1: { value: '个体心理咨询' }, time2: { value: formatChinaDateTime(start) }, thing3: { value: '胜利路心理服务站' } },
    });
    let rows = await deliveries();
    expect(rows.slice(0, 3).map((d) => [d.status, d.reason, d.attempts])).toEqual([
      ['sent', null, 1],
      ['sent', null, 1],
      ['skipped', 'no_subscription', 1],
    ]);
    expect(rows[0]).toMatchObject({
      channel: 'wechat_subscribe',
      topic: 'test_booking.confirmed',
      recipientType: 'resident',
      residentId: me.id,
      subjectType: 'booking',
      subjectId: 1,
      groupKey: 'station:1',
      templateId: CONFIRMED,
    });
    expect(rows[0].providerMessageId).toMatch(/^100000[12]$/);
    expect(rows[0].sentAt!.getTime()).toBe(t0.getTime());
    expect(rows.slice(3).map((d) => d.status)).toEqual(['queued', 'queued', 'queued']);
    expect(await available(me.token)).toEqual({ [CONFIRMED]: 0, [REMINDER]: 1 });

    // Each reminder goes at its due time, on the long-term accept, which stays.
    await jobs.idle(new Date(start.getTime() - 24 * HOUR));
    expect(wechat.sentMessages).toHaveLength(3);
    await jobs.idle(new Date(start.getTime() - HOUR));
    expect(wechat.sentMessages).toHaveLength(5);
    expect(wechat.sentMessages[2]).toMatchObject({
      template_id: REMINDER,
      data: { thing2: { value: '个体心理咨询' }, time5: { value: formatChinaDateTime(start) } },
    });
    rows = await deliveries();
    expect(rows.slice(3).map((d) => [d.status, d.sentAt!.getTime() - start.getTime()])).toEqual([
      ['sent', -24 * HOUR],
      ['sent', -HOUR],
      ['sent', -HOUR],
    ]);
    expect(await available(me.token)).toEqual({ [CONFIRMED]: 0, [REMINDER]: 1 });
  });

  it('never retries a refusal (43101); a refused long-term accept is turned off until accepted again', async () => {
    const me = await resident('notify-refused');
    await accept(me.token, [CONFIRMED, CONFIRMED, REMINDER]);
    await accept(me.token, [CONFIRMED]);
    const b = booking(2, at(3 * HOUR));
    wechat.failNext(SEND, 43101, 2);
    await notifications.notify(null, [message('confirmed', me.id, b, t0), message('reminder', me.id, b, t0)], t0);
    await jobs.idle(t0);
    await jobs.idle(at(HOUR));
    expect((await deliveries()).map((d) => [d.status, d.reason, d.attempts, d.error])).toEqual([
      ['failed', 'refused', 1, '43101 injected 43101'],
      ['failed', 'refused', 1, '43101 injected 43101'],
    ]);
    expect(wechat.callsTo(SEND)).toHaveLength(2);
    expect(await t.dataSource.getRepository(Job).countBy({ kind: 'notify.wechat_subscribe', status: 'done' })).toBe(2);
    // The one-time accept WeChat did not honour stays used; the long-term one is off.
    expect(await available(me.token)).toEqual({ [CONFIRMED]: 1, [REMINDER]: 0 });

    await notifications.notify(null, message('reminder', me.id, b, t0), t0);
    await jobs.idle(t0);
    expect((await deliveries())[2]).toMatchObject({ status: 'skipped', reason: 'no_subscription' });
    await accept(me.token, [REMINDER]);
    await notifications.notify(null, message('reminder', me.id, b, t0), t0);
    await jobs.idle(t0);
    expect((await deliveries())[3]).toMatchObject({ status: 'sent' });
  });

  it('retries an error answer or a timeout with back-off, fails after the last try, and one failing message holds up no other', async () => {
    const down = await resident('notify-down');
    const slow = await resident('notify-slow');
    const fine = await resident('notify-fine');
    for (const r of [down, slow, fine]) await accept(r.token, [CONFIRMED]);
    wechat.use((call) => (call.path === SEND && JSON.parse(call.body).touser === 'notify-down' ? { status: 502, raw: '<html>Bad Gateway</html>' } : undefined));
    let slowCalls = 0;
    wechat.use((call) =>
      call.path === SEND && JSON.parse(call.body).touser === 'notify-slow' && ++slowCalls === 1 ? { delayMs: 1_000, json: { errcode: 0 } } : undefined,
    );
    const b = booking(3, at(48 * HOUR));
    const [failing, timedOut, sent] = await notifications.notify(
      null,
      [down, slow, fine].map((r) => message('confirmed', r.id, b, t0)),
      t0,
    );

    await jobs.idle(t0);
    const row = async (id: number) => (await deliveries()).find((d) => d.id === id)!;
    expect(await row(sent.id)).toMatchObject({ status: 'sent', attempts: 1 });
    expect(await row(failing.id)).toMatchObject({ status: 'queued', attempts: 1, error: '微信服务返回异常，请稍后再试' });
    expect(await row(timedOut.id)).toMatchObject({ status: 'queued', attempts: 1, error: '暂时无法连接微信服务，请稍后再试' });
    // Nothing is spent on a try that did not go through.
    expect(await available(down.token)).toEqual({ [CONFIRMED]: 1, [REMINDER]: 0 });
    expect((await jobOf(failing.id)).runAfter.getTime()).toBe(t0.getTime() + 10_000);

    // Back-off 10 s, 60 s, 300 s on the queue's clock: not a millisecond earlier.
    let clock = t0.getTime();
    for (const [i, delay] of [10_000, 60_000, 300_000].entries()) {
      clock += delay;
      await jobs.idle(new Date(clock - 1));
      expect((await row(failing.id)).attempts).toBe(i + 1);
      await jobs.idle(new Date(clock));
      if (i === 0) expect(await row(timedOut.id)).toMatchObject({ status: 'sent', attempts: 2, error: null });
    }
    expect(await row(failing.id)).toMatchObject({ status: 'failed', reason: 'unavailable', attempts: 4, error: '微信服务返回异常，请稍后再试' });
    expect(wechat.callsTo(SEND).filter((c) => JSON.parse(c.body).touser === 'notify-down')).toHaveLength(4);
    expect(await available(down.token)).toEqual({ [CONFIRMED]: 1, [REMINDER]: 0 });
    // The job ends without a failure of its own: the delivery record says what happened.
    expect(await jobOf(failing.id)).toMatchObject({ status: 'done', attempts: 4 });
  });

  it('retries when the owner cannot answer whether a message is still due, and records the error after the last try', async () => {
    const me = await resident('notify-owner-down');
    await accept(me.token, [REMINDER]);
    const b = booking(4, at(5 * HOUR));
    bookings.get(b)!.broken = true;
    const [queued] = await notifications.notify(null, message('reminder', me.id, b, t0), t0);
    for (const ms of [0, 10_000, 70_000, 370_000]) await jobs.idle(at(ms));
    expect(await t.dataSource.getRepository(NotificationDelivery).findOneByOrFail({ id: queued.id })).toMatchObject({
      status: 'failed',
      reason: 'error',
      attempts: 4,
      error: 'owner database busy',
    });
    expect(wechat.callsTo(SEND)).toHaveLength(0);
  });

  it('records why a message was not sent: no template (at once), no accept, no WeChat configuration', async () => {
    const me = await resident('notify-skips');
    const b = booking(5, at(30 * HOUR));
    const [noTemplate] = await notifications.notify(null, message('cancelled', me.id, b, t0), t0);
    expect(noTemplate).toMatchObject({ status: 'skipped', reason: 'no_template' });
    expect(await t.dataSource.getRepository(Job).countBy({ kind: 'notify.wechat_subscribe' })).toBe(0);

    await notifications.notify(null, message('confirmed', me.id, b, t0), t0);
    await jobs.idle(t0);
    expect((await deliveries())[1]).toMatchObject({ status: 'skipped', reason: 'no_subscription', templateId: CONFIRMED });

    await accept(me.token, [CONFIRMED]);
    const config = t.app.get<AppConfig>(APP_CONFIG);
    const appid = config.WECHAT_APPID;
    config.WECHAT_APPID = undefined;
    try {
      await notifications.notify(null, message('confirmed', me.id, b, t0), t0);
      await jobs.idle(t0);
    } finally {
      config.WECHAT_APPID = appid;
    }
    expect((await deliveries())[2]).toMatchObject({ status: 'skipped', reason: 'wechat_not_configured' });
    expect(await available(me.token)).toEqual({ [CONFIRMED]: 1, [REMINDER]: 0 });
    expect(wechat.calls).toHaveLength(0);
  });

  it('asks the owner at the due time whether a message is still wanted: reminders of moved or cancelled bookings are skipped', async () => {
    const me = await resident('notify-stale');
    await accept(me.token, [REMINDER]);
    const moved = booking(6, at(26 * HOUR), '个体心理咨询（改约）');
    const cancelled = booking(7, at(26 * HOUR));
    const kept = booking(8, at(26 * HOUR));
    await notifications.notify(
      null,
      [moved, cancelled, kept].map((id) => message('reminder', me.id, id, at(2 * HOUR))),
      t0,
    );
    // The first booking moves two days later and gets a reminder of its own; the second is cancelled.
    bookings.get(moved)!.startsAt = at(74 * HOUR);
    bookings.get(cancelled)!.cancelled = true;
    await notifications.notify(null, message('reminder', me.id, moved, at(50 * HOUR)), t0);

    await jobs.idle(at(2 * HOUR));
    expect((await deliveries()).map((d) => [d.subjectId, d.status, d.reason])).toEqual([
      [moved, 'skipped', 'obsolete'],
      [cancelled, 'skipped', 'obsolete'],
      [kept, 'sent', null],
      [moved, 'queued', null],
    ]);
    await jobs.idle(at(50 * HOUR));
    expect((await deliveries())[3]).toMatchObject({ status: 'sent', subjectAt: at(74 * HOUR) });
    expect(wechat.sentMessages.map((m) => m.data.time5.value)).toEqual([formatChinaDateTime(at(26 * HOUR)), formatChinaDateTime(at(74 * HOUR))]);
  });

  it("records messages in the owner's transaction: a change that rolls back leaves none", async () => {
    const me = await resident('notify-tx');
    await accept(me.token, [CONFIRMED]);
    const b = booking(9, at(30 * HOUR));
    const failed = t.dataSource.transaction(async (tx) => {
      await notifications.notify(tx, message('confirmed', me.id, b, t0), t0);
      throw new Error('slot taken');
    });
    await expect(failed).rejects.toThrow('slot taken');
    expect(await deliveries()).toEqual([]);
    expect(await t.dataSource.getRepository(Job).countBy({ kind: 'notify.wechat_subscribe' })).toBe(0);

    await t.dataSource.transaction((tx) => notifications.notify(tx, message('confirmed', me.id, b, t0), t0));
    await jobs.idle(t0);
    expect((await deliveries()).map((d) => d.status)).toEqual(['sent']);
  });

  it('lists delivery records for their owner, exports them to the resident and deletes them with the account', async () => {
    const me = await resident('notify-list');
    const b = booking(10, at(30 * HOUR));
    booking(11, at(30 * HOUR));
    await notifications.notify(
      null,
      [message('confirmed', me.id, b, t0), message('cancelled', me.id, b, t0), message('confirmed', me.id, 11, t0, { group: 'station:2' })],
      t0,
    );
    await jobs.idle(t0);
    const page = await notifications.list({ group: 'station:1' });
    expect(page.items.map((d) => [d.topic, d.status, d.reason])).toEqual([
      ['test_booking.cancelled', 'skipped', 'no_template'],
      ['test_booking.confirmed', 'skipped', 'no_subscription'],
    ]);
    expect(page.total).toBe(2);
    expect((await notifications.list({ subject: { type: 'booking', id: 11 } })).items.map((d) => d.group)).toEqual(['station:2']);
    expect((await notifications.list({ topics: ['test_booking.cancelled'] })).total).toBe(1);
    expect((await notifications.list({ status: 'skipped', pageSize: 1 })).items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({ recipient: { residentId: me.id }, subject: { type: 'booking', id: b }, params: {} });

    await accept(me.token, [CONFIRMED]);
    const exported = (await t.get('/api/v1/me/export', me.token)).body.notifications;
    expect(exported.subscriptions).toEqual([expect.objectContaining({ templateId: CONFIRMED, usedAt: null })]);
    expect(exported.deliveries).toHaveLength(3);
    expect(exported.deliveries[0]).toMatchObject({
      channel: 'wechat_subscribe',
      topic: 'test_booking.confirmed',
      subject: { type: 'booking', id: b },
      status: 'skipped',
      reason: 'no_subscription',
    });

    expect((await t.delete('/api/v1/me', me.token)).status).toBe(204);
    expect(await deliveries()).toEqual([]);
  });

  it("moves the events' message records, and their queued jobs, into the delivery records (migration)", async () => {
    const ds = t.dataSource;
    const mine = 'NotificationDeliveries1796584177628';
    const last = async () => (await ds.query('SELECT name FROM migrations ORDER BY id DESC LIMIT 1'))[0]?.name;
    const me = await resident('notify-migrated');
    const organiser = await t.staffToken('organiser_sl');
    const communityId = await t.regionId('500118001001');
    const created = await t.post(
      '/api/v1/admin/events',
      {
        title: '情绪与睡眠讲座',
        kind: 'lecture',
        placeType: 'community',
        hostUnitId: null,
        regionId: communityId,
        venue: { name: '萱花社区活动中心', address: '萱花路 12 号', location: { lat: 29.35, lng: 105.92 } },
        startsAt: at(72 * HOUR).toISOString(),
        endsAt: at(73 * HOUR).toISOString(),
        capacity: 10,
        waitlistEnabled: true,
        requiredFields: [],
        audiences: [],
        description: '讲座介绍',
        speakers: [],
      },
      organiser,
    );
    const eventId = Number(created.body.id);

    // Back to the schema before this migration (and any later ones), then rows as the events module wrote them.
    while ((await last()) !== mine) await ds.undoLastMigration({ transaction: 'each' });
    await ds.undoLastMigration({ transaction: 'each' });
    await ds.query(`INSERT INTO event_registrations (eventId, residentId, status, source, ticketCode) VALUES (?, ?, 'confirmed', 'online', 'T-migrated-1')`, [
      eventId,
      me.id,
    ]);
    const [{ id: regId }] = await ds.query(`SELECT id FROM event_registrations WHERE ticketCode = 'T-migrated-1'`);
    const starts = '2027-03-01 06:00:00.000';
    const insert = `INSERT INTO event_notifications (id, kind, eventId, registrationId, residentId, status, reason, templateId, eventStartsAt, promoted, runAfter, attempts, error, msgid, sentAt, createdAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;
    await ds.query(insert, [
      41,
      'signup_confirmed',
      eventId,
      regId,
      me.id,
      'sent',
      null,
      'TPL-signup-0001',
      starts,
      1,
      '2027-02-20 01:00:00.000',
      1,
      null,
      '7001',
      '2027-02-20 01:00:01.000',
      '2027-02-20 01:00:00.000',
    ]);
    await ds.query(insert, [
      42,
      'reminder',
      eventId,
      regId,
      me.id,
      'queued',
      null,
      'TPL-remind-0001',
      starts,
      0,
      '2027-02-28 06:00:00.000',
      0,
      null,
      null,
      null,
      '2027-02-20 01:00:00.000',
    ]);
    await ds.query(
      `INSERT INTO jobs (kind, status, params, runAfter, maxAttempts) VALUES ('events.notify', 'queued', '{"deliveryId":42}', '2027-02-28 06:00:00.000', 4)`,
    );

    await ds.runMigrations({ transaction: 'each' });
    const rows = await ds.getRepository(NotificationDelivery).find({ order: { id: 'ASC' } });
    const startsAt = new Date('2027-03-01T06:00:00Z');
    expect(rows).toEqual([
      expect.objectContaining({
        id: 41,
        channel: 'wechat_subscribe',
        topic: 'event.signup_confirmed',
        recipientType: 'resident',
        residentId: me.id,
        staffId: null,
        target: null,
        subjectType: 'event_registration',
        subjectId: Number(regId),
        groupKey: `event:${eventId}`,
        subjectAt: startsAt,
        params: '{"promoted":true}',
        templateId: 'TPL-signup-0001',
        status: 'sent',
        reason: null,
        attempts: 1,
        dueAt: new Date('2027-02-20T01:00:00Z'),
        sentAt: new Date('2027-02-20T01:00:01Z'),
        providerMessageId: '7001',
        error: null,
        createdAt: new Date('2027-02-20T01:00:00Z'),
      }),
      expect.objectContaining({
        id: 42,
        topic: 'event.reminder',
        subjectAt: startsAt,
        params: null,
        status: 'queued',
        dueAt: new Date('2027-02-28T06:00:00Z'),
      }),
    ]);
    expect(await ds.query(`SELECT kind, params FROM jobs WHERE params = '{"deliveryId":42}'`)).toEqual([
      { kind: 'notify.wechat_subscribe', params: '{"deliveryId":42}' },
    ]);
    // The event's list in the admin shows them as before.
    const list = await t.get(`/api/v1/admin/events/${eventId}/notifications`, organiser);
    expect(list.body.items.map((r: { id: number; kind: string; status: string }) => [r.id, r.kind, r.status])).toEqual([
      [42, 'reminder', 'queued'],
      [41, 'signup_confirmed', 'sent'],
    ]);
    // New rows number on after the moved ones.
    const [fresh] = await notifications.notify(null, message('cancelled', me.id, booking(12, at(HOUR)), t0), t0);
    expect(fresh.id).toBeGreaterThan(42);

    // Rolled back, the event messages go back where they were; other owners' messages have nowhere to go.
    while ((await last()) !== mine) await ds.undoLastMigration({ transaction: 'each' });
    await ds.undoLastMigration({ transaction: 'each' });
    expect(await ds.query(`SELECT id, kind, status, promoted, msgid FROM event_notifications ORDER BY id`)).toEqual([
      { id: 41, kind: 'signup_confirmed', status: 'sent', promoted: 1, msgid: '7001' },
      { id: 42, kind: 'reminder', status: 'queued', promoted: 0, msgid: null },
    ]);
    expect(await ds.query(`SELECT kind FROM jobs WHERE params = '{"deliveryId":42}'`)).toEqual([{ kind: 'events.notify' }]);
    await ds.runMigrations({ transaction: 'each' });
  });
});
