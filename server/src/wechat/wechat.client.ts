import { Inject, Injectable, Logger } from '@nestjs/common';
import { WXA_SCENE_MAX_LENGTH, isValidWxaScene } from '@xinqiao/shared';
import { APP_CONFIG, type AppConfig } from '../common/config/env';
import { AppException } from '../common/errors/app-exception';

export interface WechatSession {
  openid: string;
  unionid?: string;
}

/** Which version of the mini-program a subscribe message opens. */
export type MiniprogramState = 'developer' | 'trial' | 'formal';

export interface SubscribeMessage {
  /** The resident's openid. */
  touser: string;
  templateId: string;
  /** Page opened from the message, query allowed (e.g. `pages/events/detail?id=7`). */
  page?: string;
  /** Template fields by key (`thing1`, `time2` …); each is sent as `{ value }`. */
  data: Record<string, string>;
  miniprogramState?: MiniprogramState;
}

/**
 * Outcome of one send, for the delivery record and the retry decision:
 * - `refused` (43101): the resident did not subscribe or has used up their one-time permission;
 *   retrying cannot help, a new permission must come from the resident;
 * - `rejected`: WeChat refused the request itself (bad openid, template, data or page): fix, don't retry;
 * - `not_configured`: no AppID/AppSecret;
 * - `unavailable`: network, timeout, busy, rate limit or an unknown error: retry later.
 */
export type SubscribeSendResult =
  | { ok: true; msgid: string | null }
  | { ok: false; reason: 'refused' | 'rejected' | 'not_configured' | 'unavailable'; retryable: boolean; errcode: number | null; errmsg: string };

export interface UnlimitedQrCodeRequest {
  /** At most 32 characters of [0-9a-zA-Z!#$&'()*+,/:;=?@-._~]; the page receives it as `scene`. */
  scene: string;
  /** Page path without a leading slash or query, e.g. `pages/events/checkin`; default: the home page. */
  page?: string;
  /** Image width in px, 280-1280 (WeChat's default 430). */
  width?: number;
  /** WeChat checks that `page` exists in the released version; turn off for trial/develop builds. */
  checkPath?: boolean;
  envVersion?: 'release' | 'trial' | 'develop';
}

export interface WechatImage {
  contentType: string;
  bytes: Buffer;
}

/** WeChat's documented errcodes of jscode2session, as answers a resident can act on. */
const ERRORS: Record<number, () => AppException> = {
  40029: () => new AppException(400, 'WECHAT_INVALID_CODE', '登录凭证无效或已过期，请重新进入小程序后再试'),
  40163: () => new AppException(400, 'WECHAT_INVALID_CODE', '登录凭证已被使用，请重新进入小程序后再试'),
  45011: () => new AppException(429, 'WECHAT_RATE_LIMITED', '登录过于频繁，请稍后再试'),
  40226: () => new AppException(403, 'WECHAT_USER_BLOCKED', '该微信账号存在安全风险，暂时无法登录'),
  [-1]: () => new AppException(503, 'WECHAT_UNAVAILABLE', '微信服务繁忙，请稍后再试'),
};

/** The access token was rejected: 40001 invalid, 42001 expired, 40014 malformed. Refetch once and retry. */
const TOKEN_ERRCODES = new Set([40001, 40014, 42001]);
/** Subscribe-message errcodes caused by the request itself (openid, template, data, page); retrying cannot help. */
const SUBSCRIBE_REJECTED = new Set([40003, 40037, 41028, 41029, 41030, 47003]);
/** A token is refetched this long before WeChat says it expires (at most half its lifetime). */
const TOKEN_REFRESH_MARGIN_S = 300;
/** WeChat ignores a forced refresh within 30 s of the previous one. */
const FORCED_REFRESH_INTERVAL_MS = 30_000;

interface JsonAnswer {
  kind: 'json';
  body: Record<string, unknown>;
}
interface ImageAnswer {
  kind: 'image';
  image: WechatImage;
}

/**
 * The WeChat server API over HTTP. Its base URL is configurable so tests run it against a fake
 * server on loopback; the session_key and AppSecret it handles never leave this class, and neither
 * they nor the access token are logged.
 *
 * The access token comes from /cgi-bin/stable_token, which hands every caller the same token until
 * five minutes before it expires (then a new one, both valid meanwhile): several instances sharing
 * one AppID each fetch it and all hold the same token, with or without Redis, and none of them makes
 * another's token invalid. It is cached in memory until shortly before it expires; concurrent
 * callers share one fetch. A token WeChat refuses is replaced by asking again; only when WeChat
 * hands back the very token it refused is a refresh forced (which voids it for every instance), at
 * most once per 30 s per instance, as WeChat allows (and at most 20 a day, which WeChat enforces).
 */
@Injectable()
export class WechatClient {
  private readonly logger = new Logger('Wechat');
  private token?: { value: string; refreshAt: number };
  private tokenFetch?: Promise<string>;
  /** The forced refresh under way or done: the token it replaces, and the fetch shared by the callers that saw that token refused. */
  private forced?: { rejected: string; fetch: Promise<string> };
  private lastForcedAt = -Infinity;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Whether AppID and AppSecret are set (otherwise callers fall back, e.g. to a plain QR code). */
  isConfigured(): boolean {
    return Boolean(this.config.WECHAT_APPID && this.config.WECHAT_SECRET);
  }

  async code2Session(code: string): Promise<WechatSession> {
    const { WECHAT_APPID: appid, WECHAT_SECRET: secret } = this.config;
    if (!appid || !secret) throw new AppException(503, 'WECHAT_NOT_CONFIGURED', '小程序登录尚未配置，请联系管理员');
    const query = new URLSearchParams({ appid, secret, js_code: code, grant_type: 'authorization_code' });
    const body = await this.getJson(`/sns/jscode2session?${query}`);
    if (typeof body.openid === 'string' && body.openid && !body.errcode) {
      return { openid: body.openid, unionid: typeof body.unionid === 'string' ? body.unionid : undefined };
    }
    const errcode = Number(body.errcode);
    this.logger.warn({ errcode, errmsg: body.errmsg }, 'code2Session refused');
    throw (ERRORS[errcode] ?? (() => new AppException(502, 'WECHAT_UNAVAILABLE', '微信登录失败，请稍后再试')))();
  }

  /**
   * The mini-program's access token, from the cache while it has more than a few minutes left.
   * Throws AppException 503 when it cannot be had (not configured, WeChat unreachable or refusing).
   */
  async getAccessToken(): Promise<string> {
    const cached = this.token;
    if (cached && Date.now() < cached.refreshAt) return cached.value;
    if (!this.tokenFetch) {
      this.tokenFetch = this.fetchAccessToken().finally(() => {
        this.tokenFetch = undefined;
      });
    }
    return this.tokenFetch;
  }

  /**
   * Sends one subscribe message. Never throws for WeChat's answers: the result says whether a retry
   * can help, so the job queue can record the delivery and decide.
   */
  async sendSubscribeMessage(message: SubscribeMessage): Promise<SubscribeSendResult> {
    if (!this.isConfigured()) {
      return { ok: false, reason: 'not_configured', retryable: false, errcode: null, errmsg: 'WECHAT_APPID/WECHAT_SECRET not set' };
    }
    const payload = {
      touser: message.touser,
      template_id: message.templateId,
      ...(message.page ? { page: message.page } : {}),
      data: Object.fromEntries(Object.entries(message.data).map(([key, value]) => [key, { value }])),
      miniprogram_state: message.miniprogramState ?? 'formal',
      lang: 'zh_CN',
    };
    let body: Record<string, unknown>;
    try {
      body = await this.withAccessToken(
        (token) => this.postJson(`/cgi-bin/message/subscribe/send?access_token=${encodeURIComponent(token)}`, payload),
        (answer) => Number(answer.errcode ?? 0),
      );
    } catch (e) {
      const errmsg = e instanceof Error ? e.message : String(e);
      return { ok: false, reason: 'unavailable', retryable: true, errcode: null, errmsg };
    }
    const errcode = Number(body.errcode ?? 0);
    const errmsg = typeof body.errmsg === 'string' ? body.errmsg : '';
    // msgid is an int64 that JSON.parse may round; it is kept for reference only.
    if (errcode === 0) return { ok: true, msgid: body.msgid === undefined || body.msgid === null ? null : String(body.msgid) };
    this.logger.warn({ errcode, errmsg, templateId: message.templateId }, 'subscribe message not sent');
    if (errcode === 43101) return { ok: false, reason: 'refused', retryable: false, errcode, errmsg };
    if (SUBSCRIBE_REJECTED.has(errcode)) return { ok: false, reason: 'rejected', retryable: false, errcode, errmsg };
    return { ok: false, reason: 'unavailable', retryable: true, errcode, errmsg };
  }

  /**
   * A mini-program code image (wxa/getwxacodeunlimit) that opens `page` with `scene`. WeChat answers
   * the image on success and JSON with an errcode on failure; the content type tells them apart.
   */
  async getUnlimitedQrCode(request: UnlimitedQrCodeRequest): Promise<WechatImage> {
    const { scene, page, width } = request;
    if (!isValidWxaScene(scene)) {
      throw AppException.badRequest(`小程序码参数无效：须为 1-${WXA_SCENE_MAX_LENGTH} 个字母、数字或符号 !#$&'()*+,/:;=?@-._~`);
    }
    if (page !== undefined && (!/^[\w\-./]+$/.test(page) || page.startsWith('/'))) {
      throw AppException.badRequest('小程序码页面路径无效：不能以 / 开头，也不能带参数');
    }
    if (width !== undefined && (!Number.isInteger(width) || width < 280 || width > 1280)) {
      throw AppException.badRequest('小程序码宽度须为 280 到 1280 之间的整数');
    }
    if (!this.isConfigured()) throw new AppException(503, 'WECHAT_NOT_CONFIGURED', '微信小程序尚未配置，无法生成小程序码');
    const payload = {
      scene,
      ...(page ? { page } : {}),
      ...(width ? { width } : {}),
      ...(request.checkPath === undefined ? {} : { check_path: request.checkPath }),
      ...(request.envVersion ? { env_version: request.envVersion } : {}),
    };
    let answer: JsonAnswer | ImageAnswer;
    try {
      answer = await this.withAccessToken(
        (token) => this.post(`/wxa/getwxacodeunlimit?access_token=${encodeURIComponent(token)}`, payload),
        (a) => (a.kind === 'json' ? Number(a.body.errcode ?? 0) : 0),
      );
    } catch (e) {
      if (e instanceof AppException) throw e;
      throw new AppException(503, 'WECHAT_UNAVAILABLE', '暂时无法连接微信服务，请稍后再试');
    }
    if (answer.kind === 'image') return answer.image;
    const errcode = Number(answer.body.errcode);
    this.logger.warn({ errcode, errmsg: answer.body.errmsg }, 'getwxacodeunlimit refused');
    if (errcode === 45009) throw new AppException(429, 'WECHAT_RATE_LIMITED', '生成小程序码过于频繁，请稍后再试');
    if (errcode === 41030) throw new AppException(502, 'WECHAT_UNAVAILABLE', '小程序码页面不存在或尚未发布');
    throw new AppException(502, 'WECHAT_UNAVAILABLE', '生成小程序码失败，请稍后再试');
  }

  /** Runs `call` with the access token; if WeChat rejects the token, gets another once and runs again. */
  private async withAccessToken<T>(call: (token: string) => Promise<T>, errcodeOf: (answer: T) => number): Promise<T> {
    const token = await this.getAccessToken();
    const answer = await call(token);
    if (!TOKEN_ERRCODES.has(errcodeOf(answer))) return answer;
    this.logger.warn({ errcode: errcodeOf(answer) }, 'WeChat rejected the access token; fetching a new one');
    return call(await this.replaceAccessToken(token));
  }

  /**
   * A token instead of `rejected`: usually WeChat's current stable token is another one already
   * (another instance forced a refresh, or the token expired). Only if WeChat hands back the refused
   * token is a refresh forced, once for all the callers that saw it refused.
   */
  private async replaceAccessToken(rejected: string): Promise<string> {
    // Forget the cached token if it is still the refused one (a concurrent caller may have replaced it already).
    if (this.token?.value === rejected) this.token = undefined;
    const current = await this.getAccessToken();
    if (current !== rejected) return current;
    if (this.forced?.rejected === rejected) return this.forced.fetch;
    if (Date.now() - this.lastForcedAt < FORCED_REFRESH_INTERVAL_MS) return current;
    this.lastForcedAt = Date.now();
    const fetch: Promise<string> = this.fetchAccessToken(true).catch((e: unknown) => {
      // Failed: the next caller to see the token refused may force again (30 s on).
      if (this.forced?.fetch === fetch) this.forced = undefined;
      throw e;
    });
    this.forced = { rejected, fetch };
    return fetch;
  }

  private async fetchAccessToken(forceRefresh = false): Promise<string> {
    const { WECHAT_APPID: appid, WECHAT_SECRET: secret } = this.config;
    if (!appid || !secret) throw new AppException(503, 'WECHAT_NOT_CONFIGURED', '微信小程序尚未配置，请联系管理员');
    const body = await this.postJson('/cgi-bin/stable_token', { grant_type: 'client_credential', appid, secret, force_refresh: forceRefresh });
    const expiresIn = Number(body.expires_in);
    if (typeof body.access_token !== 'string' || !body.access_token || !(expiresIn > 0)) {
      this.logger.warn({ errcode: body.errcode, errmsg: body.errmsg }, 'access token refused');
      throw new AppException(503, 'WECHAT_UNAVAILABLE', '获取微信接口凭证失败，请稍后再试');
    }
    const margin = Math.min(TOKEN_REFRESH_MARGIN_S, expiresIn / 2);
    this.token = { value: body.access_token, refreshAt: Date.now() + (expiresIn - margin) * 1000 };
    return body.access_token;
  }

  private async request(path: string, init?: RequestInit): Promise<Response> {
    try {
      return await fetch(`${this.config.WECHAT_API_BASE}${path}`, { ...init, signal: AbortSignal.timeout(this.config.WECHAT_TIMEOUT_MS) });
    } catch (e) {
      // The URL may carry the AppSecret or the access token: log the error's kind only.
      this.logger.warn({ err: (e as Error).name, cause: (e as { cause?: { code?: string } }).cause?.code }, 'WeChat API unreachable');
      throw new AppException(503, 'WECHAT_UNAVAILABLE', '暂时无法连接微信服务，请稍后再试');
    }
  }

  private async getJson(path: string): Promise<Record<string, unknown>> {
    return this.parseJson(await this.request(path));
  }

  private async postJson(path: string, payload: unknown): Promise<Record<string, unknown>> {
    return this.parseJson(await this.request(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) }));
  }

  /** A POST whose successful answer is an image rather than JSON. */
  private async post(path: string, payload: unknown): Promise<JsonAnswer | ImageAnswer> {
    const res = await this.request(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) });
    const contentType = res.headers.get('content-type') ?? '';
    if (res.ok && contentType.toLowerCase().startsWith('image/')) {
      return { kind: 'image', image: { contentType: contentType.split(';')[0].trim(), bytes: Buffer.from(await res.arrayBuffer()) } };
    }
    return { kind: 'json', body: await this.parseJson(res) };
  }

  private async parseJson(res: Response): Promise<Record<string, unknown>> {
    let text: string;
    try {
      text = await res.text();
    } catch {
      throw new AppException(503, 'WECHAT_UNAVAILABLE', '暂时无法连接微信服务，请稍后再试');
    }
    try {
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const body: unknown = JSON.parse(text);
      if (!body || typeof body !== 'object' || Array.isArray(body)) throw new Error('not an object');
      return body as Record<string, unknown>;
    } catch {
      this.logger.warn({ status: res.status }, 'WeChat API answered something unexpected');
      throw new AppException(502, 'WECHAT_UNAVAILABLE', '微信服务返回异常，请稍后再试');
    }
  }
}
