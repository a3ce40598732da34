import Taro from '@tarojs/taro';
import type { ResidentLoginResult } from '@xinqiao/shared';
import { requestPrivacyConsent } from './privacy';
import { RequestError, call, setReloginHandler } from './request';
import { clearSession, getToken, saveSession } from './session';
import { STORAGE_KEYS, STORAGE_PREFIXES, readStorage, removeStorage, removeStorageByPrefix, writeStorage } from './storage';

const DEV_OPENID_PATTERN = /^[A-Za-z0-9_-]{4,64}$/;

/** H5 has no wx.login: a stable 体验账号 openid kept in storage, generated once. */
export function getDevOpenid(): string {
  const stored = readStorage<string>(STORAGE_KEYS.devOpenid);
  if (stored) return stored;
  const random = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  const openid = `h5-${random}`;
  writeStorage(STORAGE_KEYS.devOpenid, openid);
  return openid;
}

export function isValidDevOpenid(openid: string): boolean {
  return DEV_OPENID_PATTERN.test(openid);
}

async function requireConsent(): Promise<void> {
  const agreed = await requestPrivacyConsent();
  if (!agreed) throw new RequestError('需要先同意《用户隐私保护指引》才能登录', 'PRIVACY_DECLINED');
}

/** 体验登录 (only when the server runs with AUTH_DEV_LOGIN=true). */
export async function devLogin(openid: string, options: { toast?: boolean } = {}): Promise<ResidentLoginResult> {
  await requireConsent();
  const result: ResidentLoginResult = await call('POST', '/auth/dev/login', { body: { openid }, auth: 'none', toast: options.toast });
  writeStorage(STORAGE_KEYS.devOpenid, openid);
  saveSession(result);
  return result;
}

/** wx.login -> code -> the server exchanges it for the openid and answers our own token. */
export async function wechatLogin(options: { toast?: boolean } = {}): Promise<ResidentLoginResult> {
  await requireConsent();
  let code: string;
  try {
    const res = await Taro.login();
    code = res.code;
  } catch {
    const error = new RequestError('微信登录失败，请稍后重试', 'LOGIN_FAILED');
    if (options.toast ?? true) void Taro.showToast({ title: error.message, icon: 'none' });
    throw error;
  }
  const result: ResidentLoginResult = await call('POST', '/auth/wechat/login', { body: { code }, auth: 'none', toast: options.toast });
  saveSession(result);
  return result;
}

/** Log in the way the platform allows. */
export function login(options: { toast?: boolean } = {}): Promise<ResidentLoginResult> {
  return process.env.TARO_ENV === 'h5' ? devLogin(getDevOpenid(), options) : wechatLogin(options);
}

let inFlight: Promise<void> | null = null;

/** Silent login the first time a feature needs it; concurrent callers share one login. */
export function ensureLogin(): Promise<void> {
  if (getToken()) return Promise.resolve();
  if (!inFlight) {
    inFlight = login({ toast: false })
      .then(() => undefined)
      .finally(() => {
        inFlight = null;
      });
  }
  return inFlight;
}

export function isLoggedIn(): boolean {
  return getToken() !== null;
}

/** Local sign-out (the token simply expires on the server). */
export function logout(): void {
  clearSession();
  // Unfinished scales hold answers and contact details: they must not outlive the session. An
  // unfinished quiz's request id belongs to the account: sent by someone else it would be refused.
  removeStorageByPrefix(STORAGE_PREFIXES.scaleDraft);
  removeStorageByPrefix(STORAGE_PREFIXES.quizDraft);
}

/** After the account is deleted: forget everything tied to it, including the 体验账号 id. */
export function forgetAccount(): void {
  logout();
  removeStorage(STORAGE_KEYS.devOpenid);
  removeStorage(STORAGE_KEYS.quizDemographics);
}

setReloginHandler(ensureLogin);
