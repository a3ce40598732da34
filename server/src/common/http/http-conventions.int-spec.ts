import { TestApp } from '../../../test/support/test-app';
import { TEST_DB } from '../../../test/support/test-db';
import { multipart, PNG } from '../../../test/support/multipart';

describe(`HTTP conventions on ${TEST_DB}`, () => {
  let t: TestApp;
  beforeAll(async () => (t = await TestApp.start({ UPLOAD_MAX_BYTES: '2048' })));
  afterAll(() => t.stop());

  it('reports health including the database', async () => {
    const res = await t.get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok', info: { database: { status: 'up' } } });
  });

  it('publishes OpenAPI with the documented paths', async () => {
    const res = await t.get('/api/docs-json');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/articles',
        '/api/v1/articles/{id}',
        '/api/v1/auth/staff/login',
        '/api/v1/auth/wechat/login',
        '/api/v1/admin/articles',
        '/api/health',
      ]),
    );
  });

  it('answers unknown routes with the error shape', async () => {
    const res = await t.get('/api/v1/nothing-here');
    expect(res.body).toEqual({ statusCode: 404, code: 'NOT_FOUND', message: '请求的资源不存在' });
  });

  it('tags each answer with a request id, honouring the caller one', async () => {
    const res = await t.request('GET', '/api/v1/articles', { headers: { 'x-request-id': 'trace-123' } });
    expect(res.headers['x-request-id']).toBe('trace-123');
    expect((await t.get('/api/v1/articles')).headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  describe('uploads', () => {
    it('stores a real image and serves it back', async () => {
      const editor = await t.staffToken('editor_sl');
      const { body, headers } = multipart('file', 'a.png', 'image/png', PNG);
      const res = await t.request('POST', '/api/v1/admin/uploads', { token: editor, body, headers });
      expect(res.status).toBe(201);
      expect(res.body.url).toMatch(/^\/uploads\/[0-9a-f-]+\.png$/);
      const served = await t.get(res.body.url);
      expect(served.status).toBe(200);
      expect(served.headers['x-content-type-options']).toBe('nosniff');
    });

    it('refuses a script posing as an image, an oversized file and anonymous callers', async () => {
      const editor = await t.staffToken('editor_sl');
      const svg = multipart('file', 'a.png', 'image/png', Buffer.from('<svg onload="alert(1)"></svg>'));
      expect((await t.request('POST', '/api/v1/admin/uploads', { token: editor, ...svg })).body).toMatchObject({
        statusCode: 415,
        code: 'UNSUPPORTED_MEDIA_TYPE',
      });
      const big = multipart('file', 'b.png', 'image/png', Buffer.concat([PNG, Buffer.alloc(4096)]));
      expect((await t.request('POST', '/api/v1/admin/uploads', { token: editor, ...big })).body).toMatchObject({ statusCode: 413, code: 'PAYLOAD_TOO_LARGE' });
      const anon = multipart('file', 'a.png', 'image/png', PNG);
      expect((await t.request('POST', '/api/v1/admin/uploads', anon)).status).toBe(401);
    });
  });
});
