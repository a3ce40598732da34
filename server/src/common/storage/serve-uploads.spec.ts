import Fastify, { type FastifyInstance } from 'fastify';
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { LocalFileStore } from './local-file-store';
import { registerUploadRoutes } from './serve-uploads';

describe('GET /uploads/<key>', () => {
  let dir: string;
  let store: LocalFileStore;
  const apps: FastifyInstance[] = [];
  const serve = async (publicBaseUrl?: string) => {
    const app = Fastify();
    registerUploadRoutes(app, store, publicBaseUrl);
    apps.push(app);
    await app.ready();
    return app;
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'xq-serve-'));
    store = new LocalFileStore(dir);
    await store.put('a.webp', Buffer.from('RIFF0000WEBP'));
    await store.put('legacy/b.html', Buffer.from('<script>alert(1)</script>'));
  });
  afterAll(async () => {
    await Promise.all(apps.map((a) => a.close()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers 304 to any form of the entity tag a cache may send back', async () => {
    const app = await serve();
    const etag = (await app.inject('/uploads/a.webp')).headers.etag as string;
    for (const ifNoneMatch of [etag, `W/${etag}`, `"x", ${etag}`, '*']) {
      expect((await app.inject({ url: '/uploads/a.webp', headers: { 'if-none-match': ifNoneMatch } })).statusCode).toBe(304);
    }
    expect((await app.inject({ url: '/uploads/a.webp', headers: { 'if-none-match': '"x"' } })).statusCode).toBe(200);
  });

  it('types a file by its extension only: what is not an image is an opaque download the browser does not sniff', async () => {
    const app = await serve();
    expect((await app.inject('/uploads/a.webp')).headers['content-type']).toBe('image/webp');
    const other = await app.inject('/uploads/legacy/b.html');
    expect(other.headers).toMatchObject({ 'content-type': 'application/octet-stream', 'x-content-type-options': 'nosniff' });
  });

  it('redirects to the public base URL when one is set, without touching the store', async () => {
    const app = await serve('https://img.example.cn/uploads');
    const res = await app.inject('/uploads/missing-here.png');
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('https://img.example.cn/uploads/missing-here.png');
    expect((await app.inject('/uploads/.partial')).statusCode).toBe(404);
  });
});
