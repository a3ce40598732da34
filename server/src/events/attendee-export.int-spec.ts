import ExcelJS from 'exceljs';
import { publishedEvent } from '../../test/support/events';
import { TestApp } from '../../test/support/test-app';
import { TEST_DB } from '../../test/support/test-db';
import { EventRegistration } from './entities/event-registration.entity';

/** More than five of the export's 500-row batches, so several batch boundaries are crossed. */
const PEOPLE = 2_600;
const phoneOf = (i: number) => `139${String(i).padStart(8, '0')}`;

/** The attendee export of an event with thousands of sign-ups, streamed in batches. */
describe(`attendee export of a long list on ${TEST_DB}`, () => {
  let t: TestApp;
  let eventId: number;
  beforeAll(async () => {
    t = await TestApp.start();
    const organiser = await t.staffToken('organiser_sl');
    // Every seat taken, so nobody waiting is offered one while the test runs.
    eventId = await publishedEvent(t, organiser, { requiredFields: ['name', 'phone'], capacity: PEOPLE - PEOPLE / 10, waitlistEnabled: true });
    for (let from = 0; from < PEOPLE; from += 500) {
      const batch = Array.from({ length: Math.min(PEOPLE, from + 500) - from }, (_, k) => from + k);
      await t.dataSource.query(
        `INSERT INTO residents (openid) VALUES ${batch.map(() => '(?)').join(', ')}`,
        batch.map((i) => `export-${i}`),
      );
    }
    const residents: { id: number; openid: string }[] = await t.dataSource.query(`SELECT id, openid FROM residents WHERE openid LIKE 'export-%'`);
    const residentOf = new Map(residents.map((r) => [r.openid, Number(r.id)]));
    const start = Date.now() - 86_400_000;
    const rows = Array.from({ length: PEOPLE }, (_, i) => {
      // Seven sign-ups share each moment, so the batches break inside ties and the id must order them.
      const createdAt = new Date(start + Math.floor(i / 7) * 1000);
      const waiting = i % 10 === 9;
      return {
        eventId,
        residentId: residentOf.get(`export-${i}`)!,
        status: waiting ? ('waitlisted' as const) : ('confirmed' as const),
        source: 'online' as const,
        name: `参会者${i}`,
        phone: phoneOf(i),
        consentVersion: 1,
        ticketCode: `t${i}`,
        // Joined the queue in the reverse order of signing up: positions follow the queue, not the list.
        queuedAt: waiting ? new Date(start + (PEOPLE - i) * 1000) : null,
        confirmedAt: waiting ? null : createdAt,
        createdAt,
      };
    });
    const repo = t.dataSource.getRepository(EventRegistration);
    // The seats are all taken before anyone waits: a waiting-list sweep that ran between two batches would
    // otherwise offer a seat still free to someone queued.
    const inOrder = [...rows.filter((r) => r.status === 'confirmed'), ...rows.filter((r) => r.status === 'waitlisted')];
    for (let from = 0; from < PEOPLE; from += 500) await repo.insert(inOrder.slice(from, from + 500));
    // MySQL keeps microseconds, which a JavaScript Date drops: rows that look tied to the server are not.
    if (TEST_DB === 'mysql')
      await t.dataSource.query(`UPDATE event_registrations SET createdAt = DATE_ADD(createdAt, INTERVAL (id % 5) MICROSECOND) WHERE eventId = ?`, [eventId]);
  });
  afterAll(() => t.stop());

  /** The sheet's rows as [name, phone, status, waitlist position]. */
  async function exported(token: string): Promise<unknown[][]> {
    const res = await t.get(`/api/v1/admin/events/${eventId}/registrations/export`, token);
    expect(res.status).toBe(200);
    // Sent as it is written: no length known in advance.
    expect(res.headers['content-length']).toBeUndefined();
    expect(res.headers['transfer-encoding']).toBe('chunked');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.raw as unknown as ArrayBuffer);
    return book
      .getWorksheet('报名与签到')!
      .getSheetValues()
      .filter(Boolean)
      .map((r) => [1, 2, 3, 5].map((column) => (r as unknown[])[column] ?? ''));
  }

  it('writes every registration once, in list order, with queue positions and phones as the reader may see them', async () => {
    const order: { name: string }[] = await t.dataSource.query(`SELECT name FROM event_registrations WHERE eventId = ? ORDER BY createdAt, id`, [eventId]);
    const queue: { name: string }[] = await t.dataSource.query(
      `SELECT name FROM event_registrations WHERE eventId = ? AND status = 'waitlisted' ORDER BY queuedAt, id`,
      [eventId],
    );
    const position = new Map(queue.map((r, i) => [r.name, i + 1]));
    const index = (name: string) => Number(name.replace('参会者', ''));
    const expected = (phone: (i: number) => string) =>
      order.map((r) => [r.name, phone(index(r.name)), position.has(r.name) ? '候补中' : '报名成功', position.get(r.name) ?? '']);

    const forOrganiser = await exported(await t.staffToken('organiser_sl'));
    expect(forOrganiser[0]).toEqual(['姓名', '手机号', '报名状态', '候补位次']);
    expect(forOrganiser.length - 1).toBe(PEOPLE);
    expect(forOrganiser.slice(1)).toEqual(expected(phoneOf));

    // The region admin oversees the event but does not call attendees: phones masked in the file too.
    const forRegionAdmin = await exported(await t.staffToken('region_yc'));
    expect(forRegionAdmin.slice(1)).toEqual(expected((i) => phoneOf(i).replace(/^(\d{3})\d{4}(\d{4})$/, '$1****$2')));
  });
});
