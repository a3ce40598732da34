import { getBuiltInScale, SCALE_CONSENT_VERSION } from '@xinqiao/shared';
import { randomUUID } from 'crypto';
import { REGION, TestApp, type Answer } from '../../test/support/test-app';
import { TEST_DB } from '../../test/support/test-db';
import { publishedEvent, residentIn, signUp } from '../../test/support/events';

const PHQ9 = getBuiltInScale('phq-9')!;

/** Headers a hostile client sends: an id longer than the audit column, control characters, a forged address. */
const HOSTILE = {
  'x-request-id': `evil-${'x'.repeat(500)}\u0007`.replace(/[^\x20-\x7e]/g, '_'),
  'x-forwarded-for': `${'9'.repeat(300)}, 10.0.0.1`,
};

/**
 * Staff GET routes that show no resident's personal data (aggregates, content, configuration, the
 * caller's own account). Every other staff GET must be marked @AuditedRead, so adding a route makes
 * this test ask which it is.
 */
const NOT_PERSONAL = new Set([
  'GET /api/v1/admin/alerts', // the queue: colour, region, times; no answers or contact
  'GET /api/v1/admin/alerts/summary',
  'GET /api/v1/admin/alerts/{id}/dispatch', // who was notified when: staff names and regions, nothing of the resident
  'GET /api/v1/admin/duty', // duty rosters: staff and shifts
  'GET /api/v1/admin/duty/now',
  'GET /api/v1/admin/duty/candidates',
  'GET /api/v1/admin/articles',
  'GET /api/v1/admin/articles/{id}',
  'GET /api/v1/admin/audit', // staff actions; its own reads are not personal data of residents
  'GET /api/v1/admin/awareness',
  'GET /api/v1/admin/awareness/knowledge-points',
  'GET /api/v1/admin/awareness/targets',
  'GET /api/v1/admin/awareness/trend',
  'GET /api/v1/admin/awareness/uplift',
  'GET /api/v1/admin/campaigns',
  'GET /api/v1/admin/campaigns/{id}',
  'GET /api/v1/admin/campaigns/{id}/dashboard',
  'GET /api/v1/admin/events',
  'GET /api/v1/admin/events/coverage',
  'GET /api/v1/admin/events/stats',
  'GET /api/v1/admin/events/{id}',
  'GET /api/v1/admin/events/{id}/checkin-code',
  'GET /api/v1/admin/events/{id}/notifications', // delivery records: kind, status, time; no names or phones
  'GET /api/v1/admin/events/{id}/wxacode',
  'GET /api/v1/admin/host-units',
  'GET /api/v1/admin/hotlines',
  'GET /api/v1/admin/me/notice-settings', // the caller's own channels; their own mobile masked
  'GET /api/v1/admin/notice-robots', // regions' group robots, webhook keys masked; no resident data
  'GET /api/v1/admin/jobs/{id}', // the caller's own job; downloads of personal data are audited where the export starts
  'GET /api/v1/admin/jobs/{id}/download',
  'GET /api/v1/admin/questions',
  'GET /api/v1/admin/questions/export',
  'GET /api/v1/admin/quizzes',
  'GET /api/v1/admin/quizzes/{id}',
  'GET /api/v1/admin/regions',
  'GET /api/v1/admin/scales',
  'GET /api/v1/admin/scales/alert-rules',
  'GET /api/v1/admin/scales/stats', // counts with small cells suppressed
  'GET /api/v1/admin/scales/{code}',
  'GET /api/v1/admin/staff', // staff accounts, not residents
  'GET /api/v1/admin/stations', // the station directory: places and hours
  'GET /api/v1/admin/stations/{id}',
  'GET /api/v1/admin/stations/{id}/exceptions',
  'GET /api/v1/admin/holidays', // the national holiday calendar
  'GET /api/v1/admin/counsellors', // counsellors' own profiles (staff, published with their consent), not residents
  'GET /api/v1/admin/counsellors/accounts',
  'GET /api/v1/admin/counsellors/mine', // the caller's own profile
  'GET /api/v1/admin/counsellors/{id}',
  'GET /api/v1/admin/counsellors/{id}/availability', // a counsellor's working week
  'GET /api/v1/admin/counsellors/{id}/availability/exceptions',
  'GET /api/v1/admin/callback-lines', // hotlines and their call-back hours
  'GET /api/v1/admin/bookings/stats', // counts by station and month, rates withheld below the small-cell threshold
  'GET /api/v1/admin/bookings/settings', // the rules of each kind of booking
  'GET /api/v1/admin/alerts/referral-targets', // the station directory's referral institutions: places
  'GET /api/v1/admin/alerts/indicators', // counts and times by month and region, small cells withheld
]);

describe(`the audit trail on ${TEST_DB}`, () => {
  let t: TestApp;
  beforeAll(async () => (t = await TestApp.start()));
  afterAll(() => t.stop());
  beforeEach(() => t.reset());

  const auditRows = (requestId: string) =>
    t.dataSource.query(`SELECT action, actorName, actorType, outcome, statusCode, ip, requestId FROM audit_logs WHERE requestId = ?`, [requestId]);

  /** A red alert in 胜利路's community, raised by a resident who agreed to be contacted. */
  async function redAlert(): Promise<number> {
    const resident = await residentIn(t, `audit-${randomUUID()}`);
    const answers = Object.fromEntries(PHQ9.items.map((item) => [item.id, 3]));
    const res = await t.post(
      '/api/v1/scales/phq-9/responses',
      {
        scaleVersion: PHQ9.version,
        answers,
        consent: { mode: 'save', followUp: true, contactPhone: '13800138000', contactName: '张女士', version: SCALE_CONSENT_VERSION },
        clientRequestId: randomUUID(),
      },
      resident,
    );
    expect(res.status).toBe(201);
    const [row] = await t.dataSource.query('SELECT id FROM alerts');
    return Number(row.id);
  }

  it('declares, for every staff read, whether it shows personal data', async () => {
    const doc = (await t.get('/api/docs-json')).body as { paths: Record<string, Record<string, { 'x-audit'?: { read?: boolean } }>> };
    const unclassified: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths)) {
      const get = ops.get;
      if (!path.startsWith('/api/v1/admin/') || !get) continue;
      const key = `GET ${path}`;
      if (get['x-audit']?.read) expect(NOT_PERSONAL.has(key)).toBe(false);
      else if (!NOT_PERSONAL.has(key)) unclassified.push(key);
    }
    expect(unclassified).toEqual([]);
  });

  it('records every read and export of personal data exactly once, with a safe request id and address, whatever the headers say', async () => {
    const counsellor = await t.staffToken('counsellor_sl');
    const organiser = await t.staffToken('organiser_sl');
    const checkin = await t.staffToken('checkin_sl');
    const region = await t.staffToken('region_yc');
    const alertId = await redAlert();
    // The case view is the claiming counsellor's.
    expect((await t.post(`/api/v1/admin/alerts/${alertId}/claim`, undefined, counsellor)).status).toBe(200);
    const eventId = await publishedEvent(t, organiser, { requiredFields: ['name', 'phone'] });
    const attendee = await residentIn(t, 'audit-attendee');
    expect((await t.post(`/api/v1/events/${eventId}/registrations`, signUp({ name: '王五', phone: '13900139000' }), attendee)).status).toBe(201);
    const resident = await residentIn(t, 'audit-exporter');
    // The demo resident's upcoming session with 李静, the profile of counsellor_sl.
    const [booking] = await t.dataSource.query(`SELECT id FROM bookings WHERE status = 'confirmed' ORDER BY id LIMIT 1`);
    const bookingId = Number(booking.id);

    const reads: [string, string, string][] = [
      ['alert.read', `/api/v1/admin/alerts/${alertId}`, counsellor],
      ['alert.case.read', `/api/v1/admin/alerts/${alertId}/case`, counsellor],
      ['alert_indicators.export', `/api/v1/admin/alerts/indicators/export?fromMonth=2026-01&toMonth=2026-12`, region],
      ['event.attendees.read', `/api/v1/admin/events/${eventId}/registrations`, organiser],
      ['event.attendees.export', `/api/v1/admin/events/${eventId}/registrations/export`, organiser],
      ['event.checkin_kit', `/api/v1/admin/events/${eventId}/checkin-kit`, checkin],
      ['scale_stats.export', `/api/v1/admin/scales/stats/export`, region],
      ['booking.list', `/api/v1/admin/bookings`, counsellor],
      ['booking.read', `/api/v1/admin/bookings/${bookingId}`, counsellor],
      ['booking.notes.read', `/api/v1/admin/bookings/${bookingId}/notes`, counsellor],
      ['booking_stats.export', `/api/v1/admin/bookings/stats/export?fromMonth=2026-01&toMonth=2026-12`, region],
      ['resident.export', `/api/v1/me/export`, resident],
    ];
    // Every operation marked as a personal-data read in the API document is exercised here.
    const doc = (await t.get('/api/docs-json')).body as { paths: Record<string, Record<string, { 'x-audit'?: { action: string; read?: boolean } }>> };
    const marked = Object.values(doc.paths).flatMap((ops) =>
      Object.values(ops)
        .filter((op) => op['x-audit']?.read)
        .map((op) => op['x-audit']!.action),
    );
    expect(marked.sort()).toEqual(
      reads
        .map(([action]) => action)
        .filter((a) => a !== 'resident.export')
        .sort(),
    );

    for (const [action, url, token] of reads) {
      for (const headers of [{}, HOSTILE]) {
        const res: Answer = await t.request('GET', url, { token, headers });
        expect([action, res.status]).toEqual([action, 200]);
        const requestId = String(res.headers['x-request-id']);
        if (headers === HOSTILE) expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
        const rows = await auditRows(requestId);
        expect(rows).toEqual([expect.objectContaining({ action, outcome: 'success', statusCode: 200, ip: '127.0.0.1' })]);
      }
    }
  });

  it('keeps a plain caller request id, so a trace can cross a proxy', async () => {
    const res = await t.request('GET', '/api/v1/admin/alerts', { token: await t.staffToken('region_yc'), headers: { 'x-request-id': 'gw-2026.12.06:abc_1' } });
    expect(res.headers['x-request-id']).toBe('gw-2026.12.06:abc_1');
  });

  it('records refused attempts at personal data, by the guard and by the region scope', async () => {
    const alertId = await redAlert();
    const editor = await t.request('GET', `/api/v1/admin/alerts/${alertId}`, { token: await t.staffToken('editor_sl') });
    expect(editor.status).toBe(403);
    expect(await auditRows(String(editor.headers['x-request-id']))).toEqual([
      expect.objectContaining({ action: 'alert.read', actorName: 'editor_sl', outcome: 'failure', statusCode: 403 }),
    ]);
    const otherStreet = await t.request('GET', `/api/v1/admin/alerts/${alertId}`, { token: await t.staffToken('counsellor_zs') });
    expect(otherStreet.status).toBe(404);
    expect(await auditRows(String(otherStreet.headers['x-request-id']))).toEqual([
      expect.objectContaining({ action: 'alert.read', actorName: 'counsellor_zs', outcome: 'failure', statusCode: 404 }),
    ]);
    // A resident trying a staff write is on record as well.
    const resident = await residentIn(t, 'audit-intruder');
    const write = await t.request('POST', `/api/v1/admin/alerts/${alertId}/claim`, { token: resident });
    expect(write.status).toBe(403);
    expect(await auditRows(String(write.headers['x-request-id']))).toEqual([
      expect.objectContaining({ actorType: 'resident', outcome: 'failure', statusCode: 403 }),
    ]);
  });

  describe('when the audit trail cannot be written', () => {
    const OFF = 'audit_logs_off';
    /** Moves the table away (and back): every audit insert fails meanwhile, as with a full disk or a lost grant. */
    const setAuditWritable = async (writable: boolean) => {
      const [from, to] = writable ? [OFF, 'audit_logs'] : ['audit_logs', OFF];
      await t.dataSource.query(`ALTER TABLE ${from} RENAME TO ${to}`);
    };
    afterEach(async () => {
      const [{ n }] = await t.dataSource.query(
        TEST_DB === 'mysql'
          ? `SELECT COUNT(*) AS n FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = '${OFF}'`
          : `SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table' AND name = '${OFF}'`,
      );
      if (Number(n)) await setAuditWritable(true);
    });

    it('does not carry out a staff write, and answers 503', async () => {
      const editor = await t.staffToken('editor_sl');
      const streetA = await t.regionId(REGION.streetA);
      await setAuditWritable(false);
      const res = await t.post(
        '/api/v1/admin/articles',
        { title: '未审计的文章', summary: '', category: 'knowledge', audiences: [], regionId: streetA, body: '<p>正文</p>' },
        editor,
      );
      await setAuditWritable(true);
      expect(res.body).toMatchObject({ statusCode: 503, code: 'AUDIT_UNAVAILABLE' });
      const [{ n }] = await t.dataSource.query(`SELECT COUNT(*) AS n FROM articles WHERE title = ?`, ['未审计的文章']);
      expect(Number(n)).toBe(0);
    });

    it('does not hand out personal data, and answers 503', async () => {
      const alertId = await redAlert();
      const counsellor = await t.staffToken('counsellor_sl');
      await setAuditWritable(false);
      const res = await t.get(`/api/v1/admin/alerts/${alertId}`, counsellor);
      await setAuditWritable(true);
      expect(res.body).toEqual({ statusCode: 503, code: 'AUDIT_UNAVAILABLE', message: expect.stringContaining('未执行') });
      expect(JSON.stringify(res.body)).not.toContain('13800138000');
    });

    it('does not let a resident export or delete their data unrecorded', async () => {
      const resident = await residentIn(t, 'audit-unrecorded');
      await setAuditWritable(false);
      const exported = await t.get('/api/v1/me/export', resident);
      const deleted = await t.delete('/api/v1/me', resident);
      await setAuditWritable(true);
      expect([exported.status, deleted.status]).toEqual([503, 503]);
      expect((await t.get('/api/v1/me', resident)).status).toBe(200);
    });
  });
});
