import ExcelJS from 'exceljs';
import { getBuiltInScale, SCALE_CONSENT_VERSION, type ScaleDefinition } from '@xinqiao/shared';
import { randomUUID } from 'crypto';
import { Alert } from '../alerts/entities/alert.entity';
import { dataKeyring } from '../common/crypto/encrypted-column';
import { ResponsesService } from './services/responses.service';
import { DEMO_PASSWORD, REGION, TestApp } from '../../test/support/test-app';
import { TEST_DB } from '../../test/support/test-db';

const PHQ9 = getBuiltInScale('phq-9')!;
const GAD7 = getBuiltInScale('gad-7')!;

/** Every item answered with `value`, then the overrides (1-based item number -> value). */
function answers(def: ScaleDefinition, value: number, overrides: Record<number, number> = {}): Record<string, number> {
  return Object.fromEntries(def.items.map((item, i) => [item.id, overrides[i + 1] ?? value]));
}

function submission(def: ScaleDefinition, a: Record<string, number>, consent: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) {
  return {
    scaleVersion: def.version,
    answers: a,
    consent: { mode: 'save', followUp: false, version: SCALE_CONSENT_VERSION, ...consent },
    clientRequestId: randomUUID(),
    ...extra,
  };
}

const FOLLOW_UP = { followUp: true, contactPhone: '13800138000', contactName: '张女士' };

describe(`scales, responses and alerts on ${TEST_DB}`, () => {
  let t: TestApp;
  beforeAll(async () => (t = await TestApp.start()));
  afterAll(() => t.stop());
  beforeEach(() => t.reset());

  const count = async (table: string, where = '1=1') => Number((await t.dataSource.query(`SELECT COUNT(*) AS n FROM ${table} WHERE ${where}`))[0].n);

  /** A signed-in resident living in `communityCode`. */
  async function resident(openid: string, profile: Record<string, unknown> = {}, communityCode = REGION.communityA1): Promise<string> {
    const token = await t.residentToken(`resident-${openid}`);
    const res = await t.patch('/api/v1/me', { regionId: await t.regionId(communityCode), populationGroup: 'employee', ageBand: '35to59', ...profile }, token);
    expect(res.status).toBe(200);
    return token;
  }

  describe('the catalogue', () => {
    it('ships the free scales enabled and the unverified Zung scales disabled', async () => {
      const list = await t.get('/api/v1/scales');
      expect(list.status).toBe(200);
      expect(list.body.map((s: { code: string }) => s.code).sort()).toEqual(['gad-7', 'gds-15', 'k10', 'phq-9', 'phq-a', 'pss-10', 'who-5']);
      expect((await t.get('/api/v1/scales/sds')).status).toBe(404);
      const phq = await t.get('/api/v1/scales/phq-9');
      expect(phq.body).toMatchObject({ code: 'phq-9', version: PHQ9.version, items: expect.any(Array) });
      expect(phq.body.items).toHaveLength(9);
      const missing = await t.get('/api/v1/scales/no-such-scale');
      expect(missing.status).toBe(404);
      expect(missing.body.message).toContain('no-such-scale');
    });

    it('offers a resident the scales fitting their age band', async () => {
      const teen = await resident('teen', { ageBand: '14to17', populationGroup: 'student' });
      const codes = (await t.get('/api/v1/scales', teen)).body.map((s: { code: string }) => s.code);
      expect(codes).toContain('phq-a');
      expect(codes).not.toContain('phq-9');
      expect(codes).not.toContain('gds-15');
      expect((await t.get('/api/v1/scales?all=true', teen)).body.length).toBe(7);
    });
  });

  describe('submitting', () => {
    it('scores and saves a response with the consent, version and band', async () => {
      const token = await resident('saver');
      const res = await t.post('/api/v1/scales/gad-7/responses', submission(GAD7, answers(GAD7, 2)), token);
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        scaleCode: 'gad-7',
        score: 14,
        maxScore: 21,
        consentMode: 'save',
        followUpRequested: false,
        duplicate: false,
        band: { label: expect.any(String), interpretation: expect.any(String) },
        crisis: { triggered: false, reasons: [] },
        disclaimer: expect.stringContaining('不是医学诊断'),
      });
      expect(res.body.crisis.hotlines[0]).toMatchObject({ number: '12356' });
      expect(res.body.id).toEqual(expect.any(Number));
      const [row] = await t.dataSource.query(`SELECT * FROM scale_responses WHERE id = ?`, [res.body.id]);
      expect(row).toMatchObject({ scaleCode: 'gad-7', scaleVersion: GAD7.version, consentMode: 'save', consentVersion: SCALE_CONSENT_VERSION });
      // Health data: the answers are stored encrypted.
      expect(row.answers).toMatch(/^enc:v1:test:/);
      expect(JSON.parse(dataKeyring().decrypt(row.answers))).toEqual(answers(GAD7, 2));
      expect(await count('alerts')).toBe(0);
    });

    it('stores nothing identifying for an anonymous response, and still counts it', async () => {
      const token = await resident('anon');
      const res = await t.post('/api/v1/scales/phq-9/responses', submission(PHQ9, answers(PHQ9, 1, { 9: 0 }), { mode: 'anonymous' }), token);
      expect(res.status).toBe(201);
      expect(res.body.id).toBeNull();
      const rows = await t.dataSource.query(`SELECT * FROM scale_responses`);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ residentId: null, answers: null, contactPhone: null, contactName: null, guardianName: null });
      // Only the day is kept, as midnight China time.
      expect(new Date(rows[0].submittedAt + (TEST_DB === 'sqlite' ? 'Z' : '')).getTime() % 86_400_000).toBe(16 * 3_600_000);
      expect((await t.get('/api/v1/me/responses', token)).body.total).toBe(0);
      // Without an account, anonymous is the only choice.
      const noAccount = await t.post('/api/v1/scales/phq-9/responses', submission(PHQ9, answers(PHQ9, 0), { mode: 'anonymous' }));
      expect(noAccount.status).toBe(201);
      const refused = await t.post('/api/v1/scales/phq-9/responses', submission(PHQ9, answers(PHQ9, 0)));
      expect(refused.status).toBe(401);
      expect(refused.body.message).toContain('匿名');
    });

    it('refuses bad input with a clear message and stores nothing', async () => {
      const token = await resident('careless');
      const cases: [string, unknown, number, string, string][] = [
        ['phq-9', submission(PHQ9, (({ [PHQ9.items[3].id]: _, ...rest }) => rest)(answers(PHQ9, 1))), 400, 'INVALID_ANSWERS', '第 4 题尚未作答'],
        ['phq-9', submission(PHQ9, answers(PHQ9, 1, { 2: 7 })), 400, 'INVALID_ANSWERS', '第 2 题的答案 7 不是有效选项'],
        ['phq-9', submission(PHQ9, { ...answers(PHQ9, 1), extra: 1 }), 400, 'INVALID_ANSWERS', '不属于本量表'],
        ['phq-9', { ...submission(PHQ9, answers(PHQ9, 1)), scaleVersion: PHQ9.version + 1 }, 409, 'SCALE_VERSION_MISMATCH', '请重新作答'],
        ['nope', submission(PHQ9, answers(PHQ9, 1)), 404, 'NOT_FOUND', '量表'],
        ['phq-9', submission(PHQ9, answers(PHQ9, 1), { mode: 'anonymous', ...FOLLOW_UP }), 400, 'CONSENT_REQUIRED', '匿名测评无法安排'],
        ['phq-9', submission(PHQ9, answers(PHQ9, 1), { followUp: true }), 400, 'CONSENT_REQUIRED', '联系电话'],
        ['phq-9', submission(PHQ9, answers(PHQ9, 1), { ...FOLLOW_UP, contactPhone: '12345' }), 400, 'VALIDATION_FAILED', '联系电话'],
        ['phq-9', submission(PHQ9, answers(PHQ9, 1), { version: SCALE_CONSENT_VERSION + 1 }), 409, 'CONSENT_REQUIRED', '隐私说明已更新'],
        ['phq-9', { ...submission(PHQ9, answers(PHQ9, 1)), consent: undefined }, 400, 'VALIDATION_FAILED', '知情同意'],
        ['phq-9', submission(PHQ9, answers(PHQ9, 1), {}, { clientRequestId: 'x' }), 400, 'VALIDATION_FAILED', '请求编号'],
      ];
      for (const [code, body, status, errorCode, message] of cases) {
        const res = await t.post(`/api/v1/scales/${code}/responses`, body, token);
        expect({ status: res.status, code: res.body.code }).toEqual({ status, code: errorCode });
        expect(res.body.message).toContain(message);
      }
      expect(await count('scale_responses')).toBe(0);
    });

    it('needs a guardian’s consent for a child under 14, and records it', async () => {
      const phqA = getBuiltInScale('phq-a')!;
      const child = await resident('child', { ageBand: 'under14', populationGroup: 'student' });
      const refused = await t.post('/api/v1/scales/phq-a/responses', submission(phqA, answers(phqA, 0)), child);
      expect(refused.status).toBe(400);
      expect(refused.body).toMatchObject({ code: 'GUARDIAN_CONSENT_REQUIRED', message: expect.stringContaining('监护人') });
      // An anonymous answer about a child needs it as well.
      const anonymous = await t.post('/api/v1/scales/phq-a/responses', submission(phqA, answers(phqA, 0), { mode: 'anonymous' }, { ageBand: 'under14' }));
      expect(anonymous.body.code).toBe('GUARDIAN_CONSENT_REQUIRED');
      expect(await count('scale_responses')).toBe(0);
      const ok = await t.post(
        '/api/v1/scales/phq-a/responses',
        submission(phqA, answers(phqA, 0), { guardian: { name: '李先生', relation: 'father' } }),
        child,
      );
      expect(ok.status).toBe(201);
      const [row] = await t.dataSource.query(`SELECT guardianName, guardianRelation, ageBand FROM scale_responses`);
      expect(row).toEqual({ guardianName: expect.stringMatching(/^enc:v1:test:/), guardianRelation: 'father', ageBand: 'under14' });
      expect(dataKeyring().decrypt(row.guardianName)).toBe('李先生');
    });

    it('stores a retried submission once, even when the retries race', async () => {
      const token = await resident('retry');
      const body = submission(GAD7, answers(GAD7, 1));
      const first = await t.post('/api/v1/scales/gad-7/responses', body, token);
      const again = await t.post('/api/v1/scales/gad-7/responses', body, token);
      expect([first.status, again.status]).toEqual([201, 200]);
      expect(again.body).toMatchObject({ id: first.body.id, duplicate: true, score: first.body.score });
      const raced = submission(GAD7, answers(GAD7, 1), FOLLOW_UP);
      const answersAtOnce = await Promise.all(Array.from({ length: 6 }, () => t.post('/api/v1/scales/gad-7/responses', raced, token)));
      expect(answersAtOnce.every((a) => a.status === 200 || a.status === 201)).toBe(true);
      expect(new Set(answersAtOnce.map((a) => a.body.id)).size).toBe(1);
      expect(await count('scale_responses')).toBe(2);
      expect(await count('alerts')).toBe(1);
      // Someone else replaying the id learns nothing.
      const other = await resident('other');
      expect((await t.post('/api/v1/scales/gad-7/responses', body, other)).status).toBe(409);
    });
  });

  describe('the crisis path and alerts', () => {
    it('opens the crisis card whatever the consent, 12356 first', async () => {
      const anonymous = await t.post('/api/v1/scales/phq-9/responses', submission(PHQ9, answers(PHQ9, 0, { 9: 3 }), { mode: 'anonymous' }));
      expect(anonymous.status).toBe(201);
      expect(anonymous.body.crisis).toMatchObject({ triggered: true, reasons: ['第 9 题的回答提示您可能正承受很大的痛苦'] });
      expect(anonymous.body.crisis.hotlines[0]).toMatchObject({ number: '12356' });
      expect(anonymous.body.suggestedArticles).toEqual(expect.any(Array));
      expect(await count('alerts')).toBe(0);
    });

    it('puts the region’s 24-hour lines on the crisis card after 12356', async () => {
      const admin = await t.staffToken('region_yc');
      const line = await t.post(
        '/api/v1/admin/hotlines',
        {
          name: '胜利路街道24小时心理热线',
          number: '023-49999999',
          hours: '24小时',
          is24h: true,
          audiences: ['all'],
          regionId: await t.regionId(REGION.streetA),
        },
        admin,
      );
      expect(line.status).toBe(201);
      const token = await resident('crisis-local');
      const res = await t.post('/api/v1/scales/phq-9/responses', submission(PHQ9, answers(PHQ9, 3)), token);
      const numbers = res.body.crisis.hotlines.map((h: { number: string }) => h.number);
      expect(numbers[0]).toBe('12356');
      expect(numbers[1]).toBe('023-49999999');
      expect(numbers).toContain('400-161-9995');
      // Residents of another street do not get that line.
      const elsewhere = await resident('crisis-elsewhere', {}, REGION.communityB1);
      const theirs = await t.post('/api/v1/scales/phq-9/responses', submission(PHQ9, answers(PHQ9, 3)), elsewhere);
      expect(theirs.body.crisis.hotlines.map((h: { number: string }) => h.number)).not.toContain('023-49999999');
    });

    it('raises a red alert for the counsellors of the resident’s region only, and audits every read', async () => {
      const token = await resident('red');
      const res = await t.post('/api/v1/scales/phq-9/responses', submission(PHQ9, answers(PHQ9, 0, { 9: 3 }), FOLLOW_UP), token);
      expect(res.body).toMatchObject({ followUpRequested: true, crisis: { triggered: true } });

      const counsellor = await t.staffToken('counsellor_sl');
      const queue = await t.get('/api/v1/admin/alerts', counsellor);
      expect(queue.status).toBe(200);
      expect(queue.body.total).toBe(1);
      const alert = queue.body.items[0];
      expect(alert).toMatchObject({ colour: 'red', status: 'open', scaleCode: 'phq-9', crisis: true, regionName: '萱花社区', overdue: false });
      expect(alert).not.toHaveProperty('contactPhone');
      expect(new Date(alert.dueAt).getTime() - new Date(alert.createdAt).getTime()).toBe(24 * 3_600_000);

      // Before anyone claims it, the number is masked: only the counsellor who calls sees it in full.
      const detail = await t.get(`/api/v1/admin/alerts/${alert.id}`, counsellor);
      expect(detail.status).toBe(200);
      expect(detail.body).toMatchObject({ contactPhone: '138****8000', contactName: '张女士', criticalItems: [PHQ9.items[8].id] });
      const [stored] = await t.dataSource.query(`SELECT contactPhone, contactName FROM scale_responses`);
      expect(stored.contactPhone).toMatch(/^enc:v1:test:/);
      expect(stored.contactName).toMatch(/^enc:v1:test:/);
      expect(detail.body.answers[8]).toMatchObject({ critical: true, value: 3, label: expect.any(String), text: PHQ9.items[8].text });
      const audited = await t.dataSource.query(`SELECT actorName, resourceId, outcome FROM audit_logs WHERE action = 'alert.read'`);
      expect(audited).toEqual([{ actorName: 'counsellor_sl', resourceId: String(alert.id), outcome: 'success' }]);
      const claimed = await t.post(`/api/v1/admin/alerts/${alert.id}/claim`, undefined, counsellor);
      expect(claimed.body.contactPhone).toBe('13800138000');
      expect((await t.get(`/api/v1/admin/alerts/${alert.id}`, counsellor)).body.contactPhone).toBe('13800138000');
      expect((await t.get(`/api/v1/admin/alerts/${alert.id}`, await secondCounsellor())).body.contactPhone).toBe('138****8000');

      // Another street's counsellor: not in the queue, and the alert "does not exist".
      const other = await t.staffToken('counsellor_zs');
      expect((await t.get('/api/v1/admin/alerts', other)).body.total).toBe(0);
      expect((await t.get(`/api/v1/admin/alerts/${alert.id}`, other)).status).toBe(404);
      expect((await t.post(`/api/v1/admin/alerts/${alert.id}/claim`, undefined, other)).status).toBe(404);
      // The region admin oversees the queue but cannot read answers; other roles see nothing.
      const regionAdmin = await t.staffToken('region_yc');
      expect((await t.get('/api/v1/admin/alerts', regionAdmin)).body.total).toBe(1);
      expect((await t.get(`/api/v1/admin/alerts/${alert.id}`, regionAdmin)).status).toBe(403);
      expect((await t.get('/api/v1/admin/alerts', await t.staffToken('editor_sl'))).status).toBe(403);
      expect((await t.get(`/api/v1/admin/alerts/${alert.id}`, await t.adminToken())).status).toBe(403);
      expect((await t.get('/api/v1/admin/alerts')).status).toBe(401);
    });

    it('colours alerts by the rules: yellow for the next band, nothing for no concern', async () => {
      const token = await resident('colours');
      await t.post('/api/v1/scales/phq-9/responses', submission(PHQ9, answers(PHQ9, 2, { 9: 0 })), token); // no consent: no alert
      await t.post('/api/v1/scales/phq-9/responses', submission(PHQ9, answers(PHQ9, 2, { 9: 0 }), FOLLOW_UP), token); // 16: moderately severe
      await t.post('/api/v1/scales/gad-7/responses', submission(GAD7, answers(GAD7, 0), FOLLOW_UP), token); // 0: no concern
      const counsellor = await t.staffToken('counsellor_sl');
      const queue = (await t.get('/api/v1/admin/alerts', counsellor)).body;
      expect(queue.items.map((a: { colour: string; score: number }) => [a.colour, a.score])).toEqual([['yellow', 16]]);
      expect(queue.items[0].dueAt).toBeNull();

      // A system admin makes no-concern GAD-7 results green.
      const admin = await t.adminToken();
      const rules = (await t.get('/api/v1/admin/scales/alert-rules', admin)).body;
      const bad = await t.put('/api/v1/admin/scales/alert-rules', { ...rules, default: { ...rules.default, noConcern: 'purple' } }, admin);
      expect(bad.status).toBe(400);
      expect(bad.body.details).toEqual([{ path: 'default.noConcern', message: expect.stringContaining('purple') }]);
      const saved = await t.put('/api/v1/admin/scales/alert-rules', { ...rules, byScale: { ...rules.byScale, 'gad-7': { noConcern: 'green' } } }, admin);
      expect(saved.status).toBe(200);
      expect((await t.put('/api/v1/admin/scales/alert-rules', rules, await t.staffToken('region_yc'))).status).toBe(403);
      await t.post('/api/v1/scales/gad-7/responses', submission(GAD7, answers(GAD7, 0), FOLLOW_UP), token);
      expect((await t.get('/api/v1/admin/alerts?colour=green', counsellor)).body.total).toBe(1);
    });

    it('lets one counsellor claim, follow up and close; red alerts without a follow-up go overdue', async () => {
      const token = await resident('handled');
      await t.post('/api/v1/scales/phq-9/responses', submission(PHQ9, answers(PHQ9, 3), FOLLOW_UP), token);
      const counsellor = await t.staffToken('counsellor_sl');
      const [alert] = (await t.get('/api/v1/admin/alerts', counsellor)).body.items;

      // Past its deadline with no follow-up: overdue, and the region admin sees it.
      await t.dataSource.getRepository(Alert).update(alert.id, { dueAt: new Date(Date.now() - 60_000) });
      const regionAdmin = await t.staffToken('region_yc');
      const overdue = await t.get('/api/v1/admin/alerts?overdue=true', regionAdmin);
      expect(overdue.body.items.map((a: { id: number; overdue: boolean }) => [a.id, a.overdue])).toEqual([[alert.id, true]]);
      expect((await t.get('/api/v1/admin/alerts/summary', regionAdmin)).body).toEqual({ open: 1, claimed: 0, overdue: 1, red: 1, yellow: 0, green: 0 });

      const early = await t.post(
        `/api/v1/admin/alerts/${alert.id}/follow-ups`,
        { at: new Date().toISOString(), method: 'phone', outcome: '未接通' },
        counsellor,
      );
      expect(early).toMatchObject({ status: 409, body: { message: '请先认领该预警' } });

      // A second counsellor of the same street races for the claim: exactly one wins.
      const second = await secondCounsellor();
      const claims = await Promise.all([
        t.post(`/api/v1/admin/alerts/${alert.id}/claim`, undefined, counsellor),
        t.post(`/api/v1/admin/alerts/${alert.id}/claim`, undefined, second),
      ]);
      expect(claims.map((c) => c.status).sort()).toEqual([200, 409]);
      const winner = claims[0].status === 200 ? counsellor : second;
      const loser = winner === counsellor ? second : counsellor;
      expect((await t.post(`/api/v1/admin/alerts/${alert.id}/claim`, undefined, winner)).status).toBe(200);
      expect((await t.post(`/api/v1/admin/alerts/${alert.id}/follow-ups`, { at: new Date().toISOString(), method: 'phone', outcome: 'x' }, loser)).status).toBe(
        409,
      );

      expect((await t.post(`/api/v1/admin/alerts/${alert.id}/close`, { outcome: 'resolved', note: '太早' }, winner)).body.message).toContain('至少一次跟进');
      const future = await t.post(
        `/api/v1/admin/alerts/${alert.id}/follow-ups`,
        { at: new Date(Date.now() + 3_600_000).toISOString(), method: 'phone', outcome: 'x' },
        winner,
      );
      expect(future.status).toBe(400);
      const invalid = await t.post(`/api/v1/admin/alerts/${alert.id}/follow-ups`, { at: 'yesterday', method: 'pigeon', outcome: '' }, winner);
      expect(invalid.status).toBe(400);
      const followed = await t.post(
        `/api/v1/admin/alerts/${alert.id}/follow-ups`,
        { at: new Date().toISOString(), method: 'phone', outcome: '已电话联系，情绪平稳，约定下周面谈', nextColour: 'yellow' },
        winner,
      );
      expect(followed.status).toBe(201);
      expect(followed.body).toMatchObject({
        colour: 'yellow',
        overdue: false,
        followUps: [expect.objectContaining({ method: 'phone', nextColour: 'yellow' })],
      });
      const closed = await t.post(`/api/v1/admin/alerts/${alert.id}/close`, { outcome: 'resolved', note: '已转介社区心理服务站持续跟进' }, winner);
      expect(closed.body).toMatchObject({ status: 'closed', closeNote: '已转介社区心理服务站持续跟进' });
      // The counsellor's notes about the resident are stored encrypted.
      const [note] = await t.dataSource.query(`SELECT closeNote FROM alerts WHERE id = ?`, [alert.id]);
      expect(note.closeNote).toMatch(/^enc:v1:test:/);
      const outcomes = await t.dataSource.query(`SELECT outcome FROM alert_follow_ups WHERE alertId = ?`, [alert.id]);
      expect(outcomes.map((o: { outcome: string }) => dataKeyring().decrypt(o.outcome))).toEqual(['已电话联系，情绪平稳，约定下周面谈']);
      expect(outcomes[0].outcome).toMatch(/^enc:v1:test:/);
      expect((await t.get('/api/v1/admin/alerts', counsellor)).body.total).toBe(0);
      expect((await t.get('/api/v1/admin/alerts?status=closed', counsellor)).body.total).toBe(1);
      expect(
        (await t.post(`/api/v1/admin/alerts/${alert.id}/follow-ups`, { at: new Date().toISOString(), method: 'phone', outcome: 'x' }, winner)).body.message,
      ).toBe('该预警已结案');
      const actions = (await t.dataSource.query(`SELECT action FROM audit_logs WHERE resourceType = 'alert' AND outcome = 'success' ORDER BY id`)).map(
        (r: { action: string }) => r.action,
      );
      expect(actions).toEqual(expect.arrayContaining(['alert.claim', 'alert.follow_up', 'alert.close']));
    });
  });

  /** Another counsellor in 胜利路街道, created by the region admin and past the first-login password change. */
  async function secondCounsellor(): Promise<string> {
    const admin = await t.staffToken('region_yc');
    const created = await t.post(
      '/api/v1/admin/staff',
      { username: 'counsellor_sl2', displayName: '胜利路咨询师二', role: 'counsellor', regionId: await t.regionId(REGION.streetA), password: 'Second#2026xq' },
      admin,
    );
    expect(created.status).toBe(201);
    const login = await t.post('/api/v1/auth/staff/login', { username: 'counsellor_sl2', password: 'Second#2026xq' });
    if (!login.body.mustChangePassword) return login.body.accessToken;
    const changed = await t.post('/api/v1/auth/staff/password', { oldPassword: 'Second#2026xq', newPassword: DEMO_PASSWORD + '2' }, login.body.accessToken);
    return changed.body.accessToken;
  }

  describe('the resident’s own records', () => {
    it('lists, re-reads and deletes results; deleting removes the alert; nobody else can touch them', async () => {
      const token = await resident('history');
      const first = await t.post('/api/v1/scales/phq-9/responses', submission(PHQ9, answers(PHQ9, 1, { 9: 0 })), token);
      const second = await t.post('/api/v1/scales/phq-9/responses', submission(PHQ9, answers(PHQ9, 3), FOLLOW_UP), token);
      const list = await t.get('/api/v1/me/responses?scaleCode=phq-9', token);
      expect(list.body.items.map((r: { id: number }) => r.id)).toEqual([second.body.id, first.body.id]);
      expect(list.body.items[0]).toMatchObject({ score: 27, maxScore: 27, crisis: true, followUpRequested: true, scaleTitle: PHQ9.title });
      expect((await t.get(`/api/v1/me/responses/${first.body.id}`, token)).body).toMatchObject({ score: 8, crisis: { triggered: false } });

      const stranger = await resident('stranger');
      expect((await t.get(`/api/v1/me/responses/${first.body.id}`, stranger)).status).toBe(404);
      expect((await t.delete(`/api/v1/me/responses/${first.body.id}`, stranger)).status).toBe(404);

      expect(await count('alerts')).toBe(1);
      expect((await t.delete(`/api/v1/me/responses/${second.body.id}`, token)).status).toBe(204);
      expect(await count('alerts')).toBe(0);
      // The stranger's attempt is on record too, as a failure.
      expect(await count('audit_logs', `action = 'scale_response.delete' AND outcome = 'success'`)).toBe(1);
      expect(await count('audit_logs', `action = 'scale_response.delete' AND outcome = 'failure' AND statusCode = 404`)).toBe(1);
      expect((await t.get('/api/v1/me/responses', token)).body.total).toBe(1);
    });

    it('deletes saved results after the retention period, keeping anonymous counts', async () => {
      const token = await resident('old-timer');
      const saved = await t.post('/api/v1/scales/phq-9/responses', submission(PHQ9, answers(PHQ9, 3), FOLLOW_UP), token);
      await t.post('/api/v1/scales/phq-9/responses', submission(PHQ9, answers(PHQ9, 1), { mode: 'anonymous' }), token);
      const responses = t.app.get(ResponsesService);
      expect(await responses.purgeExpired(new Date(Date.now() + 2 * 365 * 86_400_000))).toBe(0);
      expect(await responses.purgeExpired(new Date(Date.now() + (3 * 365 + 2) * 86_400_000))).toBe(1);
      expect((await t.get(`/api/v1/me/responses/${saved.body.id}`, token)).status).toBe(404);
      expect(await count('alerts')).toBe(0);
      expect(await count('scale_responses')).toBe(1);
    });

    it('exports results and alerts with the account, and deletes them with it', async () => {
      const token = await resident('leaving');
      await t.post('/api/v1/scales/phq-9/responses', submission(PHQ9, answers(PHQ9, 3), FOLLOW_UP), token);
      const exported = (await t.get('/api/v1/me/export', token)).body;
      expect(exported.scaleResponses).toEqual([
        expect.objectContaining({
          scaleCode: 'phq-9',
          score: 27,
          answers: answers(PHQ9, 3),
          consent: expect.objectContaining({ followUp: true, contactPhone: '13800138000' }),
        }),
      ]);
      expect(exported.alerts).toEqual([expect.objectContaining({ colour: 'red', status: 'open' })]);
      expect((await t.delete('/api/v1/me', token)).status).toBe(204);
      expect(await count('scale_responses')).toBe(0);
      expect(await count('alerts')).toBe(0);
    });
  });

  describe('statistics for officials', () => {
    it('counts by region, group and month with small cells hidden, and exports Excel', async () => {
      const token = await resident('stats-a');
      for (let i = 0; i < 6; i++) await t.post('/api/v1/scales/gad-7/responses', submission(GAD7, answers(GAD7, 0), { mode: 'anonymous' }), token);
      for (let i = 0; i < 2; i++) await t.post('/api/v1/scales/gad-7/responses', submission(GAD7, answers(GAD7, 3), { mode: 'anonymous' }), token);
      const elsewhere = await resident('stats-b', {}, REGION.communityB1);
      await t.post('/api/v1/scales/gad-7/responses', submission(GAD7, answers(GAD7, 3), { mode: 'anonymous' }), elsewhere);

      const official = await t.staffToken('region_yc');
      const byRegion = await t.get('/api/v1/admin/scales/stats?dimension=region&scaleCode=gad-7', official);
      expect(byRegion.status).toBe(200);
      expect(byRegion.body.bands.map((b: { label: string }) => b.label)).toHaveLength(GAD7.bands.length);
      const row = (label: string) => byRegion.body.rows.find((r: { label: string }) => r.label === label);
      // 胜利路: 6 none + 2 severe -> the 2 is hidden, and so is the 6 (else 8 - 6 would give it away).
      // Its total is hidden too: the district's 9 minus 8 would give 中山路's one person.
      expect(row('胜利路街道')).toEqual({ key: expect.any(String), label: '胜利路街道', counts: [null, 0, 0, null], total: null });
      // 中山路: one person: everything hidden, zeros and total too (a zero would say which band it is not).
      expect(row('中山路街道')).toMatchObject({ counts: [null, null, null, null], total: null });
      expect(row('陈食街道')).toMatchObject({ counts: [0, 0, 0, 0], total: 0 });

      const byGroup = await t.get('/api/v1/admin/scales/stats?dimension=group', official);
      expect(byGroup.body.bands.map((b: { key: string }) => b.key)).toEqual(['none', 'concern', 'most_severe']);
      // 6 without concern, 3 in the most severe band: the 3 is hidden, and the 6 with it.
      expect(byGroup.body.rows.find((r: { key: string }) => r.key === 'employee')).toMatchObject({ counts: [null, 0, null], total: 9 });

      const street = await t.staffToken('counsellor_sl');
      expect((await t.get('/api/v1/admin/scales/stats?dimension=region', street)).status).toBe(403);
      const outside = await t.get(`/api/v1/admin/scales/stats?dimension=region&regionId=${await t.regionId(REGION.city)}`, official);
      expect(outside.status).toBe(403);
      expect((await t.get('/api/v1/admin/scales/stats?dimension=colour', official)).status).toBe(400);

      const file = await t.get('/api/v1/admin/scales/stats/export?scaleCode=gad-7', official);
      expect(file.status).toBe(200);
      expect(file.headers['content-type']).toContain('spreadsheetml');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(file.raw as unknown as ArrayBuffer);
      expect(wb.worksheets.map((w) => w.name)).toEqual(['按区域', '按人群', '按月份', '按量表', '说明']);
    });
  });

  describe('the scale catalogue for system admins', () => {
    it('imports a licensed scale with precise errors, versions it, and enables scales with licence confirmation', async () => {
      const admin = await t.adminToken();
      const broken = await t.post('/api/v1/admin/scales/import', { definition: { ...PHQ9, code: 'Bad Code', bands: [] } }, admin);
      expect(broken.status).toBe(400);
      expect(broken.body.code).toBe('VALIDATION_FAILED');
      expect(broken.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'code' }), expect.objectContaining({ path: 'bands' })]));
      expect((await t.post('/api/v1/admin/scales/import', { definition: 'not an object' }, admin)).status).toBe(400);

      const licensed = {
        ...PHQ9,
        code: 'phq-9-licensed',
        version: 1,
        title: '测试导入量表',
        licence: { name: '本单位已购买授权', freeForPublicService: false, note: '仅限本单位使用' },
      };
      const imported = await t.post('/api/v1/admin/scales/import', { definition: licensed }, admin);
      expect(imported.status).toBe(201);
      expect(imported.body).toMatchObject({ code: 'phq-9-licensed', version: 1, builtIn: false, enabled: false, importedBy: 'admin' });
      expect((await t.post('/api/v1/admin/scales/import', { definition: licensed }, admin)).status).toBe(409);

      const unconfirmed = await t.put('/api/v1/admin/scales/phq-9-licensed/enabled', { enabled: true }, admin);
      expect(unconfirmed).toMatchObject({ status: 400, body: { code: 'CONSENT_REQUIRED' } });
      expect((await t.put('/api/v1/admin/scales/phq-9-licensed/enabled', { enabled: true, licenceConfirmed: true }, admin)).body.enabled).toBe(true);
      expect((await t.get('/api/v1/scales/phq-9-licensed')).status).toBe(200);

      // A new version becomes current; results keep the version that scored them.
      const token = await resident('versions');
      const v1 = await t.post(
        '/api/v1/scales/phq-9-licensed/responses',
        submission({ ...licensed, version: 1 } as ScaleDefinition, answers(PHQ9, 1, { 9: 0 })),
        token,
      );
      expect(v1.status).toBe(201);
      const v2 = await t.post('/api/v1/admin/scales/import', { definition: { ...licensed, version: 2, title: '测试导入量表（第二版）' } }, admin);
      expect(v2.body).toMatchObject({ version: 2, versions: [2, 1] });
      await t.put('/api/v1/admin/scales/phq-9-licensed/enabled', { enabled: true, licenceConfirmed: true }, admin);
      const stale = await t.post(
        '/api/v1/scales/phq-9-licensed/responses',
        submission({ ...licensed, version: 1 } as ScaleDefinition, answers(PHQ9, 1)),
        token,
      );
      expect(stale.body.code).toBe('SCALE_VERSION_MISMATCH');
      expect((await t.get(`/api/v1/me/responses/${v1.body.id}`, token)).body).toMatchObject({ scaleVersion: 1, scaleTitle: '测试导入量表' });

      expect((await t.get('/api/v1/admin/scales', admin)).body.map((s: { code: string }) => s.code)).toEqual(
        expect.arrayContaining(['phq-9', 'sds', 'phq-9-licensed']),
      );
      expect((await t.get('/api/v1/admin/scales', await t.staffToken('region_yc'))).status).toBe(403);
      expect((await t.put('/api/v1/admin/scales/phq-9/enabled', { enabled: false }, admin)).body.enabled).toBe(false);
      expect((await t.get('/api/v1/scales/phq-9')).status).toBe(404);
    });
  });

  describe('hotlines', () => {
    it('lists national lines first and the region’s own; region admins maintain their region’s lines', async () => {
      const list = await t.get(`/api/v1/hotlines?regionId=${await t.regionId(REGION.communityA1)}`);
      expect(list.status).toBe(200);
      expect(list.body[0]).toMatchObject({ number: '12356', national: true });
      expect(list.body.map((h: { name: string }) => h.name)).toContain('永川区心理援助热线（演示数据）');
      expect((await t.get('/api/v1/hotlines?regionId=999999')).status).toBe(400);

      const admin = await t.staffToken('region_yc');
      const input = {
        name: '萱花社区心理服务站',
        number: '023 4988 0000',
        hours: '工作日 9:00-17:00',
        is24h: false,
        audiences: ['all'],
        regionId: await t.regionId(REGION.communityA1),
      };
      const bad = await t.post('/api/v1/admin/hotlines', { ...input, number: 'call-me' }, admin);
      expect(bad).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
      expect(bad.body.message).toContain('号码格式不正确');
      const created = await t.post('/api/v1/admin/hotlines', { ...input, number: '023-49880000' }, admin);
      expect(created.body).toMatchObject({ number: '023-49880000', regionName: '萱花社区', national: false });
      expect((await t.put(`/api/v1/admin/hotlines/${created.body.id}`, { ...input, number: '023-49880001' }, admin)).body.number).toBe('023-49880001');
      expect((await t.put('/api/v1/admin/hotlines/-1', input, admin)).status).toBe(403);
      expect((await t.post('/api/v1/admin/hotlines', input, await t.staffToken('editor_sl'))).status).toBe(403);
      const outside = await t.post('/api/v1/admin/hotlines', { ...input, regionId: await t.regionId(REGION.city) }, admin);
      expect(outside.body.code).toBe('REGION_OUT_OF_SCOPE');

      const resident = await t.residentToken('hotline-reader');
      await t.patch('/api/v1/me', { regionId: await t.regionId(REGION.communityA1) }, resident);
      const mine = (await t.get('/api/v1/hotlines', resident)).body.map((h: { name: string }) => h.name);
      expect(mine.indexOf('萱花社区心理服务站')).toBeLessThan(mine.indexOf('永川区心理援助热线（演示数据）'));
      expect((await t.delete(`/api/v1/admin/hotlines/${created.body.id}`, admin)).status).toBe(204);
    });
  });
});
