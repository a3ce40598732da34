import { createHash, createHmac, timingSafeEqual } from 'crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'http';
import type { AddressInfo } from 'net';

interface FakeObject {
  body: Buffer;
  contentType: string;
  cacheControl: string | undefined;
  etag: string;
}

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();
/** RFC 3986 encoding, as SigV4 wants for query names and values. */
const encode = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * A stand-in for an S3-compatible store (PutObject, GetObject and HeadObject on path-style
 * URLs `/<bucket>/<key>`) on loopback. Every request must carry an AWS Signature V4 that it recomputes
 * from the request with its own secret: a wrong access key, region or secret is refused as S3 does
 * (403 InvalidAccessKeyId / AuthorizationHeaderMalformed / SignatureDoesNotMatch).
 */
export class FakeS3 {
  readonly accessKeyId = 'AKIDfakes3accesskey';
  /** Change it to see requests signed with the old secret refused. */
  secretAccessKey = 'fake-s3-secret-access-key';
  readonly region = 'ap-guangzhou';
  readonly bucket = 'xinqiao-test';
  readonly objects = new Map<string, FakeObject>();
  /** `METHOD key` of each request that passed the signature check, in order. */
  readonly requests: string[] = [];
  /** Accept requests and never answer them, as a store that hangs does. */
  stalled = false;
  endpoint = '';
  get port(): number {
    return Number(new URL(this.endpoint).port);
  }
  private server?: Server;

  /** `port`: listen where an earlier start did, to bring the store back after `stop()` (objects are kept). */
  async start(port = 0): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((ok) => this.server!.listen(port, '127.0.0.1', ok));
    this.endpoint = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((ok) => (this.server ? this.server.close(() => ok()) : ok()));
  }

  /** The settings an app needs to use this store. */
  env(): Record<string, string> {
    return {
      STORAGE_DRIVER: 's3',
      S3_ENDPOINT: this.endpoint,
      S3_REGION: this.region,
      S3_BUCKET: this.bucket,
      S3_ACCESS_KEY_ID: this.accessKeyId,
      S3_SECRET_ACCESS_KEY: this.secretAccessKey,
      S3_FORCE_PATH_STYLE: 'true',
    };
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (this.stalled) return;
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const error = (status: number, code: string) => {
      res.statusCode = status;
      res.setHeader('content-type', 'application/xml');
      res.end(req.method === 'HEAD' ? undefined : `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${code}</Message></Error>`);
    };
    const problem = this.authProblem(req, body);
    if (problem) return error(403, problem);

    const url = new URL(req.url!, this.endpoint);
    const [, bucket, ...rest] = url.pathname.split('/');
    const key = decodeURIComponent(rest.join('/'));
    if (bucket !== this.bucket) return error(404, 'NoSuchBucket');
    this.requests.push(`${req.method} ${key}`);
    const object = this.objects.get(key);
    switch (req.method) {
      case 'PUT': {
        const etag = `"${createHash('md5').update(body).digest('hex')}"`;
        this.objects.set(key, { body, contentType: String(req.headers['content-type']), cacheControl: req.headers['cache-control'], etag });
        res.setHeader('etag', etag);
        return void res.end();
      }
      case 'GET':
      case 'HEAD':
        if (!object) return error(404, 'NoSuchKey');
        res.setHeader('content-type', object.contentType);
        res.setHeader('content-length', object.body.length);
        res.setHeader('etag', object.etag);
        res.setHeader('last-modified', new Date().toUTCString());
        return void res.end(req.method === 'GET' ? object.body : undefined);
      default:
        return error(405, 'MethodNotAllowed');
    }
  }

  /** Checks the request's AWS Signature V4 header by recomputing it; the S3 error code when it is wrong. */
  private authProblem(req: IncomingMessage, body: Buffer): string | null {
    const header = String(req.headers.authorization ?? '');
    const m = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/s3\/aws4_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})$/.exec(header);
    if (!m) return 'AuthorizationHeaderMalformed';
    const [, accessKeyId, date, region, signedHeaders, signature] = m;
    if (accessKeyId !== this.accessKeyId) return 'InvalidAccessKeyId';
    const amzDate = String(req.headers['x-amz-date'] ?? '');
    if (region !== this.region || !amzDate.startsWith(date)) return 'AuthorizationHeaderMalformed';
    const names = signedHeaders.split(';');
    if (!names.includes('host') || !names.includes('x-amz-date') || !names.includes('x-amz-content-sha256')) return 'AuthorizationHeaderMalformed';
    const payloadHash = String(req.headers['x-amz-content-sha256']);
    if (payloadHash !== 'UNSIGNED-PAYLOAD' && payloadHash !== sha256(body)) return 'XAmzContentSHA256Mismatch';

    const url = new URL(req.url!, this.endpoint);
    const query = [...url.searchParams]
      .map(([k, v]) => [encode(k), encode(v)])
      .sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0))
      .map(([k, v]) => `${k}=${v}`)
      .join('&');
    const headers = names
      .map(
        (name) =>
          `${name}:${String(req.headers[name] ?? '')
            .trim()
            .replace(/\s+/g, ' ')}\n`,
      )
      .join('');
    const canonical = [req.method, url.pathname, query, headers, signedHeaders, payloadHash].join('\n');
    const scope = `${date}/${region}/s3/aws4_request`;
    const toSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256(canonical)].join('\n');
    const key = hmac(hmac(hmac(hmac(`AWS4${this.secretAccessKey}`, date), region), 's3'), 'aws4_request');
    const expected = createHmac('sha256', key).update(toSign).digest();
    return timingSafeEqual(expected, Buffer.from(signature, 'hex')) ? null : 'SignatureDoesNotMatch';
  }
}
