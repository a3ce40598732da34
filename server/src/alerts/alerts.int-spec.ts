import { getBuiltInScale, SCALE_CONSENT_VERSION, type ScaleDefinition } from '@xinqiao/shared';
import { randomUUID } from 'crypto';
import { REGION, TestApp } from '../../test/support/test-app';
import { TEST_DB } from '../../test/support/test-db';

const PHQ9 = getBuiltInScale('phq-9')!;
const GAD7 = getBuiltInScale('gad-7')!;

function answers(def: ScaleDefinition, value: number, overrides: Record<number, number> = {}): Record<string, number> {
  return Object.fromEntries(def.items.map((item, i) => [item.id, overrides[i + 1] ?? value]));
}

/** A result the resident agrees to be followed up on. */
function followUp(def: ScaleDefinition, a: Record<string, number>, contactPhone = '13800138000') {
  return {
    scaleVersion: def.version,
    answers: a,
    consent: { mode: 'save', followUp: true, contactPhone, contactName: '李先生', version: SCALE_CONSENT_VERSION },
    clientRequestId: randomUUID(),
  };
}

describe(`one open alert per resident and scale on ${TEST_DB}`, () => {
  let t: TestApp;
  beforeAll(async () => (t = await TestApp.start()));
  afterAll(() => t.stop());
  beforeEach(() => t.reset());

  const count = async (table: string, where = '1=1') => Number((await t.dataSource.query(`SELECT COUNT(*) AS n FROM ${table} WHERE ${where}`))[0].n);

  async function resident(openid: string): Promise<string> {
    const token = await t.residentToken(openid);
    await t.patch('/api/v1/me', { regionId: await t.regionId(REGION.communityA1), populationGroup: 'employee', ageBand: '35to59' }, token);
    return token;
  }

  it('adds later results to the open alert, raises its colour, and shows them on its timeline', async () => {
    const token = await resident('again');
    const submit = async (body: unknown, scale = 'phq-9') => {
      const res = await t.post(`/api/v1/scales/${scale}/responses`, body, token);
      expect(res.status).toBe(201);
      return res.body;
    };
    const first = await submit(followUp(PHQ9, answers(PHQ9, 2, { 9: 0 }))); // 16: yellow
    await submit(followUp(PHQ9, answers(PHQ9, 1, { 9: 0 }))); // 8: green, which does not lower the alert
    const counsellor = await t.staffToken('counsellor_sl');
    let [alert] = (await t.get('/api/v1/admin/alerts', counsellor)).body.items;
    expect(alert).toMatchObject({ colour: 'yellow', score: 16, crisis: false, dueAt: null });

    const third = await submit(followUp(PHQ9, answers(PHQ9, 0, { 9: 3 }), '13900139000')); // item 9: red
    const gad = await submit(followUp(GAD7, answers(GAD7, 3)), 'gad-7'); // another scale: its own alert
    expect([first.followUpRequested, third.followUpRequested, gad.followUpRequested]).toEqual([true, true, true]);

    const queue = (await t.get('/api/v1/admin/alerts', counsellor)).body;
    expect(queue.items.map((a: { scaleCode: string; colour: string }) => [a.scaleCode, a.colour]).sort()).toEqual([
      ['gad-7', 'red'],
      ['phq-9', 'red'],
    ]);
    alert = queue.items.find((a: { scaleCode: string }) => a.scaleCode === 'phq-9');
    expect(alert).toMatchObject({ score: 3, crisis: true, dueAt: expect.any(String) });

    // The phone is shown in full to the counsellor who claims the alert.
    expect((await t.post(`/api/v1/admin/alerts/${alert.id}/claim`, undefined, counsellor)).status).toBe(200);
    const detail = (await t.get(`/api/v1/admin/alerts/${alert.id}`, counsellor)).body;
    expect(detail.submissions.map((s: { colour: string; score: number }) => [s.colour, s.score])).toEqual([
      ['yellow', 16],
      ['green', 8],
      ['red', 3],
    ]);
    // The counsellor calls the number given last and sees the latest answers.
    expect(detail).toMatchObject({ contactPhone: '13900139000', criticalItems: [PHQ9.items[8].id] });
    expect(detail.answers[8]).toMatchObject({ value: 3, critical: true });
    const mine = (await t.get('/api/v1/me/responses?scaleCode=phq-9', token)).body.items;
    expect(mine.map((r: { followUpRequested: boolean }) => r.followUpRequested)).toEqual([true, true, true]);

    // Deleting a later result takes it off the timeline; the alert stays.
    expect((await t.delete(`/api/v1/me/responses/${third.id}`, token)).status).toBe(204);
    expect((await t.get(`/api/v1/admin/alerts/${alert.id}`, counsellor)).body.submissions).toHaveLength(2);

    // Once the counsellor closes it, the next result raises a new alert.
    await t.post(`/api/v1/admin/alerts/${alert.id}/claim`, undefined, counsellor);
    await t.post(`/api/v1/admin/alerts/${alert.id}/follow-ups`, { at: new Date().toISOString(), method: 'phone', outcome: '已联系，情绪平稳' }, counsellor);
    expect((await t.post(`/api/v1/admin/alerts/${alert.id}/close`, { outcome: 'resolved', note: '已转介' }, counsellor)).status).toBe(200);
    await submit(followUp(PHQ9, answers(PHQ9, 2, { 9: 0 })));
    expect(await count('alerts', "scaleCode = 'phq-9'")).toBe(2);
    expect(await count('alerts', "scaleCode = 'phq-9' AND status <> 'closed'")).toBe(1);
  });

  it('makes one alert of results submitted at the same moment', async () => {
    const token = await resident('racer');
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => t.post('/api/v1/scales/phq-9/responses', followUp(PHQ9, answers(PHQ9, i % 2 ? 3 : 2, { 9: 0 })), token)),
    );
    expect(results.map((r) => r.status)).toEqual(Array(8).fill(201));
    expect(await count('alerts')).toBe(1);
    expect(await count('alert_responses')).toBe(8);
    const [alert] = await t.dataSource.query('SELECT colour, score FROM alerts');
    // 24 (severe) is red, 16 yellow: the alert ends at the most severe whatever the order.
    expect(alert).toMatchObject({ colour: 'red', score: 24 });
  });

  it('migrates existing alerts: the oldest unclosed one per resident and scale gathers later results', async () => {
    const ds = t.dataSource;
    const mine = 'OneOpenAlertPerScale1796580492436';
    const last = async () => (await ds.query('SELECT name FROM migrations ORDER BY id DESC LIMIT 1'))[0]?.name;
    // Back to the schema before this migration (and any later ones), then data as it was then.
    while ((await last()) !== mine) await ds.undoLastMigration({ transaction: 'each' });
    await ds.undoLastMigration({ transaction: 'each' });
    await ds.query(`INSERT INTO residents (openid, regionId, regionPath) VALUES ('old-1', 1, '/1/')`);
    const [{ id: residentId }] = await ds.query(`SELECT id FROM residents WHERE openid = 'old-1'`);
    const response = async (n: number) => {
      await ds.query(
        `INSERT INTO scale_responses (clientRequestId, residentId, scaleCode, scaleVersion, raw, score, bandIndex, severity, consentMode, consentVersion, month, submittedAt)
         VALUES (?, ?, 'phq-9', 1, 20, 20, 4, 4, 'save', 1, '2026-01', ?)`,
        [`old-${n}`, residentId, `2026-01-0${n} 08:00:00`],
      );
      return Number((await ds.query(`SELECT id FROM scale_responses WHERE clientRequestId = ?`, [`old-${n}`]))[0].id);
    };
    for (const [n, status] of [
      [1, 'closed'],
      [2, 'open'],
      [3, 'claimed'],
    ] as const) {
      await ds.query(
        `INSERT INTO alerts (responseId, residentId, colour, priority, status, scaleCode, score, bandLabel, regionId, regionPath, createdAt)
         VALUES (?, ?, 'red', 0, ?, 'phq-9', 20, '重度', 1, '/1/', ?)`,
        [await response(n), residentId, status, `2026-01-0${n} 08:00:00`],
      );
    }
    await ds.runMigrations({ transaction: 'each' });
    const alerts = await ds.query('SELECT status, openKey FROM alerts ORDER BY id');
    expect(alerts).toEqual([
      { status: 'closed', openKey: null },
      { status: 'open', openKey: `${residentId}:phq-9` },
      { status: 'claimed', openKey: null },
    ]);
    expect(await count('alert_responses')).toBe(3);
  });
});
