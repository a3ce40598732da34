import type { StaffDto, StaffLoginResult } from '@xinqiao/shared';
import { sessionStore } from '../auth/sessionStore';
import { ApiRequestError, api, configureClient, data, download, filenameFromDisposition } from './client';

const staff = { id: 1, username: 'editor_sl', displayName: '编辑', role: 'content_editor', regionId: 7, regionName: '胜利路街道' } as StaffDto;

/** The session's refresh token is in an HttpOnly cookie the page never sees: answers carry the access token only. */
function login(access: string, mustChangePassword = false): StaffLoginResult {
  return { accessToken: access, expiresIn: 900, mustChangePassword, staff };
}

const json = (status: number, body: unknown) =>
  new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

/** `location.origin` in the tests (jest.setup.cjs): the client's URLs are absolute. */
const ORIGIN = 'http://localhost';
/** Routes the fake server treats specially. */
const SLOW = '/api/v1/admin/alerts/summary';
const BOOM = ['/api/v1/admin/articles', '/api/v1/admin/questions/export'];
const LOCKED = '/api/v1/auth/staff/me';
const FILE = '/api/v1/admin/scales/stats/export';

/** A fake server: answers by path, counts refreshes, accepts only the current access token. */
function fakeServer() {
  let validAccess = 'access-2';
  /** Whether the browser's session cookie is still good (the fake stands in for the cookie jar). */
  const state = { refreshes: 0, seen: [] as string[], sessionCookieValid: true, csrfSeen: [] as (string | undefined)[] };
  const fetchMock = jest.fn(async (request: Request) => {
    const url = request.url.slice(ORIGIN.length);
    const auth = request.headers.get('Authorization');
    state.seen.push(`${request.method} ${url} ${auth ?? '-'}`);
    if (url === '/api/v1/auth/staff/refresh') {
      state.refreshes += 1;
      await new Promise((r) => setTimeout(r, 10));
      const csrf = request.headers.get('x-csrf-token') ?? undefined;
      state.csrfSeen.push(csrf);
      if (csrf !== 'csrf-1') return json(403, { statusCode: 403, code: 'CSRF_FAILED', message: '请求来源校验失败' });
      if (!state.sessionCookieValid) return json(401, { statusCode: 401, code: 'INVALID_REFRESH_TOKEN', message: '登录已失效' });
      return json(200, login(validAccess));
    }
    if (url === SLOW) await new Promise((r) => setTimeout(r, 40));
    if (url.startsWith('/api/v1/scales?')) return json(200, { url });
    if (BOOM.includes(url)) return json(409, { statusCode: 409, code: 'CONFLICT', message: '名称已存在' });
    if (url === LOCKED) return json(403, { statusCode: 403, code: 'PASSWORD_CHANGE_REQUIRED', message: '请先修改初始密码' });
    if (auth !== `Bearer ${validAccess}`) return json(401, { statusCode: 401, code: 'TOKEN_EXPIRED', message: '登录已过期' });
    if (request.method === 'DELETE') return new Response(null, { status: 204 });
    if (url.startsWith(FILE)) {
      return new Response('xlsx-bytes', {
        status: 200,
        headers: {
          'Content-Type': 'application/octet-stream',
          'Content-Disposition': 'attachment; filename="stats.xlsx"; filename*=UTF-8\'\'%E6%B5%8B%E8%AF%84.xlsx',
        },
      });
    }
    return json(200, { url, body: request.body ? await request.json() : undefined });
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

  const regions = () => data(api.GET('/admin/regions'));

  it('refreshes once for concurrent expired requests, then retries each (with its body)', async () => {
    const results = await Promise.all([
      regions(),
      data(api.GET('/admin/staff', { params: { query: { page: 2, keyword: '' } } })),
      data(api.DELETE('/admin/articles/{id}', { params: { path: { id: 3 } } })),
      data(api.PUT('/admin/hotlines/{id}', { params: { path: { id: 4 } }, body: { name: '心理援助热线', phone: '12356', hours: '全天' } as never })),
    ]);
    expect(results).toEqual([
      { url: '/api/v1/admin/regions' },
      { url: '/api/v1/admin/staff?page=2' },
      undefined,
      { url: '/api/v1/admin/hotlines/4', body: { name: '心理援助热线', phone: '12356', hours: '全天' } },
    ]);
    expect(server.state.refreshes).toBe(1);
    expect(sessionStore.get()).toMatchObject({ accessToken: 'access-2' });
    // The refresh went with the CSRF token copied from its cookie.
    expect(server.state.csrfSeen).toEqual(['csrf-1']);
    expect(server.state.seen.filter((s) => s.endsWith('Bearer access-2'))).toHaveLength(4);
    expect(hooks.onAuthLost).not.toHaveBeenCalled();
  });

  it('does not refresh again when a late 401 arrives after the pair was rotated', async () => {
    // The slow call is sent with the old token and answers 401 only after the other has finished
    // refreshing; refreshing again would present the already-rotated refresh token and sign the user out.
    const slow = data(api.GET('/admin/alerts/summary'));
    await regions();
    await expect(slow).resolves.toEqual({ url: SLOW });
    expect(server.state.refreshes).toBe(1);
    expect(hooks.onAuthLost).not.toHaveBeenCalled();
  });

  it('signs out when the refresh fails', async () => {
    server.state.sessionCookieValid = false;
    await expect(regions()).rejects.toMatchObject({ status: 401 });
    expect(server.state.refreshes).toBe(1);
    expect(sessionStore.get()).toBeNull();
    expect(hooks.onAuthLost).toHaveBeenCalledTimes(1);
  });

  it('after a reload, gets an access token from the session cookie before the first call', async () => {
    sessionStore.saveLogin(login('access-1'));
    // What a reload leaves: the profile from localStorage, no token in memory.
    (sessionStore.get() as { accessToken: string | null }).accessToken = null;
    await expect(regions()).resolves.toEqual({ url: '/api/v1/admin/regions' });
    expect(server.state.refreshes).toBe(1);
    expect(server.state.seen).toEqual(['POST /api/v1/auth/staff/refresh -', 'GET /api/v1/admin/regions Bearer access-2']);
  });

  it('sends no token for auth: false calls', async () => {
    sessionStore.saveLogin(login('access-2'));
    await data(api.GET('/scales', { params: { query: { all: true } }, auth: false }));
    expect(server.state.seen).toEqual(['GET /api/v1/scales?all=true -']);
  });

  it("surfaces the server's zh-CN message", async () => {
    sessionStore.saveLogin(login('access-2'));
    const error = await data(api.POST('/admin/articles', { body: { title: '标题' } as never })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiRequestError);
    expect(error).toMatchObject({ status: 409, code: 'CONFLICT', message: '名称已存在' });
    expect(hooks.onError).toHaveBeenCalledWith(error);
  });

  it('stays quiet for silent requests', async () => {
    await expect(data(api.POST('/admin/articles', { body: {} as never, silent: true }))).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(hooks.onError).not.toHaveBeenCalled();
  });

  it('routes to the password change on PASSWORD_CHANGE_REQUIRED', async () => {
    await expect(data(api.GET('/auth/staff/me'))).rejects.toMatchObject({ code: 'PASSWORD_CHANGE_REQUIRED' });
    expect(hooks.onPasswordChangeRequired).toHaveBeenCalledTimes(1);
    expect(sessionStore.get()?.staff.mustChangePassword).toBe(true);
  });

  it('reports network failures in Chinese', async () => {
    global.fetch = jest.fn(async () => {
      throw new TypeError('fetch failed');
    }) as unknown as typeof fetch;
    await expect(regions()).rejects.toMatchObject({ code: 'NETWORK_ERROR', message: '网络异常，请检查网络连接后重试' });
    expect(hooks.onError).toHaveBeenCalledTimes(1);
  });

  it('downloads a file with the bearer token, refreshing an expired one first', async () => {
    const file = await download(api.GET('/admin/scales/stats/export', { params: { query: { scaleCode: 'phq-9', regionId: undefined } }, parseAs: 'blob' }));
    expect(await file.blob.text()).toBe('xlsx-bytes');
    expect(file.filename).toBe('测评.xlsx');
    expect(server.state.refreshes).toBe(1);
    expect(server.state.seen.at(-1)).toBe(`GET ${FILE}?scaleCode=phq-9 Bearer access-2`);
  });

  it('reports a failed download like any other request', async () => {
    sessionStore.saveLogin(login('access-2'));
    await expect(download(api.GET('/admin/questions/export', { parseAs: 'blob' }))).rejects.toMatchObject({ status: 409, message: '名称已存在' });
    expect(hooks.onError).toHaveBeenCalledTimes(1);
  });
});

describe('the typed client', () => {
  beforeEach(() => {
    global.fetch = fakeServer().fetchMock as unknown as typeof fetch;
    sessionStore.saveLogin(login('access-2'));
  });

  it('substitutes path parameters (encoded) and serialises the query without empty values', async () => {
    await expect(
      data(api.GET('/admin/events/{id}/registrations', { params: { path: { id: 12 }, query: { page: 1, keyword: '', status: undefined } } })),
    ).resolves.toEqual({ url: '/api/v1/admin/events/12/registrations?page=1' });
    await expect(data(api.GET('/admin/scales/{code}', { params: { path: { code: 'phq 9/a' } } }))).resolves.toEqual({
      url: '/api/v1/admin/scales/phq%209%2Fa',
    });
  });

  it('refuses, at type-check time, routes, parameters and bodies the contract does not have', () => {
    // Never called: `pnpm typecheck` fails if any of these lines compiles.
    const wrong = () => [
      // @ts-expect-error: no such route
      api.GET('/admin/no-such-route'),
      // @ts-expect-error: no such method on the route
      api.PATCH('/admin/articles/{id}', { params: { path: { id: 1 } } }),
      // @ts-expect-error: the path parameter is required
      api.GET('/admin/articles/{id}'),
      // @ts-expect-error: the path parameter is a number
      api.GET('/admin/articles/{id}', { params: { path: { id: 'one' } } }),
      // @ts-expect-error: not a status the query takes
      api.GET('/admin/articles', { params: { query: { status: 'gone' } } }),
      // @ts-expect-error: the body lacks the required password
      api.POST('/auth/staff/login', { body: { username: 'admin' } }),
    ];
    expect(typeof wrong).toBe('function');
  });
});

describe('filenameFromDisposition', () => {
  it('prefers the RFC 5987 name and falls back to the plain one', () => {
    expect(filenameFromDisposition("attachment; filename*=UTF-8''%E6%B5%8B%E8%AF%84%E7%BB%9F%E8%AE%A1.xlsx")).toBe('测评统计.xlsx');
    expect(filenameFromDisposition('attachment; filename="stats.xlsx"')).toBe('stats.xlsx');
    expect(filenameFromDisposition('attachment; filename=stats.xlsx')).toBe('stats.xlsx');
    expect(filenameFromDisposition('attachment; filename="a.xlsx"; filename*=UTF-8\'\'%ZZ')).toBe('a.xlsx');
    expect(filenameFromDisposition('attachment')).toBeNull();
    expect(filenameFromDisposition(null)).toBeNull();
  });
});
