import Taro from '@tarojs/taro';
import { mockRequest, routeRequests } from '../../test/helpers';
import { RequestError, buildQuery, call, fillPath, request, setReloginHandler } from './request';
import { getToken } from './session';
import { STORAGE_KEYS } from './storage';

const showToast = Taro.showToast as unknown as jest.Mock;

function storeToken(token: string, expiresAt?: number): void {
  Taro.setStorageSync(STORAGE_KEYS.token, token);
  if (expiresAt) Taro.setStorageSync(STORAGE_KEYS.tokenExpiresAt, expiresAt);
}

async function rejection(p: Promise<unknown>): Promise<RequestError> {
  try {
    await p;
  } catch (e) {
    return e as RequestError;
  }
  throw new Error('expected the call to fail');
}

beforeEach(() => setReloginHandler(null));

describe('request: URLs and headers', () => {
  it('calls same-origin /api/v1 on H5 and drops empty query values', async () => {
    const sent = routeRequests({ 'GET /api/v1/articles': () => ({ statusCode: 200, data: { items: [], total: 0, page: 2, pageSize: 10 } }) });
    const page = await request('/articles', { query: { category: undefined, page: 2, pageSize: 10, keyword: '' } });
    expect(page).toEqual({ items: [], total: 0, page: 2, pageSize: 10 });
    expect(sent[0].url).toBe('/api/v1/articles?page=2&pageSize=10');
    expect(sent[0].header.Authorization).toBeUndefined();
  });

  it('uses TARO_APP_API_BASE on weapp and sends PATCH as PUT (wx.request has no PATCH)', async () => {
    process.env.TARO_ENV = 'weapp';
    process.env.TARO_APP_API_BASE = 'https://xq.example.cn/';
    storeToken('tok-1');
    const sent = routeRequests({ 'PUT https://xq.example.cn/api/v1/me': (req) => ({ statusCode: 200, data: req.data }) });
    const me = await request('/me', { method: 'PATCH', data: { nickname: '小王' }, auth: 'required' });
    expect(me).toEqual({ nickname: '小王' });
    expect(sent[0].header).toMatchObject({ Authorization: 'Bearer tok-1', 'Content-Type': 'application/json' });
  });

  it('refuses to call on weapp when no API origin is configured', async () => {
    process.env.TARO_ENV = 'weapp';
    const err = await rejection(request('/articles'));
    expect(err.code).toBe('API_NOT_CONFIGURED');
    expect(mockRequest).not.toHaveBeenCalled();
  });

  it('sends the stored bearer token, but never with auth: none', async () => {
    storeToken('tok-2');
    const sent = routeRequests({
      'GET /api/v1/me': () => ({ statusCode: 200, data: { id: 1 } }),
      'POST /api/v1/auth/dev/login': () => ({ statusCode: 200, data: {} }),
    });
    await request('/me', { auth: 'required' });
    await request('/auth/dev/login', { method: 'POST', data: { openid: 'x' }, auth: 'none' });
    expect(sent[0].header.Authorization).toBe('Bearer tok-2');
    expect(sent[1].header.Authorization).toBeUndefined();
  });

  it('ignores an expired token', async () => {
    storeToken('old', Date.now() - 1000);
    const sent = routeRequests({ 'GET /api/v1/articles': () => ({ statusCode: 200, data: [] }) });
    await request('/articles');
    expect(sent[0].header.Authorization).toBeUndefined();
    expect(getToken()).toBeNull();
  });

  it('answers undefined for 204', async () => {
    storeToken('tok');
    routeRequests({ 'DELETE /api/v1/me': () => ({ statusCode: 204 }) });
    await expect(request('/me', { method: 'DELETE', auth: 'required' })).resolves.toBeUndefined();
  });

  it('builds query strings with encoding', () => {
    expect(buildQuery({ a: '心 桥', b: 0, c: null })).toBe('?a=%E5%BF%83%20%E6%A1%A5&b=0');
    expect(buildQuery({})).toBe('');
  });
});

describe('request: error mapping', () => {
  it('throws the server message and code and shows it as a toast', async () => {
    routeRequests({
      'GET /api/v1/articles/9': () => ({ statusCode: 404, data: { statusCode: 404, code: 'NOT_FOUND', message: '文章不存在或已下线' } }),
    });
    const err = await rejection(request('/articles/9'));
    expect(err).toBeInstanceOf(RequestError);
    expect(err).toMatchObject({ message: '文章不存在或已下线', code: 'NOT_FOUND', statusCode: 404 });
    expect(showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '文章不存在或已下线', icon: 'none' }));
  });

  it('keeps validation details and stays quiet with toast: false', async () => {
    routeRequests({
      'PATCH /api/v1/me': () => ({
        statusCode: 400,
        data: { statusCode: 400, code: 'VALIDATION_FAILED', message: '昵称不能超过 20 个字', details: [{ field: 'nickname' }] },
      }),
    });
    storeToken('tok');
    const err = await rejection(request('/me', { method: 'PATCH', data: { nickname: 'x'.repeat(30) }, auth: 'required', toast: false }));
    expect(err).toMatchObject({ code: 'VALIDATION_FAILED', message: '昵称不能超过 20 个字', details: [{ field: 'nickname' }] });
    expect(showToast).not.toHaveBeenCalled();
  });

  it('falls back to a zh-CN message when the body is not an API error (proxy 502 page)', async () => {
    routeRequests({ 'GET /api/v1/regions': () => ({ statusCode: 502, data: '<html>Bad Gateway</html>' }) });
    const err = await rejection(request('/regions'));
    expect(err).toMatchObject({ code: 'HTTP_ERROR', statusCode: 502, message: '服务暂时不可用，请稍后再试' });
  });

  it('maps a failed connection to NETWORK_ERROR', async () => {
    routeRequests({ 'GET /api/v1/regions': () => 'network-error' });
    const err = await rejection(request('/regions'));
    expect(err).toMatchObject({ code: 'NETWORK_ERROR', statusCode: 0, message: '网络连接失败，请检查网络后重试' });
    expect(showToast).toHaveBeenCalledTimes(1);
  });
});

describe('request: 401 handling', () => {
  it('clears the token, logs in again once and repeats the call with the new token', async () => {
    storeToken('expired-on-server');
    const relogin = jest.fn(async () => storeToken('fresh'));
    setReloginHandler(relogin);
    const sent = routeRequests({
      'GET /api/v1/me': (req) =>
        req.header.Authorization === 'Bearer fresh'
          ? { statusCode: 200, data: { id: 7 } }
          : { statusCode: 401, data: { statusCode: 401, code: 'TOKEN_EXPIRED', message: '登录已过期' } },
    });
    await expect(request('/me', { auth: 'required' })).resolves.toEqual({ id: 7 });
    expect(relogin).toHaveBeenCalledTimes(1);
    expect(sent.map((r) => r.header.Authorization)).toEqual(['Bearer expired-on-server', 'Bearer fresh']);
    expect(showToast).not.toHaveBeenCalled();
  });

  it('re-logs in only once: a second 401 is thrown and the token forgotten', async () => {
    storeToken('a');
    let n = 0;
    setReloginHandler(jest.fn(async () => storeToken(`b${++n}`)));
    routeRequests({ 'GET /api/v1/me': () => ({ statusCode: 401, data: { statusCode: 401, code: 'UNAUTHENTICATED', message: '请先登录' } }) });
    const err = await rejection(request('/me', { auth: 'required' }));
    expect(err).toMatchObject({ code: 'UNAUTHENTICATED', statusCode: 401 });
    expect(n).toBe(1);
    expect(mockRequest).toHaveBeenCalledTimes(2);
    expect(getToken()).toBeNull();
  });

  it('logs in before a required call when there is no token', async () => {
    const relogin = jest.fn(async () => storeToken('new'));
    setReloginHandler(relogin);
    const sent = routeRequests({ 'GET /api/v1/me/export': () => ({ statusCode: 200, data: { resident: {} } }) });
    await request('/me/export', { auth: 'required' });
    expect(relogin).toHaveBeenCalledTimes(1);
    expect(sent[0].header.Authorization).toBe('Bearer new');
  });

  it('repeats an optional call anonymously when re-login fails', async () => {
    storeToken('stale');
    setReloginHandler(jest.fn(async () => Promise.reject(new RequestError('体验登录未开启', 'DEV_LOGIN_DISABLED', 403))));
    const sent = routeRequests({
      'GET /api/v1/articles': (req) =>
        req.header.Authorization
          ? { statusCode: 401, data: { statusCode: 401, code: 'TOKEN_EXPIRED', message: '登录已过期' } }
          : { statusCode: 200, data: { items: [] } },
    });
    await expect(request('/articles')).resolves.toEqual({ items: [] });
    expect(sent).toHaveLength(2);
  });
});

describe('call: requests typed by the contract', () => {
  it('fills path parameters (encoded), serialises the query and sends the body with the method', async () => {
    storeToken('tok');
    const sent = routeRequests({
      'GET /api/v1/me/responses/7': () => ({ statusCode: 200, data: { id: 7 } }),
      'POST /api/v1/events/3/registrations/me/offer': (req) => ({ statusCode: 200, data: req.data }),
      'GET /api/v1/scales/phq%209': () => ({ statusCode: 200, data: { code: 'phq 9' } }),
    });
    await expect(call('GET', '/me/responses/{id}', { params: { path: { id: 7 } }, auth: 'required' })).resolves.toEqual({ id: 7 });
    await expect(
      call('POST', '/events/{id}/registrations/me/offer', { params: { path: { id: 3 } }, body: { accept: true }, auth: 'required' }),
    ).resolves.toEqual({
      accept: true,
    });
    await call('GET', '/scales/{code}', { params: { path: { code: 'phq 9' } }, auth: 'none' });
    expect(sent.map((r) => `${r.method} ${r.url}`)).toEqual([
      'GET /api/v1/me/responses/7',
      'POST /api/v1/events/3/registrations/me/offer',
      'GET /api/v1/scales/phq%209',
    ]);
  });

  it('sends the query without empty values', async () => {
    const sent = routeRequests({ 'GET /api/v1/me/bookings': () => ({ statusCode: 200, data: { items: [] } }) });
    storeToken('tok');
    await call('GET', '/me/bookings', { params: { query: { scope: 'upcoming', page: 2, pageSize: undefined } }, auth: 'required' });
    expect(sent[0].url).toBe('/api/v1/me/bookings?scope=upcoming&page=2');
  });

  it('fillPath substitutes every placeholder', () => {
    expect(fillPath('/a/{id}/b/{code}', { id: 1, code: 'x/y' })).toBe('/a/1/b/x%2Fy');
    expect(fillPath('/plain')).toBe('/plain');
  });

  it('refuses, at type-check time, routes, parameters and bodies the contract does not have', () => {
    // Never called: ts-jest and the typecheck fail if any of these lines compiles.
    const wrong = () => [
      // @ts-expect-error: no such route
      call('GET', '/no-such-route', { auth: 'none' }),
      // @ts-expect-error: the route has no DELETE
      call('DELETE', '/articles/{id}', { params: { path: { id: 1 } }, auth: 'none' }),
      // @ts-expect-error: the path parameter is required
      call('GET', '/articles/{id}', { auth: 'none' }),
      // @ts-expect-error: the path parameter is a number
      call('GET', '/articles/{id}', { params: { path: { id: 'one' } }, auth: 'none' }),
      // @ts-expect-error: the body is required
      call('POST', '/checkins', { auth: 'required' }),
      // @ts-expect-error: `accept` is a boolean
      call('POST', '/events/{id}/registrations/me/offer', { params: { path: { id: 1 } }, body: { accept: 'yes' }, auth: 'required' }),
    ];
    expect(typeof wrong).toBe('function');
  });
});
