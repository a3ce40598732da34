import { ArticleViews } from './article-views';
import { eventInput } from '../../test/support/events';
import { REGION, TestApp } from '../../test/support/test-app';
import { TEST_DB } from '../../test/support/test-db';

const input = (regionId: number, over: Record<string, unknown> = {}) => ({
  title: '适量运动有益于情绪健康',
  summary: '每周 150 分钟中等强度运动。',
  category: 'emotion',
  audiences: ['employee'],
  regionId,
  body: '<p>快走、慢跑、游泳都可以。</p>',
  source: '心理健康素养十条',
  ...over,
});

describe(`articles on ${TEST_DB}`, () => {
  let t: TestApp;
  let editorA: string; // 胜利路街道
  let editorB: string; // 中山路街道
  let streetA: number;
  let streetB: number;

  beforeAll(async () => (t = await TestApp.start({ CONTENT_IMAGE_HOSTS: 'img.example.gov.cn' })));
  afterAll(() => t.stop());
  beforeEach(async () => {
    await t.reset();
    [editorA, editorB] = await Promise.all([t.staffToken('editor_sl'), t.staffToken('editor_zx')]);
    [streetA, streetB] = await Promise.all([t.regionId(REGION.streetA), t.regionId(REGION.streetB)]);
  });

  it('goes from draft to published and is read by residents, counting views', async () => {
    const created = await t.post('/api/v1/admin/articles', input(streetA), editorA);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'draft', version: 1, regionName: '胜利路街道', authorName: '胜利路街道宣传员' });
    const id = created.body.id;
    expect((await t.get(`/api/v1/articles/${id}`)).status).toBe(404);

    const published = await t.post(`/api/v1/admin/articles/${id}/publish`, undefined, editorA);
    expect(published.status).toBe(200);
    expect(published.body.status).toBe('published');

    const list = await t.get(`/api/v1/articles?category=emotion&regionId=${await t.regionId(REGION.communityA1)}`);
    expect(list.body.items.map((a: { id: number }) => a.id)).toContain(id);
    expect(list.body.items[0]).not.toHaveProperty('body');
    expect(list.body).toMatchObject({ page: 1, pageSize: 20 });

    const read = await t.get(`/api/v1/articles/${id}`);
    expect(read.body).toMatchObject({ title: '适量运动有益于情绪健康', body: '<p>快走、慢跑、游泳都可以。</p>', viewCount: 0 });
    // Views are added up in memory and written in batches; a flush writes them and the next read shows them.
    await Promise.all([t.get(`/api/v1/articles/${id}`), t.get(`/api/v1/articles/${id}`), t.get(`/api/v1/articles/${id}`)]);
    expect((await t.get(`/api/v1/articles/${id}`)).body.viewCount).toBe(0);
    await t.app.get(ArticleViews).flush();
    expect((await t.get(`/api/v1/articles/${id}`)).body.viewCount).toBe(5);
    await t.app.get(ArticleViews).flush();
    expect((await t.get(`/api/v1/articles?regionId=${streetA}`)).body.items.find((a: { id: number }) => a.id === id).viewCount).toBe(6);

    const audit = await t.get('/api/v1/admin/audit?resourceType=article', await t.staffToken('region_yc'));
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['article.create', 'article.publish']));
  });

  it('shows residents only articles for their region and its ancestors', async () => {
    const a = await t.post('/api/v1/admin/articles', input(streetA, { title: '胜利路专属' }), editorA);
    await t.post(`/api/v1/admin/articles/${a.body.id}/publish`, undefined, editorA);
    const b = await t.post('/api/v1/admin/articles', input(streetB, { title: '中山路专属' }), editorB);
    await t.post(`/api/v1/admin/articles/${b.body.id}/publish`, undefined, editorB);

    const resident = await t.residentToken('resident-in-a');
    await t.patch('/api/v1/me', { regionId: await t.regionId(REGION.communityA1) }, resident);
    const titles = (await t.request('GET', '/api/v1/articles?pageSize=100', { token: resident })).body.items.map((x: { title: string }) => x.title);
    expect(titles).toContain('胜利路专属');
    expect(titles).not.toContain('中山路专属');
    expect(titles).toContain('心理健康是健康的重要组成部分'); // city-wide demo article
  });

  describe('region scoping', () => {
    it("keeps an editor out of another street's articles, even by guessing ids", async () => {
      const a = await t.post('/api/v1/admin/articles', input(streetA), editorA);
      const id = a.body.id;
      for (const [method, url, body] of [
        ['GET', `/api/v1/admin/articles/${id}`, undefined],
        ['PUT', `/api/v1/admin/articles/${id}`, input(streetB)],
        ['POST', `/api/v1/admin/articles/${id}/publish`, undefined],
        ['DELETE', `/api/v1/admin/articles/${id}`, undefined],
      ] as const) {
        const res = await t.request(method, url, { token: editorB, body });
        expect([method, res.status, res.body.code]).toEqual([method, 404, 'NOT_FOUND']);
      }
      const list = await t.get('/api/v1/admin/articles?pageSize=100', editorB);
      expect(list.body.items.map((x: { id: number }) => x.id)).not.toContain(id);
      // The district admin above both streets sees it.
      expect((await t.get(`/api/v1/admin/articles/${id}`, await t.staffToken('region_yc'))).status).toBe(200);
      // Nothing changed.
      expect((await t.get(`/api/v1/admin/articles/${id}`, editorA)).body.status).toBe('draft');
    });

    it('refuses to place an article outside the editor region', async () => {
      const res = await t.post('/api/v1/admin/articles', input(streetB), editorA);
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({ code: 'REGION_OUT_OF_SCOPE', message: '只能选择本辖区内的区域' });
      expect((await t.get('/api/v1/admin/articles?keyword=适量运动有益于情绪健康', editorA)).body.total).toBe(0);
    });

    it('keeps roles without the permission out', async () => {
      const counsellor = await t.staffToken('counsellor_sl');
      expect((await t.get('/api/v1/admin/articles', counsellor)).body).toMatchObject({ statusCode: 403, code: 'FORBIDDEN' });
    });
  });

  describe('bad input', () => {
    it('names every invalid field in Chinese and stores nothing', async () => {
      const res = await t.post('/api/v1/admin/articles', { ...input(streetA), title: '', category: 'gossip', audiences: ['aliens'], extra: 1 }, editorA);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.message).toContain('标题不能为空');
      expect(res.body.message).toContain('分类的取值无效');
      expect(res.body.message).toContain('目标人群');
      expect(res.body.message).toContain('不允许提交字段 extra');
      expect(res.body.details.fields.map((f: { field: string }) => f.field).sort()).toEqual(['audiences', 'category', 'extra', 'title']);
      expect((await t.get('/api/v1/admin/articles', editorA)).body.items.some((a: { title: string }) => a.title === '')).toBe(false);
    });

    it('answers 400 for a non-numeric id, malformed JSON and paging out of range', async () => {
      expect((await t.get('/api/v1/articles/abc')).body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
      expect((await t.get('/api/v1/articles?pageSize=1000')).body.message).toContain('每页条数不能大于 100');
      const bad = await t.request('POST', '/api/v1/admin/articles', { token: editorA, body: '{"title":', headers: { 'content-type': 'application/json' } });
      expect(bad.body).toMatchObject({ statusCode: 400, code: 'BAD_REQUEST', message: '请求体不是合法的 JSON' });
      const empty = await t.request('POST', '/api/v1/admin/articles', { token: editorA, body: '', headers: { 'content-type': 'application/json' } });
      expect(empty.body.code).toBe('VALIDATION_FAILED');
    });

    it('strips XSS from the body and refuses a body that is empty once cleaned', async () => {
      const res = await t.post(
        '/api/v1/admin/articles',
        input(streetA, { body: '<p onclick="x()">正文<script>alert(1)</script><img src=x onerror=alert(1)></p>' }),
        editorA,
      );
      expect(res.status).toBe(201);
      expect(res.body.body).toBe('<p>正文</p>');
      const empty = await t.post('/api/v1/admin/articles', input(streetA, { body: '<script>alert(1)</script>' }), editorA);
      expect(empty.status).toBe(400);
      expect(empty.body.message).toContain('正文不能为空');
    });

    it('keeps images only from the upload store or CONTENT_IMAGE_HOSTS, also in bodies stored before that rule', async () => {
      const body =
        '<p>正文</p><img src="http://tracker.example/p.gif"><img src="https://tracker.example/p.gif"><img src="https://img.example.gov.cn/a.png"><img src="/uploads/b.png">';
      const res = await t.post('/api/v1/admin/articles', input(streetA, { body }), editorA);
      expect(res.status).toBe(201);
      expect(res.body.body).toBe('<p>正文</p><img src="https://img.example.gov.cn/a.png" /><img src="/uploads/b.png" />');
      await t.post(`/api/v1/admin/articles/${res.body.id}/publish`, undefined, editorA);
      // A body saved before the rule still holds a remote http image: it is not shown.
      await t.dataSource.query(`UPDATE articles SET body = ? WHERE id = ?`, [
        '<p>旧文</p><img src="http://tracker.example/p.gif" /><img src="/uploads/b.png" />',
        res.body.id,
      ]);
      expect((await t.get(`/api/v1/articles/${res.body.id}`)).body.body).toBe('<p>旧文</p><img src="/uploads/b.png" />');
      expect((await t.get(`/api/v1/admin/articles/${res.body.id}`, editorA)).body.body).toBe('<p>旧文</p><img src="/uploads/b.png" />');
    });

    it('takes a cover image only from the upload store or CONTENT_IMAGE_HOSTS (a remote cover is a tracking pixel too)', async () => {
      const remote = await t.post('/api/v1/admin/articles', input(streetA, { coverUrl: 'https://tracker.example/cover.gif' }), editorA);
      expect(remote.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED', details: { field: 'coverUrl' } });
      for (const coverUrl of ['/uploads/c.png', 'https://img.example.gov.cn/c.png']) {
        expect((await t.post('/api/v1/admin/articles', input(streetA, { coverUrl }), editorA)).status).toBe(201);
      }
      const organiser = await t.staffToken('organiser_sl');
      const event = await t.post(
        '/api/v1/admin/events',
        { ...eventInput(await t.regionId(REGION.communityA1)), coverUrl: 'https://tracker.example/cover.gif' },
        organiser,
      );
      expect(event.body).toMatchObject({ statusCode: 400, details: { field: 'coverUrl' } });
    });

    it('refuses an edit based on a stale version instead of overwriting', async () => {
      const a = await t.post('/api/v1/admin/articles', input(streetA), editorA);
      const v1 = await t.put(`/api/v1/admin/articles/${a.body.id}`, input(streetA, { title: '第二版', version: 1 }), editorA);
      expect(v1.body.version).toBe(2);
      const stale = await t.put(`/api/v1/admin/articles/${a.body.id}`, input(streetA, { title: '过期的修改', version: 1 }), editorA);
      expect(stale.status).toBe(409);
      expect(stale.body.message).toContain('已被他人修改');
      expect((await t.get(`/api/v1/admin/articles/${a.body.id}`, editorA)).body.title).toBe('第二版');
    });

    it('will not delete a published article', async () => {
      const a = await t.post('/api/v1/admin/articles', input(streetA), editorA);
      await t.post(`/api/v1/admin/articles/${a.body.id}/publish`, undefined, editorA);
      expect((await t.delete(`/api/v1/admin/articles/${a.body.id}`, editorA)).body.code).toBe('INVALID_STATE');
      await t.post(`/api/v1/admin/articles/${a.body.id}/unpublish`, undefined, editorA);
      expect((await t.get(`/api/v1/articles/${a.body.id}`)).status).toBe(404);
      expect((await t.delete(`/api/v1/admin/articles/${a.body.id}`, editorA)).status).toBe(204);
    });
  });
});
