import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'http';
import type { AddressInfo } from 'net';

export interface RobotMessage {
  key: string;
  body: { msgtype?: string; markdown?: { content?: string } };
}

/**
 * A stand-in for 企业微信's group-robot webhook (`/cgi-bin/webhook/send?key=…`) on loopback. A key it
 * was told about gets `errcode: 0`; an unknown key 93000 as 企业微信 answers. Tests can take it down
 * (HTTP 502), slow it, or script an errcode.
 */
export class FakeWecom {
  readonly messages: RobotMessage[] = [];
  readonly keys = new Set<string>();
  calls = 0;
  /** Answer every call with HTTP 502. */
  down = false;
  delayMs = 0;
  /** Answer the next calls with this errcode. */
  errcode: number | null = null;
  baseUrl = '';
  private server?: Server;

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((ok) => this.server!.listen(0, '127.0.0.1', ok));
    this.baseUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((ok) => (this.server ? this.server.close(() => ok()) : ok()));
  }

  /** A webhook URL of a robot the fake knows. */
  webhook(key: string): string {
    this.keys.add(key);
    return `${this.baseUrl}/cgi-bin/webhook/send?key=${key}`;
  }

  reset(): void {
    this.messages.length = 0;
    this.keys.clear();
    this.calls = 0;
    this.down = false;
    this.delayMs = 0;
    this.errcode = null;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let text = '';
    for await (const chunk of req) text += chunk;
    this.calls++;
    if (this.delayMs) await new Promise((ok) => setTimeout(ok, this.delayMs));
    const url = new URL(req.url ?? '/', this.baseUrl);
    const reply = (status: number, body: unknown) => {
      res.statusCode = status;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(body));
    };
    if (this.down) {
      res.statusCode = 502;
      res.end('<html>Bad Gateway</html>');
      return;
    }
    if (req.method !== 'POST' || url.pathname !== '/cgi-bin/webhook/send') return reply(404, { errcode: 404, errmsg: 'not found' });
    const key = url.searchParams.get('key') ?? '';
    if (!this.keys.has(key)) return reply(200, { errcode: 93000, errmsg: 'invalid webhook url' });
    if (this.errcode !== null) return reply(200, { errcode: this.errcode, errmsg: `injected ${this.errcode}` });
    let body: RobotMessage['body'];
    try {
      body = JSON.parse(text) as RobotMessage['body'];
    } catch {
      return reply(200, { errcode: 40008, errmsg: 'invalid message type' });
    }
    if (body.msgtype !== 'markdown' || typeof body.markdown?.content !== 'string') return reply(200, { errcode: 40008, errmsg: 'invalid message type' });
    this.messages.push({ key, body });
    reply(200, { errcode: 0, errmsg: 'ok' });
  }
}
