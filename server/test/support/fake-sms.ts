import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'http';
import type { AddressInfo } from 'net';
import { aliyunSignature, tc3Authorization } from '../../src/notifications/services/sms-signing';

export interface SentSms {
  provider: 'tencent' | 'aliyun';
  phone: string;
  signName: string;
  template: string;
  params: string[];
}

/**
 * A stand-in for Tencent Cloud SMS (SendSms 2021-01-11) and Aliyun SMS on loopback. It checks each
 * request's signature with the secret the test configured (AuthFailure / SignatureDoesNotMatch
 * otherwise) and records what was sent. Tests can take it down (HTTP 502) or slow it.
 */
export class FakeSms {
  readonly secretId = 'AKIDfakesmssecretid';
  readonly secretKey = 'fake-sms-secret-key';
  readonly sent: SentSms[] = [];
  calls = 0;
  down = false;
  delayMs = 0;
  /** A provider error code for the next calls (e.g. LimitExceeded.PhoneNumberDailyLimit). */
  errorCode: string | null = null;
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

  reset(): void {
    this.sent.length = 0;
    this.calls = 0;
    this.down = false;
    this.delayMs = 0;
    this.errorCode = null;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let text = '';
    for await (const chunk of req) text += chunk;
    this.calls++;
    if (this.delayMs) await new Promise((ok) => setTimeout(ok, this.delayMs));
    const reply = (body: unknown) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(body));
    };
    if (this.down) {
      res.statusCode = 502;
      res.end('<html>Bad Gateway</html>');
      return;
    }
    if (req.headers['x-tc-action']) return reply(this.tencent(req, text));
    return reply(this.aliyun(text));
  }

  private tencent(req: IncomingMessage, payload: string) {
    const h = req.headers;
    const error = (Code: string, Message: string) => ({ Response: { Error: { Code, Message }, RequestId: 'fake' } });
    if (h['x-tc-action'] !== 'SendSms' || h['x-tc-version'] !== '2021-01-11') return error('InvalidAction', 'unknown action or version');
    const expected = tc3Authorization({
      secretId: this.secretId,
      secretKey: this.secretKey,
      host: String(h.host),
      service: 'sms',
      action: 'SendSms',
      payload,
      timestamp: Number(h['x-tc-timestamp']),
    });
    if (h.authorization !== expected) return error('AuthFailure.SignatureFailure', 'The provided credentials could not be validated.');
    if (this.errorCode) return error(this.errorCode, 'injected');
    const body = JSON.parse(payload) as { PhoneNumberSet: string[]; SignName: string; TemplateId: string; TemplateParamSet: string[] };
    this.sent.push({ provider: 'tencent', phone: body.PhoneNumberSet[0], signName: body.SignName, template: body.TemplateId, params: body.TemplateParamSet });
    return {
      Response: {
        SendStatusSet: [{ SerialNo: `fake-${this.sent.length}`, PhoneNumber: body.PhoneNumberSet[0], Code: 'Ok', Message: 'send success' }],
        RequestId: 'fake',
      },
    };
  }

  private aliyun(form: string) {
    const params = Object.fromEntries(new URLSearchParams(form));
    const { Signature, ...signed } = params;
    if (params.AccessKeyId !== this.secretId || Signature !== aliyunSignature('POST', signed, this.secretKey))
      return { Code: 'SignatureDoesNotMatch', Message: 'Specified signature is not matched with our calculation.' };
    if (this.errorCode) return { Code: this.errorCode, Message: 'injected' };
    const p = JSON.parse(params.TemplateParam) as Record<string, string>;
    this.sent.push({
      provider: 'aliyun',
      phone: params.PhoneNumbers,
      signName: params.SignName,
      template: params.TemplateCode,
      params: [p.type, p.region, p.link],
    });
    return { Code: 'OK', Message: 'OK', BizId: `fake-${this.sent.length}`, RequestId: 'fake' };
  }
}
