import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import { randomBytes } from 'crypto';
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import type { DataSource } from 'typeorm';
import { createApp } from '../../src/app';
import { loadConfig, type AppConfig } from '../../src/common/config/env';
import { generateDataKey } from '../../src/common/crypto/data-cipher';
import type { DbConfig } from '../../src/common/database/data-source';
import { CacheService } from '../../src/common/cache/cache.service';
import { StartupService } from '../../src/startup.service';
import { DEMO_PASSWORD } from '../../src/demo/demo-data';
import { createTestDatabase, truncateAll, type TestDatabase } from './test-db';

export const ADMIN_PASSWORD = 'Xinqiao@2026';
export { DEMO_PASSWORD };

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * An answer's body when the test names no type: tests read the fields they assert on without declaring the
 * whole answer (the contract itself is checked against docs/openapi.json elsewhere).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the one loosely typed default for test answers
type AnyBody = any;

export interface Answer<T = AnyBody> {
  status: number;
  body: T;
  headers: Record<string, unknown>;
  /** The body's bytes, for binary answers such as Excel files. */
  raw: Buffer;
}

/**
 * A real app on a real, freshly migrated database (SQLite or MySQL per TEST_DB), loaded with the
 * demo data: regions, one account per role, articles. `reset()` empties it and reloads that data.
 */
export class TestApp {
  private constructor(
    readonly app: NestFastifyApplication,
    readonly config: AppConfig,
    private readonly db: TestDatabase,
    private readonly uploadDir: string,
  ) {}

  /** `db` may change how the app reaches its fresh database (e.g. through a proxy, or a smaller pool). */
  static async start(env: Record<string, string> = {}, options: { db?: (config: DbConfig) => DbConfig } = {}): Promise<TestApp> {
    const db = await createTestDatabase();
    const uploadDir = mkdtempSync(join(tmpdir(), 'xq-uploads-'));
    const config = {
      ...loadConfig({
        NODE_ENV: 'test',
        JWT_SECRET: randomBytes(32).toString('base64url'),
        LOG_LEVEL: 'silent',
        BCRYPT_ROUNDS: '4',
        SEED_DEMO: 'true',
        AUTH_DEV_LOGIN: 'true',
        ADMIN_PASSWORD,
        LOGIN_RATE_PER_MINUTE: '100000',
        API_RATE_PER_MINUTE: '100000',
        SUBMIT_RATE_PER_HOUR: '100000',
        ANON_SUBMIT_RATE_PER_HOUR: '100000',
        UPLOAD_DIR: uploadDir,
        ADMIN_DIST: join(uploadDir, 'no-admin'),
        H5_DIST: join(uploadDir, 'no-h5'),
        DATA_ENCRYPTION_KEYS: generateDataKey('test'),
        ...env,
      }),
      ...(options.db ? options.db(db.config) : db.config),
    };
    const app = await createApp(config, { logger: false });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    return new TestApp(app, config, db, uploadDir);
  }

  get dataSource(): DataSource {
    return this.app.get<DataSource>(getDataSourceToken());
  }

  async reset(): Promise<void> {
    await truncateAll(this.dataSource);
    await this.app.get(StartupService).onApplicationBootstrap();
    // The tables were rewritten underneath the services: nothing cached from before may answer.
    this.app.get(CacheService).clear();
  }

  async stop(): Promise<void> {
    await this.app.close();
    await this.db.drop();
    rmSync(this.uploadDir, { recursive: true, force: true });
  }

  /** `ip`: the client address the server sees (default 127.0.0.1). */
  async request<T = AnyBody>(
    method: Method,
    url: string,
    opts: { token?: string; body?: unknown; headers?: Record<string, string>; ip?: string } = {},
  ): Promise<Answer<T>> {
    const res = await this.app
      .getHttpAdapter()
      .getInstance()
      .inject({
        method,
        url,
        ...(opts.ip ? { remoteAddress: opts.ip } : {}),
        headers: { ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}), ...opts.headers },
        ...(opts.body === undefined
          ? {}
          : typeof opts.body === 'string' || Buffer.isBuffer(opts.body)
            ? { payload: opts.body }
            : { payload: opts.body as object }),
      });
    const text = res.body;
    let body: unknown = text;
    if ((res.headers['content-type'] ?? '').toString().includes('json') && text) body = JSON.parse(text);
    return { status: res.statusCode, body: body as T, headers: res.headers, raw: res.rawPayload };
  }

  get = <T = AnyBody>(url: string, token?: string) => this.request<T>('GET', url, { token });
  post = <T = AnyBody>(url: string, body?: unknown, token?: string) => this.request<T>('POST', url, { body, token });
  put = <T = AnyBody>(url: string, body?: unknown, token?: string) => this.request<T>('PUT', url, { body, token });
  patch = <T = AnyBody>(url: string, body?: unknown, token?: string) => this.request<T>('PATCH', url, { body, token });
  delete = <T = AnyBody>(url: string, token?: string) => this.request<T>('DELETE', url, { token });

  /** Access token of a demo staff account (see DEMO_STAFF). */
  async staffToken(username: string, password = DEMO_PASSWORD): Promise<string> {
    const res = await this.post('/api/v1/auth/staff/login', { username, password });
    if (res.status !== 201) throw new Error(`login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.accessToken;
  }

  /** The first system admin, past the forced password change. */
  async adminToken(): Promise<string> {
    const first = await this.post('/api/v1/auth/staff/login', { username: 'admin', password: ADMIN_PASSWORD });
    if (!first.body.mustChangePassword) return first.body.accessToken;
    const changed = await this.post('/api/v1/auth/staff/password', { oldPassword: ADMIN_PASSWORD, newPassword: 'Changed#2026xq' }, first.body.accessToken);
    if (changed.status !== 201) throw new Error(`password change failed: ${JSON.stringify(changed.body)}`);
    return changed.body.accessToken;
  }

  async residentToken(openid: string): Promise<string> {
    const res = await this.post('/api/v1/auth/dev/login', { openid });
    if (res.status !== 201) throw new Error(`dev login failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.accessToken;
  }

  async regionId(code: string): Promise<number> {
    const [row] = await this.dataSource.query(`SELECT id FROM regions WHERE code = ?`, [code]);
    return Number(row.id);
  }
}

/** Demo region codes used throughout the tests. */
export const REGION = {
  city: '500000',
  district: '500118',
  streetA: '500118001', // 胜利路街道: editor_sl, counsellor_sl ...
  streetB: '500118002', // 中山路街道: editor_zx
  communityA1: '500118001001',
  communityB1: '500118002001',
};
