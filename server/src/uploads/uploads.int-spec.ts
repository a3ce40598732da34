import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import { FakeS3 } from '../../test/support/fake-s3';
import { multipart, PNG } from '../../test/support/multipart';
import { TestApp } from '../../test/support/test-app';
import { TEST_DB } from '../../test/support/test-db';

const IMMUTABLE = 'public, max-age=31536000, immutable';

async function upload(t: TestApp, image = PNG) {
  const editor = await t.staffToken('editor_sl');
  return t.request('POST', '/api/v1/admin/uploads', { token: editor, ...multipart('file', 'a.png', 'image/png', image) });
}

describe.each(['local', 's3'] as const)(`uploads on the %s driver on ${TEST_DB}`, (driver) => {
  let s3: FakeS3;
  let t: TestApp;
  beforeAll(async () => {
    s3 = await new FakeS3().start();
    t = await TestApp.start(driver === 's3' ? s3.env() : {});
  });
  afterAll(async () => {
    await t.stop();
    await s3.stop();
  });

  it('stores an uploaded image and serves the same bytes back, typed, tagged and cacheable for good', async () => {
    const res = await upload(t);
    expect(res.status).toBe(201);
    expect(res.body.url).toMatch(/^\/uploads\/[0-9a-f-]{36}\.png$/);
    const name = res.body.url.slice('/uploads/'.length);

    const served = await t.get(res.body.url);
    expect(served.status).toBe(200);
    expect(served.raw.equals(PNG)).toBe(true);
    expect(served.headers).toMatchObject({
      'content-type': 'image/png',
      'content-length': String(PNG.length),
      'cache-control': IMMUTABLE,
      'x-content-type-options': 'nosniff',
    });
    expect(served.headers.etag).toMatch(/^"[^"]+"$/);

    // Where it went: the bucket on s3 (nothing on the local disk), the upload directory otherwise.
    const onDisk = join(t.config.UPLOAD_DIR, name);
    if (driver === 's3') {
      expect(s3.objects.get(name)).toMatchObject({ contentType: 'image/png', cacheControl: IMMUTABLE });
      expect(s3.objects.get(name)!.body.equals(PNG)).toBe(true);
      expect(existsSync(onDisk)).toBe(false);
    } else {
      expect(readFileSync(onDisk).equals(PNG)).toBe(true);
      expect(s3.objects.size).toBe(0);
    }
  });

  it('answers a revalidation with 304 and HEAD without the body, asking the store for no bytes', async () => {
    const { url } = (await upload(t)).body;
    const etag = String((await t.get(url)).headers.etag);
    s3.requests.length = 0;

    const fresh = await t.request('GET', url, { headers: { 'if-none-match': etag } });
    expect(fresh.status).toBe(304);
    expect(fresh.raw.length).toBe(0);
    expect(fresh.headers.etag).toBe(etag);
    const head = await t.request('HEAD' as 'GET', url);
    expect(head.status).toBe(200);
    expect(head.headers).toMatchObject({ 'content-type': 'image/png', 'content-length': String(PNG.length), etag });
    expect(head.raw.length).toBe(0);
    if (driver === 's3') expect(s3.requests.every((r) => r.startsWith('HEAD '))).toBe(true);

    const changed = await t.request('GET', url, { headers: { 'if-none-match': '"something-else"' } });
    expect(changed.status).toBe(200);
    expect(changed.raw.equals(PNG)).toBe(true);
  });

  it('answers 404 in the error shape for unknown images and for names that would leave the store', async () => {
    for (const url of ['/uploads/00000000-0000-0000-0000-000000000000.png', '/uploads/%2e%2e/package.json', '/uploads/.hidden', '/uploads/a/../../x.png']) {
      const res = await t.get(url);
      expect({ url, status: res.status, code: res.body.code }).toEqual({ url, status: 404, code: 'NOT_FOUND' });
    }
  });

  it('still refuses what is not an image, storing nothing', async () => {
    const before = s3.objects.size;
    const res = await upload(t, Buffer.from('<svg onload="alert(1)"></svg>'));
    expect(res.body).toMatchObject({ statusCode: 415, code: 'UNSUPPORTED_MEDIA_TYPE' });
    expect(s3.objects.size).toBe(before);
  });
});

describe(`uploads on an S3-compatible store shared by two instances on ${TEST_DB}`, () => {
  let s3: FakeS3;
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    s3 = await new FakeS3().start();
    const env = { ...s3.env(), S3_TIMEOUT_MS: '300' };
    [a, b] = await Promise.all([TestApp.start(env), TestApp.start(env)]);
  });
  afterAll(async () => {
    await Promise.all([a.stop(), b.stop()]);
    await s3.stop();
  });

  it('serves from one instance what was uploaded through the other', async () => {
    const { url } = (await upload(a)).body;
    const served = await b.get(url);
    expect(served.status).toBe(200);
    expect(served.raw.equals(PNG)).toBe(true);
  });

  it('answers 503 STORAGE_UNAVAILABLE while the store is down, records the upload as failed, and recovers by itself', async () => {
    const { url } = (await upload(a)).body;
    const port = s3.port;
    await s3.stop();
    try {
      const refused = await upload(a);
      expect(refused.body).toEqual({ statusCode: 503, code: 'STORAGE_UNAVAILABLE', message: '图片存储暂时不可用，请稍后再试' });
      expect(refused.headers['retry-after']).toBe('5');
      const audit = await a.dataSource.query(`SELECT action, outcome, statusCode FROM audit_logs WHERE requestId = ?`, [refused.headers['x-request-id']]);
      expect(audit).toEqual([{ action: 'upload.create', outcome: 'failure', statusCode: 503 }]);
      const image = await b.get(url);
      expect(image.body).toMatchObject({ statusCode: 503, code: 'STORAGE_UNAVAILABLE' });
      expect(image.headers['retry-after']).toBe('5');
    } finally {
      await s3.start(port);
    }
    expect((await upload(a)).status).toBe(201);
    expect((await b.get(url)).raw.equals(PNG)).toBe(true);
  });

  it('answers 503 rather than waiting on a store that accepts requests and never answers', async () => {
    const { url } = (await upload(a)).body;
    s3.stalled = true;
    try {
      expect((await upload(a)).body).toMatchObject({ statusCode: 503, code: 'STORAGE_UNAVAILABLE' });
      expect((await b.get(url)).body).toMatchObject({ statusCode: 503, code: 'STORAGE_UNAVAILABLE' });
    } finally {
      s3.stalled = false;
    }
    expect((await b.get(url)).raw.equals(PNG)).toBe(true);
  });

  it('answers 503 when the store refuses the signature (a rotated secret), storing nothing', async () => {
    const before = s3.objects.size;
    const secret = s3.secretAccessKey;
    s3.secretAccessKey = 'rotated-secret';
    try {
      expect((await upload(a)).body).toMatchObject({ statusCode: 503, code: 'STORAGE_UNAVAILABLE' });
    } finally {
      s3.secretAccessKey = secret;
    }
    expect(s3.objects.size).toBe(before);
  });
});
