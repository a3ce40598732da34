import { ADMIN_PASSWORD, DEMO_PASSWORD, TestApp } from '../../test/support/test-app';
import { FakeWechat } from '../../test/support/fake-wechat';
import { TEST_DB } from '../../test/support/test-db';

describe(`auth on ${TEST_DB}`, () => {
  let t: TestApp;
  const wechat = new FakeWechat();

  beforeAll(async () => {
    await wechat.start();
    t = await TestApp.start({ WECHAT_API_BASE: wechat.baseUrl, WECHAT_APPID: wechat.appid, WECHAT_SECRET: wechat.secret, LOGIN_MAX_FAILURES: '3' });
  });
  afterAll(async () => {
    await t.stop();
    await wechat.stop();
  });
  beforeEach(async () => {
    await t.reset();
    wechat.reset();
  });

  describe('staff login', () => {
    it('answers tokens and the account', async () => {
      const res = await t.post('/api/v1/auth/staff/login', { username: 'editor_sl', password: DEMO_PASSWORD });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ mustChangePassword: false, expiresIn: 900, staff: { username: 'editor_sl', role: 'content_editor', regionName: '胜利路街道' } });
      expect(typeof res.body.accessToken).toBe('string');
      expect(typeof res.body.refreshToken).toBe('string');
      expect(JSON.stringify(res.body)).not.toMatch(/passwordHash/);
      const me = await t.get('/api/v1/auth/staff/me', res.body.accessToken);
      expect(me.body.username).toBe('editor_sl');
    });

    it('refuses a wrong password without saying which part was wrong, and locks after repeated failures', async () => {
      const unknown = await t.post('/api/v1/auth/staff/login', { username: 'nobody', password: 'whatever' });
      expect(unknown.status).toBe(401);
      expect(unknown.body).toMatchObject({ code: 'INVALID_CREDENTIALS', message: '用户名或密码错误' });

      const first = await t.post('/api/v1/auth/staff/login', { username: 'editor_sl', password: 'wrong' });
      expect(first.body).toMatchObject({ statusCode: 401, code: 'INVALID_CREDENTIALS' });
      expect(first.body.message).toContain('再错 2 次');
      await t.post('/api/v1/auth/staff/login', { username: 'editor_sl', password: 'wrong' });
      const third = await t.post('/api/v1/auth/staff/login', { username: 'editor_sl', password: 'wrong' });
      expect(third.status).toBe(423);
      expect(third.body.code).toBe('ACCOUNT_LOCKED');

      // Even the right password is refused while locked.
      const locked = await t.post('/api/v1/auth/staff/login', { username: 'editor_sl', password: DEMO_PASSWORD });
      expect(locked.status).toBe(423);
      expect(locked.body.message).toMatch(/账号已锁定/);

      // A region admin unlocks it.
      const admin = await t.staffToken('region_yc');
      const list = await t.get('/api/v1/admin/staff?keyword=editor_sl', admin);
      expect(list.body.items[0].lockedUntil).not.toBeNull();
      const unlocked = await t.post(`/api/v1/admin/staff/${list.body.items[0].id}/unlock`, undefined, admin);
      expect(unlocked.status).toBe(201);
      expect((await t.post('/api/v1/auth/staff/login', { username: 'editor_sl', password: DEMO_PASSWORD })).status).toBe(201);

      const audit = await t.get('/api/v1/admin/audit?action=auth.staff_login&outcome=failure', admin);
      expect(audit.body.total).toBeGreaterThanOrEqual(3);
    });

    it('locks exactly once under concurrent wrong guesses', async () => {
      const answers = await Promise.all(
        Array.from({ length: 8 }, () => t.post('/api/v1/auth/staff/login', { username: 'editor_zx', password: 'wrong' })),
      );
      expect(answers.filter((a) => a.status === 423).length).toBeGreaterThanOrEqual(1);
      expect((await t.post('/api/v1/auth/staff/login', { username: 'editor_zx', password: DEMO_PASSWORD })).status).toBe(423);
    });

    it('refuses a disabled account', async () => {
      const admin = await t.staffToken('region_yc');
      const token = await t.staffToken('editor_sl');
      const list = await t.get('/api/v1/admin/staff?keyword=editor_sl', admin);
      await t.patch(`/api/v1/admin/staff/${list.body.items[0].id}`, { disabled: true }, admin);
      const res = await t.post('/api/v1/auth/staff/login', { username: 'editor_sl', password: DEMO_PASSWORD });
      expect(res.body).toMatchObject({ statusCode: 403, code: 'ACCOUNT_DISABLED' });
      // Tokens issued before stop working at once.
      expect((await t.get('/api/v1/admin/articles', token)).body.code).toBe('ACCOUNT_DISABLED');
    });
  });

  describe('first admin', () => {
    it('must change the password before anything else, and the new one must be strong', async () => {
      const login = await t.post('/api/v1/auth/staff/login', { username: 'admin', password: ADMIN_PASSWORD });
      expect(login.body.mustChangePassword).toBe(true);
      const token = login.body.accessToken;
      const blocked = await t.get('/api/v1/admin/regions', token);
      expect(blocked.body).toMatchObject({ statusCode: 403, code: 'PASSWORD_CHANGE_REQUIRED' });

      const weak = await t.post('/api/v1/auth/staff/password', { oldPassword: ADMIN_PASSWORD, newPassword: 'short' }, token);
      expect(weak.status).toBe(400);
      expect(weak.body.code).toBe('WEAK_PASSWORD');
      expect(weak.body.message).toContain('密码长度至少 10 位');

      const wrongOld = await t.post('/api/v1/auth/staff/password', { oldPassword: 'nope', newPassword: 'Changed#2026xq' }, token);
      expect(wrongOld.status).toBe(401);

      const changed = await t.post('/api/v1/auth/staff/password', { oldPassword: ADMIN_PASSWORD, newPassword: 'Changed#2026xq' }, token);
      expect(changed.status).toBe(201);
      expect(changed.body.mustChangePassword).toBe(false);
      expect((await t.get('/api/v1/admin/regions', changed.body.accessToken)).status).toBe(200);
      // The refresh token of the session before the change is dead.
      expect((await t.post('/api/v1/auth/staff/refresh', { refreshToken: login.body.refreshToken })).status).toBe(401);
    });
  });

  describe('refresh tokens', () => {
    it('rotate, and a reused token ends the whole session family', async () => {
      const login = await t.post('/api/v1/auth/staff/login', { username: 'editor_sl', password: DEMO_PASSWORD });
      const r1 = await t.post('/api/v1/auth/staff/refresh', { refreshToken: login.body.refreshToken });
      expect(r1.status).toBe(201);
      expect(r1.body.refreshToken).not.toBe(login.body.refreshToken);

      const reuse = await t.post('/api/v1/auth/staff/refresh', { refreshToken: login.body.refreshToken });
      expect(reuse.body).toMatchObject({ statusCode: 401, code: 'INVALID_REFRESH_TOKEN' });
      // The thief's reuse also kills the legitimate newer token.
      expect((await t.post('/api/v1/auth/staff/refresh', { refreshToken: r1.body.refreshToken })).status).toBe(401);
    });

    it('stop working after logout', async () => {
      const login = await t.post('/api/v1/auth/staff/login', { username: 'editor_sl', password: DEMO_PASSWORD });
      expect((await t.post('/api/v1/auth/staff/logout', { refreshToken: login.body.refreshToken })).status).toBe(204);
      expect((await t.post('/api/v1/auth/staff/refresh', { refreshToken: login.body.refreshToken })).status).toBe(401);
    });

    it('only one of two concurrent refreshes with the same token succeeds', async () => {
      const login = await t.post('/api/v1/auth/staff/login', { username: 'editor_sl', password: DEMO_PASSWORD });
      const [a, b] = await Promise.all([
        t.post('/api/v1/auth/staff/refresh', { refreshToken: login.body.refreshToken }),
        t.post('/api/v1/auth/staff/refresh', { refreshToken: login.body.refreshToken }),
      ]);
      expect([a.status, b.status].sort()).toEqual([201, 401]);
    });
  });

  describe('access tokens', () => {
    it('reject missing, forged and wrong-kind tokens with clear codes', async () => {
      expect((await t.get('/api/v1/admin/articles')).body).toMatchObject({ statusCode: 401, code: 'UNAUTHENTICATED', message: '请先登录' });
      expect((await t.get('/api/v1/admin/articles', 'not-a-jwt')).body.code).toBe('UNAUTHENTICATED');
      const resident = await t.residentToken('resident-1');
      expect((await t.get('/api/v1/admin/articles', resident)).body).toMatchObject({ statusCode: 403, code: 'FORBIDDEN' });
      const staff = await t.staffToken('editor_sl');
      expect((await t.get('/api/v1/me', staff)).body).toMatchObject({ statusCode: 403 });
    });

    it('say TOKEN_EXPIRED when expired, so clients know to refresh', async () => {
      const { JwtService } = await import('@nestjs/jwt');
      const jwt = t.app.get(JwtService);
      const [row] = await t.dataSource.query(`SELECT id FROM staff WHERE username = 'editor_sl'`);
      const expired = jwt.sign({ sub: Number(row.id), kind: 'staff', role: 'content_editor', regionPath: '/1/' }, { expiresIn: -10 });
      expect((await t.get('/api/v1/admin/articles', expired)).body).toMatchObject({ statusCode: 401, code: 'TOKEN_EXPIRED' });
    });
  });

  describe('WeChat login (against the fake WeChat server)', () => {
    it('signs a resident in via code2Session and never returns the session_key', async () => {
      wechat.sessions.set('code-ok', { openid: 'o-wx-1', session_key: 'SECRET-SESSION-KEY', unionid: 'u-1' });
      const res = await t.post('/api/v1/auth/wechat/login', { code: 'code-ok' });
      expect(res.status).toBe(201);
      expect(res.body.resident.id).toEqual(expect.any(Number));
      expect(JSON.stringify(res.body)).not.toContain('SECRET-SESSION-KEY');
      expect(JSON.stringify(res.body)).not.toContain('o-wx-1');
      expect(wechat.calls[0]).toMatchObject({
        path: '/sns/jscode2session',
        query: { appid: wechat.appid, secret: wechat.secret, js_code: 'code-ok', grant_type: 'authorization_code' },
      });
      // Same openid again: the same resident.
      wechat.sessions.set('code-again', { openid: 'o-wx-1', session_key: 'k2' });
      const again = await t.post('/api/v1/auth/wechat/login', { code: 'code-again' });
      expect(again.body.resident.id).toBe(res.body.resident.id);
      expect((await t.get('/api/v1/me', again.body.accessToken)).status).toBe(200);
    });

    it.each([
      [40029, 400, 'WECHAT_INVALID_CODE'],
      [45011, 429, 'WECHAT_RATE_LIMITED'],
      [40226, 403, 'WECHAT_USER_BLOCKED'],
      [-1, 503, 'WECHAT_UNAVAILABLE'],
      [99999, 502, 'WECHAT_UNAVAILABLE'],
    ])('maps errcode %i to %i %s', async (errcode, status, code) => {
      wechat.use((c) => (c.path === '/sns/jscode2session' ? { json: { errcode, errmsg: 'x' } } : undefined));
      const res = await t.post('/api/v1/auth/wechat/login', { code: 'any' });
      expect(res.status).toBe(status);
      expect(res.body.code).toBe(code);
      expect(res.body.message).toMatch(/[\u4e00-\u9fa5]/);
    });

    it('answers 502 when WeChat answers garbage, and 503 when it is unreachable', async () => {
      wechat.use(() => ({ status: 500, raw: '<html>oops</html>' }));
      expect((await t.post('/api/v1/auth/wechat/login', { code: 'x' })).status).toBe(502);
      const other = await TestApp.start({ WECHAT_API_BASE: 'http://127.0.0.1:9', WECHAT_APPID: 'a', WECHAT_SECRET: 'b' });
      try {
        const res = await other.post('/api/v1/auth/wechat/login', { code: 'x' });
        expect(res.body).toMatchObject({ statusCode: 503, code: 'WECHAT_UNAVAILABLE' });
      } finally {
        await other.stop();
      }
    });

    it('validates the body', async () => {
      const res = await t.post('/api/v1/auth/wechat/login', {});
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.message).toContain('登录凭证不能为空');
      expect(wechat.calls).toHaveLength(0);
    });
  });

  describe('dev login', () => {
    it('is refused unless enabled', async () => {
      const off = await TestApp.start({ AUTH_DEV_LOGIN: 'false' });
      try {
        expect((await off.post('/api/v1/auth/dev/login', { openid: 'dev-user' })).body).toMatchObject({ statusCode: 403, code: 'DEV_LOGIN_DISABLED' });
        expect((await off.post('/api/v1/auth/wechat/login', { code: 'x' })).body).toMatchObject({ statusCode: 503, code: 'WECHAT_NOT_CONFIGURED' });
      } finally {
        await off.stop();
      }
    });
  });

  describe('login throttling', () => {
    it('limits login attempts per IP', async () => {
      const strict = await TestApp.start({ LOGIN_RATE_PER_MINUTE: '3' });
      try {
        const answers = [];
        for (let i = 0; i < 5; i++) answers.push((await strict.post('/api/v1/auth/staff/login', { username: 'x', password: 'y' })).status);
        expect(answers).toEqual([401, 401, 401, 429, 429]);
        const limited = await strict.post('/api/v1/auth/staff/login', { username: 'x', password: 'y' });
        expect(limited.body).toMatchObject({ code: 'RATE_LIMITED', message: '请求过于频繁，请稍后再试' });
        // Other routes are not under the login limit.
        expect((await strict.get('/api/v1/articles')).status).toBe(200);
      } finally {
        await strict.stop();
      }
    });
  });
});
