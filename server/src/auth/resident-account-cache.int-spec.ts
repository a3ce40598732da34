import { REGION, TestApp } from '../../test/support/test-app';
import { TEST_DB } from '../../test/support/test-db';

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** A resident route that reads nothing of the account itself, so only the token check can refuse it. */
const RESIDENT_ROUTE = '/api/v1/me/responses';

/** A resident's access token, used once so that the instance has read (and may keep) the account. */
async function warmResident(t: TestApp, openid: string): Promise<string> {
  const token = await t.residentToken(openid);
  expect((await t.get(RESIDENT_ROUTE, token)).status).toBe(200);
  return token;
}

/** What another instance does: deletes the row without this instance hearing of it. */
const deleteBehindItsBack = (t: TestApp, openid: string) => t.dataSource.query(`DELETE FROM residents WHERE openid = ?`, [openid]);

describe(`resident account cache on ${TEST_DB}`, () => {
  describe('kept long (RESIDENT_AUTH_CACHE_SECONDS=300)', () => {
    let t: TestApp;
    beforeAll(async () => (t = await TestApp.start({ RESIDENT_AUTH_CACHE_SECONDS: '300' })));
    afterAll(() => t.stop());
    beforeEach(() => t.reset());

    it('serves a token from what it read, so a deletion made elsewhere is not seen before the time is up', async () => {
      const token = await warmResident(t, 'kept-1');
      await deleteBehindItsBack(t, 'kept-1');
      expect((await t.get(RESIDENT_ROUTE, token)).status).toBe(200);
    });

    it('refuses at once on this instance the token of an account deleted through it (PIPL)', async () => {
      const token = await warmResident(t, 'kept-2');
      expect((await t.delete('/api/v1/me', token)).status).toBe(204);
      expect((await t.get(RESIDENT_ROUTE, token)).body).toMatchObject({ statusCode: 401, code: 'UNAUTHENTICATED' });
    });

    it('applies a region change at once to what the same token is shown', async () => {
      const editor = await t.staffToken('editor_sl');
      const streetA = await t.regionId(REGION.streetA);
      const article = { title: '胜利路专属文章', summary: '摘要', category: 'emotion', audiences: [], regionId: streetA, body: '<p>正文</p>' };
      const id = (await t.post('/api/v1/admin/articles', article, editor)).body.id as number;
      expect((await t.post(`/api/v1/admin/articles/${id}/publish`, undefined, editor)).status).toBe(200);
      const titles = async (token: string) => ((await t.get('/api/v1/articles?pageSize=100', token)).body.items as { title: string }[]).map((a) => a.title);

      const token = await warmResident(t, 'kept-3');
      expect((await t.put('/api/v1/me', { regionId: await t.regionId(REGION.communityA1) }, token)).status).toBe(200);
      expect(await titles(token)).toContain('胜利路专属文章');
      expect((await t.put('/api/v1/me', { regionId: await t.regionId(REGION.communityB1) }, token)).status).toBe(200);
      expect(await titles(token)).not.toContain('胜利路专属文章');
    });
  });

  describe('kept one second (RESIDENT_AUTH_CACHE_SECONDS=1)', () => {
    let t: TestApp;
    beforeAll(async () => (t = await TestApp.start({ RESIDENT_AUTH_CACHE_SECONDS: '1' })));
    afterAll(() => t.stop());

    it('sees a deletion made elsewhere once the time is up', async () => {
      const token = await warmResident(t, 'short-1');
      await deleteBehindItsBack(t, 'short-1');
      await pause(1100);
      expect((await t.get(RESIDENT_ROUTE, token)).body).toMatchObject({ statusCode: 401, code: 'UNAUTHENTICATED' });
    });
  });

  describe('off (RESIDENT_AUTH_CACHE_SECONDS=0)', () => {
    let t: TestApp;
    beforeAll(async () => (t = await TestApp.start({ RESIDENT_AUTH_CACHE_SECONDS: '0' })));
    afterAll(() => t.stop());

    it('reads the account on every request, so a deletion made elsewhere applies at once', async () => {
      const token = await warmResident(t, 'off-1');
      await deleteBehindItsBack(t, 'off-1');
      expect((await t.get(RESIDENT_ROUTE, token)).body).toMatchObject({ statusCode: 401, code: 'UNAUTHENTICATED' });
    });
  });
});
