import ExcelJS from 'exceljs';
import { EVENT_REGISTRATION_RETENTION_DAYS } from '@xinqiao/shared';
import { JobsService } from '../common/jobs/jobs.service';
import { inHours, publishedEvent, residentIn, signUp } from '../../test/support/events';
import { TestApp } from '../../test/support/test-app';
import { TEST_DB } from '../../test/support/test-db';
import { OutreachEvent } from './entities/event.entity';
import { RegistrationsService } from './services/registrations.service';

const DAY = 86_400_000;

/** Names and phone numbers given at sign-up: who sees them, how they are stored, how long they are kept. */
describe(`registration details: masking, encryption and retention on ${TEST_DB}`, () => {
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

  /** A published event asking for name and phone, with `people` signed up; answers its id. */
  async function eventWith(people: [string, string][], creator = organiser, over: Record<string, unknown> = {}): Promise<number> {
    const id = await publishedEvent(t, creator, { requiredFields: ['name', 'phone'], ...over });
    for (const [i, [name, phone]] of people.entries()) {
      const res = await t.post(`/api/v1/events/${id}/registrations`, signUp({ name, phone }), await residentIn(t, `privacy-${id}-${i}`));
      expect(res.status).toBe(201);
    }
    return id;
  }

  const phones = async (id: number, token: string, query = '') =>
    (await t.get(`/api/v1/admin/events/${id}/registrations${query}`, token)).body.items.map((r: { name: string; phone: string }) => [r.name, r.phone]);

  async function exportedPhones(id: number, token: string): Promise<unknown[]> {
    const res = await t.get(`/api/v1/admin/events/${id}/registrations/export`, token);
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.raw as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('报名与签到')!;
    return sheet.getColumn(2).values.slice(2);
  }

  it('shows phone numbers in full only to the event’s organisers, in the list and in the Excel file', async () => {
    const id = await eventWith([
      ['张三', '13800138000'],
      ['李四', '13900139001'],
    ]);
    expect(await phones(id, organiser)).toEqual([
      ['张三', '13800138000'],
      ['李四', '13900139001'],
    ]);
    expect(await exportedPhones(id, organiser)).toEqual(['13800138000', '13900139001']);
    // The region admin oversees the event but does not call attendees; nor do check-in staff.
    const regionAdmin = await t.staffToken('region_yc');
    expect(await phones(id, regionAdmin)).toEqual([
      ['张三', '138****8000'],
      ['李四', '139****9001'],
    ]);
    expect(await exportedPhones(id, regionAdmin)).toEqual(['138****8000', '139****9001']);
    expect(await phones(id, await t.staffToken('checkin_sl'))).toEqual([
      ['张三', '138****8000'],
      ['李四', '139****9001'],
    ]);
    // A region admin who created an event is its organiser.
    const own = await eventWith([['王五', '13700137002']], regionAdmin);
    expect(await phones(own, regionAdmin)).toEqual([['王五', '13700137002']]);
  });

  it('stores phone numbers encrypted and still finds them by the whole number or its last four digits', async () => {
    const id = await eventWith([
      ['张三', '13800138000'],
      ['李四', '13900139001'],
    ]);
    const rows = await t.dataSource.query(`SELECT name, phone, phoneIndex FROM event_registrations WHERE eventId = ? ORDER BY id`, [id]);
    expect(rows.map((r: { name: string }) => r.name)).toEqual(['张三', '李四']);
    for (const r of rows) {
      expect(r.phone).toMatch(/^enc:v1:test:/);
      expect(r.phoneIndex).toEqual(expect.any(String));
    }
    expect(JSON.stringify(rows)).not.toContain('138001');
    expect(await phones(id, organiser, '?keyword=13900139001')).toEqual([['李四', '13900139001']]);
    expect(await phones(id, organiser, '?keyword=139-0013-9001')).toEqual([['李四', '13900139001']]);
    expect(await phones(id, organiser, '?keyword=8000')).toEqual([['张三', '13800138000']]);
    expect(await phones(id, organiser, '?keyword=1390013')).toEqual([]);
    expect(await phones(id, organiser, '?keyword=张')).toEqual([['张三', '13800138000']]);
    // Check-in staff find people the same way, and see the number masked.
    expect(await phones(id, await t.staffToken('checkin_sl'), '?keyword=9001')).toEqual([['李四', '139****9001']]);
  });

  it('deletes names and phone numbers the stated number of days after the event, keeping the rows for attendance', async () => {
    const ended = await eventWith(
      [
        ['张三', '13800138000'],
        ['李四', '13900139001'],
      ],
      organiser,
      { startsAt: inHours(0.5), endsAt: inHours(2) },
    );
    const tickets = (await t.dataSource.query(`SELECT ticketCode FROM event_registrations WHERE eventId = ? ORDER BY id`, [ended])) as { ticketCode: string }[];
    const checkin = await t.staffToken('checkin_sl');
    const checked = await t.post(
      `/api/v1/admin/events/${ended}/checkins`,
      { items: [{ clientId: 'privacy-c1', code: tickets[0].ticketCode, method: 'manual', checkedInAt: new Date().toISOString() }] },
      checkin,
    );
    expect(checked.body[0].outcome).toBe('checked_in');
    const cancelled = await eventWith([['王五', '13700137002']]);
    expect((await t.post(`/api/v1/admin/events/${cancelled}/cancel`, { reason: '场地维修' }, organiser)).status).toBe(200);
    const later = await eventWith([['赵六', '13600136003']], organiser, { startsAt: inHours(24 * 40), endsAt: inHours(24 * 40 + 2) });

    const registrations = t.app.get(RegistrationsService);
    const { endsAt } = await t.dataSource.getRepository(OutreachEvent).findOneByOrFail({ id: ended });
    const details = async (id: number) =>
      (await t.dataSource.query(`SELECT name, phone, phoneIndex, phoneTailIndex, status, checkedInAt FROM event_registrations WHERE eventId = ? ORDER BY id`, [
        id,
      ])) as Record<string, unknown>[];

    // A day short of the period: nothing goes.
    expect(await registrations.purgeExpiredDetails(new Date(endsAt.getTime() + (EVENT_REGISTRATION_RETENTION_DAYS - 1) * DAY))).toBe(0);
    expect((await details(ended)).every((r) => r.name && r.phone)).toBe(true);

    // Past it (30 days after the end, or after the cancellation): names and numbers go, the rows stay.
    const past = new Date(endsAt.getTime() + EVENT_REGISTRATION_RETENTION_DAYS * DAY + 60_000);
    expect(await registrations.purgeExpiredDetails(past)).toBe(3);
    const purged = await details(ended);
    expect(purged).toEqual([
      expect.objectContaining({ name: null, phone: null, phoneIndex: null, phoneTailIndex: null, status: 'confirmed', checkedInAt: expect.anything() }),
      expect.objectContaining({ name: null, phone: null, phoneIndex: null, phoneTailIndex: null, status: 'confirmed', checkedInAt: null }),
    ]);
    expect(await details(cancelled)).toEqual([expect.objectContaining({ name: null, phone: null })]);
    expect(await details(later)).toEqual([expect.objectContaining({ name: '赵六', phone: expect.stringMatching(/^enc:/) })]);
    // Attendance still counts the people who came.
    const list = (await t.get(`/api/v1/admin/events/${ended}/registrations`, organiser)).body;
    expect(list.items.map((r: { name: string; phone: string; attendance: string }) => [r.name, r.phone, r.attendance])).toEqual([
      [null, null, 'checked_in'],
      [null, null, 'pending'],
    ]);
    // Run again: nothing left to do.
    expect(await registrations.purgeExpiredDetails(past)).toBe(0);
  });

  it('runs the purge as a recurring job', async () => {
    await t.app.get(JobsService).ensureSchedules();
    const rows = await t.dataSource.query(`SELECT kind, status FROM jobs WHERE scheduleKey IS NOT NULL ORDER BY kind`);
    expect(rows).toEqual(
      expect.arrayContaining([
        { kind: 'events.purge-details', status: 'queued' },
        { kind: 'events.sweep', status: 'queued' },
        { kind: 'scales.purge-expired', status: 'queued' },
        { kind: 'data.encrypt-plaintext', status: 'queued' },
      ]),
    );
  });

  it('gives the resident their own details, decrypted, in the PIPL export', async () => {
    const id = await publishedEvent(t, organiser, { title: '导出测试', requiredFields: ['name', 'phone'] });
    const me = await residentIn(t, 'privacy-export');
    await t.patch('/api/v1/me', { nickname: '小王' }, me);
    await t.post(`/api/v1/events/${id}/registrations`, signUp({ name: '王小明', phone: '13800138000' }), me);
    const [stored] = await t.dataSource.query(`SELECT nickname FROM residents WHERE openid = 'privacy-export'`);
    expect(stored.nickname).toMatch(/^enc:v1:test:/);
    const exported = (await t.get('/api/v1/me/export', me)).body;
    expect(exported.profile.nickname).toBe('小王');
    expect(exported.events.registrations).toEqual([expect.objectContaining({ eventTitle: '导出测试', name: '王小明', phone: '13800138000' })]);
  });
});
