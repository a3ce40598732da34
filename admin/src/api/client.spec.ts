import type { StaffDto, StaffLoginResult } from '@xinqiao/shared';
import { sessionStore } from '../auth/sessionStore';
import { ApiRequestError, configureClient, download, filenameFromDisposition, http } from './client';

const staff = { id: 1, username: 'editor_sl', displayName: '编辑', role: 'content_editor', regionId: 7, regionName: '胜利路街道' } as StaffDto;

/** The session's refresh token is in an HttpOnly cookie the page never sees: answers carry the access token only. */
function login(access: string, mustChangePassword = false): StaffLoginResult {
  return { accessToken: access, expiresIn: 900, mustChangePassword, staff };
}

const json = (status: number, body: unknown) =>
  new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

/** A fake server: answers by path, counts refreshes, accepts only the current access token. */
function fakeServer() {
  let validAccess = 'access-2';
  /** Whether the browser's session cookie is still good (the fake stands in for the cookie jar). */
  const state = { refreshes: 0, seen: [] as string[], sessionCookieValid: true, csrfSeen: [] as (string | undefined)[] };
  const fetchMock = jest.fn(async (url: string, init: RequestInit) => {
    const auth = (init.headers as Record<string, string>).Authorization;
    state.seen.push(`${init.method} ${url} ${auth ?? '-'}`);
    if (url === '/api/v1/auth/staff/refresh') {
      state.refreshes += 1;
      await new Promise((r) => setTimeout(r, 10));
      const csrf = (init.headers as Record<string, string>)['x-csrf-token'];
      state.csrfSeen.push(csrf);
      if (csrf !== 'csrf-1') return json(403, { statusCode: 403, code: 'CSRF_FAILED', message: '请求来源校验失败' });
      if (!state.sessionCookieValid) return json(401, { statusCode: 401, code: 'INVALID_REFRESH_TOKEN', message: '登录已失效' });
      return json(200, login(validAccess));
    }
    if (url === '/api/v1/slow') await new Promise((r) => setTimeout(r, 40));
    if (url === '/api/v1/boom') return json(409, { statusCode: 409, code: 'CONFLICT', message: '名称已存在' });
    if (url === '/api/v1/locked') return json(403, { statusCode: 403, code: 'PASSWORD_CHANGE_REQUIRED', message: '请先修改初始密码' });
    if (auth !== `Bearer ${validAccess}`) return json(401, { statusCode: 401, code: 'TOKEN_EXPIRED', message: '登录已过期' });
    if (init.method === 'DELETE') return new Response(null, { status: 204 });
    if (url.startsWith('/api/v1/file')) {
      return new Response('xlsx-bytes', {
        status: 200,
        headers: { 'Content-Type': 'application/octet-stream', 'Content-Disposition': "attachment; filename=\"stats.xlsx\"; filename*=UTF-8''%E6%B5%8B%E8%AF%84.xlsx" },
      });
    }
    return json(200, { url });
  });
  return {
    state,
    fetchMock,
    rotateAccess: (t: string) => (validAccess = t),
  };
}

describe('api client', () => {
  const hooks = { onError: jest.fn(), onAuthLost: jest.fn(), onPasswordChangeRequired: jest.fn() };
  let server: ReturnType<typeof fakeServer>;

  beforeEach(() => {
    jest.clearAllMocks();
    server = fakeServer();
    global.fetch = server.fetchMock as unknown as typeof fetch;
    configureClient(hooks);
    (global as { document?: { cookie: string } }).document = { cookie: 'other=1; xq_csrf=csrf-1' };
    sessionStore.saveLogin(login('access-1'));
  });

  it('refreshes once for concurrent expired requests, then retries each', async () => {
    const results = await Promise.all([http.get('/a'), http.get('/b', { page: 2 }), http.delete('/c')]);
    expect(results).toEqual([{ url: '/api/v1/a' }, { url: '/api/v1/b?page=2' }, undefined]);
    expect(server.state.refreshes).toBe(1);
    expect(sessionStore.get()).toMatchObject({ accessToken: 'access-2' });
    // The refresh went with the CSRF token copied from its cookie.
    expect(server.state.csrfSeen).toEqual(['csrf-1']);
    expect(server.state.seen.filter((s) => s.endsWith('Bearer access-2'))).toHaveLength(3);
    expect(hooks.onAuthLost).not.toHaveBeenCalled();
  });

  it('does not refresh again when a late 401 arrives after the pair was rotated', async () => {
    // '/slow' is sent with the old token and answers 401 only after '/a' has finished refreshing;
    // refreshing again would present the already-rotated refresh token and sign the user out.
    const slow = http.get('/slow');
    await http.get('/a');
    await expect(slow).resolves.toEqual({ url: '/api/v1/slow' });
    expect(server.state.refreshes).toBe(1);
    expect(hooks.onAuthLost).not.toHaveBeenCalled();
  });

  it('signs out when the refresh fails', async () => {
    server.state.sessionCookieValid = false;
    await expect(http.get('/a')).rejects.toMatchObject({ status: 401 });
    expect(server.state.refreshes).toBe(1);
    expect(sessionStore.get()).toBeNull();
    expect(hooks.onAuthLost).toHaveBeenCalledTimes(1);
  });

  it('after a reload, gets an access token from the session cookie before the first call', async () => {
    sessionStore.saveLogin(login('access-1'));
    // What a reload leaves: the profile from localStorage, no token in memory.
    (sessionStore.get() as { accessToken: string | null }).accessToken = null;
    await expect(http.get('/a')).resolves.toEqual({ url: '/api/v1/a' });
    expect(server.state.refreshes).toBe(1);
    expect(server.state.seen).toEqual(['POST /api/v1/auth/staff/refresh -', 'GET /api/v1/a Bearer access-2']);
  });

  it("surfaces the server's zh-CN message", async () => {
    sessionStore.saveLogin(login('access-2'));
    const error = await http.post('/boom', { a: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiRequestError);
    expect(error).toMatchObject({ status: 409, code: 'CONFLICT', message: '名称已存在' });
    expect(hooks.onError).toHaveBeenCalledWith(error);
  });

  it('stays quiet for silent requests', async () => {
    await expect(http.post('/boom', {}, { silent: true })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(hooks.onError).not.toHaveBeenCalled();
  });

  it('routes to the password change on PASSWORD_CHANGE_REQUIRED', async () => {
    await expect(http.get('/locked')).rejects.toMatchObject({ code: 'PASSWORD_CHANGE_REQUIRED' });
    expect(hooks.onPasswordChangeRequired).toHaveBeenCalledTimes(1);
    expect(sessionStore.get()?.staff.mustChangePassword).toBe(true);
  });

  it('reports network failures in Chinese', async () => {
    global.fetch = jest.fn(async () => {
      throw new TypeError('fetch failed');
    }) as unknown as typeof fetch;
    await expect(http.get('/a')).rejects.toMatchObject({ code: 'NETWORK_ERROR', message: '网络异常，请检查网络连接后重试' });
    expect(hooks.onError).toHaveBeenCalledTimes(1);
  });

  it('downloads a file with the bearer token, refreshing an expired one first', async () => {
    const file = await download('/file', { scaleCode: 'phq-9', regionId: undefined });
    expect(await file.blob.text()).toBe('xlsx-bytes');
    expect(file.filename).toBe('测评.xlsx');
    expect(server.state.refreshes).toBe(1);
    expect(server.state.seen.at(-1)).toBe('GET /api/v1/file?scaleCode=phq-9 Bearer access-2');
  });

  it('reports a failed download like any other request', async () => {
    sessionStore.saveLogin(login('access-2'));
    await expect(download('/boom')).rejects.toMatchObject({ status: 409, message: '名称已存在' });
    expect(hooks.onError).toHaveBeenCalledTimes(1);
  });
});

describe('filenameFromDisposition', () => {
  it('prefers the RFC 5987 name and falls back to the plain one', () => {
    expect(filenameFromDisposition("attachment; filename*=UTF-8''%E6%B5%8B%E8%AF%84%E7%BB%9F%E8%AE%A1.xlsx")).toBe('测评统计.xlsx');
    expect(filenameFromDisposition('attachment; filename="stats.xlsx"')).toBe('stats.xlsx');
    expect(filenameFromDisposition('attachment; filename=stats.xlsx')).toBe('stats.xlsx');
    expect(filenameFromDisposition("attachment; filename=\"a.xlsx\"; filename*=UTF-8''%ZZ")).toBe('a.xlsx');
    expect(filenameFromDisposition('attachment')).toBeNull();
    expect(filenameFromDisposition(null)).toBeNull();
  });
});
