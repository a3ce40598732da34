import { createHash, createHmac } from 'crypto';

/**
 * Request signing of the two SMS providers, as pure functions of their inputs (time and nonce
 * included), so each can be checked against a worked example.
 */

const sha256hex = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');
const hmac256 = (key: string | Buffer, s: string) => createHmac('sha256', key).update(s, 'utf8').digest();

export interface Tc3Input {
  secretId: string;
  secretKey: string;
  /** e.g. `sms.tencentcloudapi.com`. */
  host: string;
  /** e.g. `sms`. */
  service: string;
  action: string;
  /** The JSON body exactly as sent. */
  payload: string;
  /** Unix seconds. */
  timestamp: number;
}

/**
 * Tencent Cloud API 3.0 signature (TC3-HMAC-SHA256) of a POST with a JSON body: canonical request
 * over content-type, host and x-tc-action; the key derived through date, service and `tc3_request`.
 * Returns the Authorization header value.
 */
export function tc3Authorization(i: Tc3Input): string {
  const date = new Date(i.timestamp * 1000).toISOString().slice(0, 10);
  const signedHeaders = 'content-type;host;x-tc-action';
  const canonicalHeaders = `content-type:application/json; charset=utf-8\nhost:${i.host}\nx-tc-action:${i.action.toLowerCase()}\n`;
  const canonicalRequest = ['POST', '/', '', canonicalHeaders, signedHeaders, sha256hex(i.payload)].join('\n');
  const scope = `${date}/${i.service}/tc3_request`;
  const stringToSign = ['TC3-HMAC-SHA256', String(i.timestamp), scope, sha256hex(canonicalRequest)].join('\n');
  const kDate = hmac256(`TC3${i.secretKey}`, date);
  const kService = hmac256(kDate, i.service);
  const kSigning = hmac256(kService, 'tc3_request');
  const signature = createHmac('sha256', kSigning).update(stringToSign, 'utf8').digest('hex');
  return `TC3-HMAC-SHA256 Credential=${i.secretId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
}

/** RFC 3986 percent-encoding as Aliyun's RPC signature wants it (space %20, `*` %2A, `~` kept). */
export function aliyunEncode(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * Aliyun RPC signature (SignatureVersion 1.0, HMAC-SHA1): the sorted, encoded query as a string to
 * sign `<METHOD>&%2F&<encoded query>`, keyed with `<AccessKeySecret>&`. Returns the base64 signature.
 */
export function aliyunSignature(method: 'GET' | 'POST', params: Record<string, string>, accessKeySecret: string): string {
  const query = Object.keys(params)
    .sort()
    .map((k) => `${aliyunEncode(k)}=${aliyunEncode(params[k])}`)
    .join('&');
  const stringToSign = `${method}&${aliyunEncode('/')}&${aliyunEncode(query)}`;
  return createHmac('sha1', `${accessKeySecret}&`).update(stringToSign, 'utf8').digest('base64');
}
