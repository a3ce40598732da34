import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'crypto';
import { APP_CONFIG, type AppConfig } from '../../common/config/env';
import { callJson } from './notice-http';
import { aliyunSignature, tc3Authorization } from './sms-signing';

/** What became of one SMS: a later try may help (`retry`), or it cannot (`rejected`). */
export type SmsResult = { ok: true; id: string | null } | { ok: false; retry: boolean; error: string };

const DEFAULT_BASE = { tencent: 'https://sms.tencentcloudapi.com', aliyun: 'https://dysmsapi.aliyuncs.com' } as const;

/** Tencent error codes worth another try: their side busy or our rate. */
const TENCENT_RETRY = /^(InternalError|RequestLimitExceeded|ResourceUnavailable)/;
const ALIYUN_RETRY = /^(isp\.|Throttling|ServiceUnavailable)/;

/**
 * SMS through Tencent Cloud (SendSms 2021-01-11, TC3-HMAC-SHA256) or Aliyun (SendSms 2017-05-25,
 * HMAC-SHA1 RPC signature). The secret key is never logged nor put into an error.
 */
@Injectable()
export class SmsClient {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  isConfigured(): boolean {
    return Boolean(this.config.SMS_PROVIDER);
  }

  async send(mobile: string, params: [string, string, string], now = new Date()): Promise<SmsResult> {
    const c = this.config;
    if (!c.SMS_PROVIDER || !c.SMS_SECRET_ID || !c.SMS_SECRET_KEY || !c.SMS_SIGN_NAME || !c.SMS_TEMPLATE_ALERT)
      return { ok: false, retry: false, error: 'SMS is not configured' };
    const base = c.SMS_BASE_URL ?? DEFAULT_BASE[c.SMS_PROVIDER];
    return c.SMS_PROVIDER === 'tencent' ? this.tencent(base, mobile, params, now) : this.aliyun(base, mobile, params, now);
  }

  private async tencent(base: string, mobile: string, params: [string, string, string], now: Date): Promise<SmsResult> {
    const c = this.config;
    const payload = JSON.stringify({
      PhoneNumberSet: [`+86${mobile}`],
      SmsSdkAppId: c.SMS_SDK_APP_ID,
      SignName: c.SMS_SIGN_NAME,
      TemplateId: c.SMS_TEMPLATE_ALERT,
      TemplateParamSet: params,
    });
    const host = new URL(base).host;
    const timestamp = Math.floor(now.getTime() / 1000);
    const authorization = tc3Authorization({
      secretId: c.SMS_SECRET_ID!,
      secretKey: c.SMS_SECRET_KEY!,
      host,
      service: 'sms',
      action: 'SendSms',
      payload,
      timestamp,
    });
    const answer = await callJson(
      `${base}/`,
      {
        method: 'POST',
        headers: {
          authorization,
          'content-type': 'application/json; charset=utf-8',
          'x-tc-action': 'SendSms',
          'x-tc-version': '2021-01-11',
          'x-tc-timestamp': String(timestamp),
          'x-tc-region': c.SMS_REGION,
        },
        body: payload,
      },
      c.NOTIFY_HTTP_TIMEOUT_MS,
    );
    if (!answer.ok) return { ok: false, retry: true, error: answer.error };
    const response = (answer.body.Response ?? {}) as {
      Error?: { Code?: string; Message?: string };
      SendStatusSet?: { Code?: string; Message?: string; SerialNo?: string }[];
    };
    const failure =
      response.Error ??
      (response.SendStatusSet?.[0]?.Code !== 'Ok' ? (response.SendStatusSet?.[0] ?? { Code: 'NoStatus', Message: 'no send status' }) : undefined);
    if (failure) {
      const code = failure.Code ?? 'Unknown';
      return { ok: false, retry: TENCENT_RETRY.test(code), error: `${code} ${failure.Message ?? ''}`.trim() };
    }
    return { ok: true, id: response.SendStatusSet?.[0]?.SerialNo ?? null };
  }

  private async aliyun(base: string, mobile: string, params: [string, string, string], now: Date): Promise<SmsResult> {
    const c = this.config;
    const query: Record<string, string> = {
      AccessKeyId: c.SMS_SECRET_ID!,
      Action: 'SendSms',
      Format: 'JSON',
      PhoneNumbers: mobile,
      RegionId: 'cn-hangzhou',
      SignName: c.SMS_SIGN_NAME!,
      SignatureMethod: 'HMAC-SHA1',
      SignatureNonce: randomUUID(),
      SignatureVersion: '1.0',
      TemplateCode: c.SMS_TEMPLATE_ALERT!,
      TemplateParam: JSON.stringify({ type: params[0], region: params[1], link: params[2] }),
      Timestamp: now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
      Version: '2017-05-25',
    };
    const signature = aliyunSignature('POST', query, c.SMS_SECRET_KEY!);
    const body = new URLSearchParams({ ...query, Signature: signature }).toString();
    const answer = await callJson(
      `${base}/`,
      { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body },
      c.NOTIFY_HTTP_TIMEOUT_MS,
    );
    if (!answer.ok) return { ok: false, retry: true, error: answer.error };
    const code = String(answer.body.Code ?? 'Unknown');
    if (code === 'OK') return { ok: true, id: typeof answer.body.BizId === 'string' ? answer.body.BizId : null };
    return { ok: false, retry: ALIYUN_RETRY.test(code), error: `${code} ${String(answer.body.Message ?? '')}`.trim() };
  }
}
