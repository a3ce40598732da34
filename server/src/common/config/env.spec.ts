import { readFileSync } from 'fs';
import { join } from 'path';
import { generateDataKey } from '../crypto/data-cipher';
import { ConfigError, ENV_SPEC, loadConfig } from './env';

/** What every start needs; these tests are about the other variables. */
const BASE = { JWT_SECRET: 'x'.repeat(32), DATA_ENCRYPTION_KEYS: generateDataKey('k1') };

describe('loadConfig', () => {
  it('applies defaults', () => {
    const c = loadConfig(BASE);
    expect(c.PORT).toBe(3000);
    expect(c.DB_TYPE).toBe('sqlite');
    expect(c.SEED_DEMO).toBe(false);
    expect(c.WECHAT_API_BASE).toBe('https://api.weixin.qq.com');
  });

  it('names every bad variable', () => {
    try {
      loadConfig({ ...BASE, PORT: 'abc', DB_TYPE: 'postgres', SEED_DEMO: 'maybe' });
      throw new Error('expected a ConfigError');
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const text = (e as ConfigError).message;
      expect(text).toContain('PORT must be a whole number');
      expect(text).toContain('DB_TYPE must be one of sqlite, mysql');
      expect(text).toContain('SEED_DEMO must be true or false');
    }
  });

  it('requires DATABASE_URL for mysql', () => {
    expect(() => loadConfig({ ...BASE, DB_TYPE: 'mysql' })).toThrow('DATABASE_URL is required');
  });

  it('has no built-in secret: every start without a long JWT_SECRET is refused, in any NODE_ENV', () => {
    for (const NODE_ENV of ['development', 'test', 'production']) {
      expect(() => loadConfig({ NODE_ENV })).toThrow(/JWT_SECRET is required/);
      expect(() => loadConfig({ NODE_ENV, JWT_SECRET: 'short-secret' })).toThrow('JWT_SECRET must be at least 32 characters');
    }
    expect(loadConfig(BASE).JWT_SECRET).toBe(BASE.JWT_SECRET);
  });

  it('refuses dev login and demo data in production, and turns the API docs off there', () => {
    expect(() => loadConfig({ ...BASE, NODE_ENV: 'production', AUTH_DEV_LOGIN: 'true', SEED_DEMO: 'true' })).toThrow(
      /AUTH_DEV_LOGIN must not be true[\s\S]*SEED_DEMO must not be true/,
    );
    expect(loadConfig({ ...BASE, NODE_ENV: 'production' }).API_DOCS).toBe(false);
    expect(loadConfig({ ...BASE, NODE_ENV: 'production', API_DOCS: 'true' }).API_DOCS).toBe(true);
    expect(loadConfig(BASE).API_DOCS).toBe(true);
  });

  it('checks ADMIN_PASSWORD against the password policy at start, one line per problem', () => {
    expect(() => loadConfig({ ...BASE, ADMIN_PASSWORD: 'admin123' })).toThrow(
      /^Invalid configuration:\n {2}- ADMIN_PASSWORD does not meet the password policy: 密码长度至少 10 位; 密码需包含.*$/,
    );
    expect(() => loadConfig({ ...BASE, ADMIN_USERNAME: 'root', ADMIN_PASSWORD: 'Root@Xinqiao2026' })).toThrow('密码不能包含用户名');
    expect(loadConfig({ ...BASE, ADMIN_PASSWORD: 'Xinqiao@2026' }).ADMIN_PASSWORD).toBe('Xinqiao@2026');
  });

  it('trusts no proxy by default, and only a hop count or the listed addresses otherwise', () => {
    expect(loadConfig(BASE).TRUST_PROXY).toBe(false);
    expect(loadConfig({ ...BASE, TRUST_PROXY: '1' }).TRUST_PROXY).toBe(1);
    expect(loadConfig({ ...BASE, TRUST_PROXY: '10.0.0.5, 172.16.0.0/12,loopback,::1' }).TRUST_PROXY).toEqual(['10.0.0.5', '172.16.0.0/12', 'loopback', '::1']);
    expect(() => loadConfig({ ...BASE, TRUST_PROXY: 'true' })).toThrow('TRUST_PROXY must not be true');
    expect(() => loadConfig({ ...BASE, TRUST_PROXY: '10.0.0.0/33,proxy.local' })).toThrow('got "10.0.0.0/33, proxy.local"');
  });

  it('reads subscribe-message templates with the default or the given keys', () => {
    const c = loadConfig({
      ...BASE,
      WECHAT_TEMPLATE_EVENT_SIGNUP: 'AbC-123_xyzTemplate',
      WECHAT_TEMPLATE_EVENT_OFFER: 'AbC-123_xyzOffer:thing5, date2,thing7',
    });
    expect(c.WECHAT_TEMPLATE_EVENT_SIGNUP).toEqual({ id: 'AbC-123_xyzTemplate', keys: ['thing1', 'time2', 'thing3', 'thing4'] });
    expect(c.WECHAT_TEMPLATE_EVENT_OFFER).toEqual({ id: 'AbC-123_xyzOffer', keys: ['thing5', 'date2', 'thing7'] });
    expect(c.WECHAT_TEMPLATE_EVENT_REMINDER).toBeUndefined();
    expect(() => loadConfig({ ...BASE, WECHAT_TEMPLATE_EVENT_CHANGE: 'bad id' })).toThrow('WECHAT_TEMPLATE_EVENT_CHANGE must be a template id');
    expect(() => loadConfig({ ...BASE, WECHAT_TEMPLATE_EVENT_CHANGE: 'AbC-123_xyz:thing1,Time2' })).toThrow('must list 1-4 template keys');
    expect(loadConfig({ ...BASE, WECHAT_TEMPLATE_BOOKING_REMINDER: 'AbC-123_xyzRemind:thing2,time5' }).WECHAT_TEMPLATE_BOOKING_REMINDER).toEqual({
      id: 'AbC-123_xyzRemind',
      keys: ['thing2', 'time5'],
    });
    expect(() => loadConfig({ ...BASE, WECHAT_TEMPLATE_BOOKING_CHANGED: 'short' })).toThrow('WECHAT_TEMPLATE_BOOKING_CHANGED must be a template id');
  });

  it('reads the long-term templates as a list of template ids', () => {
    expect(loadConfig(BASE).WECHAT_LONG_TERM_TEMPLATES).toEqual([]);
    expect(loadConfig({ ...BASE, WECHAT_LONG_TERM_TEMPLATES: ' TPL-long-0001, TPL-long-0002 ' }).WECHAT_LONG_TERM_TEMPLATES).toEqual([
      'TPL-long-0001',
      'TPL-long-0002',
    ]);
    expect(() => loadConfig({ ...BASE, WECHAT_LONG_TERM_TEMPLATES: 'TPL-long-0001,bad id' })).toThrow(
      'WECHAT_LONG_TERM_TEMPLATES must list template ids separated by commas, got "bad id"',
    );
  });

  it('wants an event token secret as long as the JWT secret', () => {
    expect(() => loadConfig({ ...BASE, EVENT_TOKEN_SECRET: 'short' })).toThrow('EVENT_TOKEN_SECRET must be at least 32 characters');
    expect(loadConfig(BASE).EVENT_OFFER_HOURS).toBe(12);
  });

  it('refuses to start without a data encryption key, or with a malformed one, in one line each', () => {
    expect(() => loadConfig({ JWT_SECRET: BASE.JWT_SECRET })).toThrow(/^ {2}- DATA_ENCRYPTION_KEYS is required.*$/m);
    for (const bad of ['k1', 'k1:c2hvcnQ=', 'bad id!:' + generateDataKey('x').slice(2), `${generateDataKey('a')},${generateDataKey('A')}`]) {
      try {
        loadConfig({ JWT_SECRET: BASE.JWT_SECRET, DATA_ENCRYPTION_KEYS: bad });
        throw new Error(`accepted ${bad}`);
      } catch (e) {
        const lines = (e as ConfigError).message.split('\n').filter((l) => l.includes('DATA_ENCRYPTION_KEYS'));
        expect(lines).toHaveLength(1);
        // The message never repeats key material.
        expect(lines[0]).not.toContain(bad.split(':').pop());
      }
    }
    const c = loadConfig({ JWT_SECRET: BASE.JWT_SECRET, DATA_ENCRYPTION_KEYS: `${generateDataKey('new')}, ${generateDataKey('old')}` });
    expect(c.DATA_ENCRYPTION_KEYS?.map((k) => [k.id, k.key.length])).toEqual([
      ['new', 32],
      ['old', 32],
    ]);
  });

  it('reads the image hosts articles may use', () => {
    expect(loadConfig({ ...BASE, CONTENT_IMAGE_HOSTS: 'CDN.example.cn, img.gov.cn' }).CONTENT_IMAGE_HOSTS).toEqual(['cdn.example.cn', 'img.gov.cn']);
    expect(loadConfig(BASE).CONTENT_IMAGE_HOSTS).toEqual([]);
    expect(() => loadConfig({ ...BASE, CONTENT_IMAGE_HOSTS: 'https://cdn.example.cn' })).toThrow('CONTENT_IMAGE_HOSTS must list host names');
  });

  it('keeps uploads on the local disk by default, and wants the whole bucket configuration with STORAGE_DRIVER=s3', () => {
    expect(loadConfig(BASE).STORAGE_DRIVER).toBe('local');
    const bucket = { S3_REGION: 'ap-guangzhou', S3_BUCKET: 'xinqiao-1250000000', S3_ACCESS_KEY_ID: 'AKID', S3_SECRET_ACCESS_KEY: 'secret' };
    const c = loadConfig({ ...BASE, STORAGE_DRIVER: 's3', ...bucket, S3_ENDPOINT: 'https://cos.ap-guangzhou.myqcloud.com/' });
    expect(c).toMatchObject({ STORAGE_DRIVER: 's3', S3_ENDPOINT: 'https://cos.ap-guangzhou.myqcloud.com', S3_FORCE_PATH_STYLE: false, S3_TIMEOUT_MS: 10000 });
    expect(() => loadConfig({ ...BASE, STORAGE_DRIVER: 's3', S3_BUCKET: 'xinqiao' })).toThrow(
      /S3_REGION is required when STORAGE_DRIVER=s3\n.*S3_ACCESS_KEY_ID is required when STORAGE_DRIVER=s3\n.*S3_SECRET_ACCESS_KEY is required when STORAGE_DRIVER=s3/,
    );
    expect(() => loadConfig({ ...BASE, STORAGE_DRIVER: 's3', ...bucket, S3_BUCKET: 'My_Bucket' })).toThrow('S3_BUCKET must be a bucket name');
    expect(() => loadConfig({ ...BASE, STORAGE_DRIVER: 'cos' })).toThrow('STORAGE_DRIVER must be one of local, s3');
  });

  it('refuses bucket settings while the driver is still local: each instance would keep its uploads to itself', () => {
    expect(() => loadConfig({ ...BASE, S3_BUCKET: 'xinqiao', S3_REGION: 'ap-guangzhou' })).toThrow(
      'S3_REGION, S3_BUCKET are set but STORAGE_DRIVER is local: set STORAGE_DRIVER=s3, or remove them',
    );
    expect(() => loadConfig({ ...BASE, UPLOAD_PUBLIC_BASE_URL: 'https://img.example.cn' })).toThrow(
      'UPLOAD_PUBLIC_BASE_URL is set but STORAGE_DRIVER is local',
    );
  });

  it('is documented in the README, every variable', () => {
    const readme = readFileSync(join(__dirname, '../../../../README.md'), 'utf8');
    const missing = Object.keys(ENV_SPEC).filter((name) => !readme.includes(`\`${name}\``));
    expect(missing).toEqual([]);
  });
});
