import ExcelJS from 'exceljs';
import { EVENT_REGISTRATION_CONSENT_VERSION, decodeEventKey, verifyTicket, webCryptoHmacSha256 } from '@xinqiao/shared';
import { randomUUID } from 'crypto';
import { inHours, publishedEvent, residentIn, signUp } from '../../test/support/events';
import { REGION, TestApp } from '../../test/support/test-app';
import { TEST_DB } from '../../test/support/test-db';
import { EventTokensService } from './services/event-tokens.service';

/** Changes one character of the signature: a forgery that keeps the token's shape. */
function tamper(token: string): string {
  const last = token.at(-2) === 'A' ? 'B' : 'A';
  return `${token.slice(0, -2)}${last}${token.at(-1)}`;
}

describe(`event check-in on ${TEST_DB}`, () => {
  let t: TestApp;
  let organiser: string;
  let checkin: string;
  beforeAll(async () => {
    t = await TestApp.start({ JOB_POLL_MS: '60000' });
  });
  afterAll(() => t.stop());
  beforeEach(async () => {
    await t.reset();
    organiser = await t.staffToken('organiser_sl');
    checkin = await t.staffToken('checkin_sl');
  });

  /** An event starting in half an hour (check-in is open) with residents signed up; answers their tickets and tokens. */
  async function eventWithTickets(names: string[], over: Record<string, unknown> = {}) {
    const id = await publishedEvent(t, organiser, { startsAt: inHours(0.5), endsAt: inHours(2), requiredFields: ['name', 'phone'], ...over });
    const tickets: string[] = [];
    const residents: string[] = [];
    for (const [i, name] of names.entries()) {
      const tk = await residentIn(t, `event-${id}-person-${i}`);
      const res = await t.post(`/api/v1/events/${id}/registrations`, signUp({ name, phone: `1380013800${i}` }), tk);
      tickets.push(res.body.ticket.token);
      residents.push(tk);
    }
    return { id, tickets, residents };
  }

  describe('by ticket', () => {
    it('checks a ticket in once and answers success again, and lists the attendee as checked in', async () => {
      const { id, tickets } = await eventWithTickets(['张三']);
      const first = await t.post('/api/v1/checkins', { token: tickets[0] }, checkin);
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ eventId: id, outcome: 'checked_in', walkIn: false, name: '张三' });
      const again = await t.post('/api/v1/checkins', { token: tickets[0] }, checkin);
      expect(again.body).toMatchObject({ outcome: 'already_checked_in', checkedInAt: first.body.checkedInAt });

      const list = await t.get(`/api/v1/admin/events/${id}/registrations?attendance=checked_in`, checkin);
      expect(list.body.items).toEqual([
        expect.objectContaining({
          name: '张三',
          phone: '138****8000',
          attendance: 'checked_in',
          checkinMethod: 'ticket_scan',
          checkedInByName: '胜利路签到员',
        }),
      ]);
      // The organiser sees the whole number; the read is audited.
      expect((await t.get(`/api/v1/admin/events/${id}/registrations?keyword=8000`, organiser)).body.items[0].phone).toBe('13800138000');
      const audit = await t.get('/api/v1/admin/audit?action=event.attendees.read', await t.staffToken('region_yc'));
      expect(audit.body.total).toBe(2);
    });

    it('refuses forged, malformed and revoked tickets, other regions and the wrong side, with clear messages', async () => {
      const { id, tickets, residents } = await eventWithTickets(['李四', '王五']);
      const forged = await t.post('/api/v1/checkins', { token: tamper(tickets[0]) }, checkin);
      expect(forged.body).toMatchObject({ statusCode: 400, code: 'CHECKIN_TOKEN_INVALID', details: { reason: 'bad_signature' } });
      expect(forged.body.message).toContain('伪造');
      const malformed = await t.post('/api/v1/checkins', { token: 'hello' }, checkin);
      expect(malformed.body).toMatchObject({ code: 'CHECKIN_TOKEN_INVALID', details: { reason: 'malformed' } });

      const holder = residents[1];
      await t.delete(`/api/v1/events/${id}/registrations/me`, holder);
      const revoked = await t.post('/api/v1/checkins', { token: tickets[1] }, checkin);
      expect(revoked.body).toMatchObject({
        statusCode: 409,
        code: 'CHECKIN_REFUSED',
        message: '该电子票对应的报名已取消或失效',
        details: { reason: 'ticket_revoked' },
      });

      // A resident cannot check in with a ticket, and staff of another street do not see the event.
      expect((await t.post('/api/v1/checkins', { token: tickets[0] }, holder)).body).toMatchObject({ statusCode: 400, code: 'CHECKIN_TOKEN_INVALID' });
      const editor = await t.staffToken('editor_sl');
      expect((await t.post('/api/v1/checkins', { token: tickets[0] }, editor)).status).toBe(403);
      const zsOrganiser = await zhongshanOrganiser();
      expect((await t.get(`/api/v1/admin/events/${id}`, zsOrganiser)).status).toBe(404);
      expect(
        (
          await t.post(
            `/api/v1/admin/events/${id}/checkins`,
            { items: [{ clientId: randomUUID(), token: tickets[0], method: 'ticket_scan', checkedInAt: new Date().toISOString() }] },
            zsOrganiser,
          )
        ).status,
      ).toBe(404);
    });

    it('refuses outside the window and for a cancelled event', async () => {
      const { id, tickets } = await eventWithTickets(['赵六'], { startsAt: inHours(3), endsAt: inHours(4) });
      const early = await t.post('/api/v1/checkins', { token: tickets[0] }, checkin);
      expect(early.body).toMatchObject({ statusCode: 409, code: 'CHECKIN_REFUSED', message: '尚未到签到时间', details: { reason: 'too_early' } });
      await t.post(`/api/v1/admin/events/${id}/cancel`, { reason: '天气原因' }, organiser);
      const cancelled = await t.post('/api/v1/checkins', { token: tickets[0] }, checkin);
      expect(cancelled.body).toMatchObject({ code: 'CHECKIN_REFUSED', details: { reason: 'event_cancelled' } });
      expect((await t.get(`/api/v1/admin/events/${id}/checkin-code`, checkin)).body).toMatchObject({ statusCode: 409, code: 'INVALID_STATE' });
    });
  });

  describe('offline', () => {
    it('hands out a kit that verifies tickets without the server, and takes the queue uploaded twice', async () => {
      const { id, tickets } = await eventWithTickets(['欧阳小明', '陈一', '周二']);
      const other = await eventWithTickets(['外人']);
      const kit = (await t.get(`/api/v1/admin/events/${id}/checkin-kit`, checkin)).body;
      expect(kit.tickets.map((x: { name: string; phoneLast4: string }) => [x.name, x.phoneLast4])).toEqual([
        ['欧**明', '8000'],
        ['陈*', '8001'],
        ['周*', '8002'],
      ]);
      expect(JSON.stringify(kit)).not.toContain('13800138000');
      const hmac = webCryptoHmacSha256();
      const key = decodeEventKey(kit.eventKey)!;
      expect(await verifyTicket(hmac, key, tickets[0], id)).toMatchObject({ ok: true, code: kit.tickets[0].code });
      expect(await verifyTicket(hmac, key, tamper(tickets[0]), id)).toEqual({ ok: false, reason: 'bad_signature' });
      expect(await verifyTicket(hmac, key, other.tickets[0], id)).toEqual({ ok: false, reason: 'wrong_event' });

      const scannedAt = new Date(Date.now() - 10 * 60_000).toISOString();
      const queue = [
        { clientId: randomUUID(), token: tickets[0], method: 'ticket_scan', checkedInAt: scannedAt },
        { clientId: randomUUID(), code: kit.tickets[1].code, method: 'manual', checkedInAt: scannedAt },
        { clientId: randomUUID(), token: tamper(tickets[2]), method: 'ticket_scan', checkedInAt: scannedAt },
        { clientId: randomUUID(), token: other.tickets[0], method: 'ticket_scan', checkedInAt: scannedAt },
      ];
      const first = await t.post(`/api/v1/admin/events/${id}/checkins`, { items: queue }, checkin);
      expect(first.status).toBe(200);
      expect(first.body.map((r: { outcome: string; reason: string | null }) => [r.outcome, r.reason])).toEqual([
        ['checked_in', null],
        ['checked_in', null],
        ['refused', 'bad_signature'],
        ['refused', 'wrong_event'],
      ]);
      expect(first.body[0]).toMatchObject({ clientId: queue[0].clientId, name: '欧阳小明', checkedInAt: scannedAt });
      const again = await t.post(`/api/v1/admin/events/${id}/checkins`, { items: queue }, checkin);
      expect(again.body.map((r: { outcome: string }) => r.outcome)).toEqual(['already_checked_in', 'already_checked_in', 'refused', 'refused']);
      const counts = (await t.get(`/api/v1/admin/events/${id}`, organiser)).body.counts;
      expect(counts).toMatchObject({ confirmed: 3, checkedIn: 2 });
      const manual = await t.get(`/api/v1/admin/events/${id}/registrations?keyword=陈一`, organiser);
      expect(manual.body.items[0]).toMatchObject({ checkinMethod: 'manual', checkedInAt: scannedAt });
    });

    it('exports the attendee list as Excel', async () => {
      const { id, tickets } = await eventWithTickets(['孙七', '吴八']);
      await t.post('/api/v1/checkins', { token: tickets[0] }, checkin);
      const res = await t.get(`/api/v1/admin/events/${id}/registrations/export`, organiser);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toContain('spreadsheetml');
      expect(res.headers['content-disposition']).toContain(encodeURIComponent('活动报名签到表'));
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.raw as unknown as ArrayBuffer);
      const sheet = wb.getWorksheet('报名与签到')!;
      const rows = sheet
        .getSheetValues()
        .filter(Boolean)
        .map((r) => Array.from((r as unknown[]).slice(1, 7), (v) => v ?? ''));
      expect(rows[0]).toEqual(['姓名', '手机号', '报名状态', '报名方式', '候补位次', '签到状态']);
      expect(rows.slice(1)).toEqual([
        ['孙七', '13800138000', '报名成功', '线上报名', '', '已签到'],
        ['吴八', '13800138001', '报名成功', '线上报名', '', '待签到'],
      ]);
      expect((await t.get(`/api/v1/admin/events/${id}/registrations/export`, checkin)).status).toBe(403);
    });
  });

  describe('by the screen code', () => {
    it('checks in a signed-up resident and registers a walk-in while seats remain', async () => {
      const { id, residents } = await eventWithTickets(['郑九'], { capacity: 2, requiredFields: [] });
      const code = await t.get(`/api/v1/admin/events/${id}/checkin-code`, checkin);
      expect(code.status).toBe(200);
      expect(code.body.scene.length).toBeLessThanOrEqual(32);
      expect(code.body).toMatchObject({ page: 'pages/events/index', imageKind: 'qr', imageDataUrl: expect.stringMatching(/^data:image\/png;base64,/) });
      expect(new Date(code.body.refreshAt).getTime()).toBeGreaterThan(new Date(code.body.windowEndsAt).getTime());

      const signedUp = residents[0];
      expect((await t.post('/api/v1/checkins', { token: code.body.scene }, signedUp)).body).toMatchObject({ outcome: 'checked_in', walkIn: false });
      const walker = await residentIn(t, 'walker');
      expect((await t.post('/api/v1/checkins', { token: code.body.scene }, walker)).body).toMatchObject({ outcome: 'checked_in', walkIn: true });
      expect((await t.post('/api/v1/checkins', { token: code.body.scene }, walker)).body.outcome).toBe('already_checked_in');
      const third = await residentIn(t, 'no-seat');
      const full = await t.post('/api/v1/checkins', { token: code.body.scene }, third);
      expect(full.body).toMatchObject({ statusCode: 409, code: 'CHECKIN_REFUSED', message: '活动名额已满，无法现场登记', details: { reason: 'full' } });
      const mine = (await t.get('/api/v1/me/events', walker)).body.items[0];
      expect(mine.registration).toMatchObject({ status: 'confirmed', source: 'walk_in', attendance: 'checked_in', ticket: expect.any(Object) });
    });

    it('asks a walk-in for the details the event needs, with consent', async () => {
      const { id } = await eventWithTickets([], { requiredFields: ['name'] });
      const scene = (await t.get(`/api/v1/admin/events/${id}/checkin-code`, checkin)).body.scene;
      const walker = await residentIn(t, 'walker-details');
      const ask = await t.post('/api/v1/checkins', { token: scene }, walker);
      expect(ask.body).toMatchObject({
        statusCode: 409,
        code: 'CHECKIN_REFUSED',
        details: { reason: 'details_required', requiredFields: expect.arrayContaining(['name']) },
      });
      const noConsent = await t.post('/api/v1/checkins', { token: scene, name: '钱十' }, walker);
      expect(noConsent.body.code).toBe('CONSENT_REQUIRED');
      const ok = await t.post(
        '/api/v1/checkins',
        { token: scene, name: '钱十', phone: '13700137000', consentVersion: EVENT_REGISTRATION_CONSENT_VERSION },
        walker,
      );
      expect(ok.body).toMatchObject({ outcome: 'checked_in', walkIn: true, name: '钱十' });
      const [row] = await t.dataSource.query(`SELECT name, phone, source FROM event_registrations WHERE eventId = ?`, [id]);
      expect(row).toEqual({ name: '钱十', phone: null, source: 'walk_in' });
    });

    it('refuses an expired, forged or early code, each with its own message', async () => {
      const { id } = await eventWithTickets([], { requiredFields: [] });
      const me = await residentIn(t, 'scanner');
      const tokens = t.app.get(EventTokensService);
      const old = await tokens.screenCode(id, new Date(Date.now() - 2 * 60_000));
      const expired = await t.post('/api/v1/checkins', { token: old.code }, me);
      expect(expired.body).toMatchObject({ statusCode: 400, code: 'CHECKIN_CODE_EXPIRED', message: '签到码已过期，请重新扫描现场屏幕上最新的签到码' });
      const previous = await tokens.screenCode(id, new Date(Date.now() - 30_000));
      expect((await t.post('/api/v1/checkins', { token: previous.code }, me)).body.outcome).toBe('checked_in');

      const current = (await t.get(`/api/v1/admin/events/${id}/checkin-code`, checkin)).body.scene;
      const forged = await t.post('/api/v1/checkins', { token: tamper(current) }, me);
      expect(forged.body).toMatchObject({ statusCode: 400, code: 'CHECKIN_TOKEN_INVALID', details: { reason: 'bad_signature' } });
      expect((await t.post('/api/v1/checkins', { token: 'c1.abc.def' }, me)).body.details.reason).toBe('malformed');

      const later = await publishedEvent(t, organiser, { startsAt: inHours(48), endsAt: inHours(50) });
      const early = await t.post('/api/v1/checkins', { token: (await t.get(`/api/v1/admin/events/${later}/checkin-code`, checkin)).body.scene }, me);
      expect(early.body).toMatchObject({ code: 'CHECKIN_REFUSED', details: { reason: 'too_early' } });
    });
  });

  /** An organiser of 中山路街道, made by the district admin. */
  async function zhongshanOrganiser(): Promise<string> {
    const admin = await t.staffToken('region_yc');
    const created = await t.post(
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
    expect(created.status).toBe(201);
    const login = await t.post('/api/v1/auth/staff/login', { username: 'organiser_zs', password: 'Organiser#2026zs' });
    return (await t.post('/api/v1/auth/staff/password', { oldPassword: 'Organiser#2026zs', newPassword: 'Changed#2026zs' }, login.body.accessToken)).body
      .accessToken;
  }
});
