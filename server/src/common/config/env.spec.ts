import { readFileSync } from 'fs';
import { join } from 'path';
import { generateDataKey } from '../crypto/data-cipher';
import { ConfigError, ENV_SPEC, loadConfig } from './env';

/** Every start needs a data key; these tests are about the other variables. */
const KEY = { DATA_ENCRYPTION_KEYS: generateDataKey('k1') };

describe('loadConfig', () => {
  it('applies defaults', () => {
    const c = loadConfig(KEY);
    expect(c.PORT).toBe(3000);
    expect(c.DB_TYPE).toBe('sqlite');
    expect(c.SEED_DEMO).toBe(false);
    expect(c.WECHAT_API_BASE).toBe('https://api.weixin.qq.com');
  });

  it('names every bad variable', () => {
    try {
      loadConfig({ PORT: 'abc', DB_TYPE: 'postgres', SEED_DEMO: 'maybe' });
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
    expect(() => loadConfig({ DB_TYPE: 'mysql' })).toThrow('DATABASE_URL is required');
  });

  it('refuses dev login and default secret in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', AUTH_DEV_LOGIN: 'true' })).toThrow(/JWT_SECRET is required[\s\S]*AUTH_DEV_LOGIN/);
  });

  it('reads subscribe-message templates with the default or the given keys', () => {
    const c = loadConfig({ ...KEY, WECHAT_TEMPLATE_EVENT_SIGNUP: 'AbC-123_xyzTemplate', WECHAT_TEMPLATE_EVENT_OFFER: 'AbC-123_xyzOffer:thing5, date2,thing7' });
    expect(c.WECHAT_TEMPLATE_EVENT_SIGNUP).toEqual({ id: 'AbC-123_xyzTemplate', keys: ['thing1', 'time2', 'thing3', 'thing4'] });
    expect(c.WECHAT_TEMPLATE_EVENT_OFFER).toEqual({ id: 'AbC-123_xyzOffer', keys: ['thing5', 'date2', 'thing7'] });
    expect(c.WECHAT_TEMPLATE_EVENT_REMINDER).toBeUndefined();
    expect(() => loadConfig({ WECHAT_TEMPLATE_EVENT_CHANGE: 'bad id' })).toThrow('WECHAT_TEMPLATE_EVENT_CHANGE must be a template id');
    expect(() => loadConfig({ WECHAT_TEMPLATE_EVENT_CHANGE: 'AbC-123_xyz:thing1,Time2' })).toThrow('must list 1-4 template keys');
  });

  it('wants an event token secret as long as the JWT secret', () => {
    expect(() => loadConfig({ EVENT_TOKEN_SECRET: 'short' })).toThrow('EVENT_TOKEN_SECRET must be at least 32 characters');
    expect(loadConfig(KEY).EVENT_OFFER_HOURS).toBe(12);
  });

  it('refuses to start without a data encryption key, or with a malformed one, in one line each', () => {
    expect(() => loadConfig({})).toThrow(/^  - DATA_ENCRYPTION_KEYS is required.*$/m);
    for (const bad of ['k1', 'k1:c2hvcnQ=', 'bad id!:' + generateDataKey('x').slice(2), `${generateDataKey('a')},${generateDataKey('A')}`]) {
      try {
        loadConfig({ DATA_ENCRYPTION_KEYS: bad });
        throw new Error(`accepted ${bad}`);
      } catch (e) {
        const lines = (e as ConfigError).message.split('\n').filter((l) => l.includes('DATA_ENCRYPTION_KEYS'));
        expect(lines).toHaveLength(1);
        // The message never repeats key material.
        expect(lines[0]).not.toContain(bad.split(':').pop());
      }
    }
    const c = loadConfig({ DATA_ENCRYPTION_KEYS: `${generateDataKey('new')}, ${generateDataKey('old')}` });
    expect(c.DATA_ENCRYPTION_KEYS?.map((k) => [k.id, k.key.length])).toEqual([['new', 32], ['old', 32]]);
  });

  it('reads the image hosts articles may use', () => {
    expect(loadConfig({ ...KEY, CONTENT_IMAGE_HOSTS: 'CDN.example.cn, img.gov.cn' }).CONTENT_IMAGE_HOSTS).toEqual(['cdn.example.cn', 'img.gov.cn']);
    expect(loadConfig(KEY).CONTENT_IMAGE_HOSTS).toEqual([]);
    expect(() => loadConfig({ ...KEY, CONTENT_IMAGE_HOSTS: 'https://cdn.example.cn' })).toThrow('CONTENT_IMAGE_HOSTS must list host names');
  });

  it('is documented in the README, every variable', () => {
    const readme = readFileSync(join(__dirname, '../../../../README.md'), 'utf8');
    const missing = Object.keys(ENV_SPEC).filter((name) => !readme.includes(`\`${name}\``));
    expect(missing).toEqual([]);
  });
});
