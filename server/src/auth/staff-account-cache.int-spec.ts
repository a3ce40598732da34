import { DEMO_PASSWORD, TestApp } from '../../test/support/test-app';
import { TEST_DB } from '../../test/support/test-db';

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** A staff route the content editor may read, and that reads nothing of the account itself. */
const EDITOR_ROUTE = '/api/v1/admin/articles';

/** An editor's access token, used once so that the instance has read (and may keep) the account. */
async function warmEditor(t: TestApp, password = DEMO_PASSWORD): Promise<string> {
  const token = await t.staffToken('editor_sl', password);
  expect((await t.get(EDITOR_ROUTE, token)).status).toBe(200);
  return token;
}

/** What another instance does: changes the row without this instance's StaffService hearing of it. */
const disableBehindItsBack = (t: TestApp) => t.dataSource.query(`UPDATE staff SET disabled = 1 WHERE username = 'editor_sl'`);

const editorId = async (t: TestApp, admin: string): Promise<number> => (await t.get('/api/v1/admin/staff?keyword=editor_sl', admin)).body.items[0].id;

describe(`staff account cache on ${TEST_DB}`, () => {
  describe('kept long (STAFF_AUTH_CACHE_SECONDS=300)', () => {
    let t: TestApp;
    beforeAll(async () => (t = await TestApp.start({ STAFF_AUTH_CACHE_SECONDS: '300' })));
    afterAll(() => t.stop());
    beforeEach(() => t.reset());

    it('serves a token from what it read, so a change made elsewhere is not seen before the time is up', async () => {
      const token = await warmEditor(t);
      await disableBehindItsBack(t);
      expect((await t.get(EDITOR_ROUTE, token)).status).toBe(200);
      // A fresh sign-in is not fooled: signing in reads the row.
      expect((await t.post('/api/v1/auth/staff/login', { username: 'editor_sl', password: DEMO_PASSWORD })).body.code).toBe('ACCOUNT_DISABLED');
    });

    it('refuses at once on this instance an account disabled through it', async () => {
      const admin = await t.adminToken();
      const token = await warmEditor(t);
      await t.patch(`/api/v1/admin/staff/${await editorId(t, admin)}`, { disabled: true }, admin);
      expect((await t.get(EDITOR_ROUTE, token)).body.code).toBe('ACCOUNT_DISABLED');
    });

    it('applies a new role at once, even to a token issued under the old one', async () => {
      const admin = await t.adminToken();
      const token = await warmEditor(t);
      expect((await t.patch(`/api/v1/admin/staff/${await editorId(t, admin)}`, { role: 'checkin_staff' }, admin)).status).toBe(200);
      expect((await t.get(EDITOR_ROUTE, token)).body).toMatchObject({ statusCode: 403, code: 'FORBIDDEN' });
    });

    it('ends the sessions at once when an administrator resets the password, or the owner changes it elsewhere', async () => {
      const admin = await t.adminToken();
      const reset = await warmEditor(t);
      expect((await t.post(`/api/v1/admin/staff/${await editorId(t, admin)}/reset-password`, { password: 'Reset#2026xqA' }, admin)).status).toBe(201);
      expect((await t.get(EDITOR_ROUTE, reset)).body.code).toBe('UNAUTHENTICATED');

      const elsewhere = await t.staffToken('editor_sl', 'Reset#2026xqA');
      const here = (await t.post('/api/v1/auth/staff/password', { oldPassword: 'Reset#2026xqA', newPassword: 'Changed#2026xqB' }, elsewhere)).body.accessToken;
      expect((await t.get(EDITOR_ROUTE, elsewhere)).body.code).toBe('UNAUTHENTICATED');
      expect((await t.get(EDITOR_ROUTE, here)).status).toBe(200);
    });
  });

  describe('kept one second (STAFF_AUTH_CACHE_SECONDS=1)', () => {
    let t: TestApp;
    beforeAll(async () => (t = await TestApp.start({ STAFF_AUTH_CACHE_SECONDS: '1' })));
    afterAll(() => t.stop());

    it('sees a change made elsewhere once the time is up', async () => {
      const token = await warmEditor(t);
      await disableBehindItsBack(t);
      await pause(1100);
      expect((await t.get(EDITOR_ROUTE, token)).body.code).toBe('ACCOUNT_DISABLED');
    });
  });

  describe('off (STAFF_AUTH_CACHE_SECONDS=0)', () => {
    let t: TestApp;
    beforeAll(async () => (t = await TestApp.start({ STAFF_AUTH_CACHE_SECONDS: '0' })));
    afterAll(() => t.stop());

    it('reads the account on every request, so a change made elsewhere applies at once', async () => {
      const token = await warmEditor(t);
      await disableBehindItsBack(t);
      expect((await t.get(EDITOR_ROUTE, token)).body.code).toBe('ACCOUNT_DISABLED');
    });
  });
});
