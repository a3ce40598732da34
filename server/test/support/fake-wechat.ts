import { createServer, type IncomingMessage, type Server } from 'http';
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
}

type Handler = (call: RecordedCall) => FakeAnswer | undefined;

/**
 * A stand-in for api.weixin.qq.com on loopback. Tests script its answers per path and read back the
 * calls the server made, so the real HTTP client code path is exercised end to end.
 */
export class FakeWechat {
  readonly appid = 'wx-test-appid';
  readonly secret = 'wx-test-secret';
  readonly calls: RecordedCall[] = [];
  /** js_code -> answer of jscode2session; unknown codes get errcode 40029 as WeChat does. */
  readonly sessions = new Map<string, Record<string, unknown>>();
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

  reset(): void {
    this.handlers = [];
    this.calls.length = 0;
    this.sessions.clear();
  }

  private async handle(req: IncomingMessage, res: import('http').ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.baseUrl);
    let body = '';
    for await (const chunk of req) body += chunk;
    const call: RecordedCall = { method: req.method ?? 'GET', path: url.pathname, query: Object.fromEntries(url.searchParams), body };
    this.calls.push(call);
    const answer = this.handlers.map((h) => h(call)).find(Boolean) ?? this.defaultAnswer(call);
    res.statusCode = answer.status ?? 200;
    res.setHeader('content-type', 'application/json');
    res.end(answer.raw ?? JSON.stringify(answer.json));
  }

  private defaultAnswer(call: RecordedCall): FakeAnswer {
    if (call.path === '/sns/jscode2session') {
      const q = call.query;
      if (q.appid !== this.appid || q.secret !== this.secret || q.grant_type !== 'authorization_code') {
        return { json: { errcode: 40013, errmsg: 'invalid appid' } };
      }
      const session = this.sessions.get(q.js_code);
      return { json: session ?? { errcode: 40029, errmsg: 'invalid code' } };
    }
    return { json: { errcode: 404, errmsg: `fake wechat has no ${call.path}` } };
  }
}
