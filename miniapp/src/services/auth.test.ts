import Taro from '@tarojs/taro';
import type { ResidentLoginResult } from '@xinqiao/shared';
import { routeRequests } from '../../test/helpers';
import { ensureLogin, forgetAccount, getDevOpenid } from './auth';
import { agreePrivacy, declinePrivacy, getPrivacyState } from './privacy';
import { request } from './request';
import { getCachedResident, getToken } from './session';
import { STORAGE_KEYS } from './storage';

function loginResult(token: string): ResidentLoginResult {
  return {
    accessToken: token,
    expiresIn: 7200,
    resident: {
      id: 5,
      nickname: null,
      regionId: null,
      regionName: null,
      populationGroup: null,
      ageBand: null,
      gender: null,
      createdAt: '2026-11-23T00:00:00Z',
    },
  };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('auth', () => {
  it('keeps one generated 体验账号 openid', () => {
    const first = getDevOpenid();
    expect(first).toMatch(/^h5-[a-z0-9]+$/);
    expect(getDevOpenid()).toBe(first);
  });

  it('H5: asks for privacy consent, then logs in with the stored openid and keeps the token', async () => {
    const sent = routeRequests({ 'POST /api/v1/auth/dev/login': () => ({ statusCode: 200, data: loginResult('dev-token') }) });
    const openid = getDevOpenid();
    const done = ensureLogin();
    await flush();
    expect(getPrivacyState().visible).toBe(true);
    expect(sent).toHaveLength(0);
    agreePrivacy();
    await done;
    expect(sent[0].data).toEqual({ openid });
    expect(getToken()).toBe('dev-token');
    expect(getCachedResident()?.id).toBe(5);
  });

  it('does not log in when the resident declines the privacy guide', async () => {
    const sent = routeRequests({});
    const done = ensureLogin();
    await flush();
    declinePrivacy();
    await expect(done).rejects.toMatchObject({ code: 'PRIVACY_DECLINED' });
    expect(sent).toHaveLength(0);
  });

  it('weapp: exchanges the wx.login code, and concurrent callers share one login', async () => {
    process.env.TARO_ENV = 'weapp';
    process.env.TARO_APP_API_BASE = 'https://xq.example.cn';
    agreePrivacy();
    const sent = routeRequests({ 'POST https://xq.example.cn/api/v1/auth/wechat/login': () => ({ statusCode: 200, data: loginResult('wx-token') }) });
    await Promise.all([ensureLogin(), ensureLogin(), ensureLogin()]);
    expect(Taro.login).toHaveBeenCalledTimes(1);
    expect(sent).toHaveLength(1);
    expect(sent[0].data).toEqual({ code: 'test-code' });
    expect(getToken()).toBe('wx-token');
  });

  it('a 401 on a resident call logs in again through the auth service', async () => {
    agreePrivacy();
    Taro.setStorageSync(STORAGE_KEYS.token, 'revoked');
    const sent = routeRequests({
      'POST /api/v1/auth/dev/login': () => ({ statusCode: 200, data: loginResult('renewed') }),
      'GET /api/v1/me': (req) =>
        req.header.Authorization === 'Bearer renewed'
          ? { statusCode: 200, data: { id: 5 } }
          : { statusCode: 401, data: { statusCode: 401, code: 'TOKEN_EXPIRED', message: '登录已过期' } },
    });
    await expect(request('/me', { auth: 'required' })).resolves.toEqual({ id: 5 });
    expect(sent.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /api/v1/me', 'POST /api/v1/auth/dev/login', 'GET /api/v1/me']);
  });

  it('forgetAccount clears the session and the 体验账号 id', () => {
    Taro.setStorageSync(STORAGE_KEYS.token, 't');
    const before = getDevOpenid();
    forgetAccount();
    expect(getToken()).toBeNull();
    expect(getDevOpenid()).not.toBe(before);
  });
});
