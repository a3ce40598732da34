import { randomUUID } from 'crypto';
import { BOOKING_CONSENT_VERSION, addChinaDays, chinaDate, type Slot } from '@xinqiao/shared';
import { residentIn } from '../../test/support/events';
import { REGION, TestApp } from '../../test/support/test-app';
import { TEST_DB } from '../../test/support/test-db';
import { sqlTime } from './services/booking-locks';
import { BookingsService } from './services/bookings.service';

const intake = (over: Record<string, unknown> = {}) => ({
  topic: 'emotions',
  note: '最近情绪低落',
  contactPhone: '13800138000',
  ageBand: '35to59',
  consent: { version: BOOKING_CONSENT_VERSION, booking: true, sensitive: true },
  ...over,
});
const ALL_DAY = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '00:00', end: '24:00', mode: 'phone', stationId: null }));

describe(`bookings on ${TEST_DB}`, () => {
  let t: TestApp;
  let li: number;
  let manager: string;
  beforeAll(async () => (t = await TestApp.start()));
  /** A time as a raw query parameter. */
  const at = (d: Date | string) => sqlTime(t.dataSource, new Date(d));
  afterAll(() => t.stop());
  beforeEach(async () => {
    await t.reset();
    manager = await t.staffToken('station_sl');
    li = Number((await t.dataSource.query('SELECT id FROM counsellor_profiles WHERE name = ?', ['李静']))[0].id);
    // 李静 takes phone sessions round the clock, so the tests find slots whatever the time of day.
    const put = await t.put(`/api/v1/admin/counsellors/${li}/availability`, ALL_DAY, manager);
    expect(put.status).toBe(200);
  });

  /** A free phone slot of 李静 `days` ahead (China date). */
  async function phoneSlot(days = 2, index = 0): Promise<Slot> {
    const date = addChinaDays(chinaDate(new Date()), days);
    const res = await t.get(`/api/v1/slots?kind=phone&counsellorId=${li}&from=${date}&to=${date}`);
    expect(res.status).toBe(200);
    return res.body[index];
  }
  const holdBody = (s: Slot) => ({ kind: 'phone', start: s.start, counsellorId: s.counsellorId });
  const slotRows = async (start: string) => {
    const [{ n }] = await t.dataSource.query('SELECT COUNT(*) AS n FROM bookings WHERE counsellorId = ? AND start = ? AND activeKey IS NOT NULL', [
      li,
      at(start),
    ]);
    return Number(n);
  };
  async function book(token: string, s: Slot, over: Record<string, unknown> = {}) {
    const hold = await t.post('/api/v1/bookings/holds', holdBody(s), token);
    expect(hold.status).toBe(201);
    return t.post('/api/v1/bookings', { holdId: hold.body.id, clientRequestId: randomUUID(), intake: intake(), ...over }, token);
  }

  it('serves the kinds, the call-back lines and free slots computed from availability and station hours', async () => {
    expect((await t.get('/api/v1/bookings/kinds')).body.map((k: { kind: string }) => k.kind)).toEqual(['in_person', 'phone', 'callback']);
    const lines = (await t.get(`/api/v1/callback-lines?regionId=${await t.regionId(REGION.communityA1)}`)).body;
    expect(lines).toEqual([expect.objectContaining({ name: '永川区心理援助热线（演示数据）', number: '023-12356', capacityPerWindow: 3 })]);
    const s = await phoneSlot();
    expect(s).toMatchObject({ counsellorId: li, stationId: null, lineId: null, seatsLeft: 1 });
    expect(Date.parse(s.end) - Date.parse(s.start)).toBe(50 * 60_000);
    // In person at 胜利路: 王磊 does not serve it; slots lie inside the station's hours.
    const [sl] = await t.dataSource.query('SELECT id FROM stations WHERE name = ?', ['胜利路街道心理服务站']);
    const from = addChinaDays(chinaDate(new Date()), 1);
    const slots: Slot[] = (await t.get(`/api/v1/slots?kind=in_person&stationId=${sl.id}&from=${from}&to=${addChinaDays(from, 13)}`)).body;
    const wang = Number((await t.dataSource.query('SELECT id FROM counsellor_profiles WHERE name = ?', ['王磊']))[0].id);
    expect(slots.length).toBeGreaterThan(0);
    expect(slots.every((x) => x.stationId === Number(sl.id) && x.counsellorId !== wang)).toBe(true);
    const line = lines[0];
    const windows: Slot[] = (await t.get(`/api/v1/slots?kind=callback&lineId=${line.id}&from=${from}&to=${addChinaDays(from, 6)}`)).body;
    expect(windows.length).toBeGreaterThan(0);
    expect(windows[0]).toMatchObject({ lineId: line.id, counsellorId: null, seatsLeft: 3 });
    // Bad input names the field.
    const bad = await t.get(`/api/v1/slots?kind=phone&from=${from}&to=2020-01-01`);
    expect(bad.body).toMatchObject({ statusCode: 400, details: { fields: [expect.objectContaining({ field: 'to' })] } });
    expect((await t.get('/api/v1/slots?kind=video&from=2026-01-01&to=2026-01-02')).body.details.fields[0].field).toBe('kind');
  });

  it.each([2, 50])('lets exactly one of %i residents hold the same slot', async (n) => {
    const s = await phoneSlot();
    const tokens = await Promise.all(Array.from({ length: n }, (_, i) => residentIn(t, `race-hold-${n}-${i}`)));
    const answers = await Promise.all(tokens.map((tk) => t.post('/api/v1/bookings/holds', holdBody(s), tk)));
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    expect(answers.filter((a) => a.status === 409).every((a) => a.body.code === 'SLOT_TAKEN')).toBe(true);
    expect(answers.filter((a) => a.status === 409)).toHaveLength(n - 1);
    const [{ c }] = await t.dataSource.query('SELECT COUNT(*) AS c FROM booking_holds WHERE start = ?', [at(s.start)]);
    expect(Number(c)).toBe(1);
  });

  it.each([2, 50])('confirms one slot exactly once when %i confirmations race', async (n) => {
    const s = await phoneSlot();
    const me = await residentIn(t, `race-confirm-${n}`);
    const hold = await t.post('/api/v1/bookings/holds', holdBody(s), me);
    // The same hold sent n times with different request ids (double taps, several tabs).
    const answers = await Promise.all(
      Array.from({ length: n }, () => t.post('/api/v1/bookings', { holdId: hold.body.id, clientRequestId: randomUUID(), intake: intake() }, me)),
    );
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    expect(answers.filter((a) => a.status !== 201).map((a) => a.body.code)).toEqual(Array(n - 1).fill('HOLD_EXPIRED'));
    expect(await slotRows(s.start)).toBe(1);
  });

  it('never books twice when a confirmation races the hold running out and another resident taking the slot', async () => {
    const service = t.app.get(BookingsService);
    const s = await phoneSlot();
    const [a, b] = await Promise.all([residentIn(t, 'expiry-a'), residentIn(t, 'expiry-b')]);
    const aId = Number((await t.dataSource.query('SELECT id FROM residents WHERE openid = ?', ['expiry-a']))[0].id);
    const bId = Number((await t.dataSource.query('SELECT id FROM residents WHERE openid = ?', ['expiry-b']))[0].id);
    expect(a && b).toBeTruthy();
    for (let round = 0; round < 4; round++) {
      await t.dataSource.query('DELETE FROM bookings WHERE counsellorId = ? AND start = ?', [li, at(s.start)]);
      await t.dataSource.query('DELETE FROM booking_holds');
      const now = new Date();
      const hold = await service.hold(aId, { kind: 'phone', start: s.start, counsellorId: li }, now);
      const expiry = Date.parse(hold.expiresAt);
      const outcomes = await Promise.allSettled([
        service.confirm(aId, { holdId: hold.id, clientRequestId: randomUUID(), intake: intake() as never }, new Date(expiry - 1)),
        service.hold(bId, { kind: 'phone', start: s.start, counsellorId: li }, new Date(expiry + 1)),
      ]);
      const [{ h }] = await t.dataSource.query('SELECT COUNT(*) AS h FROM booking_holds WHERE start = ?', [at(s.start)]);
      // Either A's booking or B's hold, never both.
      expect(Number(h) + (await slotRows(s.start))).toBe(1);
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      // Past its expiry the hold can never be confirmed, whoever holds the slot now.
      if (outcomes[1].status === 'fulfilled') {
        await expect(
          service.confirm(aId, { holdId: hold.id, clientRequestId: randomUUID(), intake: intake() as never }, new Date(expiry + 2)),
        ).rejects.toMatchObject({ code: 'HOLD_EXPIRED' });
      }
    }
    // An expired hold nobody took is still refused.
    await t.dataSource.query('DELETE FROM bookings WHERE counsellorId = ? AND start = ?', [li, at(s.start)]);
    await t.dataSource.query('DELETE FROM booking_holds');
    const hold = await service.hold(aId, { kind: 'phone', start: s.start, counsellorId: li });
    await expect(
      service.confirm(aId, { holdId: hold.id, clientRequestId: randomUUID(), intake: intake() as never }, new Date(Date.parse(hold.expiresAt))),
    ).rejects.toMatchObject({ code: 'HOLD_EXPIRED' });
    expect(await slotRows(s.start)).toBe(0);
  });

  it('answers a retry with the first booking, and names every 409 by its code', async () => {
    const me = await residentIn(t, 'codes');
    const s = await phoneSlot();
    const hold = await t.post('/api/v1/bookings/holds', holdBody(s), me);
    const body = { holdId: hold.body.id, clientRequestId: randomUUID(), intake: intake() };
    const first = await t.post('/api/v1/bookings', body, me);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      kind: 'phone',
      status: 'confirmed',
      start: s.start,
      topic: 'emotions',
      canCancel: true,
      canReschedule: true,
      canRate: false,
      counsellor: { id: li, name: '李静' },
    });
    const again = await t.post('/api/v1/bookings', body, me);
    expect(again.body.id).toBe(first.body.id);
    expect(await slotRows(s.start)).toBe(1);

    // SLOT_TAKEN: someone else asks for the booked slot; also a slot overlapping it by a few minutes.
    const other = await residentIn(t, 'codes-other');
    expect((await t.post('/api/v1/bookings/holds', holdBody(s), other)).body.code).toBe('SLOT_TAKEN');
    expect(
      (await t.post('/api/v1/bookings/holds', { ...holdBody(s), start: new Date(Date.parse(s.start) + 20 * 60_000).toISOString() }, other)).body.code,
    ).toBe('SLOT_TAKEN');

    // HOLD_EXPIRED: a hold whose time ran out.
    const s2 = await phoneSlot(2, 3);
    const h2 = await t.post('/api/v1/bookings/holds', holdBody(s2), me);
    await t.dataSource.query('UPDATE booking_holds SET expiresAt = ? WHERE id = ?', [at(new Date(Date.now() - 1000)), h2.body.id]);
    expect((await t.post('/api/v1/bookings', { holdId: h2.body.id, clientRequestId: randomUUID(), intake: intake() }, me)).body).toMatchObject({
      statusCode: 409,
      code: 'HOLD_EXPIRED',
    });

    // BOOKING_LIMIT_REACHED: two open phone bookings at most.
    expect((await book(me, await phoneSlot(3, 0))).status).toBe(201);
    const third = await book(me, await phoneSlot(3, 3));
    expect(third.body).toMatchObject({ statusCode: 409, code: 'BOOKING_LIMIT_REACHED' });

    // BOOKING_CUTOFF_PASSED: moving a booking within 12 hours of its start; cancelling then is late.
    const soon = new Date(Date.now() + 3 * 3_600_000);
    await t.dataSource.query('UPDATE bookings SET start = ?, end = ?, activeKey = NULL WHERE id = ?', [
      at(soon),
      at(new Date(soon.getTime() + 50 * 60_000)),
      first.body.id,
    ]);
    const h3 = await t.post('/api/v1/bookings/holds', holdBody(await phoneSlot(4, 0)), me);
    expect((await t.post(`/api/v1/me/bookings/${first.body.id}/reschedule`, { holdId: h3.body.id }, me)).body).toMatchObject({
      statusCode: 409,
      code: 'BOOKING_CUTOFF_PASSED',
    });
    const cancelled = await t.post(`/api/v1/me/bookings/${first.body.id}/cancel`, { reason: '临时有事' }, me);
    expect(cancelled.body).toMatchObject({ status: 'late_cancelled', canCancel: false });
  });

  it('moves a booking to a held slot, frees the old one, and cancels on time before the cut-off', async () => {
    const me = await residentIn(t, 'mover');
    const s = await phoneSlot(3, 0);
    const booked = await book(me, s);
    const target = await phoneSlot(4, 2);
    const hold = await t.post('/api/v1/bookings/holds', holdBody(target), me);
    const moved = await t.post(`/api/v1/me/bookings/${booked.body.id}/reschedule`, { holdId: hold.body.id }, me);
    expect(moved.body).toMatchObject({ id: booked.body.id, start: target.start, status: 'confirmed' });
    expect(await slotRows(s.start)).toBe(0);
    expect((await phoneSlot(3, 0)).start).toBe(s.start);
    const list = await t.get('/api/v1/me/bookings?scope=upcoming', me);
    expect(list.body.items.map((b: { id: number }) => b.id)).toEqual([booked.body.id]);
    const cancelled = await t.post(`/api/v1/me/bookings/${booked.body.id}/cancel`, {}, me);
    expect(cancelled.body).toMatchObject({ status: 'cancelled' });
    expect((await t.get('/api/v1/me/bookings?scope=past', me)).body.items[0]).toMatchObject({ id: booked.body.id, status: 'cancelled' });
    // Another resident cannot see it.
    expect((await t.get(`/api/v1/me/bookings/${booked.body.id}`, await residentIn(t, 'nosy'))).status).toBe(404);
  });

  it('refuses bad intake with 400 naming the field', async () => {
    const me = await residentIn(t, 'bad-input');
    const hold = await t.post('/api/v1/bookings/holds', holdBody(await phoneSlot()), me);
    const send = (over: Record<string, unknown>) =>
      t.post('/api/v1/bookings', { holdId: hold.body.id, clientRequestId: randomUUID(), intake: intake(over) }, me);
    const fieldOf = async (over: Record<string, unknown>) => (await send(over)).body.details.fields.map((f: { field: string }) => f.field);
    expect(await fieldOf({ contactPhone: '12345' })).toEqual(['intake.contactPhone']);
    expect(await fieldOf({ contactPhone: '' })).toEqual(['intake.contactPhone']);
    expect(await fieldOf({ ageBand: 'under14' })).toEqual(['intake.guardian']);
    expect(await fieldOf({ consent: { version: 'old', booking: true, sensitive: true } })).toEqual(['intake.consent']);
    expect(await fieldOf({ consent: { version: BOOKING_CONSENT_VERSION, booking: true, sensitive: false } })).toEqual(['intake.consent.sensitive']);
    expect(await fieldOf({ ageBand: 'child' })).toEqual(['intake.ageBand']);
    const res = await send({ contactPhone: '12345' });
    expect(res.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED', message: expect.stringContaining('联系电话格式不正确') });
    expect((await t.post('/api/v1/bookings/holds', { kind: 'phone', start: 'tomorrow', counsellorId: li }, me)).body.details.fields[0].field).toBe('start');
    // Nothing was booked; the hold is still there to try again.
    expect((await send({})).status).toBe(201);
  });

  it('rates an attended session once', async () => {
    const me = await residentIn(t, 'rater');
    const booked = await book(me, await phoneSlot());
    expect((await t.post(`/api/v1/me/bookings/${booked.body.id}/rating`, { score: 5 }, me)).body.code).toBe('INVALID_STATE');
    const past = new Date(Date.now() - 2 * 3_600_000);
    await t.dataSource.query('UPDATE bookings SET status = ?, start = ?, end = ? WHERE id = ?', [
      'attended',
      at(past),
      at(new Date(past.getTime() + 50 * 60_000)),
      booked.body.id,
    ]);
    expect((await t.post(`/api/v1/me/bookings/${booked.body.id}/rating`, { score: 6 }, me)).body.details.fields[0].field).toBe('score');
    const rated = await t.post(`/api/v1/me/bookings/${booked.body.id}/rating`, { score: 4, comment: '很有帮助' }, me);
    expect(rated.body).toMatchObject({ rating: { score: 4, comment: '很有帮助' }, canRate: false });
    expect((await t.post(`/api/v1/me/bookings/${booked.body.id}/rating`, { score: 1 }, me)).body.code).toBe('INVALID_STATE');
  });

  it('shows staff only their region, the intake only to the assigned counsellor, and keeps session notes encrypted', async () => {
    const me = await residentIn(t, 'scope');
    const booked = await book(me, await phoneSlot());
    const id = booked.body.id;
    const [assigned, otherStreet, district] = [await t.staffToken('counsellor_sl'), await t.staffToken('counsellor_zs'), await t.staffToken('region_yc')];
    expect((await t.get(`/api/v1/admin/bookings/${id}`, otherStreet)).status).toBe(404);
    expect((await t.get('/api/v1/admin/bookings', otherStreet)).body.items.map((b: { id: number }) => b.id)).not.toContain(id);
    const overseen = await t.get(`/api/v1/admin/bookings/${id}`, district);
    expect(overseen.body).toMatchObject({ id, intake: null, contactPhone: '138****8000', counsellorName: '李静' });
    const own = await t.get(`/api/v1/admin/bookings/${id}`, assigned);
    expect(own.body).toMatchObject({
      intake: { topic: 'emotions', note: '最近情绪低落', ageBand: '35to59', sensitiveConsent: true },
      contactPhone: '13800138000',
    });
    expect(own.body.history.map((h: { action: string }) => h.action)).toEqual(['booked']);

    const note = await t.post(`/api/v1/admin/bookings/${id}/notes`, { text: '来访者主诉睡眠差，约定两周后复访' }, assigned);
    expect(note.status).toBe(201);
    const raw = await t.dataSource.query('SELECT text FROM session_notes');
    expect(raw).toHaveLength(1);
    expect(String(raw[0].text)).not.toContain('睡眠');
    expect((await t.get(`/api/v1/admin/bookings/${id}/notes`, assigned)).body).toEqual([expect.objectContaining({ text: '来访者主诉睡眠差，约定两周后复访' })]);
    expect((await t.get(`/api/v1/admin/bookings/${id}/notes`, district)).status).toBe(403);
    expect((await t.get(`/api/v1/admin/bookings/${id}/notes`, otherStreet)).status).toBe(404);
    const [{ n }] = await t.dataSource.query('SELECT COUNT(*) AS n FROM audit_logs WHERE action = ?', ['booking.notes.read']);
    expect(Number(n)).toBe(3);
    // The intake note and phone are encrypted at rest too.
    const [row] = await t.dataSource.query('SELECT note, contactPhone FROM bookings WHERE id = ?', [id]);
    expect(String(row.note)).not.toContain('情绪');
    expect(String(row.contactPhone)).not.toContain('13800138000');

    // Attendance only after the start; a station manager cancels and the resident sees it.
    expect((await t.post(`/api/v1/admin/bookings/${id}/attended`, {}, assigned)).body.code).toBe('INVALID_STATE');
    const cancelled = await t.post(`/api/v1/admin/bookings/${id}/cancel`, { reason: '咨询师临时外出' }, manager);
    expect(cancelled.body).toMatchObject({ status: 'staff_cancelled' });
    expect((await t.get(`/api/v1/me/bookings/${id}`, me)).body.status).toBe('staff_cancelled');
  });

  it('keeps a station or a counsellor with bookings ahead from being deleted', async () => {
    const me = await residentIn(t, 'in-use');
    await book(me, await phoneSlot());
    const res = await t.delete(`/api/v1/admin/counsellors/${li}`, await t.staffToken('region_yc'));
    expect(res.body).toMatchObject({ statusCode: 409, message: expect.stringContaining('未完成的预约') });
  });

  it('exports the resident’s bookings with their data, and deletes them with the resident', async () => {
    const me = await residentIn(t, 'pipl');
    await book(me, await phoneSlot());
    const exported = await t.get('/api/v1/me/export', me);
    expect(exported.body.bookings).toEqual([expect.objectContaining({ kind: 'phone', contactPhone: '13800138000', note: '最近情绪低落' })]);
    const [{ id }] = await t.dataSource.query('SELECT residentId AS id FROM bookings WHERE clientRequestId <> ? ORDER BY id DESC LIMIT 1', ['demo-booking-1']);
    expect((await t.delete('/api/v1/me', me)).status).toBe(204);
    const [{ n }] = await t.dataSource.query('SELECT COUNT(*) AS n FROM bookings WHERE residentId = ?', [id]);
    expect(Number(n)).toBe(0);
  });
  it('hands a session to another counsellor of the region only when their time is free', async () => {
    const me = await residentIn(t, 'handover');
    const s = await phoneSlot(3, 0);
    const booked = await book(me, s);
    const district = await t.staffToken('region_yc');
    const chen = Number((await t.dataSource.query('SELECT id FROM counsellor_profiles WHERE name = ?', ['陈芳']))[0].id);
    const wang = Number((await t.dataSource.query('SELECT id FROM counsellor_profiles WHERE name = ?', ['王磊']))[0].id);
    // 王磊 takes no phone sessions; the street's manager cannot hand over to the district's 陈芳.
    expect((await t.post(`/api/v1/admin/bookings/${booked.body.id}/handover`, { counsellorId: wang }, district)).body.details.fields[0].field).toBe(
      'counsellorId',
    );
    expect((await t.post(`/api/v1/admin/bookings/${booked.body.id}/handover`, { counsellorId: chen }, manager)).status).toBe(400);
    const done = await t.post(`/api/v1/admin/bookings/${booked.body.id}/handover`, { counsellorId: chen }, district);
    expect(done.body).toMatchObject({ counsellorId: chen, counsellorName: '陈芳', status: 'confirmed' });
    expect(done.body.history.map((h: { action: string }) => h.action)).toEqual(['booked', 'handover']);
    // 李静's time is free again; back to her while 陈芳 has another session overlapping is refused.
    expect((await phoneSlot(3, 0)).start).toBe(s.start);
    const other = await residentIn(t, 'handover-2');
    await t.put(`/api/v1/admin/counsellors/${chen}/availability`, ALL_DAY, district);
    const second = await book(
      other,
      (await t.get(`/api/v1/slots?kind=phone&counsellorId=${li}&from=${chinaDate(new Date(s.start))}&to=${chinaDate(new Date(s.start))}`)).body.find(
        (x: Slot) => x.start === s.start,
      ),
    );
    expect(second.status).toBe(201);
    expect((await t.post(`/api/v1/admin/bookings/${second.body.id}/handover`, { counsellorId: chen }, district)).body.code).toBe('SLOT_TAKEN');
  });

  it('lets a counsellor keep their own week and a manager the week of counsellors at their stations', async () => {
    const own = await t.staffToken('counsellor_sl');
    const otherStreet = await t.staffToken('counsellor_zs');
    expect((await t.get(`/api/v1/admin/counsellors/${li}/availability`, otherStreet)).status).toBe(404);
    expect((await t.get(`/api/v1/admin/counsellors/${li}/availability`, own)).body).toHaveLength(7);
    const bad = await t.put(
      `/api/v1/admin/counsellors/${li}/availability`,
      [
        { weekday: 1, start: '09:00', end: '12:00', mode: 'in_person', stationId: null },
        { weekday: 8, start: '9', end: '12:00', mode: 'phone', stationId: null },
      ],
      own,
    );
    expect(bad.body.details.fields.map((f: { field: string }) => f.field).sort()).toEqual(['1.start', '1.weekday']);
    const noStation = await t.put(
      `/api/v1/admin/counsellors/${li}/availability`,
      [{ weekday: 1, start: '09:00', end: '12:00', mode: 'in_person', stationId: null }],
      own,
    );
    expect(noStation.body.details.fields).toEqual([expect.objectContaining({ field: '0.stationId', message: '面询时段须选择站点' })]);
    const overlap = await t.put(
      `/api/v1/admin/counsellors/${li}/availability`,
      [
        { weekday: 2, start: '09:00', end: '12:00', mode: 'phone', stationId: null },
        { weekday: 2, start: '11:00', end: '13:00', mode: 'phone', stationId: null },
      ],
      own,
    );
    expect(overlap.body).toMatchObject({ statusCode: 400, message: expect.stringContaining('周二') });
    const date = addChinaDays(chinaDate(new Date()), 2);
    const off = await t.put(`/api/v1/admin/counsellors/${li}/availability/exceptions`, { date, blocks: [], note: '外出培训' }, own);
    expect(off.body).toMatchObject({ date, blocks: [], note: '外出培训' });
    expect((await t.get(`/api/v1/slots?kind=phone&counsellorId=${li}&from=${date}&to=${date}`)).body).toEqual([]);
    expect((await t.get(`/api/v1/admin/counsellors/${li}/availability/exceptions`, manager)).body).toHaveLength(1);
    expect((await t.delete(`/api/v1/admin/counsellors/${li}/availability/exceptions/${off.body.id}`, own)).status).toBe(204);
    expect((await t.get(`/api/v1/slots?kind=phone&counsellorId=${li}&from=${date}&to=${date}`)).body.length).toBeGreaterThan(0);
  });

  it('keeps call-back lines per hotline, in the caller’s region, and books their windows seat by seat', async () => {
    const district = await t.staffToken('region_yc');
    const [line] = (await t.get('/api/v1/admin/callback-lines', district)).body;
    expect((await t.get('/api/v1/admin/callback-lines', manager)).body).toEqual([]);
    expect(
      (await t.post('/api/v1/admin/callback-lines', { hotlineId: line.hotlineId, weeklyHours: {}, capacityPerWindow: 2, enabled: true }, district)).status,
    ).toBe(409);
    expect(
      (await t.post('/api/v1/admin/callback-lines', { hotlineId: -1, weeklyHours: {}, capacityPerWindow: 2, enabled: true }, district)).body.details.fields[0]
        .field,
    ).toBe('hotlineId');
    const allDay = Object.fromEntries([1, 2, 3, 4, 5, 6, 7].map((d) => [d, [{ start: '00:00', end: '24:00' }]]));
    const updated = await t.put(
      `/api/v1/admin/callback-lines/${line.id}`,
      { hotlineId: line.hotlineId, weeklyHours: allDay, capacityPerWindow: 2, enabled: true },
      district,
    );
    expect(updated.body).toMatchObject({ capacityPerWindow: 2, name: '永川区心理援助热线（演示数据）' });
    const date = addChinaDays(chinaDate(new Date()), 1);
    const [w] = (await t.get(`/api/v1/slots?kind=callback&lineId=${line.id}&from=${date}&to=${date}`)).body;
    expect(w.seatsLeft).toBe(2);
    const callers = await Promise.all([0, 1, 2].map((i) => residentIn(t, `caller-${i}`)));
    const holds = await Promise.all(callers.map((c) => t.post('/api/v1/bookings/holds', { kind: 'callback', start: w.start, lineId: line.id }, c)));
    expect(holds.map((h) => h.status).sort()).toEqual([201, 201, 409]);
    const winner = holds.findIndex((h) => h.status === 201);
    const booked = await t.post('/api/v1/bookings', { holdId: holds[winner].body.id, clientRequestId: randomUUID(), intake: intake() }, callers[winner]);
    expect(booked.body).toMatchObject({ kind: 'callback', line: { id: line.id, number: '023-12356' }, counsellor: null });
    // The limit of one open call-back per resident.
    const [, w2] = (await t.get(`/api/v1/slots?kind=callback&lineId=${line.id}&from=${date}&to=${date}`)).body;
    const h2 = await t.post('/api/v1/bookings/holds', { kind: 'callback', start: w2.start, lineId: line.id }, callers[winner]);
    expect((await t.post('/api/v1/bookings', { holdId: h2.body.id, clientRequestId: randomUUID(), intake: intake() }, callers[winner])).body.code).toBe(
      'BOOKING_LIMIT_REACHED',
    );
    // A district line's call-backs are the district's: a street's counsellor does not see them, the district office sees no intake.
    expect((await t.get(`/api/v1/admin/bookings/${booked.body.id}`, await t.staffToken('counsellor_sl'))).status).toBe(404);
    expect((await t.get(`/api/v1/admin/bookings/${booked.body.id}`, district)).body).toMatchObject({
      intake: null,
      contactPhone: '138****8000',
      lineName: '永川区心理援助热线（演示数据）',
    });
    expect((await t.delete(`/api/v1/admin/callback-lines/${line.id}`, district)).status).toBe(409);
  });

  it('counts bookings by station and month with small cells withheld, and exports them', async () => {
    const district = await t.staffToken('region_yc');
    const month = chinaDate(new Date()).slice(0, 7);
    const res = await t.get(`/api/v1/admin/bookings/stats?fromMonth=${month}&toMonth=${month}`, district);
    expect(res.status).toBe(200);
    expect(res.body.minCell).toBe(5);
    const rows = res.body.rows.filter((r: { stationName: string }) => r.stationName === '胜利路街道心理服务站');
    expect(rows.length).toBeGreaterThan(0);
    // A handful of demo bookings: every rate stays hidden.
    for (const r of res.body.rows) {
      expect(r.noShowRate === null || r.attended + 0 >= 5).toBe(true);
      if (r.booked < 5) expect([r.cancellationRate, r.utilisation]).toEqual([null, null]);
      if (r.ratings < 5) expect(r.satisfaction).toBeNull();
    }
    expect(res.body.nextFree.map((f: { stationName: string }) => f.stationName).sort()).toEqual(['中山路街道心灵驿站', '胜利路街道心理服务站']);
    expect((await t.get(`/api/v1/admin/bookings/stats?fromMonth=${month}&toMonth=2020-01`, district)).body.details.fields[0].field).toBe('toMonth');
    expect((await t.get(`/api/v1/admin/bookings/stats?fromMonth=${month}&toMonth=${month}`, await t.staffToken('counsellor_sl'))).status).toBe(403);
    const file = await t.get(`/api/v1/admin/bookings/stats/export?fromMonth=${month}&toMonth=${month}`, district);
    expect(file.headers['content-type']).toContain('spreadsheetml');
    expect(file.raw.subarray(0, 2).toString()).toBe('PK');
  });
});
