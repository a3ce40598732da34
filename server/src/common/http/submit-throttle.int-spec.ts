import { getBuiltInScale, SCALE_CONSENT_VERSION } from '@xinqiao/shared';
import { randomUUID } from 'crypto';
import { REGION, TestApp } from '../../../test/support/test-app';
import { TEST_DB } from '../../../test/support/test-db';

const GAD7 = getBuiltInScale('gad-7')!;

describe(`limits on submissions per resident and per IP on ${TEST_DB}`, () => {
  let t: TestApp;
  beforeAll(async () => (t = await TestApp.start({ SUBMIT_RATE_PER_HOUR: '3', ANON_SUBMIT_RATE_PER_HOUR: '4' })));
  afterAll(() => t.stop());

  const result = (mode: 'save' | 'anonymous', token?: string) =>
    t.post(
      '/api/v1/scales/gad-7/responses',
      {
        scaleVersion: GAD7.version,
        answers: Object.fromEntries(GAD7.items.map((i) => [i.id, 0])),
        consent: { mode, followUp: false, version: SCALE_CONSENT_VERSION },
        clientRequestId: randomUUID(),
      },
      token,
    );

  it('answers 429 RATE_LIMITED in Chinese past the limit, counting a resident’s results and quiz answers together', async () => {
    const admin = await t.staffToken('region_yc');
    const quiz = await t.post(
      '/api/v1/admin/quizzes',
      {
        title: '心理健康知识练习',
        kind: 'practice',
        regionId: await t.regionId(REGION.district),
        pointsPerItem: 10,
        passMark: 0.8,
        draw: { mode: 'fixed', questionIds: ['kp01-01'] },
      },
      admin,
    );
    expect((await t.post(`/api/v1/admin/quizzes/${quiz.body.id}/publish`, undefined, admin)).status).toBe(200);
    const practise = (token?: string) =>
      t.post(`/api/v1/quizzes/${quiz.body.id}/attempts`, { answers: { 'kp01-01': ['T'] }, clientRequestId: randomUUID() }, token);

    const resident = await t.residentToken('busy');
    expect((await result('save', resident)).status).toBe(201);
    expect((await practise(resident)).status).toBe(201);
    expect((await result('anonymous', resident)).status).toBe(201);
    const refused = await result('save', resident);
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({ statusCode: 429, code: 'RATE_LIMITED', message: expect.stringMatching(/^提交过于频繁，请 \d+ 分钟后再试$/) });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect((await practise(resident)).status).toBe(429);
    expect(Number((await t.dataSource.query('SELECT COUNT(*) AS n FROM scale_responses'))[0].n)).toBe(2);

    // Another resident has a count of their own; without sign-in the client's IP is counted.
    expect((await result('save', await t.residentToken('calm'))).status).toBe(201);
    for (let i = 0; i < 4; i++) expect((await (i % 2 ? practise() : result('anonymous'))).status).toBe(201);
    expect((await practise()).status).toBe(429);
    // Reading is not limited by it.
    expect((await t.get(`/api/v1/quizzes/${quiz.body.id}`)).status).toBe(200);
  });
});
