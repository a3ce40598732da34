import { EVENT_REGISTRATION_CONSENT_VERSION } from '@xinqiao/shared';
import { eventInput, inHours, publishedEvent, residentIn, signUp } from '../../test/support/events';
import { REGION, TestApp } from '../../test/support/test-app';
import { TEST_DB } from '../../test/support/test-db';
import { RegistrationsService } from './services/registrations.service';

const HOUR = 3_600_000;

describe(`event sign-up and the waiting list on ${TEST_DB}`, () => {
  let t: TestApp;
  let organiser: string;
  beforeAll(async () => {
    t = await TestApp.start({ JOB_POLL_MS: '60000' });
  });
  afterAll(() => t.stop());
  beforeEach(async () => {
    await t.reset();
    organiser = await t.staffToken('organiser_sl');
  });

  const count = async (where: string, params: unknown[] = []) =>
    Number((await t.dataSource.query(`SELECT COUNT(*) AS n FROM event_registrations WHERE ${where}`, params))[0].n);

  describe('signing up', () => {
    it('keeps only the details the event asks for, with the consent, and answers a retry with the first result', async () => {
      const id = await publishedEvent(t, organiser, { requiredFields: ['name'] });
      const me = await residentIn(t, 'resident-signup');
      const body = signUp({ name: ' 王小明 ', phone: '13800138000' });
      const first = await t.post(`/api/v1/events/${id}/registrations`, body, me);
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({ status: 'confirmed', name: '王小明', phone: null, source: 'online', waitlistPosition: null, attendance: 'pending' });
      expect(first.body.ticket.token).toMatch(new RegExp(`^t1\\.${id}\\.[A-Za-z0-9_-]{16}\\.[A-Za-z0-9_-]+$`));
      const again = await t.post(`/api/v1/events/${id}/registrations`, body, me);
      expect(again.status).toBe(200);
      expect(again.body.ticket.token).toBe(first.body.ticket.token);
      const [row] = await t.dataSource.query(`SELECT name, phone, consentVersion FROM event_registrations WHERE eventId = ?`, [id]);
      expect(row).toEqual({ name: '王小明', phone: null, consentVersion: EVENT_REGISTRATION_CONSENT_VERSION });
      // A new attempt by the same resident is refused: they hold a seat already.
      const twice = await t.post(`/api/v1/events/${id}/registrations`, signUp({ name: '王小明' }), me);
      expect(twice.status).toBe(409);
      expect(twice.body).toMatchObject({ code: 'REGISTRATION_REFUSED', details: { reason: 'already_registered' } });
    });

    it('refuses missing details, an old consent, guests, staff, drafts and closed sign-up, in Chinese', async () => {
      const id = await publishedEvent(t, organiser, { requiredFields: ['name', 'phone'] });
      const me = await residentIn(t, 'resident-careless');
      const missing = await t.post(`/api/v1/events/${id}/registrations`, signUp({ name: '张三' }), me);
      expect(missing.status).toBe(400);
      expect(missing.body.message).toBe('本活动报名需要填写手机号');
      const badPhone = await t.post(`/api/v1/events/${id}/registrations`, signUp({ name: '张三', phone: '12345' }), me);
      expect(badPhone.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
      expect(badPhone.body.message).toContain('手机号');
      const oldConsent = await t.post(`/api/v1/events/${id}/registrations`, signUp({ name: '张三', phone: '13800138000', consentVersion: 99 }), me);
      expect(oldConsent.body).toMatchObject({ statusCode: 409, code: 'CONSENT_REQUIRED' });
      expect((await t.post(`/api/v1/events/${id}/registrations`, signUp({ name: '张三', phone: '13800138000' }))).status).toBe(401);
      expect((await t.post(`/api/v1/events/${id}/registrations`, signUp(), organiser)).status).toBe(403);

      const draft = await t.post('/api/v1/admin/events', eventInput(await t.regionId(REGION.communityA1)), organiser);
      expect((await t.post(`/api/v1/events/${draft.body.id}/registrations`, signUp(), me)).status).toBe(404);
      const closed = await publishedEvent(t, organiser, { signupClosesAt: inHours(-1), startsAt: inHours(5), endsAt: inHours(6) });
      const late = await t.post(`/api/v1/events/${closed}/registrations`, signUp(), me);
      expect(late.body).toMatchObject({ statusCode: 409, code: 'REGISTRATION_REFUSED', message: '报名已截止', details: { reason: 'closed' } });
      expect(await count('1=1 AND eventId IN (?, ?)', [id, closed])).toBe(0);
    });

    it('never confirms more than the capacity when many sign up at once', async () => {
      const id = await publishedEvent(t, organiser, { capacity: 5 });
      const tokens = await Promise.all(Array.from({ length: 30 }, (_, i) => residentIn(t, `racer-${i}`)));
      const answers = await Promise.all(tokens.map((tk) => t.post(`/api/v1/events/${id}/registrations`, signUp({ joinWaitlist: true }), tk)));
      expect(answers.map((a) => a.status).every((s) => s === 201)).toBe(true);
      const statuses = answers.map((a) => a.body.status);
      expect(statuses.filter((s) => s === 'confirmed')).toHaveLength(5);
      expect(statuses.filter((s) => s === 'waitlisted')).toHaveLength(25);
      expect(await count(`eventId = ? AND status = 'confirmed'`, [id])).toBe(5);
      const positions = answers
        .filter((a) => a.body.status === 'waitlisted')
        .map((a) => a.body.waitlistPosition)
        .sort((a, b) => a - b);
      expect(positions).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
      const detail = await t.get(`/api/v1/events/${id}`);
      expect(detail.body).toMatchObject({ capacity: 5, seatsLeft: 0, waitlistOpen: true });
    });

    it('answers EVENT_FULL without a waiting list, and when the resident did not ask to queue', async () => {
      const id = await publishedEvent(t, organiser, { capacity: 3, waitlistEnabled: false });
      const tokens = await Promise.all(Array.from({ length: 12 }, (_, i) => residentIn(t, `nolist-${i}`)));
      const answers = await Promise.all(tokens.map((tk) => t.post(`/api/v1/events/${id}/registrations`, signUp(), tk)));
      expect(answers.filter((a) => a.status === 201)).toHaveLength(3);
      const full = answers.filter((a) => a.status === 409);
      expect(full).toHaveLength(9);
      expect(full[0].body).toMatchObject({ code: 'EVENT_FULL', details: { reason: 'full', waitlistOpen: false } });

      const queued = await publishedEvent(t, organiser, { capacity: 1 });
      await t.post(`/api/v1/events/${queued}/registrations`, signUp(), tokens[0]);
      const ask = await t.post(`/api/v1/events/${queued}/registrations`, signUp(), tokens[1]);
      expect(ask.body).toMatchObject({ statusCode: 409, code: 'EVENT_FULL', details: { waitlistOpen: true } });
      const join = await t.post(`/api/v1/events/${queued}/registrations`, signUp({ joinWaitlist: true }), tokens[1]);
      expect(join.body).toMatchObject({ status: 'waitlisted', waitlistPosition: 1, ticket: null });
    });

    it('gives a crowd exactly the seats there are, answers everyone else 409, and a retry its first answer', async () => {
      const id = await publishedEvent(t, organiser, { capacity: 4, waitlistEnabled: false });
      const tokens = await Promise.all(Array.from({ length: 60 }, (_, i) => residentIn(t, `crowd-${i}`)));
      const bodies = tokens.map(() => signUp());
      const answers = await Promise.all(tokens.map((tk, i) => t.post(`/api/v1/events/${id}/registrations`, bodies[i], tk)));
      const statuses = answers.map((a) => a.status);
      expect(statuses.filter((s) => s === 201)).toHaveLength(4);
      expect(statuses.filter((s) => s === 409)).toHaveLength(56);
      expect(answers.filter((a) => a.status === 409).every((a) => a.body.code === 'EVENT_FULL' && a.body.details.waitlistOpen === false)).toBe(true);
      expect(await count(`eventId = ? AND status = 'confirmed'`, [id])).toBe(4);
      const winner = statuses.indexOf(201);
      const again = await t.post(`/api/v1/events/${id}/registrations`, bodies[winner], tokens[winner]);
      expect(again.status).toBe(200);
      expect(again.body.ticket.token).toBe(answers[winner].body.ticket.token);
      // A winner signing up again is told they hold a seat, not that the event is full.
      const twice = await t.post(`/api/v1/events/${id}/registrations`, signUp(), tokens[winner]);
      expect(twice.body).toMatchObject({ code: 'REGISTRATION_REFUSED', details: { reason: 'already_registered' } });

      // With a waiting list, the crowd that does not ask to queue is told it may, and the queue takes the rest.
      const listed = await publishedEvent(t, organiser, { capacity: 2 });
      const mixed = await Promise.all(
        tokens.slice(0, 30).map((tk, i) => t.post(`/api/v1/events/${listed}/registrations`, signUp({ joinWaitlist: i % 2 === 0 }), tk)),
      );
      const held = mixed.filter((a) => a.status === 201);
      expect(held.filter((a) => a.body.status === 'confirmed')).toHaveLength(2);
      const refusals = mixed.filter((a) => a.status === 409);
      expect(refusals.every((a) => a.body.code === 'EVENT_FULL' && a.body.details.waitlistOpen === true)).toBe(true);
      expect(held.length + refusals.length).toBe(30);
      expect(
        held
          .filter((a) => a.body.status === 'waitlisted')
          .map((a) => a.body.waitlistPosition)
          .sort((a, b) => a - b),
      ).toEqual(Array.from({ length: held.length - 2 }, (_, i) => i + 1));
    });

    it('gives 300 residents at once exactly 50 seats and everyone else EVENT_FULL, one registration per resident however often they send', async () => {
      const id = await publishedEvent(t, organiser, { capacity: 50, waitlistEnabled: false });
      const tokens: string[] = [];
      for (let i = 0; i < 300; i += 50) tokens.push(...(await Promise.all(Array.from({ length: 50 }, (_, j) => t.residentToken(`flash-${i + j}`)))));
      const bodies = tokens.map(() => signUp());
      // The first ten send their request twice at once (a retry), the next ten a second, different attempt.
      const sends = [
        ...tokens.map((tk, i) => ({ i, tk, body: bodies[i] })),
        ...tokens.slice(0, 10).map((tk, i) => ({ i, tk, body: bodies[i] })),
        ...tokens.slice(10, 20).map((tk, i) => ({ i: i + 10, tk, body: signUp() })),
      ];
      const answers = await Promise.all(sends.map((x) => t.post(`/api/v1/events/${id}/registrations`, x.body, x.tk)));
      expect(answers.filter((a) => a.status >= 500)).toEqual([]);
      expect(await count(`eventId = ? AND status = 'confirmed'`, [id])).toBe(50);
      expect(await count(`eventId = ?`, [id])).toBe(50);
      const seats = new Set(answers.filter((a) => a.status === 200 || a.status === 201).map((a) => a.body.ticket.token));
      expect(seats.size).toBe(50);
      const of = (i: number) => answers.filter((_, k) => sends[k].i === i);
      for (let i = 0; i < 300; i++) {
        const mine = of(i);
        const held = mine.filter((a) => a.status === 200 || a.status === 201);
        // Everyone without a seat was told the event is full (or, trying twice, that they already hold one).
        for (const a of mine.filter((x) => x.status === 409))
          expect(a.body.code === 'EVENT_FULL' || a.body.details?.reason === 'already_registered').toBe(true);
        expect(new Set(held.map((a) => a.body.ticket.token)).size).toBeLessThanOrEqual(1);
        if (i < 10) expect(held.length === 0 || held.length === 2).toBe(true);
        if (i >= 10 && i < 20) expect(held.length).toBeLessThanOrEqual(1);
        if (i >= 20) expect(mine.map((a) => a.status)).toEqual([expect.any(Number)]);
      }
      expect(answers.filter((a) => a.status === 201)).toHaveLength(50);
      expect(answers.filter((a) => a.status === 409 && a.body.code === 'EVENT_FULL').length).toBeGreaterThanOrEqual(250 - 10);
    });

    if (TEST_DB === 'mysql') {
      it('answers a full event while another instance holds its lock', async () => {
        const id = await publishedEvent(t, organiser, { capacity: 1, waitlistEnabled: false });
        const [a, b] = await Promise.all(['held-a', 'held-b'].map((o) => residentIn(t, o)));
        expect((await t.post(`/api/v1/events/${id}/registrations`, signUp(), a)).status).toBe(201);
        const other = t.dataSource.createQueryRunner();
        await other.startTransaction();
        try {
          await other.query('SELECT id FROM `events` WHERE id = ? FOR UPDATE', [id]);
          const full = await t.post(`/api/v1/events/${id}/registrations`, signUp(), b);
          expect(full.body).toMatchObject({ statusCode: 409, code: 'EVENT_FULL' });
        } finally {
          await other.rollbackTransaction();
          await other.release();
        }
      });
    }
  });

  describe('the waiting list', () => {
    it('offers a freed seat to the first in line, passes an unanswered offer on, and confirms an accepted one', async () => {
      const id = await publishedEvent(t, organiser, { capacity: 1, offerHours: 12 });
      const [a, b, c] = await Promise.all(['wl-a', 'wl-b', 'wl-c'].map((o) => residentIn(t, o)));
      expect((await t.post(`/api/v1/events/${id}/registrations`, signUp(), a)).body.status).toBe('confirmed');
      expect((await t.post(`/api/v1/events/${id}/registrations`, signUp({ joinWaitlist: true }), b)).body.waitlistPosition).toBe(1);
      expect((await t.post(`/api/v1/events/${id}/registrations`, signUp({ joinWaitlist: true }), c)).body.waitlistPosition).toBe(2);

      const cancelled = await t.delete(`/api/v1/events/${id}/registrations/me`, a);
      expect(cancelled.status).toBe(200);
      expect(cancelled.body).toMatchObject({ status: 'cancelled', ticket: null });
      const offered = (await t.get(`/api/v1/events/${id}`, b)).body;
      expect(offered).toMatchObject({ seatsLeft: 0, myRegistration: { status: 'offered', ticket: null } });
      const deadline = new Date(offered.myRegistration.offerExpiresAt).getTime();
      expect(Math.abs(deadline - (Date.now() + 12 * HOUR))).toBeLessThan(60_000);
      expect((await t.get(`/api/v1/events/${id}`, c)).body.myRegistration).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
      const offerNote = await t.dataSource.query(
        `SELECT REPLACE(topic, 'event.', '') AS kind, status, reason FROM notification_deliveries WHERE topic = 'event.waitlist_offer'`,
      );
      expect(offerNote).toEqual([{ kind: 'waitlist_offer', status: 'skipped', reason: 'no_template' }]);

      // 13 hours later nobody has answered: the offer lapses and passes to C.
      await t.app.get(RegistrationsService).sweep(new Date(Date.now() + 13 * HOUR));
      expect((await t.get(`/api/v1/events/${id}`, b)).body.myRegistration.status).toBe('expired');
      expect((await t.get(`/api/v1/events/${id}`, c)).body.myRegistration.status).toBe('offered');
      const tooLate = await t.post(`/api/v1/events/${id}/registrations/me/offer`, { accept: true }, b);
      expect(tooLate.body).toMatchObject({ statusCode: 409, code: 'REGISTRATION_REFUSED', details: { reason: 'offer_expired' } });
      expect(tooLate.body.message).toContain('已顺延');

      const accepted = await t.post(`/api/v1/events/${id}/registrations/me/offer`, { accept: true }, c);
      expect(accepted.status).toBe(200);
      expect(accepted.body).toMatchObject({ status: 'confirmed', ticket: { token: expect.stringMatching(/^t1\./) } });
      expect(await count(`eventId = ? AND status IN ('confirmed', 'offered')`, [id])).toBe(1);
      // The one whose offer lapsed may queue again, at the back.
      const back = await t.post(`/api/v1/events/${id}/registrations`, signUp({ joinWaitlist: true }), b);
      expect(back.body).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    });

    it('passes a declined offer on at once, and raises capacity into offers', async () => {
      const id = await publishedEvent(t, organiser, { capacity: 1 });
      const [a, b, c, d] = await Promise.all(['dc-a', 'dc-b', 'dc-c', 'dc-d'].map((o) => residentIn(t, o)));
      await t.post(`/api/v1/events/${id}/registrations`, signUp(), a);
      for (const tk of [b, c, d]) await t.post(`/api/v1/events/${id}/registrations`, signUp({ joinWaitlist: true }), tk);
      await t.delete(`/api/v1/events/${id}/registrations/me`, a);
      const declined = await t.post(`/api/v1/events/${id}/registrations/me/offer`, { accept: false }, b);
      expect(declined.body.status).toBe('cancelled');
      expect((await t.get(`/api/v1/events/${id}`, c)).body.myRegistration.status).toBe('offered');
      expect((await t.post(`/api/v1/events/${id}/registrations/me/offer`, { accept: true }, d)).body.details.reason).toBe('no_offer');

      // Capacity may not drop below the seats held; raising it offers the new seat to D.
      const current = (await t.get(`/api/v1/admin/events/${id}`, organiser)).body;
      const smaller = await t.put(`/api/v1/admin/events/${id}`, eventInput(current.regionId, { ...current, venue: current.venue, capacity: 0 }), organiser);
      expect(smaller.status).toBe(400);
      const larger = await t.put(
        `/api/v1/admin/events/${id}`,
        { ...eventInput(current.regionId), startsAt: current.startsAt, endsAt: current.endsAt, capacity: 2, version: current.version },
        organiser,
      );
      expect(larger.status).toBe(200);
      expect(larger.body.counts).toMatchObject({ confirmed: 0, offered: 2, waitlisted: 0 });
      expect((await t.get(`/api/v1/events/${id}`, d)).body.myRegistration.status).toBe('offered');
      const stale = await t.put(
        `/api/v1/admin/events/${id}`,
        { ...eventInput(current.regionId), startsAt: current.startsAt, endsAt: current.endsAt, capacity: 2, version: current.version },
        organiser,
      );
      expect(stale.body).toMatchObject({ statusCode: 409, code: 'CONFLICT' });
      const tooSmall = await t.put(
        `/api/v1/admin/events/${id}`,
        { ...eventInput(current.regionId), startsAt: current.startsAt, endsAt: current.endsAt, capacity: 1 },
        organiser,
      );
      expect(tooSmall.body).toMatchObject({ statusCode: 409, message: '名额不能少于已报名（含候补待确认）的 2 人' });
    });

    it('gives a freed seat outright shortly before the start, and stops at the cancel cut-off', async () => {
      const soon = await publishedEvent(t, organiser, { capacity: 1, startsAt: inHours(0.25), endsAt: inHours(2) });
      const [a, b] = await Promise.all(['soon-a', 'soon-b'].map((o) => residentIn(t, o)));
      await t.post(`/api/v1/events/${soon}/registrations`, signUp(), a);
      await t.post(`/api/v1/events/${soon}/registrations`, signUp({ joinWaitlist: true }), b);
      await t.delete(`/api/v1/events/${soon}/registrations/me`, a);
      expect((await t.get(`/api/v1/events/${soon}`, b)).body.myRegistration).toMatchObject({ status: 'confirmed', ticket: expect.any(Object) });

      const cutOff = await publishedEvent(t, organiser, { cancelClosesAt: inHours(-1), startsAt: inHours(5), endsAt: inHours(6) });
      const c = await residentIn(t, 'cutoff-c');
      await t.post(`/api/v1/events/${cutOff}/registrations`, signUp(), c);
      const refused = await t.delete(`/api/v1/events/${cutOff}/registrations/me`, c);
      expect(refused.body).toMatchObject({ statusCode: 409, code: 'REGISTRATION_REFUSED', details: { reason: 'cut_off' } });
      expect(refused.body.message).toContain('取消报名截止');
    });
  });

  describe('我的活动', () => {
    it('lists upcoming events first with their tickets, exports them with the account and deletes them with it', async () => {
      const later = await publishedEvent(t, organiser, { title: '稍后的活动', startsAt: inHours(100), endsAt: inHours(101) });
      const sooner = await publishedEvent(t, organiser, { title: '较早的活动', startsAt: inHours(30), endsAt: inHours(31), requiredFields: ['phone'] });
      const me = await residentIn(t, 'mine');
      await t.post(`/api/v1/events/${later}/registrations`, signUp(), me);
      await t.post(`/api/v1/events/${sooner}/registrations`, signUp({ phone: '13900139000' }), me);
      const mine = await t.get('/api/v1/me/events', me);
      expect(mine.status).toBe(200);
      expect(mine.body.total).toBe(2);
      expect(mine.body.items.map((i: { event: { title: string } }) => i.event.title)).toEqual(['较早的活动', '稍后的活动']);
      expect(mine.body.items[0].registration).toMatchObject({ status: 'confirmed', phone: '13900139000', ticket: { token: expect.any(String) } });

      const exported = await t.get('/api/v1/me/export', me);
      expect(exported.body.events.registrations).toHaveLength(2);
      expect(exported.body.events.registrations).toContainEqual(
        expect.objectContaining({ eventTitle: '较早的活动', phone: '13900139000', status: 'confirmed' }),
      );
      expect((await t.delete('/api/v1/me', me)).status).toBe(204);
      expect(await count('eventId IN (?, ?)', [later, sooner])).toBe(0);
      expect((await t.get(`/api/v1/events/${sooner}`)).body.seatsLeft).toBe(10);
    });
  });
});
