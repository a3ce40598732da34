import { ADMIN_PASSWORD, DEMO_PASSWORD, REGION, TestApp } from '../../test/support/test-app';
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
      expect(res.body).toMatchObject({
        mustChangePassword: false,
        expiresIn: 900,
        staff: { username: 'editor_sl', role: 'content_editor', regionName: '胜利路街道' },
      });
      expect(typeof res.body.accessToken).toBe('string');
      expect(typeof res.body.refreshToken).toBe('string');
      expect(JSON.stringify(res.body)).not.toMatch(/passwordHash/);
      const me = await t.get('/api/v1/auth/staff/me', res.body.accessToken);
      expect(me.body.username).toBe('editor_sl');
    });

    const login = (username: string, password: string, ip = '127.0.0.1') => t.request('POST', '/api/v1/auth/staff/login', { body: { username, password }, ip });

    it('answers every failure alike: unknown user, wrong password, disabled account', async () => {
      const admin = await t.staffToken('region_yc');
      const [zx] = (await t.get('/api/v1/admin/staff?keyword=editor_zx', admin)).body.items;
      await t.patch(`/api/v1/admin/staff/${zx.id}`, { disabled: true }, admin);
      const answers = await Promise.all([
        login('nobody', 'Wrong#2026xq', '10.0.0.1'),
        login('editor_sl', 'Wrong#2026xq', '10.0.0.2'),
        login('editor_zx', 'Wrong#2026xq', '10.0.0.3'),
      ]);
      for (const a of answers) expect([a.status, a.body]).toEqual([401, { statusCode: 401, code: 'INVALID_CREDENTIALS', message: '用户名或密码错误' }]);
      // Only someone who knows the password learns that the account is disabled.
      expect((await login('editor_zx', DEMO_PASSWORD, '10.0.0.3')).body).toMatchObject({ statusCode: 403, code: 'ACCOUNT_DISABLED' });
      // The district sees the attempts on its accounts; the system admin also the one on a name that does not exist.
      expect((await t.get('/api/v1/admin/audit?action=auth.staff_login&outcome=failure', admin)).body.total).toBe(3);
      expect((await t.get('/api/v1/admin/audit?action=auth.staff_login&outcome=failure&actorName=nobody', await t.adminToken())).body.total).toBe(1);
    });

    it('makes one address wait after repeated failures, never the owner at another address, and treats unknown names the same', async () => {
      // LOGIN_MAX_FAILURES=3: the third failure from one address sets a one-minute wait for that username there.
      for (const username of ['editor_sl', 'ghost']) {
        for (let i = 0; i < 3; i++) expect((await login(username, 'Wrong#2026xq', '10.0.0.66')).status).toBe(401);
        const waiting = await login(username, username === 'ghost' ? 'Wrong#2026xq' : DEMO_PASSWORD, '10.0.0.66');
        expect([username, waiting.status, waiting.body.code]).toEqual([username, 429, 'LOGIN_THROTTLED']);
        expect(waiting.body.details.retryAfterSeconds).toBeGreaterThan(50);
        expect(waiting.body.details.retryAfterSeconds).toBeLessThanOrEqual(60);
      }
      // The owner, elsewhere, is not held up, and the account shows no lock.
      expect((await login('editor_sl', DEMO_PASSWORD, '10.0.0.7')).status).toBe(201);
      const admin = await t.staffToken('region_yc');
      const [row] = (await t.get('/api/v1/admin/staff?keyword=editor_sl', admin)).body.items;
      expect(row.lockedUntil).toBeNull();
      // An administrator lifts the wait at that address too.
      expect((await t.post(`/api/v1/admin/staff/${row.id}/unlock`, undefined, admin)).status).toBe(201);
      expect((await login('editor_sl', DEMO_PASSWORD, '10.0.0.66')).status).toBe(201);
    });

    it('slows guessing from many addresses for at most a minute at a time', async () => {
      // LOGIN_MAX_FAILURES=3: the username's own count allows 12 from anywhere, then waits 15 s, 30 s, then 60 s at most.
      for (let i = 0; i < 12; i++) expect((await login('counsellor_sl', 'Wrong#2026xq', `10.1.0.${i}`)).status).toBe(401);
      const owner = await login('counsellor_sl', DEMO_PASSWORD, '10.2.0.1');
      expect(owner.body.code).toBe('LOGIN_THROTTLED');
      expect(owner.body.details.retryAfterSeconds).toBeLessThanOrEqual(15);
      const admin = await t.staffToken('region_yc');
      const [row] = (await t.get('/api/v1/admin/staff?keyword=counsellor_sl', admin)).body.items;
      expect(new Date(row.lockedUntil).getTime() - Date.now()).toBeLessThanOrEqual(15_000);
    });

    it('evaluates no more guesses than allowed when they arrive at once', async () => {
      const answers = await Promise.all(Array.from({ length: 8 }, () => login('editor_zx', 'Wrong#2026xq', '10.3.0.1')));
      const codes = answers.map((a) => a.body.code);
      expect(codes.filter((c) => c === 'INVALID_CREDENTIALS').length).toBeLessThanOrEqual(3);
      expect(codes.filter((c) => c === 'LOGIN_THROTTLED').length).toBeGreaterThanOrEqual(5);
      expect((await login('editor_zx', DEMO_PASSWORD, '10.3.0.1')).status).toBe(429);
    });

    it('refuses a disabled account, ending its sessions at once and for good', async () => {
      const admin = await t.staffToken('region_yc');
      const session = (await login('editor_sl', DEMO_PASSWORD)).body;
      const [row] = (await t.get('/api/v1/admin/staff?keyword=editor_sl', admin)).body.items;
      await t.patch(`/api/v1/admin/staff/${row.id}`, { disabled: true }, admin);
      // Tokens issued before stop working at once.
      expect((await t.get('/api/v1/admin/articles', session.accessToken)).body.code).toBe('ACCOUNT_DISABLED');
      expect((await t.post('/api/v1/auth/staff/refresh', { refreshToken: session.refreshToken })).status).toBe(401);
      // Enabling the account again does not bring the old session back.
      await t.patch(`/api/v1/admin/staff/${row.id}`, { disabled: false }, admin);
      expect((await t.get('/api/v1/admin/articles', session.accessToken)).status).toBe(401);
      expect((await t.post('/api/v1/auth/staff/refresh', { refreshToken: session.refreshToken })).status).toBe(401);
    });

    it('ends every session of an account whose password an administrator resets', async () => {
      const admin = await t.staffToken('region_yc');
      const session = (await login('editor_sl', DEMO_PASSWORD)).body;
      const [row] = (await t.get('/api/v1/admin/staff?keyword=editor_sl', admin)).body.items;
      expect((await t.post(`/api/v1/admin/staff/${row.id}/reset-password`, { password: 'Reset#2026xqA' }, admin)).status).toBe(201);
      expect((await t.get('/api/v1/admin/articles', session.accessToken)).body).toMatchObject({ statusCode: 401, code: 'UNAUTHENTICATED' });
      expect((await t.post('/api/v1/auth/staff/refresh', { refreshToken: session.refreshToken })).status).toBe(401);
      expect((await login('editor_sl', 'Reset#2026xqA')).body.mustChangePassword).toBe(true);
    });
  });

  describe('who manages region admins', () => {
    it('is the parent region or a system admin, never a peer', async () => {
      const system = await t.adminToken();
      const districtId = await t.regionId(REGION.district);
      const streetId = await t.regionId(REGION.streetA);
      const peer = await t.post(
        '/api/v1/admin/staff',
        { username: 'region_yc2', displayName: '永川区管理员二', role: 'region_admin', regionId: districtId, password: 'Peer#2026xqA' },
        system,
      );
      expect(peer.status).toBe(201);
      const regionAdmin = await t.staffToken('region_yc');
      // A peer in the same district: no reset, no disabling, no new peers.
      expect((await t.post(`/api/v1/admin/staff/${peer.body.id}/reset-password`, { password: 'Taken#2026xqA' }, regionAdmin)).status).toBe(403);
      expect((await t.patch(`/api/v1/admin/staff/${peer.body.id}`, { disabled: true }, regionAdmin)).status).toBe(403);
      expect(
        (
          await t.post(
            '/api/v1/admin/staff',
            { username: 'region_yc3', displayName: '三', role: 'region_admin', regionId: districtId, password: 'Peer#2026xqA' },
            regionAdmin,
          )
        ).status,
      ).toBe(403);
      // A street's region admin below them: yes.
      const street = await t.post(
        '/api/v1/admin/staff',
        { username: 'region_sl', displayName: '胜利路管理员', role: 'region_admin', regionId: streetId, password: 'Street#2026xqA' },
        regionAdmin,
      );
      expect(street.status).toBe(201);
      expect((await t.post(`/api/v1/admin/staff/${street.body.id}/reset-password`, { password: 'Street#2026xqB' }, regionAdmin)).status).toBe(201);
      // And the system admin manages the peer.
      expect((await t.post(`/api/v1/admin/staff/${peer.body.id}/reset-password`, { password: 'Taken#2026xqA' }, system)).status).toBe(201);
    });
  });

  describe('the admin console session in cookies', () => {
    const cookiesOf = (res: { headers: Record<string, unknown> }) => {
      const raw = res.headers['set-cookie'];
      return (Array.isArray(raw) ? raw : [raw]).filter(Boolean).map(String);
    };
    const value = (cookies: string[], name: string) =>
      cookies
        .find((c) => c.startsWith(`${name}=`))
        ?.split(';')[0]
        .slice(name.length + 1) ?? '';

    it('keeps the refresh token out of scripts, and refreshes only with the CSRF header', async () => {
      const res = await t.post('/api/v1/auth/staff/login', { username: 'editor_sl', password: DEMO_PASSWORD, session: 'cookie' });
      expect(res.status).toBe(201);
      expect(res.body.refreshToken).toBeUndefined();
      const cookies = cookiesOf(res);
      const refreshCookie = cookies.find((c) => c.startsWith('xq_refresh='))!;
      expect(refreshCookie).toMatch(/; Max-Age=28800/);
      expect(refreshCookie).toMatch(/; Path=\/api\/v1\/auth\/staff/);
      expect(refreshCookie).toMatch(/; HttpOnly/);
      expect(refreshCookie).toMatch(/; Secure/);
      expect(refreshCookie).toMatch(/; SameSite=Strict/);
      const csrfCookie = cookies.find((c) => c.startsWith('xq_csrf='))!;
      expect(csrfCookie).not.toMatch(/HttpOnly/);
      const cookie = `xq_refresh=${value(cookies, 'xq_refresh')}; xq_csrf=${value(cookies, 'xq_csrf')}`;

      const forged = await t.request('POST', '/api/v1/auth/staff/refresh', { headers: { cookie } });
      expect(forged.body).toMatchObject({ statusCode: 403, code: 'CSRF_FAILED' });
      const wrong = await t.request('POST', '/api/v1/auth/staff/refresh', { headers: { cookie, 'x-csrf-token': 'guess' } });
      expect(wrong.body.code).toBe('CSRF_FAILED');

      const refreshed = await t.request('POST', '/api/v1/auth/staff/refresh', { headers: { cookie, 'x-csrf-token': value(cookies, 'xq_csrf') } });
      expect(refreshed.status).toBe(201);
      expect(refreshed.body.refreshToken).toBeUndefined();
      expect((await t.get('/api/v1/auth/staff/me', refreshed.body.accessToken)).body.username).toBe('editor_sl');
      const next = cookiesOf(refreshed);
      expect(value(next, 'xq_refresh')).not.toBe(value(cookies, 'xq_refresh'));

      // Logging out clears the cookies and ends the session.
      const nextCookie = `xq_refresh=${value(next, 'xq_refresh')}; xq_csrf=${value(next, 'xq_csrf')}`;
      const out = await t.request('POST', '/api/v1/auth/staff/logout', { headers: { cookie: nextCookie, 'x-csrf-token': value(next, 'xq_csrf') } });
      expect(out.status).toBe(204);
      expect(cookiesOf(out).find((c) => c.startsWith('xq_refresh='))).toMatch(/xq_refresh=;/);
      expect((await t.request('POST', '/api/v1/auth/staff/refresh', { headers: { cookie: nextCookie, 'x-csrf-token': value(next, 'xq_csrf') } })).status).toBe(
        401,
      );
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

    it('stop working at their expiry even after they were accepted (a checked token is remembered only until then)', async () => {
      const { JwtService } = await import('@nestjs/jwt');
      const me = (await t.get('/api/v1/me', await t.residentToken('short-lived'))).body.id as number;
      const token = t.app.get(JwtService).sign({ sub: me, kind: 'resident' }, { expiresIn: 1 });
      expect((await t.get('/api/v1/me/responses', token)).status).toBe(200);
      await new Promise((r) => setTimeout(r, 2100));
      expect((await t.get('/api/v1/me/responses', token)).body).toMatchObject({ statusCode: 401, code: 'TOKEN_EXPIRED' });
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
