import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../common/config/env';
import { AppException } from '../common/errors/app-exception';

export interface WechatSession {
  openid: string;
  unionid?: string;
}

/** WeChat's documented errcodes, as answers a resident can act on. */
const ERRORS: Record<number, () => AppException> = {
  40029: () => new AppException(400, 'WECHAT_INVALID_CODE', '登录凭证无效或已过期，请重新进入小程序后再试'),
  40163: () => new AppException(400, 'WECHAT_INVALID_CODE', '登录凭证已被使用，请重新进入小程序后再试'),
  45011: () => new AppException(429, 'WECHAT_RATE_LIMITED', '登录过于频繁，请稍后再试'),
  40226: () => new AppException(403, 'WECHAT_USER_BLOCKED', '该微信账号存在安全风险，暂时无法登录'),
  [-1]: () => new AppException(503, 'WECHAT_UNAVAILABLE', '微信服务繁忙，请稍后再试'),
};

/**
 * The WeChat server API over HTTP. Its base URL is configurable so tests run it against a fake
 * server on loopback; the session_key it receives never leaves this class.
 */
@Injectable()
export class WechatClient {
  private readonly logger = new Logger('Wechat');

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

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

  private async getJson(path: string): Promise<Record<string, unknown>> {
    let res: Response;
    try {
      res = await fetch(`${this.config.WECHAT_API_BASE}${path}`, { signal: AbortSignal.timeout(this.config.WECHAT_TIMEOUT_MS) });
    } catch (e) {
      this.logger.warn({ err: e }, 'WeChat API unreachable');
      throw new AppException(503, 'WECHAT_UNAVAILABLE', '暂时无法连接微信服务，请稍后再试');
    }
    const text = await res.text();
    try {
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      return JSON.parse(text) as Record<string, unknown>;
    } catch {
      this.logger.warn({ status: res.status }, 'WeChat API answered something unexpected');
      throw new AppException(502, 'WECHAT_UNAVAILABLE', '微信服务返回异常，请稍后再试');
    }
  }
}
