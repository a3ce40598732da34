import ExcelJS from 'exceljs';
import { randomUUID } from 'crypto';
import { DEFAULT_QUESTION_BANK } from '@xinqiao/shared';
import { JobsService } from '../common/jobs/jobs.service';
import { REGION, TestApp } from '../../test/support/test-app';
import { TEST_DB } from '../../test/support/test-db';

const YEAR = new Date().getFullYear();

describe(`quizzes, awareness and campaigns on ${TEST_DB}`, () => {
  let t: TestApp;
  beforeAll(async () => (t = await TestApp.start({ AWARENESS_MIN_RESPONDENTS: '3', JOB_POLL_MS: '60000' })));
  afterAll(() => t.stop());
  beforeEach(() => t.reset());

  const count = async (table: string, where = '1=1') => Number((await t.dataSource.query(`SELECT COUNT(*) AS n FROM ${table} WHERE ${where}`))[0].n);

  /** Answers for a paper: `right` questions answered correctly, the rest wrongly. */
  async function answersFor(quizId: number, right: number): Promise<Record<string, string[]>> {
    const paper = (await t.get(`/api/v1/quizzes/${quizId}`)).body;
    const bank = new Map(DEFAULT_QUESTION_BANK.map((q) => [q.id, q]));
    return Object.fromEntries(
      paper.questions.map((q: { code: string; options: { key: string }[] }, i: number) => {
        const correct = bank.get(q.code)!.correct;
        const wrong = q.options.map((o) => o.key).find((k) => !correct.includes(k) && k !== 'U')!;
        return [q.code, i < right ? correct : [wrong]];
      }),
    );
  }

  async function survey(token: string, extra: Record<string, unknown> = {}): Promise<number> {
    const created = await t.post(
      '/api/v1/admin/quizzes',
      {
        title: `${YEAR} 年心理健康核心知识知晓率调查`,
        kind: 'survey',
        regionId: await t.regionId(REGION.district),
        opensAt: new Date(Date.now() - 3_600_000).toISOString(),
        closesAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
        year: YEAR,
        pointsPerItem: 5,
        passMark: 0.8,
        draw: { mode: 'random', perPoint: 2 },
        ...extra,
      },
      token,
    );
    expect(created.status).toBe(201);
    const published = await t.post(`/api/v1/admin/quizzes/${created.body.id}/publish`, undefined, token);
    expect(published.status).toBe(200);
    return created.body.id;
  }

  const demographics = async (community = REGION.communityA1) => ({
    regionId: await t.regionId(community),
    populationGroup: 'employee',
    ageBand: '35to59',
    gender: 'female',
  });

  /** An answer by `token`, by a new resident (survey waves take signed-in residents only), or `anonymous`. */
  async function answer(quizId: number, right: number, opts: { token?: string; anonymous?: boolean; community?: string; campaignId?: number } = {}) {
    return t.request('POST', `/api/v1/quizzes/${quizId}/attempts`, {
      token: opts.anonymous ? undefined : (opts.token ?? (await t.residentToken(`respondent-${randomUUID().slice(0, 8)}`))),
      body: {
        answers: await answersFor(quizId, right),
        clientRequestId: randomUUID(),
        demographics: await demographics(opts.community),
        ...(opts.campaignId ? { campaignId: opts.campaignId } : {}),
      },
    });
  }

  describe('the question bank', () => {
    it('ships the default bank read-only and keeps each region’s own questions', async () => {
      const editor = await t.staffToken('editor_sl');
      const list = await t.get('/api/v1/admin/questions?pageSize=100', editor);
      expect(list.body.total).toBe(DEFAULT_QUESTION_BANK.length);
      const builtIn = list.body.items[0];
      expect(builtIn).toMatchObject({ builtIn: true, regionName: '默认题库' });
      const input = {
        kind: 'single',
        knowledgePoint: 4,
        stem: '长期失眠应该怎么办？',
        options: [
          { key: 'A', text: '忍一忍' },
          { key: 'B', text: '及时就医评估' },
        ],
        correct: ['B'],
        explanation: '睡不好，别忽视。',
      };
      expect((await t.put(`/api/v1/admin/questions/${builtIn.id}`, input, editor)).status).toBe(403);
      const bad = await t.post('/api/v1/admin/questions', { ...input, correct: ['C'] }, editor);
      expect(bad).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
      expect(bad.body.message).toContain('正确答案 C 不在选项中');
      const created = await t.post('/api/v1/admin/questions', input, editor);
      expect(created.body).toMatchObject({ code: `Q${created.body.id}`, regionName: '胜利路街道', builtIn: false });
      // Another street does not see it.
      const other = await t.get('/api/v1/admin/questions?keyword=失眠应该', await t.staffToken('editor_zx'));
      expect(other.body.total).toBe(0);
      expect((await t.get('/api/v1/admin/questions', await t.staffToken('counsellor_sl'))).status).toBe(403);
    });

    it('exports the bank to Excel and imports it back all or nothing', async () => {
      const editor = await t.staffToken('editor_sl');
      const file = await t.get('/api/v1/admin/questions/export', editor);
      expect(file.status).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(file.raw as unknown as ArrayBuffer);
      expect(wb.worksheets[0].rowCount).toBe(DEFAULT_QUESTION_BANK.length + 1);

      const upload = async (rows: string[][]) => {
        const book = new ExcelJS.Workbook();
        const ws = book.addWorksheet('题库');
        ws.addRow(wb.worksheets[0].getRow(1).values as string[]);
        for (const r of rows) ws.addRow(r);
        const data = Buffer.from(await book.xlsx.writeBuffer());
        const boundary = 'xq-boundary';
        const body = Buffer.concat([
          Buffer.from(
            `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="bank.xlsx"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`,
          ),
          data,
          Buffer.from(`\r\n--${boundary}--\r\n`),
        ]);
        return t.request('POST', '/api/v1/admin/questions/import', {
          token: editor,
          body,
          headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
        });
      };
      const good = ['', '判断题', '10', '遇到压力时，逃避是最好的办法。', '', '', '', '', '', '', '错', '是', '用科学的方法缓解压力，不逃避，不消极。'];
      const bad = await upload([good, ['', '判断题', '12', '题干', '', '', '', '', '', '', '对', '', '解析'], ['kp01-01', ...good.slice(1)]]);
      expect(bad.status).toBe(400);
      expect(bad.body.details).toEqual([
        { row: 3, message: expect.stringContaining('知识点') },
        { row: 4, message: expect.stringContaining('默认题库') },
      ]);
      expect(await count('questions', 'builtIn = 0')).toBe(0);
      const ok = await upload([good]);
      expect(ok.body).toEqual({ created: 1, updated: 0, errors: [] });
      expect(await count('questions', 'builtIn = 0')).toBe(1);
    });
  });

  describe('answering a survey wave', () => {
    it('draws the paper once, hides the answers until the wave closes, and takes one answer per signed-in resident', async () => {
      const admin = await t.staffToken('region_yc');
      const quizId = await survey(admin);
      const quiz = (await t.get(`/api/v1/admin/quizzes/${quizId}`, admin)).body;
      expect(quiz.questionCodes).toHaveLength(20);
      const { title, kind, regionId, opensAt, closesAt, year, pointsPerItem, passMark, draw } = quiz;
      expect(
        (await t.put(`/api/v1/admin/quizzes/${quizId}`, { title, kind, regionId, opensAt, closesAt, year, pointsPerItem, passMark, draw }, admin)).status,
      ).toBe(409);

      const resident = await t.residentToken('resident-quiz');
      const listed = await t.get(`/api/v1/quizzes?regionId=${await t.regionId(REGION.communityA1)}`, resident);
      expect(listed.body.map((q: { id: number }) => q.id)).toContain(quizId);
      const paper = await t.get(`/api/v1/quizzes/${quizId}`, resident);
      expect(paper.body).toMatchObject({ open: true, alreadyAnswered: false, maxScore: 100 });
      expect(JSON.stringify(paper.body)).not.toMatch(/"correct"|"explanation"/);

      const noProfile = await t.post(`/api/v1/quizzes/${quizId}/attempts`, { answers: await answersFor(quizId, 20), clientRequestId: randomUUID() }, resident);
      expect(noProfile.status).toBe(400);
      expect(noProfile.body.message).toBe('请先填写所在社区（村）、人群、年龄段、性别（仅用于统计，不对外公开）');
      const street = await t.post(
        `/api/v1/quizzes/${quizId}/attempts`,
        {
          answers: await answersFor(quizId, 20),
          clientRequestId: randomUUID(),
          demographics: { ...(await demographics()), regionId: await t.regionId(REGION.streetA) },
        },
        resident,
      );
      expect(street.body.message).toContain('社区（村）');

      const firstBody = { answers: await answersFor(quizId, 17), clientRequestId: randomUUID(), demographics: await demographics() };
      const first = await t.post(`/api/v1/quizzes/${quizId}/attempts`, firstBody, resident);
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({ score: 85, maxScore: 100, correctCount: 17, passed: true, alreadyAnswered: false, answerKeyAt: closesAt });
      // While the wave is open the result gives no key away: not the answers, nor which were right.
      expect(first.body.items).toEqual(first.body.items.map(() => expect.objectContaining({ correct: null, isCorrect: null, explanation: null })));
      // The profile remembers what was asked.
      expect((await t.get('/api/v1/me', resident)).body).toMatchObject({
        regionName: '萱花社区',
        populationGroup: 'employee',
        ageBand: '35to59',
        gender: 'female',
      });

      const again = await answer(quizId, 20, { token: resident });
      expect(again.status).toBe(200);
      expect(again.body).toMatchObject({ alreadyAnswered: true, score: 85 });
      expect((await t.get(`/api/v1/quizzes/${quizId}`, resident)).body.alreadyAnswered).toBe(true);

      // Without an account a survey answer is refused: it could be sent any number of times.
      const anonymous = await answer(quizId, 10, { anonymous: true });
      expect(anonymous).toMatchObject({ status: 401, body: { code: 'SIGN_IN_REQUIRED', message: '参加知晓率调查需要先登录，每人每期计一次' } });
      expect((await answer(quizId, 10, { token: admin })).status).toBe(403);
      const second = await answer(quizId, 10);
      expect(second.status).toBe(201);
      expect(second.body).toMatchObject({ id: expect.any(Number), passed: false });
      const newcomer = await t.residentToken('resident-newcomer');
      const incomplete = await t.post(
        `/api/v1/quizzes/${quizId}/attempts`,
        { answers: await answersFor(quizId, 10), clientRequestId: randomUUID(), demographics: { regionId: await t.regionId(REGION.communityA1) } },
        newcomer,
      );
      expect(incomplete.status).toBe(400);
      expect(incomplete.body).toMatchObject({ code: 'VALIDATION_FAILED', details: { missing: ['populationGroup', 'ageBand', 'gender'] } });
      const invalid = await t.post(
        `/api/v1/quizzes/${quizId}/attempts`,
        { answers: { nope: 'A' }, clientRequestId: randomUUID(), demographics: await demographics() },
        newcomer,
      );
      expect(invalid.body.code).toBe('INVALID_ANSWERS');

      expect(await count('quiz_attempts')).toBe(2);
      const [cell] = await t.dataSource.query(`SELECT SUM(respondents) AS n, SUM(passed) AS p FROM awareness_cells WHERE quizId = ?`, [quizId]);
      expect([Number(cell.n), Number(cell.p)]).toEqual([2, 1]);
      expect((await t.get(`/api/v1/admin/quizzes/${quizId}`, admin)).body.respondents).toBe(2);

      // Once the wave is closed, the same result comes with the key.
      expect((await t.post(`/api/v1/admin/quizzes/${quizId}/close`, undefined, admin)).status).toBe(200);
      const replayed = await t.post(`/api/v1/quizzes/${quizId}/attempts`, firstBody, resident);
      expect(replayed.body).toMatchObject({ score: 85, answerKeyAt: null });
      expect(replayed.body.items[0]).toMatchObject({ correct: expect.any(Array), isCorrect: expect.any(Boolean), explanation: expect.any(String) });

      const exported = (await t.get('/api/v1/me/export', resident)).body;
      expect(exported.quizAttempts).toEqual([expect.objectContaining({ quizId, score: 85, passed: true })]);
      await t.delete('/api/v1/me', resident);
      expect(await count('quiz_attempts')).toBe(1);
    });

    it('refuses answers outside the window, and stores a race of retries once', async () => {
      const admin = await t.staffToken('region_yc');
      const quizId = await survey(admin);
      const resident = await t.residentToken('resident-race');
      const body = { answers: await answersFor(quizId, 15), clientRequestId: randomUUID(), demographics: await demographics() };
      const raced = await Promise.all(
        Array.from({ length: 5 }, (_, i) => t.post(`/api/v1/quizzes/${quizId}/attempts`, i % 2 ? body : { ...body, clientRequestId: randomUUID() }, resident)),
      );
      expect(raced.filter((r) => r.status === 201)).toHaveLength(1);
      expect(raced.every((r) => r.status === 200 || r.status === 201)).toBe(true);
      expect(await count('quiz_attempts')).toBe(1);

      await t.post(`/api/v1/admin/quizzes/${quizId}/close`, undefined, admin);
      const closed = await answer(quizId, 20);
      expect(closed).toMatchObject({ status: 409, body: { message: expect.stringContaining('结束') } });
      const later = await survey(admin, {
        opensAt: new Date(Date.now() + 86_400_000).toISOString(),
        closesAt: new Date(Date.now() + 2 * 86_400_000).toISOString(),
      });
      const early = await answer(later, 20);
      expect(early).toMatchObject({ status: 409, body: { code: 'INVALID_STATE' } });
      expect(early.body.message).toContain('开始');
    });
  });

  describe('the awareness rate', () => {
    it('breaks the rate down by region with intervals and targets; a street sees only itself', async () => {
      const admin = await t.staffToken('region_yc');
      const quizId = await survey(admin);
      for (const right of [20, 18, 16, 10]) await answer(quizId, right, { community: REGION.communityA1 });
      await answer(quizId, 20, { community: REGION.communityB1 });
      const target = await t.post(
        '/api/v1/admin/awareness/targets',
        { regionId: await t.regionId(REGION.district), year: YEAR, metric: 'pass_rate', rate: 0.7, source: '测试方案' },
        admin,
      );
      expect(target.status).toBe(201);

      const report = await t.get(`/api/v1/admin/awareness?quizIds=${quizId}&dimension=region`, admin);
      expect(report.status).toBe(200);
      expect(report.body.overall).toMatchObject({
        label: '永川区',
        result: { suppressed: false, respondents: 5, passed: 4, passRate: 0.8 },
        target: { rate: 0.7 },
        comparison: { met: true },
      });
      expect(report.body.overall.result.passRateCi.lower).toBeLessThan(0.8);
      const row = (label: string) => report.body.rows.find((r: { label: string }) => r.label === label);
      expect(row('胜利路街道').result).toMatchObject({ respondents: 4, passed: 3, passRate: 0.75 });
      expect(row('胜利路街道').result.meanCorrectRate).toBeCloseTo((20 + 18 + 16 + 10) / 80);
      expect(row('中山路街道')).toMatchObject({ respondents: 1, result: { suppressed: true, reason: '样本量不足（少于 3 人）' } });
      expect(report.body.weighted).toMatchObject({ weighted: true, label: expect.stringContaining('加权') });

      const byGroup = await t.get(`/api/v1/admin/awareness?quizIds=${quizId}&dimension=group`, admin);
      expect(byGroup.body.rows.find((r: { key: string }) => r.key === 'employee').result.respondents).toBe(5);
      const kp = await t.get(`/api/v1/admin/awareness/knowledge-points?quizIds=${quizId}`, admin);
      expect(kp.body.ranked.length).toBe(10);
      expect(kp.body.ranked[0].errorRate).toBeGreaterThanOrEqual(kp.body.ranked[9].errorRate);
      const trend = await t.get('/api/v1/admin/awareness/trend', admin);
      expect(trend.body).toEqual([expect.objectContaining({ quizId, result: expect.objectContaining({ respondents: 5 }) })]);

      // A street's admin: its own figures only.
      const created = await t.post(
        '/api/v1/admin/staff',
        { username: 'admin_sl', displayName: '胜利路街道管理员', role: 'region_admin', regionId: await t.regionId(REGION.streetA), password: 'Street#2026xq' },
        admin,
      );
      expect(created.status).toBe(201);
      let street = (await t.post('/api/v1/auth/staff/login', { username: 'admin_sl', password: 'Street#2026xq' })).body;
      if (street.mustChangePassword)
        street = (await t.post('/api/v1/auth/staff/password', { oldPassword: 'Street#2026xq', newPassword: 'Street#2026xq2' }, street.accessToken)).body;
      const own = await t.get(`/api/v1/admin/awareness?quizIds=${quizId}&dimension=region`, street.accessToken);
      expect(own.body.overall.result.respondents).toBe(4);
      expect(own.body.rows.map((r: { label: string }) => r.label)).toEqual(['萱花社区', '红河社区', '五间村']);
      const above = await t.get(`/api/v1/admin/awareness?quizIds=${quizId}&regionId=${await t.regionId(REGION.district)}`, street.accessToken);
      expect(above.body.code).toBe('REGION_OUT_OF_SCOPE');
      expect((await t.get(`/api/v1/admin/awareness?quizIds=${quizId}`, await t.staffToken('editor_sl'))).status).toBe(403);
      expect((await t.get('/api/v1/admin/awareness?quizIds=', admin)).status).toBe(400);

      // The contract's array goes as repeated keys (the admin's form); one comma-separated value reads the same.
      const other = await survey(admin);
      const repeated = await t.get(`/api/v1/admin/awareness?quizIds=${quizId}&quizIds=${other}&dimension=region`, admin);
      expect(repeated.status).toBe(200);
      expect(repeated.body).toEqual((await t.get(`/api/v1/admin/awareness?quizIds=${quizId},${other}&dimension=region`, admin)).body);
      expect(repeated.body.overall.result.respondents).toBe(5);
    });

    it('builds the report for sending up as a background job', async () => {
      const admin = await t.staffToken('region_yc');
      const quizId = await survey(admin);
      for (const right of [20, 12, 17]) await answer(quizId, right);
      const started = await t.post('/api/v1/admin/awareness/reports', { quizIds: [quizId] }, admin);
      expect(started.status).toBe(202);
      await t.app.get(JobsService).idle();
      const job = await t.get(`/api/v1/admin/jobs/${started.body.id}`, admin);
      expect(job.body).toMatchObject({ status: 'done', progress: 1, fileName: '知晓率上报表_永川区.xlsx' });
      const file = await t.get(`/api/v1/admin/jobs/${started.body.id}/download`, admin);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(file.raw as unknown as ArrayBuffer);
      expect(wb.worksheets.map((w) => w.name)).toEqual(['按区域', '按城乡', '按人群', '图表数据', '说明']);
      expect(wb.getWorksheet('按区域')!.getRow(2).getCell(2).value).toBe(3);
    });
  });

  describe('campaigns', () => {
    it('links quizzes, shows active campaigns to residents, and measures progress and pre/post uplift', async () => {
      const admin = await t.staffToken('region_yc');
      const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
      const campaign = await t.post(
        '/api/v1/admin/campaigns',
        {
          title: '5·25 心理健康宣传月',
          startsOn: today,
          endsOn: today,
          regionId: await t.regionId(REGION.district),
          targets: { awareness_rate: 0.7, participants: 4, article_reads: 10 },
          articleIds: [],
        },
        admin,
      );
      expect(campaign.status).toBe(201);
      const pre = await t.post(
        '/api/v1/admin/quizzes',
        {
          title: '讲座前测',
          kind: 'pre_test',
          regionId: await t.regionId(REGION.district),
          pointsPerItem: 10,
          passMark: 0.8,
          draw: { mode: 'fixed', questionIds: ['kp01-01', 'kp02-01', 'kp03-01', 'kp04-01', 'kp05-01'] },
          campaignId: campaign.body.id,
        },
        admin,
      );
      expect(pre.status).toBe(201);
      const post = await t.post(
        '/api/v1/admin/quizzes',
        {
          title: '讲座后测',
          kind: 'post_test',
          regionId: await t.regionId(REGION.district),
          pointsPerItem: 10,
          passMark: 0.8,
          draw: { mode: 'fixed', questionIds: ['kp01-01', 'kp02-01', 'kp03-01', 'kp04-01', 'kp05-01'] },
          campaignId: campaign.body.id,
          pairedQuizId: pre.body.id,
        },
        admin,
      );
      expect(post.status).toBe(201);
      for (const id of [pre.body.id, post.body.id]) expect((await t.post(`/api/v1/admin/quizzes/${id}/publish`, undefined, admin)).status).toBe(200);

      const resident = await t.residentToken('resident-campaign');
      await t.patch('/api/v1/me', await demographics(), resident);
      const active = await t.get('/api/v1/campaigns', resident);
      expect(active.body).toEqual([
        expect.objectContaining({ title: '5·25 心理健康宣传月', quizzes: expect.arrayContaining([expect.objectContaining({ id: pre.body.id })]) }),
      ]);
      // Pre- and post-tests stay open without an account.
      for (const [quiz, right, token] of [
        [pre.body.id, 2, resident],
        [post.body.id, 5, resident],
        [pre.body.id, 3, undefined],
        [post.body.id, 4, undefined],
      ] as const) {
        expect((await answer(quiz, right, { token, anonymous: !token })).status).toBe(201);
      }
      const uplift = await t.get(`/api/v1/admin/awareness/uplift?postQuizId=${post.body.id}`, admin);
      expect(uplift.status).toBe(200);
      expect(uplift.body.unpaired.post.passRate).toBe(1);
      expect(uplift.body.paired).toMatchObject({ pairs: 1 });

      const dashboard = await t.get(`/api/v1/admin/campaigns/${campaign.body.id}/dashboard`, admin);
      const progress = Object.fromEntries(dashboard.body.progress.map((p: { kind: string }) => [p.kind, p]));
      expect(progress.participants).toMatchObject({ target: 4, actual: 4, progress: 1 });
      expect(progress.events_held).toMatchObject({ actual: 0, note: expect.stringContaining('已结束') });
      expect(progress.awareness_rate).toMatchObject({ target: 0.7, actual: 0.5 });
      expect(dashboard.body.daily).toEqual([{ date: today, respondents: 4 }]);

      const elsewhere = await t.staffToken('organiser_sl');
      expect((await t.get(`/api/v1/admin/campaigns/${campaign.body.id}`, elsewhere)).status).toBe(404);
      expect(
        (
          await t.post(
            '/api/v1/admin/campaigns',
            { title: 'x', startsOn: today, endsOn: '2000-01-01', regionId: await t.regionId(REGION.streetA), targets: {} },
            elsewhere,
          )
        ).body.message,
      ).toBe('结束日期不能早于开始日期');
    });
  });
});
