import { BOOKING_CONSENT_VERSION, type HelpRequestInput } from '@xinqiao/shared';
import { randomUUID } from 'crypto';
import { REGION, TestApp } from '../../test/support/test-app';
import { TEST_DB } from '../../test/support/test-db';

describe(`"请人联系我" help requests in the alert queue on ${TEST_DB}`, () => {
  let t: TestApp;
  beforeAll(async () => (t = await TestApp.start()));
  afterAll(() => t.stop());
  beforeEach(() => t.reset());

  const count = async (table: string, where = '1=1') => Number((await t.dataSource.query(`SELECT COUNT(*) AS n FROM ${table} WHERE ${where}`))[0].n);

  async function request(overrides: Partial<HelpRequestInput> = {}): Promise<HelpRequestInput> {
    return {
      urgency: 'soon',
      contactPhone: '13800138000',
      contactName: '小李',
      note: '最近总是睡不着，心里很乱',
      regionId: await t.regionId(REGION.communityA1),
      ageBand: '18to34',
      consent: { version: BOOKING_CONSENT_VERSION, contact: true, sensitive: true },
      guardian: null,
      clientRequestId: randomUUID(),
      ...overrides,
    };
  }

  it("raises an alert of the urgency's colour for the counsellors of the resident's street only, contact in full to the one who claims it", async () => {
    const token = await t.residentToken('help-1');
    const sent = await t.post('/api/v1/help-requests', await request(), token);
    expect(sent.status).toBe(201);
    // The notice of the new alert is queued with it (whether it reached anyone is the dispatch tests' business).
    expect(sent.body).toEqual({ alertId: expect.any(Number), colour: 'yellow', crisisHotlines: [], noticeStatus: 'pending' });
    const { alertId } = sent.body;

    const counsellor = await t.staffToken('counsellor_sl');
    const queue = (await t.get('/api/v1/admin/alerts', counsellor)).body.items;
    expect(queue).toHaveLength(1);
    expect(queue[0]).toMatchObject({
      id: alertId,
      source: 'help_request',
      scaleCode: null,
      scaleTitle: '求助请求',
      score: null,
      bandLabel: null,
      helpUrgency: 'soon',
      colour: 'yellow',
      crisis: false,
      dueAt: null,
      regionName: '萱花社区',
      ageBand: '18to34',
    });
    expect(queue[0]).not.toHaveProperty('contactPhone');
    expect(queue[0]).not.toHaveProperty('note');

    // Before claiming: the note, the name and a masked phone, as for a scale contact.
    let detail = (await t.get(`/api/v1/admin/alerts/${alertId}`, counsellor)).body;
    expect(detail).toMatchObject({ contactName: '小李', contactPhone: '138****8000', answers: [], submissions: [] });
    expect(detail.helpRequests).toEqual([
      { id: expect.any(Number), submittedAt: expect.any(String), urgency: 'soon', colour: 'yellow', note: '最近总是睡不着，心里很乱', guardian: null },
    ]);

    // Claim, follow up and close work as for scale alerts.
    expect((await t.post(`/api/v1/admin/alerts/${alertId}/claim`, undefined, counsellor)).body.contactPhone).toBe('13800138000');
    const followed = await t.post(
      `/api/v1/admin/alerts/${alertId}/follow-ups`,
      { at: new Date().toISOString(), method: 'phone', outcome: '已电话联系，约了面谈' },
      counsellor,
    );
    expect(followed.status).toBe(201);
    detail = (await t.post(`/api/v1/admin/alerts/${alertId}/close`, { outcome: 'resolved', note: '面谈后情况好转' }, counsellor)).body;
    expect(detail).toMatchObject({ status: 'closed', closeNote: '面谈后情况好转' });
    // Once closed, the next request raises a new alert.
    const next = await t.post('/api/v1/help-requests', await request({ urgency: 'anytime' }), token);
    expect(next.body.alertId).not.toBe(alertId);
    expect(next.body.colour).toBe('green');

    // A counsellor of another street does not see it, not even by its id.
    const other = await t.staffToken('counsellor_zs');
    expect((await t.get('/api/v1/admin/alerts', other)).body.items).toEqual([]);
    expect((await t.get(`/api/v1/admin/alerts/${next.body.alertId}`, other)).status).toBe(404);
    expect((await t.post(`/api/v1/admin/alerts/${next.body.alertId}/claim`, undefined, other)).status).toBe(404);
  });

  it('shows the region admin the queue row without contact or note, and refuses the detail', async () => {
    const token = await t.residentToken('help-2');
    const { alertId } = (await t.post('/api/v1/help-requests', await request(), token)).body;
    const admin = await t.staffToken('region_yc');
    const [row] = (await t.get('/api/v1/admin/alerts', admin)).body.items;
    expect(row).toMatchObject({ id: alertId, source: 'help_request' });
    expect(JSON.stringify(row)).not.toMatch(/13800138000|138\*|小李|睡不着/);
    expect((await t.get(`/api/v1/admin/alerts/${alertId}`, admin)).status).toBe(403);
  });

  it('keeps one open help-request alert per resident, raising its colour, and red ones are due like red scale alerts', async () => {
    const token = await t.residentToken('help-3');
    const first = (await t.post('/api/v1/help-requests', await request({ urgency: 'anytime', note: null }), token)).body;
    expect(first.colour).toBe('green');
    const counsellor = await t.staffToken('counsellor_sl');
    expect((await t.get('/api/v1/admin/alerts', counsellor)).body.items[0]).toMatchObject({ colour: 'green', dueAt: null });

    const before = Date.now();
    const second = await t.post('/api/v1/help-requests', await request({ urgency: 'now', contactPhone: '010-12345678', note: null }), token);
    expect(second.status).toBe(201);
    expect(second.body).toMatchObject({ alertId: first.alertId, colour: 'red' });
    // A calmer request afterwards does not lower it.
    await t.post('/api/v1/help-requests', await request({ urgency: 'soon', contactPhone: '010-12345678', note: null }), token);

    expect(await count('alerts')).toBe(1);
    expect(await count('help_requests')).toBe(3);
    const [alert] = (await t.get('/api/v1/admin/alerts', counsellor)).body.items;
    expect(alert).toMatchObject({ id: first.alertId, colour: 'red', helpUrgency: 'now', crisis: true });
    // ALERT_RED_DUE_HOURS (24 by default) after the red request.
    const due = Date.parse(alert.dueAt) - 24 * 3_600_000;
    expect(due).toBeGreaterThanOrEqual(before - 1000);
    expect(due).toBeLessThanOrEqual(Date.now());

    await t.post(`/api/v1/admin/alerts/${alert.id}/claim`, undefined, counsellor);
    const detail = (await t.get(`/api/v1/admin/alerts/${alert.id}`, counsellor)).body;
    // The counsellor calls the number given last; each request is on the timeline.
    expect(detail.contactPhone).toBe('010-12345678');
    expect(detail.helpRequests.map((r: { urgency: string; colour: string }) => [r.urgency, r.colour])).toEqual([
      ['anytime', 'green'],
      ['now', 'red'],
      ['soon', 'yellow'],
    ]);

    // A scale alert of the same resident is another alert: the sources do not mix.
    expect(await count('alerts', "source = 'scale'")).toBe(0);
  });

  it('makes one alert of requests sent at the same moment, at the most urgent colour', async () => {
    const token = await t.residentToken('help-racer');
    const urgencies = ['anytime', 'soon', 'now', 'anytime', 'soon', 'anytime'] as const;
    const bodies = await Promise.all(urgencies.map((urgency) => request({ urgency, note: null })));
    const results = await Promise.all(bodies.map((b) => t.post('/api/v1/help-requests', b, token)));
    expect(results.map((r) => r.status)).toEqual(Array(6).fill(201));
    expect(new Set(results.map((r) => r.body.alertId)).size).toBe(1);
    expect(await count('alerts')).toBe(1);
    expect(await count('help_requests')).toBe(6);
    const [alert] = await t.dataSource.query('SELECT colour, helpUrgency, dueAt FROM alerts');
    expect(alert).toMatchObject({ colour: 'red', helpUrgency: 'now' });
    expect(alert.dueAt).not.toBeNull();
  });

  it('answers `now` with 12356 first, then 110 and 120, then the 24-hour lines of the region', async () => {
    const admin = await t.staffToken('region_yc');
    const line = await t.post(
      '/api/v1/admin/hotlines',
      {
        name: '胜利路街道24小时心理热线',
        number: '023-49876543',
        hours: '24小时',
        is24h: true,
        audiences: ['all'],
        regionId: await t.regionId(REGION.streetA),
      },
      admin,
    );
    expect(line.status).toBe(201);
    const token = await t.residentToken('help-4');
    const res = await t.post('/api/v1/help-requests', await request({ urgency: 'now' }), token);
    expect(res.status).toBe(201);
    expect(res.body.colour).toBe('red');
    expect(res.body.crisisHotlines.map((h: { number: string }) => h.number)).toEqual(['12356', '110', '120', '023-49876543', '400-161-9995']);
  });

  it('answers a retry with the same clientRequestId as the first time, storing nothing more', async () => {
    const token = await t.residentToken('help-5');
    const body = await request({ urgency: 'now' });
    const first = await t.post('/api/v1/help-requests', body, token);
    const again = await t.post('/api/v1/help-requests', body, token);
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    // The same answer, with the notice status as it is now.
    expect(again.body).toEqual({ ...first.body, noticeStatus: again.body.noticeStatus });
    // Sent twice at once: one request stored, both answered alike.
    const racing = await request({ urgency: 'soon' });
    const both = await Promise.all([t.post('/api/v1/help-requests', racing, token), t.post('/api/v1/help-requests', racing, token)]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 201]);
    // (The notice status is read as each answer is made.)
    expect({ ...both[0].body, noticeStatus: null }).toEqual({ ...both[1].body, noticeStatus: null });
    expect(await count('help_requests')).toBe(2);
    expect(await count('alerts')).toBe(1);
    // Someone else's id is not theirs to replay.
    const stranger = await t.residentToken('help-5b');
    expect((await t.post('/api/v1/help-requests', body, stranger)).status).toBe(409);
  });

  it('keeps the phone, name and note encrypted in the table, exports them to the resident, and deletes them with the account', async () => {
    const token = await t.residentToken('help-6');
    const { alertId } = (await t.post('/api/v1/help-requests', await request({ ageBand: 'under14', guardian: { name: '李妈妈', relation: '母亲' } }), token))
      .body;
    const [raw] = await t.dataSource.query('SELECT contactPhone, contactName, note, guardianName, guardianRelation FROM help_requests');
    for (const column of ['contactPhone', 'contactName', 'note', 'guardianName']) expect(raw[column]).toMatch(/^enc:/);
    expect(JSON.stringify(raw)).not.toMatch(/13800138000|小李|睡不着|李妈妈/);

    const counsellor = await t.staffToken('counsellor_sl');
    const detail = (await t.get(`/api/v1/admin/alerts/${alertId}`, counsellor)).body;
    expect(detail.helpRequests[0].guardian).toEqual({ name: '李妈妈', relation: '母亲' });

    const exported = (await t.get('/api/v1/me/export', token)).body;
    expect(exported.helpRequests).toEqual([
      expect.objectContaining({
        alertId,
        urgency: 'soon',
        contactPhone: '13800138000',
        contactName: '小李',
        note: '最近总是睡不着，心里很乱',
        guardian: { name: '李妈妈', relation: '母亲' },
      }),
    ]);
    expect((await t.delete('/api/v1/me', token)).status).toBe(204);
    expect(await count('help_requests')).toBe(0);
    expect(await count('alerts')).toBe(0);
  });

  it('refuses bad input with a 400 naming the field, storing nothing', async () => {
    const token = await t.residentToken('help-7');
    const fieldsOf = async (body: unknown) => {
      const res = await t.post('/api/v1/help-requests', body, token);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      return res.body.details.fields.map((f: { field: string }) => f.field);
    };
    expect(await fieldsOf(await request({ contactPhone: '12345' }))).toEqual(['contactPhone']);
    expect(await fieldsOf(await request({ regionId: 999999 }))).toEqual(['regionId']);
    // A street is not a community or village.
    expect(await fieldsOf(await request({ regionId: await t.regionId(REGION.streetA) }))).toEqual(['regionId']);
    expect(await fieldsOf(await request({ ageBand: 'under14' }))).toEqual(['guardian']);
    expect(await fieldsOf(await request({ consent: { version: '2025-01-booking-v0', contact: true, sensitive: true } }))).toEqual(['consent.version']);
    expect(await fieldsOf(await request({ note: '想找人聊聊', consent: { version: BOOKING_CONSENT_VERSION, contact: true, sensitive: false } }))).toEqual([
      'consent.sensitive',
    ]);
    expect(await fieldsOf({ ...(await request()), urgency: 'whenever' })).toEqual(['urgency']);
    const res = await t.post('/api/v1/help-requests', await request({ contactPhone: 'x' }), token);
    expect(res.body.message).toContain('联系电话格式不正确');
    expect(await count('help_requests')).toBe(0);
    expect(await count('alerts')).toBe(0);
  });

  it('is for signed-in residents only', async () => {
    expect((await t.post('/api/v1/help-requests', await request())).status).toBe(401);
    expect((await t.post('/api/v1/help-requests', await request(), await t.staffToken('counsellor_sl'))).status).toBe(403);
  });
});
