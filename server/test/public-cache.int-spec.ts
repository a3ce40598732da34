import { eventInput, publishedEvent, residentIn } from './support/events';
import { REGION, TestApp } from './support/test-app';
import { TEST_DB } from './support/test-db';
import { ArticleViews } from '../src/articles/article-views';

const titles = (body: { items: { title: string }[] }) => body.items.map((a) => a.title);

describe(`cached public reads on ${TEST_DB}`, () => {
  let t: TestApp;
  let admin: string;
  let editor: string;
  let streetA: number;

  beforeAll(async () => (t = await TestApp.start()));
  afterAll(() => t.stop());
  beforeEach(async () => {
    await t.reset();
    [admin, editor] = await Promise.all([t.adminToken(), t.staffToken('region_yc')]);
    streetA = await t.regionId(REGION.streetA);
  });

  const articleInput = (title: string) => ({ title, summary: '摘要', category: 'emotion', audiences: [], regionId: streetA, body: '<p>正文</p>' });
  const article = async (title: string) => (await t.post('/api/v1/admin/articles', articleInput(title), editor)).body.id as number;

  it('shows an article list change on the next request after a publish, an edit and an unpublish', async () => {
    const id = await article('缓存前的标题');
    const url = `/api/v1/articles?regionId=${streetA}`;
    expect(titles((await t.get(url)).body)).not.toContain('缓存前的标题');
    await t.post(`/api/v1/admin/articles/${id}/publish`, undefined, editor);
    expect(titles((await t.get(url)).body)).toContain('缓存前的标题');
    expect((await t.get(`/api/v1/articles/${id}`)).body.title).toBe('缓存前的标题');

    expect((await t.put(`/api/v1/admin/articles/${id}`, articleInput('改过的标题'), editor)).status).toBe(200);
    expect(titles((await t.get(url)).body)).toContain('改过的标题');
    expect((await t.get(`/api/v1/articles/${id}`)).body.title).toBe('改过的标题');

    await t.post(`/api/v1/admin/articles/${id}/unpublish`, undefined, editor);
    expect(titles((await t.get(url)).body)).not.toContain('改过的标题');
    expect((await t.get(`/api/v1/articles/${id}`)).status).toBe(404);
  });

  it('answers 304 to a matching If-None-Match, and a new ETag after a write', async () => {
    const first = await t.get('/api/v1/regions');
    expect(first.status).toBe(200);
    expect(first.headers['cache-control']).toBe('public, max-age=0, must-revalidate');
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^".+"$/);
    const again = await t.request('GET', '/api/v1/regions', { headers: { 'if-none-match': `W/${etag}` } });
    expect(again.status).toBe(304);
    expect(again.raw.length).toBe(0);
    expect(again.headers.etag).toBe(etag);

    const renamed = await t.patch(`/api/v1/admin/regions/${streetA}`, { name: '胜利路街道（新）' }, admin);
    expect(renamed.status).toBe(200);
    const after = await t.request('GET', '/api/v1/regions', { headers: { 'if-none-match': etag } });
    expect(after.status).toBe(200);
    expect(after.headers.etag).not.toBe(etag);
    expect(after.body.find((r: { id: number }) => r.id === streetA).name).toBe('胜利路街道（新）');
  });

  it('keeps each resident’s region-chosen answer to themselves, and marks it private', async () => {
    const a = await article('胜利路专属');
    await t.post(`/api/v1/admin/articles/${a}/publish`, undefined, editor);
    const inA = await residentIn(t, 'cache-a', REGION.communityA1);
    const inB = await residentIn(t, 'cache-b', REGION.communityB1);
    for (let i = 0; i < 2; i++) {
      const mine = await t.get('/api/v1/articles?pageSize=100', inA);
      const theirs = await t.get('/api/v1/articles?pageSize=100', inB);
      expect(titles(mine.body)).toContain('胜利路专属');
      expect(titles(theirs.body)).not.toContain('胜利路专属');
      expect(mine.headers['cache-control']).toBe('private, no-cache');
      expect(mine.headers.vary).toBe('Authorization');
    }
    // A resident who moves gets the answer of their new region at once.
    await t.patch('/api/v1/me', { regionId: await t.regionId(REGION.communityB1) }, inA);
    expect(titles((await t.get('/api/v1/articles?pageSize=100', inA)).body)).not.toContain('胜利路专属');
    // Asked by region, the answer is the same for everyone and may be shared.
    const byRegion = await t.get(`/api/v1/articles?regionId=${streetA}`, inB);
    expect(byRegion.headers['cache-control']).toBe('public, max-age=0, must-revalidate');
    expect(titles(byRegion.body)).toContain('胜利路专属');
  });

  it('shows a new hotline, an edit and a removal on the next request', async () => {
    const url = `/api/v1/hotlines?regionId=${await t.regionId(REGION.communityA1)}`;
    const names = async () => (await t.get(url)).body.map((h: { name: string }) => h.name);
    const input = { name: '缓存测试热线', number: '023-49880000', hours: '24小时', is24h: true, audiences: ['all'], regionId: streetA };
    expect(await names()).not.toContain('缓存测试热线');
    const created = await t.post('/api/v1/admin/hotlines', input, editor);
    expect(await names()).toContain('缓存测试热线');
    await t.put(`/api/v1/admin/hotlines/${created.body.id}`, { ...input, name: '改名的热线' }, editor);
    expect(await names()).toEqual(expect.arrayContaining(['改名的热线']));
    await t.delete(`/api/v1/admin/hotlines/${created.body.id}`, editor);
    expect(await names()).not.toContain('改名的热线');
  });

  it('shows a scale switched off on the next request', async () => {
    const codes = async () => (await t.get('/api/v1/scales')).body.map((s: { code: string }) => s.code);
    expect(await codes()).toContain('gad-7');
    expect((await t.put('/api/v1/admin/scales/gad-7/enabled', { enabled: false }, admin)).status).toBe(200);
    expect(await codes()).not.toContain('gad-7');
  });

  it('shows a published, an edited and a cancelled event on the next request', async () => {
    const organiser = await t.staffToken('organiser_sl');
    const resident = await residentIn(t, 'cache-events');
    const list = async () => titles((await t.get('/api/v1/events?pageSize=100', resident)).body);
    const id = await publishedEvent(t, organiser, { title: '缓存讲座' });
    expect(await list()).toContain('缓存讲座');
    const current = (await t.get(`/api/v1/admin/events/${id}`, organiser)).body;
    const edited = await t.put(
      `/api/v1/admin/events/${id}`,
      eventInput(current.regionId, { title: '改名的讲座', startsAt: current.startsAt, endsAt: current.endsAt }),
      organiser,
    );
    expect(edited.status).toBe(200);
    expect(await list()).toContain('改名的讲座');
    await t.post(`/api/v1/admin/events/${id}/cancel`, { reason: '场地维修' }, organiser);
    expect((await t.get('/api/v1/events?pageSize=100', resident)).body.items.find((e: { id: number }) => e.id === id)?.status ?? 'cancelled').toBe('cancelled');
  });

  it('writes article views in batches, eventually', async () => {
    const id = await article('计数文章');
    await t.post(`/api/v1/admin/articles/${id}/publish`, undefined, editor);
    await Promise.all(Array.from({ length: 7 }, () => t.get(`/api/v1/articles/${id}`)));
    const [{ viewCount: before }] = await t.dataSource.query('SELECT viewCount FROM articles WHERE id = ?', [id]);
    expect(Number(before)).toBe(0);
    await t.app.get(ArticleViews).flush();
    const [{ viewCount }] = await t.dataSource.query('SELECT viewCount FROM articles WHERE id = ?', [id]);
    expect(Number(viewCount)).toBe(7);
    expect((await t.get(`/api/v1/articles/${id}`)).body.viewCount).toBe(7);
  });
});
