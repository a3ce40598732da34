import { randomUUID } from 'crypto';
import { eventInput } from '../../../test/support/events';
import { REGION, TestApp } from '../../../test/support/test-app';
import { TEST_DB } from '../../../test/support/test-db';
import { nestedJson } from '../../../test/fuzz/fuzzer';
import { MAX_JSON_DEPTH } from './json-body';
import { CONNECTION_TIMEOUT_MS, HEADERS_TIMEOUT_MS, KEEP_ALIVE_TIMEOUT_MS, REQUEST_TIMEOUT_MS } from './timeouts';

/** One case per kind of bad input the fuzz test (test/fuzz) found answered with a 5xx or without the error shape. */
describe(`bad input is a 4xx naming the problem on ${TEST_DB}`, () => {
  let t: TestApp;
  beforeAll(async () => (t = await TestApp.start()));
  afterAll(() => t.stop());

  const json = (method: 'POST' | 'PUT' | 'PATCH', url: string, text: string, token?: string) =>
    t.request(method, url, { token, body: text, headers: { 'content-type': 'application/json' } });

  it('refuses JSON nested deeper than the limit before parsing it (100,000 levels overflowed the stack)', async () => {
    const deep = await json('POST', '/api/v1/auth/dev/login', nestedJson(100_000));
    expect(deep.body).toEqual({ statusCode: 400, code: 'BAD_REQUEST', message: `请求体嵌套层级过深（最多 ${MAX_JSON_DEPTH} 层）` });
    // Brackets inside strings do not count.
    const quoted = await json('POST', '/api/v1/auth/dev/login', JSON.stringify({ openid: 'fuzz-brackets', x: '['.repeat(1000) }));
    expect(quoted.body.message).toContain('不允许提交字段 x');
  });

  it('refuses a body that is not a JSON object where the route takes one', async () => {
    const resident = await t.residentToken('bad-input-body');
    for (const text of ['null', '[]', '[{"nickname":"a"}]', '"abc"', '42', 'true']) {
      const res = await json('PATCH', '/api/v1/me', text, resident);
      expect({ text, body: res.body }).toEqual({ text, body: { statusCode: 400, code: 'VALIDATION_FAILED', message: '请求体必须是 JSON 对象' } });
    }
    // No body at all is an empty object: the DTO names what is missing.
    const login = await t.request('POST', '/api/v1/auth/staff/login', { headers: { 'content-type': 'application/json' } });
    expect(login.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED', message: '请求参数有误：用户名不能为空；密码不能为空' });
    // Actions without a body still take none.
    const editor = await t.staffToken('editor_sl');
    const article = (await t.get('/api/v1/admin/articles?status=published', editor)).body.items[0];
    expect(
      (await t.request('POST', `/api/v1/admin/articles/${article.id}/unpublish`, { token: editor, headers: { 'content-type': 'application/json' } })).status,
    ).toBe(200);
  });

  it('bounds the page: page=1e300 is an integer to JavaScript but no OFFSET to SQL', async () => {
    for (const page of ['1e300', '9007199254740993', '10001']) {
      const res = await t.get(`/api/v1/articles?page=${page}`);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', message: '请求参数有误：页码不能大于 10000' });
    }
    expect((await t.get('/api/v1/articles?page=10000')).body.items).toEqual([]);
  });

  it('takes path ids from 1 to 2^31-1 only, as plain decimals', async () => {
    for (const id of ['2147483648', '9007199254740993', '0', '-1', '1e3', '01', '1.5']) {
      const res = await t.get(`/api/v1/articles/${id}`);
      expect({ id, body: res.body }).toEqual({
        id,
        body: { statusCode: 400, code: 'VALIDATION_FAILED', message: '路径参数 id 必须是 1 到 2147483647 之间的整数' },
      });
    }
    expect((await t.get('/api/v1/articles/2147483647')).status).toBe(404);
  });

  it('bounds numbers in bodies and queries to what the columns hold (MySQL refused 2^31 with a 500)', async () => {
    const admin = await t.staffToken('region_yc');
    const hotline = {
      name: '社区心理热线',
      number: '023-49880000',
      hours: '9:00-17:00',
      is24h: false,
      audiences: ['all'],
      regionId: await t.regionId(REGION.communityA1),
    };
    const big = await t.post('/api/v1/admin/hotlines', { ...hotline, sortOrder: 2 ** 31 }, admin);
    expect(big.status).toBe(400);
    expect(big.body.message).toBe('请求参数有误：排序不能大于 100000');
    const region = await t.post('/api/v1/admin/hotlines', { ...hotline, regionId: 2 ** 31 }, admin);
    expect(region.body.message).toBe('请求参数有误：所属区域不能大于 2147483647');
    const query = await t.get(`/api/v1/admin/staff?regionId=${2 ** 31}`, admin);
    expect(query.body.message).toBe('请求参数有误：区域不能大于 2147483647');
  });

  it('refuses null for a field that cannot be empty (it reached a NOT NULL column), and still clears nullable ones', async () => {
    const admin = await t.staffToken('region_yc');
    const { items } = (await t.get('/api/v1/admin/staff?keyword=checkin_sl', admin)).body;
    const res = await t.patch(`/api/v1/admin/staff/${items[0].id}`, { disabled: null }, admin);
    expect(res.status).toBe(400);
    expect(res.body.message).toBe('请求参数有误：停用必须是 true 或 false');
    const community = await t.regionId(REGION.communityA1);
    const cleared = await t.patch(`/api/v1/admin/regions/${community}`, { population: null, urbanPopulation: null }, admin);
    expect(cleared.status).toBe(200);
    expect(cleared.body).toMatchObject({ population: null, urbanPopulation: null });
  });

  it('requires a field that a create DTO needs even where the edit DTO may omit it (a region without a name reached the NOT NULL column)', async () => {
    const admin = await t.staffToken('region_yc');
    const res = await t.post('/api/v1/admin/regions', { parentId: await t.regionId(REGION.streetA) }, admin);
    expect(res.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED', message: '请求参数有误：区域名称不能为空' });
  });

  it('checks nested objects as objects and names list items in Chinese', async () => {
    const organiser = await t.staffToken('organiser_sl');
    const input = eventInput(await t.regionId(REGION.communityA1));
    const venue = await t.post('/api/v1/admin/events', { ...input, venue: [] }, organiser);
    expect(venue.status).toBe(400);
    expect(venue.body.message).toBe('请求参数有误：场地必须是对象');
    const speakers = await t.post('/api/v1/admin/events', { ...input, speakers: ['李老师'] }, organiser);
    expect(speakers.body.message).toBe('请求参数有误：主讲人第 1 项必须是对象');
    const date = await t.post('/api/v1/admin/events', { ...input, signupOpensAt: 'soon' }, organiser);
    expect(date.body.message).toBe('请求参数有误：报名开始时间必须是 ISO 8601 日期时间');
  });

  it('refuses a quiz answer that is not option keys, naming the question', async () => {
    const admin = await t.staffToken('region_yc');
    const day = 86_400_000;
    const quiz = await t.post(
      '/api/v1/admin/quizzes',
      {
        title: '练习',
        kind: 'practice',
        regionId: await t.regionId(REGION.district),
        pointsPerItem: 5,
        passMark: 0.6,
        draw: { mode: 'random', perPoint: 1 },
        opensAt: new Date(Date.now() - day).toISOString(),
        closesAt: new Date(Date.now() + day).toISOString(),
      },
      admin,
    );
    expect((await t.post(`/api/v1/admin/quizzes/${quiz.body.id}/publish`, undefined, admin)).status).toBe(200);
    const paper = (await t.get(`/api/v1/quizzes/${quiz.body.id}`)).body;
    const answers = Object.fromEntries(paper.questions.map((q: { code: string; options: { key: string }[] }) => [q.code, q.options[0].key]));
    for (const bad of [42, { A: true }, [1], null]) {
      const res = await t.post(`/api/v1/quizzes/${quiz.body.id}/attempts`, {
        answers: { ...answers, [paper.questions[1].code]: bad },
        clientRequestId: randomUUID(),
      });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 'INVALID_ANSWERS', details: { questionCode: paper.questions[1].code } });
      expect(res.body.message).toMatch(/^第 2 题/);
    }
  });

  it('answers a malformed multipart upload with a 400', async () => {
    const editor = await t.staffToken('editor_sl');
    for (const url of ['/api/v1/admin/uploads', '/api/v1/admin/questions/import']) {
      const noBoundary = await t.request('POST', url, { token: editor, body: 'not multipart at all', headers: { 'content-type': 'multipart/form-data' } });
      expect({ url, body: noBoundary.body }).toEqual({
        url,
        body: { statusCode: 400, code: 'BAD_REQUEST', message: '上传的内容不是完整的 multipart/form-data' },
      });
      const noParts = await t.request('POST', url, {
        token: editor,
        body: 'not multipart at all',
        headers: { 'content-type': 'multipart/form-data; boundary=x' },
      });
      expect(noParts.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED', message: expect.stringContaining('请在字段 file 中上传') });
    }
  });

  it('gives what the router refuses (an over-long path parameter, broken percent-encoding) the error shape', async () => {
    expect((await t.get(`/api/v1/articles/${'9'.repeat(400)}`)).body).toEqual({ statusCode: 414, code: 'BAD_REQUEST', message: '请求地址过长' });
    expect((await t.get('/api/v1/articles/%E0%A4%A')).body).toEqual({ statusCode: 400, code: 'BAD_REQUEST', message: '请求格式有误' });
  });

  it('refuses a query flag that is neither true nor false instead of reading it as false', async () => {
    const counsellor = await t.staffToken('counsellor_sl');
    const res = await t.get('/api/v1/admin/alerts?overdue=yes', counsellor);
    expect(res.status).toBe(400);
    expect(res.body.message).toBe('请求参数有误：只看超时必须是 true 或 false');
  });

  it('limits how long a client may take to send its request', () => {
    const server = t.app.getHttpServer();
    expect({ headers: server.headersTimeout, request: server.requestTimeout, idle: server.timeout, keepAlive: server.keepAliveTimeout }).toEqual({
      headers: HEADERS_TIMEOUT_MS,
      request: REQUEST_TIMEOUT_MS,
      idle: CONNECTION_TIMEOUT_MS,
      keepAlive: KEEP_ALIVE_TIMEOUT_MS,
    });
  });
});
