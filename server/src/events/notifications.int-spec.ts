import { Job } from '../common/jobs/job.entity';
import { JobsService } from '../common/jobs/jobs.service';
import { inHours, publishedEvent, residentIn, signUp } from '../../test/support/events';
import { FAKE_PNG, FakeWechat } from '../../test/support/fake-wechat';
import { TestApp } from '../../test/support/test-app';
import { TEST_DB } from '../../test/support/test-db';
import { NotificationDelivery } from '../notifications/entities/notification-delivery.entity';

const SEND = '/cgi-bin/message/subscribe/send';
const SIGNUP = 'TPL-signup-0001';
const REMINDER = 'TPL-remind-0001';
const CHANGE = 'TPL-change-0001';

describe(`event notifications and mini-program codes on ${TEST_DB}`, () => {
  let t: TestApp;
  let jobs: JobsService;
  let organiser: string;
  const wechat = new FakeWechat();

  beforeAll(async () => {
    await wechat.start();
    t = await TestApp.start({
      JOB_POLL_MS: '60000',
      WECHAT_API_BASE: wechat.baseUrl,
      WECHAT_APPID: wechat.appid,
      WECHAT_SECRET: wechat.secret,
      WECHAT_TEMPLATE_EVENT_SIGNUP: SIGNUP,
      // A template whose keys differ from the default layout.
      WECHAT_TEMPLATE_EVENT_REMINDER: `${REMINDER}:thing2,date3,thing4,thing9`,
      WECHAT_TEMPLATE_EVENT_CHANGE: CHANGE,
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
    organiser = await t.staffToken('organiser_sl');
  });

  /** The event's delivery records, under the names the event's list shows them with (kind, runAfter). */
  const deliveries = async (eventId: number) =>
    (await t.dataSource.getRepository(NotificationDelivery).find({ where: { groupKey: `event:${eventId}` }, order: { id: 'ASC' } })).map((d) => ({
      ...d,
      kind: d.topic.replace(/^event\./, ''),
      runAfter: d.dueAt,
    }));
  /** Makes every scheduled notification due now (as if the reminder time had come) and runs them. */
  async function runScheduled(): Promise<void> {
    await t.dataSource.getRepository(Job).update({ kind: 'notify.wechat_subscribe', status: 'queued' }, { runAfter: new Date() });
    await jobs.idle();
  }

  it('tells the mini-program which templates to ask for', async () => {
    const res = await t.get('/api/v1/events/notification-templates');
    expect(res.body).toEqual({
      templates: { signup: SIGNUP, reminder: REMINDER, offer: null, change: CHANGE },
      signUp: [SIGNUP, REMINDER, CHANGE],
      waitlist: [SIGNUP, CHANGE],
    });
  });

  it('sends the confirmation and, a day before, the reminder, each on one accept; without an accept it records a skip', async () => {
    const id = await publishedEvent(t, organiser, { title: '情绪与睡眠讲座', startsAt: inHours(72), endsAt: inHours(73.5) });
    const unsubscribed = await residentIn(t, 'notify-a');
    await t.post(`/api/v1/events/${id}/registrations`, signUp(), unsubscribed);
    await jobs.idle();
    expect(wechat.sentMessages).toHaveLength(0);
    expect((await deliveries(id)).map((d) => [d.kind, d.status, d.reason])).toEqual([
      ['signup_confirmed', 'skipped', 'no_subscription'],
      ['reminder', 'queued', null],
    ]);

    const me = await residentIn(t, 'notify-b');
    const subscribed = await t.post('/api/v1/me/subscriptions', { templateIds: [SIGNUP, REMINDER, 'someone-elses-template'] }, me);
    expect(subscribed.status).toBe(200);
    expect(subscribed.body.templates).toEqual([
      { slot: 'signup', templateId: SIGNUP, available: 1 },
      { slot: 'reminder', templateId: REMINDER, available: 1 },
      { slot: 'change', templateId: CHANGE, available: 0 },
    ]);
    await t.post(`/api/v1/events/${id}/registrations`, signUp(), me);
    await jobs.idle();
    expect(wechat.sentMessages).toHaveLength(1);
    const [sent] = wechat.sentMessages;
    expect(sent).toMatchObject({ touser: 'notify-b', template_id: SIGNUP, page: `pages/events/index?id=${id}`, miniprogram_state: 'formal' });
    expect(Object.keys(sent.data)).toEqual(['thing1', 'time2', 'thing3', 'thing4']);
    expect(sent.data.thing1.value).toBe('情绪与睡眠讲座');
    expect(sent.data.time2.value).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(sent.data.thing4.value).toBe('报名成功，请按时参加');
    expect((await t.get('/api/v1/me/subscriptions', me)).body.templates[0].available).toBe(0);

    const mine = (await deliveries(id)).slice(2);
    expect(mine.map((d) => [d.kind, d.status])).toEqual([
      ['signup_confirmed', 'sent'],
      ['reminder', 'queued'],
    ]);
    const startsAt = new Date((await t.get(`/api/v1/events/${id}`)).body.startsAt).getTime();
    expect(mine[1].runAfter.getTime()).toBe(startsAt - 24 * 3_600_000);

    await runScheduled();
    expect(wechat.sentMessages).toHaveLength(2);
    expect(wechat.sentMessages[1]).toMatchObject({ touser: 'notify-b', template_id: REMINDER });
    expect(Object.keys(wechat.sentMessages[1].data)).toEqual(['thing2', 'date3', 'thing4', 'thing9']);
    expect((await deliveries(id)).map((d) => d.status)).toEqual(['skipped', 'skipped', 'sent', 'sent']);
    expect((await deliveries(id))[1].reason).toBe('no_subscription');
  });

  it('tells everyone signed up of a change of time and of a cancellation, and moves the reminder', async () => {
    const id = await publishedEvent(t, organiser);
    const me = await residentIn(t, 'notify-change');
    await t.post('/api/v1/me/subscriptions', { templateIds: [CHANGE, REMINDER] }, me);
    await t.post('/api/v1/me/subscriptions', { templateIds: [CHANGE] }, me);
    await t.post(`/api/v1/events/${id}/registrations`, signUp(), me);
    await jobs.idle();

    const current = (await t.get(`/api/v1/admin/events/${id}`, organiser)).body;
    const moved = await t.put(
      `/api/v1/admin/events/${id}`,
      {
        title: current.title,
        kind: current.kind,
        placeType: current.placeType,
        regionId: current.regionId,
        venue: current.venue,
        startsAt: inHours(96),
        endsAt: inHours(97),
        capacity: current.capacity,
        waitlistEnabled: true,
        requiredFields: [],
        audiences: [],
        description: current.description,
        speakers: [],
      },
      organiser,
    );
    expect(moved.status).toBe(200);
    await jobs.idle();
    expect(wechat.sentMessages.map((m) => [m.template_id, m.data.thing4.value])).toEqual([[CHANGE, '活动时间或地点有变，请查看详情']]);

    // Both reminders fall due: the one for the old time is not sent, the new one is.
    await runScheduled();
    const reminders = (await deliveries(id)).filter((d) => d.kind === 'reminder');
    expect(reminders.map((d) => [d.status, d.reason])).toEqual([
      ['skipped', 'obsolete'],
      ['sent', null],
    ]);

    const cancelled = await t.post(`/api/v1/admin/events/${id}/cancel`, { reason: '场地临时停电' }, organiser);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancelReason: '场地临时停电' });
    await jobs.idle();
    expect(wechat.sentMessages.at(-1)).toMatchObject({ template_id: CHANGE, data: { thing4: { value: '活动已取消：场地临时停电' } } });
    const list = await t.get(`/api/v1/admin/events/${id}/notifications?kind=event_cancelled`, organiser);
    expect(list.body.items).toEqual([expect.objectContaining({ kind: 'event_cancelled', status: 'sent', reason: null })]);
    // The resident's page shows the cancellation and no ticket.
    expect((await t.get(`/api/v1/events/${id}`, me)).body).toMatchObject({ status: 'cancelled', myRegistration: { status: 'confirmed', ticket: null } });
    expect((await t.post(`/api/v1/events/${id}/registrations`, signUp(), await residentIn(t, 'late'))).body.details.reason).toBe('event_cancelled');
  });

  it('retries when WeChat is busy, and records a refusal without retrying', async () => {
    const id = await publishedEvent(t, organiser);
    const busy = await residentIn(t, 'notify-busy');
    const refused = await residentIn(t, 'notify-refused');
    for (const tk of [busy, refused]) await t.post('/api/v1/me/subscriptions', { templateIds: [SIGNUP] }, tk);

    wechat.failNext(SEND, -1);
    await t.post(`/api/v1/events/${id}/registrations`, signUp(), busy);
    await jobs.idle();
    let [first] = (await deliveries(id)).filter((d) => d.kind === 'signup_confirmed');
    expect(first).toMatchObject({ status: 'queued', attempts: 1, error: '-1 injected -1' });
    // The accept was not spent by the failed try.
    expect((await t.get('/api/v1/me/subscriptions', busy)).body.templates[0].available).toBe(1);
    await runScheduled();
    [first] = (await deliveries(id)).filter((d) => d.kind === 'signup_confirmed');
    expect(first).toMatchObject({ status: 'sent', attempts: 2 });

    wechat.failNext(SEND, 43101);
    await t.post(`/api/v1/events/${id}/registrations`, signUp(), refused);
    await jobs.idle();
    const second = (await deliveries(id)).filter((d) => d.kind === 'signup_confirmed')[1];
    expect(second).toMatchObject({ status: 'failed', reason: 'refused', attempts: 1 });
    expect(wechat.callsTo(SEND).filter((c) => JSON.parse(c.body).touser === 'notify-refused')).toHaveLength(1);
  });

  it('makes mini-program codes through WeChat, and falls back to a plain QR for the screen when WeChat fails', async () => {
    const id = await publishedEvent(t, organiser, { startsAt: inHours(0.5), endsAt: inHours(2) });
    const poster = await t.get(`/api/v1/admin/events/${id}/wxacode`, organiser);
    expect(poster.status).toBe(200);
    expect(poster.headers['content-type']).toBe('image/png');
    expect(poster.raw.equals(FAKE_PNG)).toBe(true);
    expect(wechat.qrCodes[0]).toMatchObject({ scene: `e${id.toString(36)}`, page: 'pages/events/index', width: 430 });

    const checkin = await t.staffToken('checkin_sl');
    const screen = await t.get(`/api/v1/admin/events/${id}/checkin-code`, checkin);
    expect(screen.body).toMatchObject({
      imageKind: 'wxacode',
      page: 'pages/events/index',
      imageDataUrl: `data:image/png;base64,${FAKE_PNG.toString('base64')}`,
    });
    expect(wechat.qrCodes[1]).toMatchObject({ scene: screen.body.scene });

    const other = await publishedEvent(t, organiser, { startsAt: inHours(0.5), endsAt: inHours(2) });
    wechat.failNext('/wxa/getwxacodeunlimit', 45009, 2);
    const fallback = await t.get(`/api/v1/admin/events/${other}/checkin-code`, checkin);
    expect(fallback.body.imageKind).toBe('qr');
    expect(Buffer.from(fallback.body.imageDataUrl.split(',')[1], 'base64').subarray(1, 4).toString()).toBe('PNG');
    const limited = await t.get(`/api/v1/admin/events/${other}/wxacode`, organiser);
    expect(limited.body).toMatchObject({ statusCode: 429, code: 'WECHAT_RATE_LIMITED' });
  });
});
