import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { CACHE_BUS, type CacheBus } from '../src/common/cache/cache.service';
import { alongside, closedPort, describeWithRedis, eventually, REDIS_URL, uniquePrefix } from './support/redis';
import { TcpProxy } from './support/tcp-proxy';
import { REGION, TestApp } from './support/test-app';
import { TEST_DB } from './support/test-db';

const titles = (body: { items: { title: string }[] }) => body.items.map((a) => a.title);

async function get(app: NestFastifyApplication, url: string): Promise<{ status: number; body: { items: { title: string }[] } }> {
  const res = await app.getHttpAdapter().getInstance().inject({ method: 'GET', url });
  return { status: res.statusCode, body: res.json() };
}

describeWithRedis(`the cache of public reads across two instances sharing Redis, on ${TEST_DB}`, () => {
  const prefix = uniquePrefix();
  let a: TestApp;
  let b: NestFastifyApplication;
  let alone: NestFastifyApplication;
  let proxy: TcpProxy;
  let editor: string;
  let streetA: number;
  const url = () => `/api/v1/articles?regionId=${streetA}`;
  const input = (title: string) => ({ title, summary: '摘要', category: 'emotion', audiences: [], regionId: streetA, body: '<p>正文</p>' });
  const live = (app: NestFastifyApplication) => app.get<CacheBus>(CACHE_BUS).live;

  beforeAll(async () => {
    a = await TestApp.start({ REDIS_URL, REDIS_PREFIX: prefix, JOB_POLL_MS: '60000' });
    // B reaches Redis through a proxy, so a test can cut it off as a network failure would.
    proxy = await new TcpProxy('127.0.0.1', 6379).start();
    b = await alongside(a, { REDIS_URL: `redis://127.0.0.1:${proxy.port}` });
    // The control: an instance without Redis keeps its stale copy, which shows B's answer really came from its cache.
    alone = await alongside(a, { REDIS_URL: undefined });
    // Until subscribed an instance does not cache at all; the test is about what a subscribed one caches.
    const subscribed = await eventually(
      async () => live(a.app) && live(b),
      (live) => live,
    );
    expect(subscribed).toBe(true);
    editor = await a.staffToken('region_yc');
    streetA = await a.regionId(REGION.streetA);
  });
  afterAll(async () => {
    await Promise.all([b?.close(), alone?.close()]);
    await Promise.all([a?.stop(), proxy?.stop()]);
  });

  it('shows a publish and an edit made on instance A on instance B’s next reads', async () => {
    const created = await a.post('/api/v1/admin/articles', input('双实例发布'), editor);
    expect(created.status).toBe(201);
    const id = created.body.id as number;

    // B and the lone instance cache the list without the draft.
    for (const app of [b, alone]) for (let i = 0; i < 2; i++) expect(titles((await get(app, url())).body)).not.toContain('双实例发布');

    expect((await a.post(`/api/v1/admin/articles/${id}/publish`, undefined, editor)).status).toBe(200);
    const published = await eventually(
      () => get(b, url()),
      (r) => titles(r.body).includes('双实例发布'),
    );
    expect(titles(published.body)).toContain('双实例发布');
    expect(titles((await get(alone, url())).body)).not.toContain('双实例发布');

    expect((await a.put(`/api/v1/admin/articles/${id}`, input('双实例改名'), editor)).status).toBe(200);
    const edited = await eventually(
      () => get(b, `/api/v1/articles/${id}`),
      (r) => (r.body as unknown as { title: string }).title === '双实例改名',
    );
    expect((edited.body as unknown as { title: string }).title).toBe('双实例改名');
  });

  it('reads from the database while an instance cannot hear Redis, and drops what it cached once it hears it again', async () => {
    const id = (await a.post('/api/v1/admin/articles', input('断线期间发布'), editor)).body.id as number;
    expect(titles((await get(b, url())).body)).not.toContain('断线期间发布');

    proxy.cutOff();
    expect(
      await eventually(
        async () => live(b),
        (l) => !l,
      ),
    ).toBe(false);
    // Published while B hears nothing: B answers from the database, not from its copy.
    expect((await a.post(`/api/v1/admin/articles/${id}/publish`, undefined, editor)).status).toBe(200);
    expect(titles((await get(b, url())).body)).toContain('断线期间发布');

    proxy.restore();
    expect(
      await eventually(
        async () => live(b),
        (l) => l,
      ),
    ).toBe(true);
    expect(titles((await get(b, url())).body)).toContain('断线期间发布');
    await a.post(`/api/v1/admin/articles/${id}/unpublish`, undefined, editor);
    const unpublished = await eventually(
      () => get(b, url()),
      (r) => !titles(r.body).includes('断线期间发布'),
    );
    expect(titles(unpublished.body)).not.toContain('断线期间发布');
  });

  it('refuses on instance B, at once, the token of a resident deleted through instance A, which B had kept', async () => {
    const token = await a.residentToken('two-instances');
    const onB = () =>
      b
        .getHttpAdapter()
        .getInstance()
        .inject({ method: 'GET', url: '/api/v1/me/responses', headers: { authorization: `Bearer ${token}` } });
    expect((await onB()).statusCode).toBe(200);
    expect((await a.delete('/api/v1/me', token)).status).toBe(204);
    // B keeps accounts for RESIDENT_AUTH_CACHE_SECONDS (30 s): only the message over Redis can refuse it this soon.
    const refused = await eventually(onB, (r) => r.statusCode === 401);
    expect(refused.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});

describe(`writes with Redis unreachable, on ${TEST_DB}`, () => {
  let t: TestApp;
  beforeAll(async () => (t = await TestApp.start({ REDIS_URL: `redis://127.0.0.1:${await closedPort()}`, JOB_POLL_MS: '60000' })));
  afterAll(() => t?.stop());

  it('commits a publish and shows it on the next read, reading from the database while Redis is away', async () => {
    const editor = await t.staffToken('region_yc');
    const streetA = await t.regionId(REGION.streetA);
    const url = `/api/v1/articles?regionId=${streetA}`;
    expect(titles((await t.get(url)).body)).not.toContain('无 Redis 也能发布');
    const created = await t.post(
      '/api/v1/admin/articles',
      { title: '无 Redis 也能发布', summary: '摘要', category: 'emotion', audiences: [], regionId: streetA, body: '<p>正文</p>' },
      editor,
    );
    expect(created.status).toBe(201);
    expect((await t.post(`/api/v1/admin/articles/${created.body.id}/publish`, undefined, editor)).status).toBe(200);
    expect(titles((await t.get(url)).body)).toContain('无 Redis 也能发布');
    expect(t.app.get<CacheBus>(CACHE_BUS).live).toBe(false);
  });
});
