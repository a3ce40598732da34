import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'http';
import type { AddressInfo } from 'net';

export interface RecordedCall {
  method: string;
  path: string;
  query: Record<string, string>;
  body: string;
}

interface FakeAnswer {
  status?: number;
  json?: unknown;
  raw?: string;
  /** A binary answer (an image), sent with `contentType`. */
  bytes?: Buffer;
  contentType?: string;
  /** Waits this long before answering: a slow WeChat, or one the client gives up on. */
  delayMs?: number;
}

type Handler = (call: RecordedCall) => FakeAnswer | undefined;

export interface SentSubscribeMessage {
  accessToken: string;
  touser: string;
  template_id: string;
  page?: string;
  data: Record<string, { value: string }>;
  miniprogram_state?: string;
  lang?: string;
}

/** A valid 1x1 transparent PNG: what the fake answers for a mini-program code. */
export const FAKE_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

const TOKEN_PATHS = new Set(['/cgi-bin/message/subscribe/send', '/wxa/getwxacodeunlimit']);

/**
 * A stand-in for api.weixin.qq.com on loopback. Tests script its answers per path and read back the
 * calls the server made, so the real HTTP client code path is exercised end to end.
 * It issues access tokens as /cgi-bin/stable_token does (the same token to every caller until five
 * minutes before it expires, then a new one; a forced refresh voids the current one, at most once in
 * 30 s), checks them on the endpoints that need one (40001 for an unknown token, 42001 for an expired
 * one), records subscribe messages and answers a PNG for mini-program codes.
 */
export class FakeWechat {
  readonly appid = 'wx-test-appid';
  readonly secret = 'wx-test-secret';
  readonly calls: RecordedCall[] = [];
  /** js_code -> answer of jscode2session; unknown codes get errcode 40029 as WeChat does. */
  readonly sessions = new Map<string, Record<string, unknown>>();
  /** Issued access tokens -> when they expire (ms since epoch, fake's clock = real clock). */
  readonly tokens = new Map<string, number>();
  /** Every token issued since the last reset, in order (numbering goes on across resets, so a token cached by a client never comes back). */
  readonly issuedTokens: string[] = [];
  /** The token stable_token hands out now. */
  private stable?: { token: string; expiresAt: number };
  private lastForcedAt = -Infinity;
  /** Lifetime of the tokens it issues, in seconds (WeChat: 7200). */
  tokenTtlSeconds = 7200;
  /** Delay before answering a token request, to make concurrent callers overlap. */
  tokenDelayMs = 0;
  /** Subscribe messages accepted, in order. */
  readonly sentMessages: SentSubscribeMessage[] = [];
  /** Bodies of mini-program code requests that produced an image. */
  readonly qrCodes: Record<string, unknown>[] = [];
  private tokenSeq = 0;
  private handlers: Handler[] = [];
  private server?: Server;
  baseUrl = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((ok) => this.server!.listen(0, '127.0.0.1', ok));
    this.baseUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((ok) => (this.server ? this.server.close(() => ok()) : ok()));
  }

  /** Overrides answers until `reset()`; the first handler that returns something wins. */
  use(handler: Handler): void {
    this.handlers.unshift(handler);
  }

  /** Answers the next `times` calls to `path` with `errcode` (after they are recorded). */
  failNext(path: string, errcode: number, times = 1): void {
    let left = times;
    this.use((call) => {
      if (call.path !== path || left <= 0) return undefined;
      left--;
      return { json: { errcode, errmsg: `injected ${errcode}` } };
    });
  }

  /** Makes every issued token expired (42001), as after two hours. */
  expireTokens(): void {
    for (const token of this.tokens.keys()) this.tokens.set(token, 0);
    if (this.stable) this.stable.expiresAt = 0;
  }

  /** Voids every issued token (40001) for a new current one, as when another server forced a refresh. */
  revokeTokens(): void {
    this.tokens.clear();
    this.issue();
  }

  /** Refuses every issued token (40001) while stable_token still hands out the current one: what a forced refresh is for. */
  refuseTokens(): void {
    this.tokens.clear();
  }

  /** Calls made to `path`. */
  callsTo(path: string): RecordedCall[] {
    return this.calls.filter((c) => c.path === path);
  }

  reset(): void {
    this.handlers = [];
    this.calls.length = 0;
    this.sessions.clear();
    this.tokens.clear();
    this.issuedTokens.length = 0;
    this.stable = undefined;
    this.lastForcedAt = -Infinity;
    this.sentMessages.length = 0;
    this.qrCodes.length = 0;
    this.tokenTtlSeconds = 7200;
    this.tokenDelayMs = 0;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.baseUrl);
    let body = '';
    for await (const chunk of req) body += chunk;
    const call: RecordedCall = { method: req.method ?? 'GET', path: url.pathname, query: Object.fromEntries(url.searchParams), body };
    this.calls.push(call);
    const answer = this.handlers.map((h) => h(call)).find(Boolean) ?? (await this.defaultAnswer(call));
    if (answer.delayMs) await new Promise((ok) => setTimeout(ok, answer.delayMs));
    res.statusCode = answer.status ?? 200;
    if (answer.bytes) {
      res.setHeader('content-type', answer.contentType ?? 'application/octet-stream');
      res.end(answer.bytes);
      return;
    }
    res.setHeader('content-type', answer.contentType ?? 'application/json');
    res.end(answer.raw ?? JSON.stringify(answer.json));
  }

  private async defaultAnswer(call: RecordedCall): Promise<FakeAnswer> {
    const q = call.query;
    if (call.path === '/sns/jscode2session') {
      if (q.appid !== this.appid || q.secret !== this.secret || q.grant_type !== 'authorization_code') {
        return { json: { errcode: 40013, errmsg: 'invalid appid' } };
      }
      const session = this.sessions.get(q.js_code);
      return { json: session ?? { errcode: 40029, errmsg: 'invalid code' } };
    }
    if (call.path === '/cgi-bin/stable_token') return this.stableToken(call);
    if (TOKEN_PATHS.has(call.path)) {
      const expiresAt = this.tokens.get(q.access_token ?? '');
      if (expiresAt === undefined) return { json: { errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' } };
      if (expiresAt <= Date.now()) return { json: { errcode: 42001, errmsg: 'access_token expired' } };
      let payload: Record<string, unknown>;
      try {
        payload = JSON.parse(call.body) as Record<string, unknown>;
      } catch {
        return { json: { errcode: 47001, errmsg: 'data format error' } };
      }
      return call.path === '/wxa/getwxacodeunlimit' ? this.qrCode(payload) : this.subscribeSend(q.access_token, payload);
    }
    return { json: { errcode: 404, errmsg: `fake wechat has no ${call.path}` } };
  }

  private async stableToken(call: RecordedCall): Promise<FakeAnswer> {
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(call.body) as Record<string, unknown>;
    } catch {
      return { json: { errcode: 47001, errmsg: 'data format error' } };
    }
    if (call.method !== 'POST' || body.grant_type !== 'client_credential') return { json: { errcode: 40002, errmsg: 'invalid grant_type' } };
    if (body.appid !== this.appid) return { json: { errcode: 40013, errmsg: 'invalid appid' } };
    if (body.secret !== this.secret) return { json: { errcode: 40125, errmsg: 'invalid appsecret' } };
    if (this.tokenDelayMs) await new Promise((ok) => setTimeout(ok, this.tokenDelayMs));
    const now = Date.now();
    if (body.force_refresh === true && now - this.lastForcedAt >= 30_000) {
      // A forced refresh voids the current token at once; within 30 s of the last one it does nothing.
      this.lastForcedAt = now;
      if (this.stable) this.tokens.delete(this.stable.token);
      this.issue();
    } else if (!this.stable || this.stable.expiresAt - now <= 300_000) {
      // The current token is handed out until its last five minutes; the old one stays valid till it expires.
      this.issue();
    }
    const { token, expiresAt } = this.stable!;
    return { json: { access_token: token, expires_in: Math.floor((expiresAt - now) / 1000) } };
  }

  private issue(): void {
    const token = `fake-token-${++this.tokenSeq}`;
    const expiresAt = Date.now() + this.tokenTtlSeconds * 1000;
    this.tokens.set(token, expiresAt);
    this.issuedTokens.push(token);
    this.stable = { token, expiresAt };
  }

  private subscribeSend(accessToken: string, payload: Record<string, unknown>): FakeAnswer {
    if (typeof payload.touser !== 'string' || !payload.touser) return { json: { errcode: 40003, errmsg: 'invalid openid' } };
    if (typeof payload.template_id !== 'string' || !payload.template_id) return { json: { errcode: 40037, errmsg: 'invalid template_id' } };
    if (!payload.data || typeof payload.data !== 'object') return { json: { errcode: 47003, errmsg: 'argument invalid! data is empty' } };
    this.sentMessages.push({ accessToken, ...(payload as Omit<SentSubscribeMessage, 'accessToken'>) });
    return { json: { errcode: 0, errmsg: 'ok', msgid: 1_000_000 + this.sentMessages.length } };
  }

  private qrCode(payload: Record<string, unknown>): FakeAnswer {
    if (typeof payload.scene !== 'string' || payload.scene.length === 0 || payload.scene.length > 32) {
      return { json: { errcode: 40169, errmsg: 'invalid length for scene, or the data is not json string' } };
    }
    if (payload.width !== undefined && (typeof payload.width !== 'number' || payload.width < 280 || payload.width > 1280)) {
      return { json: { errcode: 40097, errmsg: 'invalid args' } };
    }
    this.qrCodes.push(payload);
    return { bytes: FAKE_PNG, contentType: 'image/png' };
  }
}
