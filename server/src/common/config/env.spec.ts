import { readFileSync } from 'fs';
import { join } from 'path';
import { ConfigError, ENV_SPEC, loadConfig } from './env';

describe('loadConfig', () => {
  it('applies defaults', () => {
    const c = loadConfig({});
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

  it('is documented in the README, every variable', () => {
    const readme = readFileSync(join(__dirname, '../../../../README.md'), 'utf8');
    const missing = Object.keys(ENV_SPEC).filter((name) => !readme.includes(`\`${name}\``));
    expect(missing).toEqual([]);
  });
});
