/**
 * A deterministic fuzzer of the HTTP API, shared by the integration test (fastify inject, test/fuzz/fuzz.int-spec.ts)
 * and the standalone runner against a built server (tests/bench/fuzz.bench.mjs, `npm run fuzz`).
 *
 * It reads the OpenAPI document and calls every operation as anonymous, residents, staff of several roles and
 * holders of forged, expired and garbage tokens: first once each with a plausible request (which also tells who
 * gets past the access check and collects the ids of real rows), then with bad inputs for the callers that got
 * past it — path ids of other streets' rows, 0, -1, 2^31, 2^53, 1e300, text; query values of wrong types,
 * repeated, huge or empty; bodies whose properties are replaced by wrong types, null, arrays, objects, 100 KB
 * strings and 1000-deep JSON, bodies that are not objects at all; hostile headers on some requests.
 *
 * It needs only Node built-ins and @xinqiao/shared, so the runner can load it through ts-node.
 */
import { createHmac, randomUUID } from 'crypto';
import { ERROR_CODES, EVENT_REGISTRATION_CONSENT_VERSION, SCALE_CONSENT_VERSION } from '@xinqiao/shared';
import { DEMO_PASSWORD, DEMO_STAFF } from '../../src/demo/demo-data';

export interface FuzzRequest {
  method: string;
  /** Path and query string, e.g. `/api/v1/articles?page=1`. */
  url: string;
  headers: Record<string, string>;
  body?: string | Buffer;
}

export interface FuzzAnswer {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: string;
}

export type Send = (req: FuzzRequest) => Promise<FuzzAnswer>;

export interface FuzzOptions {
  send: Send;
  /** The server's JWT_SECRET: signs the expired token (a forged one uses another secret). */
  jwtSecret: string;
  /** The first system admin's password (`ADMIN_PASSWORD`); the fuzzer changes it to sign in. */
  adminPassword: string;
  /** Counts `audit_logs` rows per request id. */
  auditRows: (requestIds: string[]) => Promise<Map<string, number>>;
  seed?: number;
  /** Called with every request and its answer (the runners write them to `FUZZ_TRACE` if set). */
  trace?: (entry: Finding) => void;
}

export interface Finding {
  operation: string;
  variant: string;
  actor: string;
  method: string;
  url: string;
  status: number;
  body: string;
}

export interface FuzzReport {
  requests: number;
  operations: number;
  /** Answers with status >= 500. */
  serverErrors: Finding[];
  /** 4xx answers without `{ statusCode, code, message }` (the status as answered, a code of ERROR_CODES, a message). */
  badErrorShapes: Finding[];
  /** Audited staff requests answered 2xx whose request id has not exactly one audit row. */
  auditGaps: (Finding & { requestId: string; rows: number })[];
  auditedRequests: number;
  /** Answers by status class: `2xx`, `4xx` ... */
  statusCounts: Record<string, number>;
}

/** The one-line summary both runners print. */
export function summary(report: FuzzReport, label: string): string {
  const byClass = Object.entries(report.statusCounts)
    .sort()
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
  return `fuzz ${label}: requests tried ${report.requests} (${report.operations} operations; ${byClass}), 5xx answers ${report.serverErrors.length}, audit gaps ${report.auditGaps.length} of ${report.auditedRequests} audited requests, malformed 4xx ${report.badErrorShapes.length}`;
}

// ---------------------------------------------------------------------------------------------------------------
// OpenAPI, just the parts used here

interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  minimum?: number;
  maximum?: number;
  example?: unknown;
  nullable?: boolean;
  allOf?: Schema[];
}

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema?: Schema;
}

interface Operation {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema?: Schema }> };
  'x-audit'?: { action: string; resourceType: string; read?: boolean };
}

interface OpenApi {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}

interface Op {
  method: string;
  path: string;
  name: string;
  op: Operation;
  params: Parameter[];
  bodySchema?: Schema;
  multipart: boolean;
  auditedRead: boolean;
  pathValues?: Record<string, string>;
  template?: unknown;
  /** Entries for a body property that is a free map (answers by question code), from the resource the path names. */
  mapEntries?: Record<string, unknown>;
}

interface Mutation {
  variant: string;
  req: Omit<FuzzRequest, 'method'>;
}

// ---------------------------------------------------------------------------------------------------------------
// Callers

interface Actor {
  name: string;
  kind: 'anonymous' | 'resident' | 'staff' | 'bad-token';
  token?: string;
}

function base64url(data: string | Buffer): string {
  return Buffer.from(data).toString('base64url');
}

/** An HS256 JWT, as @nestjs/jwt makes them. */
function jwt(payload: Record<string, unknown>, secret: string): string {
  const head = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const body = base64url(JSON.stringify(payload));
  return `${head}.${body}.${base64url(createHmac('sha256', secret).update(`${head}.${body}`).digest())}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Deterministic randomness (mulberry32)

class Rng {
  constructor(private state: number) {}
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Bad values

const BIG = 'x'.repeat(100 * 1024);

/** `depth` arrays nested in one another: `[[[...]]]`. */
export function nestedJson(depth: number): string {
  return '['.repeat(depth) + ']'.repeat(depth);
}

function nestedObject(depth: number): unknown {
  let v: unknown = {};
  for (let i = 0; i < depth; i++) v = { a: v };
  return v;
}

/** Values that are wrong for most fields: types, bounds, sizes. */
const BAD_VALUES: { name: string; value: () => unknown }[] = [
  { name: 'null', value: () => null },
  { name: 'string', value: () => 'abc' },
  { name: 'empty string', value: () => '' },
  { name: 'number', value: () => 42 },
  { name: 'negative', value: () => -1 },
  { name: 'zero', value: () => 0 },
  { name: 'fraction', value: () => 1.5 },
  { name: '2^31', value: () => 2 ** 31 },
  { name: '2^53', value: () => 2 ** 53 + 2 },
  { name: '1e300', value: () => 1e300 },
  { name: 'boolean', value: () => true },
  { name: 'array', value: () => [1, 'a', null] },
  { name: 'array of objects', value: () => [{ a: 1 }, { b: [] }] },
  { name: 'object', value: () => ({ a: 1, b: 'x' }) },
  { name: '100 KB string', value: () => BIG },
  { name: 'long array', value: () => Array.from({ length: 5000 }, (_, i) => i) },
  { name: '1000-deep object', value: () => nestedObject(1000) },
  { name: 'numeric string', value: () => '123' },
  { name: 'date-ish', value: () => '2026-13-45T99:99:99Z' },
  { name: 'unicode', value: () => '心桥\u0000\u202e<script>' },
];

const BAD_QUERY_VALUES: { name: string; value: string | string[] }[] = [
  { name: 'text', value: 'abc' },
  { name: 'empty', value: '' },
  { name: '1e300', value: '1e300' },
  { name: 'negative', value: '-1' },
  { name: 'zero', value: '0' },
  { name: '2^31', value: '2147483648' },
  { name: '2^53', value: '9007199254740993' },
  { name: 'fraction', value: '1.5' },
  { name: 'Infinity', value: 'Infinity' },
  { name: 'NaN', value: 'NaN' },
  { name: 'hex', value: '0x10' },
  { name: 'repeated', value: ['1', '2'] },
  { name: 'repeated text', value: ['a', 'b'] },
  { name: 'LIKE wildcards', value: '%_%\\' },
  { name: 'quote', value: '\'"`;--' },
  { name: 'long', value: '9'.repeat(5000) },
  { name: 'unknown enum', value: 'no_such_value' },
  { name: 'true', value: 'true' },
  { name: 'object-like', value: '[object Object]' },
  { name: 'comma list', value: '1,abc,,2147483648' },
  { name: 'unicode', value: '心桥\u202e' },
];

/** Put in the path as they are: some are deliberately not valid percent-encoding. */
const BAD_PATH_VALUES: { name: string; value: string }[] = [
  { name: 'zero', value: '0' },
  { name: 'negative', value: '-1' },
  { name: '2^31', value: '2147483648' },
  { name: '2^53', value: '9007199254740993' },
  { name: '1e300', value: '1e300' },
  { name: 'text', value: 'abc' },
  { name: 'fraction', value: '1.5' },
  { name: 'long number', value: '9'.repeat(400) },
  { name: 'long text', value: 'a'.repeat(3000) },
  { name: 'spaces', value: '%201%20' },
  { name: 'unicode', value: encodeURIComponent('心桥') },
  { name: 'encoded slash', value: '1%2F..%2F2' },
  { name: 'bad percent-encoding', value: '%E0%A4%A' },
  { name: 'NUL', value: '1%00' },
];

/** Whole bodies that are not what any route expects. */
const BAD_BODIES: { name: string; text: string; type?: string }[] = [
  { name: 'array body', text: '[]' },
  { name: 'array of objects body', text: '[{"a":1}]' },
  { name: 'null body', text: 'null' },
  { name: 'string body', text: '"abc"' },
  { name: 'number body', text: '42' },
  { name: 'boolean body', text: 'true' },
  { name: 'empty object', text: '{}' },
  { name: '1000-deep arrays', text: nestedJson(1000) },
  { name: '100000-deep arrays', text: nestedJson(100000) },
  { name: '1000-deep objects', text: JSON.stringify(nestedObject(1000)) },
  { name: 'invalid JSON', text: '{"a":' },
  { name: 'proto pollution', text: '{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}}}' },
  { name: 'text/plain', text: '{"a":1}', type: 'text/plain' },
  { name: 'form-urlencoded', text: 'a=1&b=2', type: 'application/x-www-form-urlencoded' },
  { name: 'multipart on JSON route', text: '--b\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--b--\r\n', type: 'multipart/form-data; boundary=b' },
];

const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
  'hex',
);

function multipartBody(parts: { name: string; filename?: string; type?: string; data: Buffer | string }[]): { body: Buffer; type: string } {
  const boundary = '----xqfuzz' + randomUUID();
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const disposition = `form-data; name="${p.name}"${p.filename === undefined ? '' : `; filename="${p.filename}"`}`;
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n${p.type ? `Content-Type: ${p.type}\r\n` : ''}\r\n`));
    chunks.push(Buffer.from(p.data));
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), type: `multipart/form-data; boundary=${boundary}` };
}

const MULTIPART_VARIANTS: { name: string; make: () => { body: Buffer | string; type: string } }[] = [
  { name: 'image file', make: () => multipartBody([{ name: 'file', filename: 'a.png', type: 'image/png', data: PNG }]) },
  { name: 'no file', make: () => multipartBody([{ name: 'note', data: 'hello' }]) },
  { name: 'no parts', make: () => multipartBody([]) },
  { name: 'wrong field', make: () => multipartBody([{ name: 'upload', filename: 'a.png', type: 'image/png', data: PNG }]) },
  {
    name: 'garbage file',
    make: () => multipartBody([{ name: 'file', filename: 'a.xlsx', type: 'application/octet-stream', data: Buffer.from('PK\u0003\u0004garbage') }]),
  },
  { name: 'empty file', make: () => multipartBody([{ name: 'file', filename: '', data: '' }]) },
  { name: 'html file', make: () => multipartBody([{ name: 'file', filename: 'x.html', type: 'text/html', data: '<script>alert(1)</script>' }]) },
  { name: 'long file name', make: () => multipartBody([{ name: 'file', filename: 'a'.repeat(5000) + '.png', type: 'image/png', data: PNG }]) },
  {
    name: 'two files',
    make: () =>
      multipartBody([
        { name: 'file', filename: 'a.png', data: PNG },
        { name: 'file', filename: 'b.png', data: PNG },
      ]),
  },
  { name: 'bad boundary', make: () => ({ body: '--x\r\nnot really\r\n', type: 'multipart/form-data; boundary=other' }) },
  { name: 'no boundary', make: () => ({ body: 'abc', type: 'multipart/form-data' }) },
  { name: 'JSON body', make: () => ({ body: '{"file":"abc"}', type: 'application/json' }) },
  { name: 'no body', make: () => ({ body: '', type: 'application/json' }) },
];

/** Header values a raw client can put on the wire (Node rejects other control characters before any route). */
function hostileHeaders(rng: Rng, seq: number): { name: string; headers: Record<string, string> } {
  switch (rng.int(4)) {
    case 0:
      return { name: 'x-request-id of 500 characters', headers: { 'x-request-id': `${seq}-`.padEnd(500, 'r') } };
    case 1:
      // Non-ASCII as it arrives: UTF-8 bytes read as latin1, plus a tab.
      return { name: 'x-request-id with non-ASCII and tab', headers: { 'x-request-id': Buffer.from(`追踪\t${seq}-é`, 'utf8').toString('latin1') } };
    case 2:
      return { name: 'x-forwarded-for of 300 characters', headers: { 'x-forwarded-for': `10.0.${seq % 250}.1, `.repeat(30).slice(0, 300) } };
    default:
      return { name: 'x-request-id with spaces and quotes', headers: { 'x-request-id': `"${seq}" <script> ; DROP TABLE` } };
  }
}

// ---------------------------------------------------------------------------------------------------------------

/** Days from now for date-time fields, in the order routes expect them (sign-up opens before the event starts ...). */
const DATE_OFFSETS: Record<string, number> = {
  signupOpensAt: -1,
  opensAt: -1,
  from: -30,
  at: 0,
  checkedInAt: 0,
  signupClosesAt: 2,
  cancelClosesAt: 2,
  startsAt: 3,
  endsAt: 3.1,
  closesAt: 30,
  to: 30,
};

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Operations that can revoke the fuzzer's own sign-ins (staff accounts, passwords, the resident's account): run last. */
const CREDENTIAL_PATHS = [/^\/api\/v1\/admin\/staff/, /^\/api\/v1\/auth\/staff\/(logout|password)/];

function opOrder(o: Op): number {
  let rank = o.method === 'GET' ? 0 : 4;
  // Residents' writes before staff ones, so e.g. quizzes are answered before staff close them.
  if (o.path.startsWith('/api/v1/admin/')) rank += 2;
  if (o.params.some((p) => p.in === 'path')) rank += 1;
  if (o.method === 'DELETE') rank += 4;
  if (CREDENTIAL_PATHS.some((re) => re.test(o.path))) rank += 10;
  if (o.method === 'DELETE' && o.path === '/api/v1/me') rank += 20;
  return rank;
}

export async function runFuzz(options: FuzzOptions): Promise<FuzzReport> {
  return new Fuzzer(options).run();
}

class Fuzzer {
  private readonly rng: Rng;
  private readonly report: FuzzReport = {
    requests: 0,
    operations: 0,
    serverErrors: [],
    badErrorShapes: [],
    auditGaps: [],
    auditedRequests: 0,
    statusCounts: {},
  };
  private readonly audited: (Finding & { requestId: string })[] = [];
  /** Ids (or codes) seen in answers, by collection path and field name. */
  private readonly harvested = new Map<string, Set<string | number>>();
  private readonly allIds = new Set<number>();
  private doc!: OpenApi;
  private actors: Actor[] = [];
  private badTokens: Actor[] = [];
  private seq = 0;
  private current?: Op;
  private opIndex = 0;

  constructor(private readonly o: FuzzOptions) {
    this.rng = new Rng(o.seed ?? 20260611);
  }

  async run(): Promise<FuzzReport> {
    const docs = await this.call({ method: 'GET', url: '/api/docs-json', headers: {} }, 'GET /api/docs-json', 'setup', 'anonymous');
    this.doc = JSON.parse(docs.body) as OpenApi;
    await this.signIn();
    await this.fixtures();
    const ops = this.operations();
    this.report.operations = ops.length;
    for (const op of ops) await this.fuzzOperation(op);
    await this.checkAudit();
    return this.report;
  }

  // -- setup ------------------------------------------------------------------------------------------------

  private async signIn(): Promise<void> {
    const login = async (username: string, password: string) => {
      const res = await this.json('POST', '/api/v1/auth/staff/login', { username, password });
      if (res.status !== 201) throw new Error(`fuzz setup: login ${username} answered ${res.status} ${res.body}`);
      return JSON.parse(res.body) as { accessToken: string; mustChangePassword?: boolean };
    };
    let admin = await login('admin', this.o.adminPassword);
    if (admin.mustChangePassword) {
      const newPassword = `Fuzz#${randomUUID().slice(0, 12)}`;
      const changed = await this.json('POST', '/api/v1/auth/staff/password', { oldPassword: this.o.adminPassword, newPassword }, admin.accessToken);
      if (changed.status !== 201) throw new Error(`fuzz setup: admin password change answered ${changed.status} ${changed.body}`);
      admin = JSON.parse(changed.body);
    }
    this.actors.push({ name: 'anonymous', kind: 'anonymous' }, { name: 'admin', kind: 'staff', token: admin.accessToken });
    for (const s of DEMO_STAFF) this.actors.push({ name: s.username, kind: 'staff', token: (await login(s.username, DEMO_PASSWORD)).accessToken });

    const regions = JSON.parse((await this.json('GET', '/api/v1/regions')).body) as { id: number; level: string }[];
    this.collect('/api/v1/regions', regions);
    const communities = regions.filter((r) => r.level === 'community');
    for (const [i, name] of ['resident-a', 'resident-b'].entries()) {
      const res = await this.json('POST', '/api/v1/auth/dev/login', { openid: `fuzz-${name}-${this.o.seed ?? 0}` });
      if (res.status !== 201) throw new Error(`fuzz setup: dev login answered ${res.status} ${res.body}`);
      const token = (JSON.parse(res.body) as { accessToken: string }).accessToken;
      await this.json(
        'PATCH',
        '/api/v1/me',
        { regionId: communities[(i * 3) % communities.length]?.id, ageBand: '35to59', populationGroup: 'employee' },
        token,
      );
      this.actors.push({ name, kind: 'resident', token });
    }

    const staffClaims = { sub: 2, kind: 'staff', role: 'system_admin', regionPath: '/1/' };
    const now = Math.floor(Date.now() / 1000);
    this.badTokens = [
      { name: 'forged token', kind: 'bad-token', token: jwt({ ...staffClaims, iat: now, exp: now + 600 }, 'not-the-server-secret-' + randomUUID()) },
      { name: 'expired token', kind: 'bad-token', token: jwt({ ...staffClaims, iat: now - 7200, exp: now - 3600 }, this.o.jwtSecret) },
      {
        name: 'unsigned token',
        kind: 'bad-token',
        token: `${base64url('{"alg":"none","typ":"JWT"}')}.${base64url(JSON.stringify({ ...staffClaims, exp: now + 600 }))}.`,
      },
      { name: 'token of a deleted account', kind: 'bad-token', token: jwt({ sub: 2147483647, kind: 'resident', iat: now, exp: now + 600 }, this.o.jwtSecret) },
      { name: 'garbage token', kind: 'bad-token', token: 'garbage.' + 'x'.repeat(300) },
    ];
  }

  /**
   * Rows the demo data lacks, so that ids in paths name real rows of every kind: a published survey and a
   * practice quiz, a campaign, a resident's PHQ-9 result with its red alert, an event sign-up, a report job.
   */
  private async fixtures(): Promise<void> {
    const admin = this.admin.token;
    const resident = this.actors.find((a) => a.kind === 'resident')!.token;
    const must = async (what: string, res: Promise<FuzzAnswer>, collection?: string) => {
      const r = await res;
      if (r.status < 200 || r.status > 299) throw new Error(`fuzz setup: ${what} answered ${r.status} ${r.body}`);
      const body = r.body ? (JSON.parse(r.body) as Record<string, unknown>) : {};
      if (collection) this.collect(collection, body);
      return body;
    };
    const regions = JSON.parse((await this.json('GET', '/api/v1/regions')).body) as { id: number; level: string }[];
    const district = regions.find((r) => r.level === 'district')!.id;
    const day = 86_400_000;
    for (const kind of ['survey', 'practice']) {
      const quiz = await must(
        `create ${kind} quiz`,
        this.json(
          'POST',
          '/api/v1/admin/quizzes',
          {
            title: `模糊测试${kind}`,
            kind,
            regionId: district,
            year: new Date().getFullYear(),
            pointsPerItem: 5,
            passMark: 0.6,
            draw: { mode: 'random', perPoint: 1 },
            opensAt: new Date(Date.now() - day).toISOString(),
            closesAt: new Date(Date.now() + 30 * day).toISOString(),
          },
          admin,
        ),
        '/api/v1/admin/quizzes',
      );
      await must(`publish ${kind} quiz`, this.json('POST', `/api/v1/admin/quizzes/${quiz.id}/publish`, undefined, admin));
      this.collect('/api/v1/quizzes', quiz);
    }
    const today = new Date().toISOString().slice(0, 10);
    const campaign = await must(
      'create campaign',
      this.json(
        'POST',
        '/api/v1/admin/campaigns',
        {
          title: '模糊测试宣传月',
          startsOn: today,
          endsOn: new Date(Date.now() + 30 * day).toISOString().slice(0, 10),
          regionId: district,
          targets: { awareness_rate: 0.8 },
        },
        admin,
      ),
      '/api/v1/admin/campaigns',
    );
    this.collect('/api/v1/campaigns', campaign);

    const phq9 = await must('read PHQ-9', this.json('GET', '/api/v1/scales/phq-9'));
    const items = phq9.items as { id: string }[];
    await must(
      'submit PHQ-9 with a red alert',
      this.json(
        'POST',
        '/api/v1/scales/phq-9/responses',
        {
          scaleVersion: phq9.version,
          answers: Object.fromEntries(items.map((item) => [item.id, 3])),
          clientRequestId: randomUUID(),
          consent: { mode: 'save', followUp: true, contactPhone: '13800138000', version: SCALE_CONSENT_VERSION },
        },
        resident,
      ),
      '/api/v1/me/responses',
    );
    const events = await must('list events', this.json('GET', '/api/v1/events', undefined, resident), '/api/v1/events');
    const event = (events.items as { id: number }[])[0];
    await must(
      'sign up for an event',
      this.json(
        'POST',
        `/api/v1/events/${event.id}/registrations`,
        { consentVersion: EVENT_REGISTRATION_CONSENT_VERSION, name: '张三', phone: '13800138000', clientRequestId: randomUUID() },
        resident,
      ),
    );
    const quizIds = [...(this.harvested.get('/api/v1/admin/quizzes#id') ?? [])];
    await must('start a report job', this.json('POST', '/api/v1/admin/awareness/reports', { quizIds }, admin), '/api/v1/admin/jobs');
  }

  private operations(): Op[] {
    const ops: Op[] = [];
    for (const [path, byMethod] of Object.entries(this.doc.paths)) {
      for (const [m, op] of Object.entries(byMethod)) {
        const method = m.toUpperCase();
        const content = op.requestBody?.content ?? {};
        ops.push({
          method,
          path,
          name: `${method} ${path}`,
          op,
          params: op.parameters ?? [],
          bodySchema: content['application/json']?.schema,
          multipart: 'multipart/form-data' in content,
          auditedRead: op['x-audit']?.read === true,
        });
      }
    }
    return ops.sort((a, b) => opOrder(a) - opOrder(b) || a.name.localeCompare(b.name));
  }

  // -- one operation ------------------------------------------------------------------------------------------

  private async fuzzOperation(op: Op): Promise<void> {
    // The same rows throughout one operation, so the plausible body fits them (e.g. a quiz's question codes).
    op.pathValues = this.pickPathValues(op);
    op.template = await this.templateBody(op);
    op.mapEntries = await this.mapEntries(op);
    this.current = op;
    const passed: Actor[] = [];
    // One bad token per operation, in turn.
    const probes = [...this.actors, this.badTokens[this.opIndex % this.badTokens.length]];
    for (const actor of probes) {
      const res = await this.send(op, actor, 'plausible', this.plausible(op));
      if (actor.kind !== 'bad-token' && res.status !== 401 && res.status !== 403) passed.push(actor);
    }
    const callers = passed.length ? passed : this.actors.filter((a) => a.name === 'region_yc');
    const everyone = [...this.actors, ...this.badTokens];
    const mutations = this.mutations(op, this.opIndex++);
    for (const [i, m] of mutations.entries()) {
      const actor = i % 8 === 7 ? this.rng.pick(everyone) : callers[i % callers.length];
      await this.send(op, actor, m.variant, m.req);
    }
  }

  /** A request the route could accept: path ids of real rows, plausible query values and body. */
  private plausible(op: Op): Omit<FuzzRequest, 'method'> {
    const path = this.fillPath(op, () => undefined);
    const query: [string, string][] = [];
    for (const p of op.params.filter((x) => x.in === 'query')) {
      if (p.required || this.rng.chance(0.4)) query.push([p.name, String(this.plausibleValue(p.name, p.schema ?? {}, 0))]);
    }
    const url = withQuery(path, query);
    if (op.multipart) {
      const mp = MULTIPART_VARIANTS[0].make();
      return { url, headers: { 'content-type': mp.type }, body: mp.body };
    }
    const body = op.bodySchema ? this.plausibleValue('', op.bodySchema, 0) : op.template;
    return body === undefined ? { url, headers: {} } : { url, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
  }

  /**
   * The bad requests for one operation: each path parameter, query parameter and body property gets bad
   * values, and the body as a whole is replaced by things that are not an object. Which bad values go where
   * turns with `n`, so that across all operations every value meets every kind of field.
   */
  private mutations(op: Op, n: number): Mutation[] {
    const out: Mutation[] = [];
    const base = () => this.plausible(op);
    const cycle = <T>(list: readonly T[], from: number, count: number) => Array.from({ length: count }, (_, k) => list[(from + k) % list.length]);

    for (const [pi, p] of op.params.filter((x) => x.in === 'path').entries()) {
      for (const bad of cycle(BAD_PATH_VALUES, n * 4 + pi, 4)) {
        const b = base();
        out.push({
          variant: `path ${p.name}: ${bad.name}`,
          req: { ...b, url: this.fillPath(op, (name) => (name === p.name ? bad.value : undefined)) + queryOf(b.url) },
        });
      }
      const other = String(this.rng.pick([...this.allIds, 1]));
      const b = base();
      out.push({
        variant: `path ${p.name}: another row`,
        req: { ...b, url: this.fillPath(op, (name) => (name === p.name ? other : undefined)) + queryOf(b.url) },
      });
    }

    const queryParams = op.params.filter((x) => x.in === 'query');
    const withParam = (name: string, values: string[], variant: string) => {
      const b = base();
      const query = new URLSearchParams(queryOf(b.url).slice(1));
      query.delete(name);
      for (const v of values) query.append(name, v);
      out.push({ variant, req: { ...b, url: `${b.url.split('?')[0]}?${query.toString()}` } });
    };
    for (const [qi, p] of queryParams.entries()) {
      for (const bad of cycle(BAD_QUERY_VALUES, n * 3 + qi * 2, 2))
        withParam(p.name, Array.isArray(bad.value) ? bad.value : [bad.value], `query ${p.name}: ${bad.name}`);
    }
    if (queryParams.some((p) => p.name === 'page')) {
      withParam('page', ['1e300'], 'query page: 1e300');
      withParam('pageSize', ['100000'], 'query pageSize: 100000');
    }
    if (op.method === 'GET') withParam('unknownParam', ['1'], 'unknown query parameter');

    if (op.multipart) {
      for (const v of MULTIPART_VARIANTS.slice(1)) {
        const made = v.make();
        out.push({ variant: `multipart: ${v.name}`, req: { ...base(), headers: { 'content-type': made.type }, body: made.body } });
      }
      return out;
    }
    if (!op.bodySchema && op.template === undefined && !WRITE_METHODS.has(op.method)) return out;

    const sample = base();
    const paths = sample.body === undefined ? [] : propertyPaths(JSON.parse(String(sample.body))).slice(0, 30);
    for (const [k, path] of paths.entries()) {
      for (const bad of cycle(BAD_VALUES, n * 5 + k * 2, 2)) {
        const b = base();
        const body = JSON.parse(String(b.body)) as unknown;
        // Later plausible bodies may be shorter (optional properties): skip paths they lack.
        if (!hasPath(body, path)) continue;
        setAt(body, path, bad.value());
        out.push({ variant: `property ${path.join('.')}: ${bad.name}`, req: { ...b, body: JSON.stringify(body) } });
      }
    }
    if (sample.body !== undefined) {
      for (const bad of cycle(BAD_VALUES, n, 2)) {
        const b = base();
        const body = JSON.parse(String(b.body)) as unknown;
        const obj = isPlainObject(body) ? body : {};
        obj[this.rng.pick(['unknownField', 'id', 'createdAt', 'regionPath'])] = bad.value();
        out.push({ variant: `unknown property: ${bad.name}`, req: { ...b, body: JSON.stringify(obj) } });
      }
    }
    for (const bad of cycle(BAD_BODIES, n * 5, 5)) {
      out.push({ variant: bad.name, req: { ...base(), headers: { 'content-type': bad.type ?? 'application/json' }, body: bad.text } });
    }
    return out;
  }

  /** A write with no body schema (e.g. alert rules) gets what a GET of the same path answers, as its plausible body. */
  private get admin(): Actor {
    return this.actors.find((a) => a.name === 'admin')!;
  }

  private async templateBody(op: Op): Promise<unknown> {
    if (op.bodySchema || op.multipart || !WRITE_METHODS.has(op.method) || op.method === 'DELETE') return undefined;
    if (!this.doc.paths[op.path]?.get) return undefined;
    const res = await this.call(
      { method: 'GET', url: this.fillPath(op, () => undefined), headers: { authorization: `Bearer ${this.admin.token}` } },
      `GET ${op.path}`,
      'template',
      'admin',
    );
    if (res.status !== 200) return undefined;
    try {
      return JSON.parse(res.body) as unknown;
    } catch {
      return undefined;
    }
  }

  /** For `POST /quizzes/{id}/attempts`: the questions of `GET /quizzes/{id}`, each with its first option. */
  private async mapEntries(op: Op): Promise<Record<string, unknown> | undefined> {
    const body = op.bodySchema && this.resolve(op.bodySchema);
    const hasMap = Object.values(body?.properties ?? {}).some((p) => {
      const r = this.resolve(p);
      return r.additionalProperties !== undefined && !r.properties;
    });
    const parent = op.path.replace(/\/[^/{}]+$/, '');
    if (!hasMap || parent === op.path || !this.doc.paths[parent]?.get) return undefined;
    const res = await this.call(
      { method: 'GET', url: this.fillPath({ ...op, path: parent }, () => undefined), headers: {} },
      `GET ${parent}`,
      'answer keys',
      'anonymous',
    );
    if (res.status !== 200) return undefined;
    const entries: Record<string, unknown> = {};
    const walk = (v: unknown, depth: number): void => {
      if (depth > 3) return;
      if (Array.isArray(v)) {
        for (const item of v) {
          if (!isPlainObject(item)) continue;
          const key = typeof item.code === 'string' ? item.code : typeof item.id === 'string' ? item.id : undefined;
          const first = Array.isArray(item.options) && isPlainObject(item.options[0]) ? (item.options[0].key ?? item.options[0].value) : undefined;
          if (key) entries[key] = first ?? 1;
        }
      } else if (isPlainObject(v)) for (const x of Object.values(v)) walk(x, depth + 1);
    };
    walk(JSON.parse(res.body), 0);
    return Object.keys(entries).length ? entries : undefined;
  }

  private pickPathValues(op: Op): Record<string, string> {
    const out: Record<string, string> = {};
    for (const p of op.params.filter((x) => x.in === 'path')) {
      const collection = op.path.slice(0, op.path.indexOf(`/{${p.name}}`));
      const known = [...(this.harvested.get(`${collection}#${p.name}`) ?? [])];
      out[p.name] = String(known.length ? this.rng.pick(known) : p.name === 'id' ? this.rng.pick([...this.allIds, 1]) : 'phq-9');
    }
    return out;
  }

  private fillPath(op: Op, override: (name: string) => string | undefined): string {
    return op.path.replace(/\{([^}]+)\}/g, (_, name: string) => override(name) ?? encodeURIComponent(op.pathValues?.[name] ?? '1'));
  }

  /** A value that fits the schema as far as the document tells; ids come from rows seen so far. */
  private plausibleValue(name: string, schema: Schema, depth: number): unknown {
    const s = this.resolve(schema);
    if (s.enum?.length) return this.rng.pick(s.enum);
    // Times relative to now, in the order routes expect them, rather than a documented example that may be past.
    const days = DATE_OFFSETS[name] ?? (/At$/.test(name) ? 1 : undefined);
    if (days !== undefined) return new Date(Date.now() + days * 86_400_000).toISOString();
    if (s.example !== undefined) return structuredClone(s.example);
    if (s.allOf?.length) return this.plausibleValue(name, s.allOf[0], depth);
    // `T | null` properties appear in the document as objects without properties: the name tells what they hold.
    const declared = s.type ?? (s.properties ? 'object' : 'string');
    const untyped = declared === 'object' && !s.properties && s.additionalProperties === undefined;
    const type = untyped ? 'string' : declared;
    if (/Id$/.test(name) && (untyped || type === 'integer' || type === 'number')) return this.rng.pick(this.idsFor(name.slice(0, -2)));
    if (type === 'object') {
      if (!s.properties && this.current?.mapEntries) return { ...this.current.mapEntries };
      const out: Record<string, unknown> = {};
      if (depth > 4) return out;
      for (const [key, prop] of Object.entries(s.properties ?? {})) {
        if (s.required?.includes(key) || this.rng.chance(0.5)) out[key] = this.plausibleValue(key, prop, depth + 1);
      }
      return out;
    }
    if (type === 'array') {
      const items = s.items ?? { type: 'string' };
      const resolved = this.resolve(items);
      if (/Ids$/.test(name) && resolved.type !== 'string') return this.idsFor(name.slice(0, -3)).slice(0, 2);
      if (resolved.enum?.length) return [resolved.enum[0]];
      return depth > 4 ? [] : [this.plausibleValue(name.replace(/s$/, ''), items, depth + 1)];
    }
    if (type === 'integer' || type === 'number') {
      if (name === 'page') return 1;
      if (name === 'year') return new Date().getFullYear();
      if (s.minimum !== undefined) return s.maximum !== undefined && this.rng.chance(0.5) ? s.maximum : s.minimum;
      return 1;
    }
    if (type === 'boolean') return this.rng.chance(0.5);
    if (/On$/.test(name)) return new Date(Date.now() + (name === 'endsOn' ? 30 : 0) * 86_400_000).toISOString().slice(0, 10);
    if (/clientRequestId|clientId/.test(name)) return randomUUID();
    if (/phone/i.test(name)) return '13800138000';
    if (/Ids$/.test(name)) return this.idsFor(name.slice(0, -3)).slice(0, 2).join(',');
    return `fuzz ${name} ${this.seq}`;
  }

  /** Ids of the collection a field such as `regionId`, `quiz` or `hostUnit` refers to. */
  private idsFor(stem: string): number[] {
    const alias: Record<string, string> = { parent: 'region', postQuiz: 'quiz', pairedQuiz: 'quiz' };
    const kebab = (alias[stem] ?? stem).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
    const ids: number[] = [];
    for (const [key, values] of this.harvested) {
      const [collection, field] = key.split('#');
      if (field === 'id' && kebab && collection.split('/').pop()!.startsWith(kebab)) for (const v of values) if (typeof v === 'number') ids.push(v);
    }
    return ids.length ? [...new Set(ids)] : [...this.allIds].slice(0, 5).concat(1);
  }

  private resolve(schema: Schema): Schema {
    if (!schema.$ref) return schema;
    const name = schema.$ref.split('/').pop()!;
    return this.doc.components?.schemas?.[name] ?? {};
  }

  // -- sending and checking ------------------------------------------------------------------------------------

  private async send(op: Op, actor: Actor, variant: string, req: Omit<FuzzRequest, 'method'>): Promise<FuzzAnswer> {
    const headers: Record<string, string> = { ...req.headers };
    if (actor.token) headers.authorization = `Bearer ${actor.token}`;
    let label = variant;
    if (this.seq % 5 === 3) {
      const hostile = hostileHeaders(this.rng, this.seq);
      Object.assign(headers, hostile.headers);
      label += ` + ${hostile.name}`;
    }
    const res = await this.call({ method: op.method, url: req.url, headers, body: req.body }, op.name, label, actor.name);
    if (res.status >= 200 && res.status < 300) {
      if (String(res.headers['content-type'] ?? '').includes('json') && res.body) {
        try {
          this.collect(op.path.replace(/\/\{[^}]+\}.*$/, ''), JSON.parse(res.body));
        } catch {
          // a streamed or empty answer: nothing to collect
        }
      }
      if (actor.kind === 'staff' && (WRITE_METHODS.has(op.method) || op.auditedRead)) {
        const requestId = String(res.headers['x-request-id'] ?? '');
        this.audited.push({ ...this.finding(op.name, label, actor.name, { method: op.method, url: req.url, headers, body: req.body }, res), requestId });
      }
    }
    return res;
  }

  private async call(req: FuzzRequest, operation: string, variant: string, actor: string): Promise<FuzzAnswer> {
    this.seq++;
    this.report.requests++;
    const res = await this.o.send(req);
    const bucket = `${Math.floor(res.status / 100)}xx`;
    this.report.statusCounts[bucket] = (this.report.statusCounts[bucket] ?? 0) + 1;
    this.o.trace?.(this.finding(operation, variant, actor, req, res));
    if (res.status >= 500) this.report.serverErrors.push(this.finding(operation, variant, actor, req, res));
    else if (res.status >= 400 && !hasErrorShape(res.status, res.body)) this.report.badErrorShapes.push(this.finding(operation, variant, actor, req, res));
    return res;
  }

  private json(method: string, url: string, body?: unknown, token?: string): Promise<FuzzAnswer> {
    const headers: Record<string, string> = {};
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    return this.call(
      { method, url, headers, body: body === undefined ? undefined : JSON.stringify(body) },
      `${method} ${url}`,
      'setup',
      token ? 'setup caller' : 'anonymous',
    );
  }

  private finding(operation: string, variant: string, actor: string, req: FuzzRequest, res: FuzzAnswer): Finding {
    return { operation, variant, actor, method: req.method, url: req.url.slice(0, 200), status: res.status, body: res.body.slice(0, 300) };
  }

  private collect(collection: string, body: unknown): void {
    const rows = Array.isArray(body) ? body : isPlainObject(body) && Array.isArray(body.items) ? body.items : [body];
    for (const row of rows) {
      if (!isPlainObject(row)) continue;
      for (const field of ['id', 'code']) {
        const v = row[field];
        if ((typeof v === 'number' && Number.isInteger(v)) || (field === 'code' && typeof v === 'string')) {
          const key = `${collection}#${field}`;
          if (!this.harvested.has(key)) this.harvested.set(key, new Set());
          this.harvested.get(key)!.add(v as number | string);
          if (typeof v === 'number') this.allIds.add(v);
        }
      }
    }
  }

  private async checkAudit(): Promise<void> {
    this.report.auditedRequests = this.audited.length;
    const rows = await this.o.auditRows(this.audited.map((a) => a.requestId));
    for (const a of this.audited) {
      const n = rows.get(a.requestId) ?? 0;
      if (n !== 1) this.report.auditGaps.push({ ...a, rows: n });
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------

/** `{ statusCode, code, message }` with the answer's status, a code of the API's list and a message. */
function hasErrorShape(status: number, text: string): boolean {
  try {
    const body = JSON.parse(text) as { statusCode?: unknown; code?: unknown; message?: unknown };
    return body.statusCode === status && (ERROR_CODES as readonly unknown[]).includes(body.code) && typeof body.message === 'string' && body.message.length > 0;
  } catch {
    return false;
  }
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Paths to every property and array element of a JSON value, e.g. `['venue', 'location', 'lat']`. */
function propertyPaths(v: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(v)) return v.flatMap((item, i) => [[...prefix, i], ...propertyPaths(item, [...prefix, i])]);
  if (isPlainObject(v)) return Object.entries(v).flatMap(([k, item]) => [[...prefix, k], ...propertyPaths(item, [...prefix, k])]);
  return [];
}

function hasPath(root: unknown, path: (string | number)[]): boolean {
  let node = root;
  for (const key of path) {
    if (typeof node !== 'object' || node === null || !(key in node)) return false;
    node = (node as Record<string | number, unknown>)[key];
  }
  return true;
}

function setAt(root: unknown, path: (string | number)[], value: unknown): void {
  let node = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1]] = value;
}

function withQuery(path: string, query: [string, string][]): string {
  return query.length ? `${path}?${new URLSearchParams(query).toString()}` : path;
}

function queryOf(url: string): string {
  const i = url.indexOf('?');
  return i < 0 ? '' : url.slice(i);
}
