import { isIP } from 'net';
import { parseQuietHours, passwordProblems, type QuietHours } from '@xinqiao/shared';

/**
 * Every environment variable the server reads, declared once with its parser and documentation.
 * `loadConfig` validates them all at start and names each bad variable; the README table is checked
 * against this list by a unit test.
 */

import { parseDataKeys } from '../crypto/data-cipher';

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

type Parser<T> = (raw: string) => T;

interface VarSpec<T> {
  doc: string;
  /** Used when the variable is unset or empty; `undefined` makes it optional with no value. */
  default?: string;
  parse: Parser<T>;
}

const str: Parser<string> = (raw) => raw;

function int(min: number, max: number): Parser<number> {
  return (raw) => {
    if (!/^-?\d+$/.test(raw)) throw new Error(`must be a whole number, got "${raw}"`);
    const n = Number(raw);
    if (n < min || n > max) throw new Error(`must be between ${min} and ${max}, got ${n}`);
    return n;
  };
}

const bool: Parser<boolean> = (raw) => {
  if (['true', '1', 'yes'].includes(raw.toLowerCase())) return true;
  if (['false', '0', 'no'].includes(raw.toLowerCase())) return false;
  throw new Error(`must be true or false, got "${raw}"`);
};

function oneOf<T extends string>(...values: T[]): Parser<T> {
  return (raw) => {
    if (!(values as string[]).includes(raw)) throw new Error(`must be one of ${values.join(', ')}, got "${raw}"`);
    return raw as T;
  };
}

const url: Parser<string> = (raw) => {
  try {
    new URL(raw);
  } catch {
    throw new Error(`must be a URL, got "${raw}"`);
  }
  return raw.replace(/\/+$/, '');
};

const redisUrl: Parser<string> = (raw) => {
  if (!URL.canParse(raw) || !['redis:', 'rediss:'].includes(new URL(raw).protocol))
    throw new Error(`must be a redis:// or rediss:// URL, e.g. redis://127.0.0.1:6379, got "${raw}"`);
  return raw;
};

const quietHours: Parser<QuietHours | null> = (raw) => {
  if (raw.trim().toLowerCase() === 'off') return null;
  try {
    return parseQuietHours(raw);
  } catch {
    throw new Error(`must be HH:mm-HH:mm with two different times (e.g. 22:00-07:00) or off, got "${raw}"`);
  }
};

const list: Parser<string[]> = (raw) =>
  raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** Which reverse proxies may set X-Forwarded-For: none, a hop count, or their addresses / CIDR ranges. */
export type TrustProxy = false | number | string[];

const PROXY_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

const trustProxy: Parser<TrustProxy> = (raw) => {
  if (['false', '0', 'no', 'none'].includes(raw.toLowerCase())) return false;
  if (/^\d+$/.test(raw)) return int(1, 10)(raw);
  if (raw.toLowerCase() === 'true') {
    throw new Error(
      'must not be true (that trusts any client to set its own address); give the number of proxies in front, e.g. 1, or their addresses/CIDR ranges',
    );
  }
  const entries = list(raw);
  const bad = entries.filter((e) => !PROXY_NAMES.includes(e) && !isAddressOrRange(e));
  if (bad.length) throw new Error(`must be a hop count or a comma-separated list of IP addresses / CIDR ranges, got "${bad.join(', ')}"`);
  return entries;
};

function isAddressOrRange(entry: string): boolean {
  const [address, bits, ...rest] = entry.split('/');
  const family = isIP(address);
  if (!family || rest.length) return false;
  if (bits === undefined) return true;
  return /^\d+$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128);
}

const hostList: Parser<string[]> = (raw) =>
  list(raw).map((host) => {
    if (!/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/i.test(host))
      throw new Error(`must list host names such as cdn.example.cn, got "${host}"`);
    return host.toLowerCase();
  });

/** A subscribe-message template: its id and the keys of its values in order (at most four, e.g. 名称, 时间, 地点, 提示). */
export interface TemplateConfig {
  id: string;
  keys: string[];
}

/** `<templateId>` (keys thing1,time2,thing3,thing4) or `<templateId>:<key>,<key>,…` for another template layout. */
const template: Parser<TemplateConfig> = (raw) => {
  const [id, keyList, ...rest] = raw.split(':');
  if (rest.length || !/^[A-Za-z0-9_-]{8,64}$/.test(id)) throw new Error(`must be a template id, optionally followed by :key,key,…, got "${raw}"`);
  const keys = keyList === undefined ? ['thing1', 'time2', 'thing3', 'thing4'] : keyList.split(',').map((k) => k.trim());
  if (keys.length < 1 || keys.length > 4 || keys.some((k) => !/^[a-z_]+[0-9]+$/.test(k))) {
    throw new Error(`must list 1-4 template keys such as thing1,time2 after the colon, got "${raw}"`);
  }
  return { id, keys };
};

const templateIds: Parser<string[]> = (raw) =>
  list(raw).map((id) => {
    if (!/^[A-Za-z0-9_-]{8,64}$/.test(id)) throw new Error(`must list template ids separated by commas, got "${id}"`);
    return id;
  });

export const ENV_SPEC = {
  NODE_ENV: {
    doc: '`development`, `production` or `test`; production refuses dev login, demo data and the API docs unless `API_DOCS=true`',
    default: 'development',
    parse: oneOf('development', 'production', 'test'),
  },
  HOST: { doc: 'Interface to listen on', default: '0.0.0.0', parse: str },
  PORT: { doc: 'HTTP port of the API (which also serves /admin/ and /h5/)', default: '3000', parse: int(1, 65535) },
  LOG_LEVEL: {
    doc: 'pino log level. A request is logged when it ends: a successful read (GET) at `debug`, a write at `info`, a refusal (4xx) at `warn`, a failure at `error`',
    default: 'info',
    parse: oneOf('fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'),
  },
  DB_TYPE: { doc: '`sqlite` (embedded file, the default) or `mysql`', default: 'sqlite', parse: oneOf('sqlite', 'mysql') },
  SQLITE_PATH: { doc: 'SQLite database file (DB_TYPE=sqlite)', default: 'data/xinqiao.sqlite', parse: str },
  DATABASE_URL: {
    doc: 'MySQL connection URL, e.g. `mysql://user:pass@host:3306/xinqiao`; use the `mariadb://` scheme for a MariaDB server (required when DB_TYPE=mysql)',
    parse: url,
  },
  DB_POOL_SIZE: { doc: 'MySQL connection pool size', default: '10', parse: int(1, 200) },
  DB_ACQUIRE_TIMEOUT_MS: {
    doc: 'Longest a request waits for the database before it is answered 503 `DB_UNAVAILABLE`: for a free MySQL pool connection or a row lock (rounded up to whole seconds), on SQLite for the write lock',
    default: '5000',
    parse: int(100, 600000),
  },
  DB_STATEMENT_TIMEOUT_MS: {
    doc: 'MySQL/MariaDB: longest one statement may run before the server aborts it (answered 503 `DB_UNAVAILABLE`); MariaDB `max_statement_time`, MySQL `max_execution_time` (SELECTs only); migrations are not limited; 0: no limit',
    default: '30000',
    parse: int(0, 86400000),
  },
  REDIS_URL: {
    doc: 'Redis shared by several API instances (e.g. `redis://127.0.0.1:6379`, `rediss://:password@host:6380/0`): a write on one instance invalidates the cached public reads of all, rate limits are counted across all, a live notice reaches the admin consoles open on any, and background jobs run on BullMQ (queues `jobs-urgent` and `jobs-normal` under REDIS_PREFIX; recurring jobs as its job schedulers, one run per period across instances; the `jobs` table stays the record staff see). Unset: one instance, everything in-process, jobs polled from the database. If Redis goes away, writes still succeed, each instance reads from the database, counts rate limits on its own and pushes live notices to its own consoles until it is back; meanwhile each instance runs the due jobs of the `jobs` table itself (notices and alert dispatch never wait for Redis)',
    parse: redisUrl,
  },
  REDIS_PREFIX: {
    doc: 'Prefix of the Redis keys and channels of this deployment, so several deployments can share one Redis',
    default: 'xinqiao',
    parse: (raw) => {
      if (!/^[A-Za-z0-9_.-]{1,64}$/.test(raw)) throw new Error(`must be 1-64 letters, digits, _ . or -, got "${raw}"`);
      return raw;
    },
  },
  JWT_SECRET: {
    doc: 'Secret that signs access tokens: at least 32 random characters, always required (`npm start` generates one into `data/jwt-secret` on first run; elsewhere e.g. `openssl rand -base64 48`)',
    parse: str,
  },
  JWT_ACCESS_TTL: { doc: 'Staff access-token lifetime in seconds', default: '900', parse: int(60, 86400) },
  STAFF_AUTH_CACHE_SECONDS: {
    doc: 'How long an instance trusts what it last read of a staff account (role, region, disabled, token version) when checking an access token, instead of reading it on every request. A change made through the API applies at once on the instance that made it and, with `REDIS_URL`, on every other; without Redis (or while it is unreachable, when nothing kept is used) another instance sees it within this time. `0` reads the account on every request',
    default: '15',
    parse: int(0, 300),
  },
  STAFF_SESSION_TTL: { doc: 'Staff refresh-token (session) lifetime in seconds; each refresh rotates the token', default: '28800', parse: int(300, 2592000) },
  SESSION_COOKIE_SECURE: {
    doc: "Mark the admin console's session cookies `Secure` (sent over HTTPS only; browsers also accept them on http://localhost). Set `false` only for a plain-HTTP intranet trial",
    default: 'true',
    parse: bool,
  },
  RESIDENT_AUTH_CACHE_SECONDS: {
    doc: "How long an instance trusts what it last read of a resident's account (that it exists, and its region) when checking an access token, instead of reading it on every request. A deletion or region change made through the API applies at once on the instance that made it and, with `REDIS_URL`, on every other; without Redis another instance sees it within this time. `0` reads the account on every request",
    default: '30',
    parse: int(0, 300),
  },
  RESIDENT_TOKEN_TTL: { doc: 'Resident access-token lifetime in seconds', default: '604800', parse: int(300, 2592000) },
  BCRYPT_ROUNDS: { doc: 'bcrypt cost factor for staff passwords', default: '12', parse: int(4, 15) },
  LOGIN_MAX_FAILURES: {
    doc: 'Staff sign-in failures for one username from one address before each further try must wait (shared/login-backoff)',
    default: '5',
    parse: int(1, 100),
  },
  LOGIN_LOCK_MINUTES: { doc: 'Longest wait the sign-in back-off imposes on one address', default: '15', parse: int(1, 1440) },
  LOGIN_RATE_PER_MINUTE: { doc: 'Login requests allowed per client IP per minute', default: '20', parse: int(1, 100000) },
  API_RATE_PER_MINUTE: { doc: 'API requests allowed per client IP per minute', default: '600', parse: int(1, 1000000) },
  ADMIN_USERNAME: { doc: 'Username of the first system admin, created on first start', default: 'admin', parse: str },
  ADMIN_PASSWORD: { doc: 'Initial password of the first system admin (must be changed at first login); required while no staff account exists', parse: str },
  ROOT_REGION_NAME: { doc: 'Name of the top region created on first start when there is none (without demo data)', default: '本市', parse: str },
  SEED_DEMO: { doc: 'Load the demo regions, accounts and articles (idempotent; refused in production)', default: 'false', parse: bool },
  AUTH_DEV_LOGIN: { doc: 'Enable `POST /api/v1/auth/dev/login` by openid for local demos (refused in production)', default: 'false', parse: bool },
  WECHAT_API_BASE: { doc: 'Base URL of the WeChat API (tests point it at a fake server)', default: 'https://api.weixin.qq.com', parse: url },
  WECHAT_APPID: { doc: 'Mini-program AppID', parse: str },
  WECHAT_SECRET: { doc: 'Mini-program AppSecret', parse: str },
  WECHAT_TIMEOUT_MS: { doc: 'Timeout of one WeChat API call', default: '5000', parse: int(100, 60000) },
  EVENT_TOKEN_SECRET: {
    doc: 'Secret that signs event tickets and check-in codes (at least 32 characters); default: derived from JWT_SECRET as HMAC-SHA256(JWT_SECRET, "xinqiao:event-tokens"). Set it to change JWT_SECRET without invalidating issued tickets; changing it invalidates them',
    parse: str,
  },
  BOOKING_HOLD_MINUTES: {
    doc: 'Minutes a slot is kept for a resident who picked it while they fill in the booking intake; after that it is offered to others and confirming it answers HOLD_EXPIRED',
    default: '5',
    parse: int(1, 60),
  },
  EVENT_OFFER_HOURS: {
    doc: "Default hours a freed seat is held for the next person on an event's waiting list (each event may set its own)",
    default: '12',
    parse: int(1, 168),
  },
  EVENT_QUOTA_REGION_LECTURES: { doc: 'Quota: lectures a year each community/village needs ("六进" coverage)', default: '2', parse: int(0, 100) },
  EVENT_QUOTA_UNIT_STAFF: { doc: 'Quota: host units with more staff than this need lectures of their own', default: '100', parse: int(0, 1000000) },
  EVENT_QUOTA_UNIT_LECTURES: { doc: 'Quota: lectures a year each such host unit needs', default: '1', parse: int(0, 100) },
  EVENT_QUOTA_UNIT_MINUTES: { doc: 'Quota: shortest lecture (minutes) that counts for a host unit', default: '60', parse: int(0, 1440) },
  WECHAT_TEMPLATE_EVENT_SIGNUP: {
    doc: 'Subscribe-message template for "sign-up confirmed" (also a seat from the waiting list): `<templateId>` with keys thing1 (活动名称), time2 (活动时间), thing3 (活动地点), thing4 (温馨提示), or `<templateId>:<key>,<key>,<key>,<key>` in that order; unset: such messages are recorded as skipped',
    parse: template,
  },
  WECHAT_TEMPLATE_EVENT_REMINDER: { doc: 'Template for the reminder 24 hours before an event (same format)', parse: template },
  WECHAT_TEMPLATE_EVENT_OFFER: { doc: 'Template for a waiting-list offer (same format)', parse: template },
  WECHAT_TEMPLATE_EVENT_CHANGE: { doc: 'Template for an event changed or cancelled (same format)', parse: template },
  WECHAT_TEMPLATE_BOOKING_CONFIRMED: {
    doc: 'Subscribe-message template for "booking confirmed": `<templateId>` with keys thing1 (预约项目), time2 (预约时间), thing3 (地点), thing4 (温馨提示), or `<templateId>:<key>,<key>,<key>,<key>` in that order; unset: such messages are recorded as skipped',
    parse: template,
  },
  WECHAT_TEMPLATE_BOOKING_REMINDER: { doc: 'Template for the reminders the day before and two hours before a booking (same format)', parse: template },
  WECHAT_TEMPLATE_BOOKING_CHANGED: { doc: 'Template for a booking rescheduled or cancelled (same format)', parse: template },
  WECHAT_TEMPLATE_STAFF_ALERT: {
    doc: 'Subscribe-message template for notices to staff who bound their WeChat (new alert, escalation, follow-up due): `<templateId>` with keys thing1 (提醒类型), time2 (时间), thing3 (区域), thing4 (说明), or `<templateId>:<key>,<key>,<key>,<key>` in that order; unset: such messages are recorded as skipped',
    parse: template,
  },
  WECHAT_LONG_TERM_TEMPLATES: {
    doc: 'Comma-separated template ids the mini-program holds as long-term subscriptions (长期订阅): an accept allows every later message until the resident turns it off, so a send does not use it up',
    default: '',
    parse: templateIds,
  },
  ADMIN_PUBLIC_URL: {
    doc: 'Public address of the admin console (e.g. `https://xq.example.cn/admin`): group-robot messages link to it; unset: they name the admin path only',
    parse: url,
  },
  WECOM_WEBHOOK_HOSTS: {
    doc: "Hosts besides `qyapi.weixin.qq.com` that a region's 企业微信 group-robot webhook may point to (comma-separated; a loopback address here may use plain http, for tests)",
    default: '',
    parse: hostList,
  },
  NOTIFY_HTTP_TIMEOUT_MS: {
    doc: 'Timeout of one call to the group robot or the SMS provider (a timed-out send is retried with back-off)',
    default: '5000',
    parse: int(100, 60000),
  },
  SMS_PROVIDER: {
    doc: 'SMS provider for notices to staff: `tencent` (腾讯云短信 SendSms 2021-01-11, TC3-HMAC-SHA256) or `aliyun` (阿里云短信 SendSms, HMAC-SHA1); unset: SMS notices are recorded as skipped (`sms_not_configured`)',
    parse: oneOf('tencent', 'aliyun'),
  },
  SMS_BASE_URL: {
    doc: "Base URL of the SMS API; default the provider's public endpoint (`https://sms.tencentcloudapi.com`, `https://dysmsapi.aliyuncs.com`); tests point it at a fake server",
    parse: url,
  },
  SMS_SECRET_ID: { doc: 'SMS provider credential: Tencent SecretId or Aliyun AccessKeyId (required with SMS_PROVIDER)', parse: str },
  SMS_SECRET_KEY: { doc: 'SMS provider credential: Tencent SecretKey or Aliyun AccessKeySecret (required with SMS_PROVIDER; never logged)', parse: str },
  SMS_SDK_APP_ID: { doc: 'Tencent SMS SdkAppId (required when SMS_PROVIDER=tencent)', parse: str },
  SMS_SIGN_NAME: { doc: 'Approved SMS signature (签名), e.g. 心桥 (required with SMS_PROVIDER)', parse: str },
  SMS_TEMPLATE_ALERT: {
    doc: 'Approved SMS template id (Tencent TemplateId, Aliyun TemplateCode) with three variables: the notice kind (红色预警), the region, the admin path (required with SMS_PROVIDER; Aliyun names them `type`, `region`, `link`)',
    parse: str,
  },
  SMS_REGION: { doc: 'Tencent Cloud region of the SMS API (X-TC-Region)', default: 'ap-guangzhou', parse: str },
  ALERT_RED_DUE_HOURS: {
    doc: 'Hours within which a red (三色预警) alert must have a first follow-up before it shows as overdue',
    default: '24',
    parse: int(1, 720),
  },
  ALERT_CLAIM_ESCALATE_MINUTES: {
    doc: 'Minutes a red alert may stay unclaimed before the next step of the duty ladder is notified (backup, region admin, parent centre …); also the gap between two escalations',
    default: '30',
    parse: int(1, 1440),
  },
  ALERT_QUIET_HOURS: {
    doc: 'China-time span (HH:mm-HH:mm) in which notices of new yellow alerts wait until it ends; red alerts never wait; `off` for none',
    default: '22:00-07:00',
    parse: quietHours,
  },
  AWARENESS_MIN_RESPONDENTS: { doc: 'Awareness-rate slices with fewer respondents show "样本量不足" instead of a figure', default: '30', parse: int(1, 10000) },
  SUBMIT_RATE_PER_HOUR: {
    doc: 'Submissions (self-test results, quiz and survey answers, counted together) one signed-in resident may make in an hour',
    default: '30',
    parse: int(1, 1000000),
  },
  ANON_SUBMIT_RATE_PER_HOUR: {
    doc: 'Submissions without sign-in allowed per client IP in an hour (higher: people at one venue may share an IP)',
    default: '120',
    parse: int(1, 1000000),
  },
  JOB_POLL_MS: {
    doc: 'How often the background job queue looks for due jobs (exports, notifications); with REDIS_URL, how often it hands BullMQ due jobs it lacks (a crash between a commit and the hand-over)',
    default: '1000',
    parse: int(50, 60000),
  },
  JOB_CONCURRENCY: { doc: 'Background jobs one server process runs at the same time', default: '2', parse: int(1, 32) },
  JOB_URGENT_CONCURRENCY: {
    doc: 'Jobs that tell people (notices, alert dispatch and escalation) one server process runs at the same time, in a lane of their own beside JOB_CONCURRENCY, so exports never hold them up',
    default: '4',
    parse: int(1, 64),
  },
  STORAGE_DRIVER: {
    doc: 'Where uploaded images are kept: `local` (the directory UPLOAD_DIR) or `s3` (a bucket of an S3-compatible store such as Tencent COS, Aliyun OSS or MinIO, shared by every API instance; needs S3_REGION, S3_BUCKET, S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY). Either way they are served at /uploads/',
    default: 'local',
    parse: oneOf('local', 's3'),
  },
  UPLOAD_DIR: { doc: 'Where uploaded images are stored with STORAGE_DRIVER=local (served at /uploads/)', default: 'data/uploads', parse: str },
  S3_ENDPOINT: {
    doc: 'Endpoint of the S3-compatible store, e.g. `https://cos.ap-guangzhou.myqcloud.com` (COS), `https://oss-cn-hangzhou.aliyuncs.com` (OSS), `http://minio:9000`; unset: AWS S3',
    parse: url,
  },
  S3_REGION: {
    doc: 'Region of the bucket, e.g. `ap-guangzhou` (COS), `oss-cn-hangzhou` (OSS), `us-east-1` (MinIO) (required with STORAGE_DRIVER=s3)',
    parse: str,
  },
  S3_BUCKET: {
    doc: 'Bucket that holds the uploads, e.g. `xinqiao-1250000000` (required with STORAGE_DRIVER=s3)',
    parse: (raw) => {
      if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(raw)) throw new Error(`must be a bucket name of 3-63 lower-case letters, digits, . or -, got "${raw}"`);
      return raw;
    },
  },
  S3_ACCESS_KEY_ID: { doc: 'Access key id of the store (COS SecretId, OSS AccessKeyId, MinIO user) (required with STORAGE_DRIVER=s3)', parse: str },
  S3_SECRET_ACCESS_KEY: { doc: 'Secret of that access key (required with STORAGE_DRIVER=s3; never logged)', parse: str },
  S3_FORCE_PATH_STYLE: {
    doc: 'Address objects as `endpoint/bucket/key` (MinIO and most self-hosted stores) instead of `bucket.endpoint/key` (COS, OSS, which refuse path style)',
    default: 'false',
    parse: bool,
  },
  S3_TIMEOUT_MS: {
    doc: 'Longest one request to the store may take; one that fails or runs out is tried once more, then the upload or image is answered 503 `STORAGE_UNAVAILABLE`',
    default: '10000',
    parse: int(100, 120000),
  },
  UPLOAD_PUBLIC_BASE_URL: {
    doc: 'With STORAGE_DRIVER=s3: public address of the bucket or its CDN (e.g. `https://img.example.cn/uploads`); /uploads/<name> then redirects to `<this>/<name>` instead of passing the image through the API. Unset: the API serves the images itself',
    parse: url,
  },
  UPLOAD_MAX_BYTES: { doc: 'Largest accepted upload', default: '5242880', parse: int(1024, 104857600) },
  ADMIN_DIST: { doc: 'Built admin console served at /admin/ (skipped if missing)', default: '../admin/dist', parse: str },
  H5_DIST: { doc: 'Built mini-program H5 served at /h5/ (skipped if missing)', default: '../miniapp/dist/h5', parse: str },
  CORS_ORIGINS: { doc: 'Comma-separated origins allowed to call the API from a browser (empty: same origin only)', default: '', parse: list },
  TRUST_PROXY: {
    doc: 'Reverse proxies whose X-Forwarded-For is believed (client IPs in audit and rate limits): `false` (none), the number of proxies in front (e.g. `1`), or their addresses / CIDR ranges (`10.0.0.5,172.16.0.0/12`, `loopback`)',
    default: 'false',
    parse: trustProxy,
  },
  API_DOCS: { doc: 'Serve Swagger UI at /api/docs and the OpenAPI document at /api/docs-json; default on except in production', parse: bool },
  DATA_ENCRYPTION_KEYS: {
    doc: "Keys that encrypt personal data at rest (phone numbers, residents' free text, scale answers): `<keyId>:<base64 of 32 random bytes>`, comma-separated; the first encrypts, all decrypt (list the old key after a new one while `npm run rotate-keys` moves the data). Required; `npm start` generates one into `data/`",
    parse: parseDataKeys,
  },
  CONTENT_IMAGE_HOSTS: {
    doc: 'Comma-separated hosts whose https images articles may show; otherwise only images uploaded here (`/uploads/…`) are kept',
    default: '',
    parse: hostList,
  },
} satisfies Record<string, VarSpec<unknown>>;

type Spec = typeof ENV_SPEC;
type ValueOf<K extends keyof Spec> = Spec[K] extends VarSpec<infer T> ? T : never;
type HasDefault<K extends keyof Spec> = Spec[K] extends { default: string } ? K : never;

export type AppConfig = {
  [K in keyof Spec as HasDefault<K>]: ValueOf<K>;
} & {
  [K in keyof Spec as Exclude<K, HasDefault<K>>]: ValueOf<K> | undefined;
} & {
  /** Always set once the configuration is valid. */
  JWT_SECRET: string;
  API_DOCS: boolean;
};

export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const problems: string[] = [];
  const out: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(ENV_SPEC) as [string, VarSpec<unknown>][]) {
    const raw = env[name]?.trim() || spec.default;
    if (raw === undefined) continue;
    try {
      out[name] = spec.parse(raw);
    } catch (e) {
      problems.push(`${name} ${(e as Error).message}`);
    }
  }
  const config = out as AppConfig;
  if (!env.DATA_ENCRYPTION_KEYS?.trim())
    problems.push('DATA_ENCRYPTION_KEYS is required (e.g. k1:$(openssl rand -base64 32)); `npm start` generates one into data/');
  if (config.DB_TYPE === 'mysql' && !config.DATABASE_URL) problems.push('DATABASE_URL is required when DB_TYPE=mysql');
  if (config.NODE_ENV === 'production') {
    if (config.AUTH_DEV_LOGIN) problems.push('AUTH_DEV_LOGIN must not be true when NODE_ENV=production');
    if (config.SEED_DEMO) problems.push('SEED_DEMO must not be true when NODE_ENV=production (the demo accounts share one published password)');
  }
  // No built-in secret: a forgotten variable must stop the server, not sign tokens with a value anyone can read.
  if (!config.JWT_SECRET) problems.push('JWT_SECRET is required: at least 32 random characters (e.g. `openssl rand -base64 48`)');
  else if (config.JWT_SECRET.length < 32) problems.push('JWT_SECRET must be at least 32 characters');
  if (config.ADMIN_PASSWORD !== undefined) {
    const weak = passwordProblems(config.ADMIN_PASSWORD, config.ADMIN_USERNAME);
    if (weak.length) problems.push(`ADMIN_PASSWORD does not meet the password policy: ${weak.join('; ')}`);
  }
  if (config.SMS_PROVIDER) {
    const needed: (keyof AppConfig)[] = [
      'SMS_SECRET_ID',
      'SMS_SECRET_KEY',
      'SMS_SIGN_NAME',
      'SMS_TEMPLATE_ALERT',
      ...(config.SMS_PROVIDER === 'tencent' ? (['SMS_SDK_APP_ID'] as const) : []),
    ];
    for (const name of needed) if (!config[name]) problems.push(`${name} is required when SMS_PROVIDER=${config.SMS_PROVIDER}`);
  }
  const s3Vars = ['S3_ENDPOINT', 'S3_REGION', 'S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY', 'UPLOAD_PUBLIC_BASE_URL'] as const;
  if (config.STORAGE_DRIVER === 's3') {
    for (const name of ['S3_REGION', 'S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const)
      if (!config[name]) problems.push(`${name} is required when STORAGE_DRIVER=s3`);
  } else {
    // Settings for a bucket with the driver left at local most likely mean a forgotten STORAGE_DRIVER=s3:
    // each instance would keep its uploads on its own disk and the others could not serve them.
    const set = s3Vars.filter((name) => env[name]?.trim());
    if (set.length) problems.push(`${set.join(', ')} ${set.length > 1 ? 'are' : 'is'} set but STORAGE_DRIVER is local: set STORAGE_DRIVER=s3, or remove them`);
  }
  if (config.EVENT_TOKEN_SECRET !== undefined && config.EVENT_TOKEN_SECRET.length < 32) problems.push('EVENT_TOKEN_SECRET must be at least 32 characters');
  if (problems.length) throw new ConfigError(problems);
  config.API_DOCS ??= config.NODE_ENV !== 'production';
  return config;
}

export const APP_CONFIG = Symbol('APP_CONFIG');
