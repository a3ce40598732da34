import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { TestApp } from '../../../test/support/test-app';
import { TEST_DB } from '../../../test/support/test-db';
import { inlineScriptHashes } from './security-headers';

const H5_INLINE = '!function(n){n.document.documentElement.style.fontSize="20px"}(window);';

/** Built SPAs as the server finds them: an index.html each, the H5's with an inline script. */
function fakeDists() {
  const dir = mkdtempSync(join(tmpdir(), 'xq-dists-'));
  mkdirSync(join(dir, 'admin', 'assets'), { recursive: true });
  mkdirSync(join(dir, 'h5'), { recursive: true });
  writeFileSync(
    join(dir, 'admin', 'index.html'),
    '<!doctype html><html><head><script type="module" src="/admin/assets/index.js"></script></head><body></body></html>',
  );
  writeFileSync(
    join(dir, 'h5', 'index.html'),
    `<!doctype html><html><head><script>${H5_INLINE}</script><script defer src="/h5/js/app.js"></script></head><body></body></html>`,
  );
  return dir;
}

describe(`security headers and proxies on ${TEST_DB}`, () => {
  describe('by default', () => {
    let t: TestApp;
    let dists: string;
    beforeAll(async () => {
      dists = fakeDists();
      t = await TestApp.start({ ADMIN_DIST: join(dists, 'admin'), H5_DIST: join(dists, 'h5') });
    });
    afterAll(async () => {
      await t.stop();
      rmSync(dists, { recursive: true, force: true });
    });

    it('sends the security headers on the API, the admin and the H5, each with its own content policy', async () => {
      const api = await t.get('/api/v1/articles');
      const admin = await t.get('/admin/');
      const h5 = await t.get('/h5/index.html');
      for (const res of [api, admin, h5]) {
        expect(res.status).toBe(200);
        expect(res.headers).toMatchObject({
          'x-content-type-options': 'nosniff',
          'x-frame-options': 'DENY',
          'referrer-policy': 'strict-origin-when-cross-origin',
          'cross-origin-opener-policy': 'same-origin',
          'cross-origin-resource-policy': 'same-site',
          'origin-agent-cluster': '?1',
          'x-dns-prefetch-control': 'off',
          'x-download-options': 'noopen',
          'x-permitted-cross-domain-policies': 'none',
          'x-xss-protection': '0',
        });
        expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
        // Plain HTTP: HSTS would be ignored by browsers, and wrong on a LAN deployment without TLS.
        expect(res.headers['strict-transport-security']).toBeUndefined();
      }
      expect(api.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(admin.headers['content-security-policy']).toContain("script-src 'self'; ");
      // The H5's inline sizing script is allowed by its hash, not by 'unsafe-inline'.
      const h5Policy = String(h5.headers['content-security-policy']);
      expect(h5Policy).toContain(`script-src 'self' ${inlineScriptHashes(`<script>${H5_INLINE}</script>`)[0]}`);
      expect(h5Policy).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(h5Policy).toContain("object-src 'none'");
    });

    it('ignores X-Forwarded-For from clients when no proxy is configured', async () => {
      const editor = await t.staffToken('editor_sl');
      const res = await t.request('POST', '/api/v1/admin/articles', {
        token: editor,
        body: {},
        headers: { 'x-forwarded-for': '203.0.113.9', 'x-forwarded-proto': 'https' },
      });
      expect(res.status).toBe(400);
      const [row] = await t.dataSource.query('SELECT ip FROM audit_logs WHERE requestId = ?', [res.headers['x-request-id']]);
      expect(row.ip).toBe('127.0.0.1');
      expect(res.headers['strict-transport-security']).toBeUndefined();
    });

    it('serves the API docs outside production', async () => {
      expect((await t.get('/api/docs-json')).status).toBe(200);
    });
  });

  describe('behind one proxy (TRUST_PROXY=1)', () => {
    let t: TestApp;
    beforeAll(async () => (t = await TestApp.start({ TRUST_PROXY: '1', LOGIN_RATE_PER_MINUTE: '3' })));
    afterAll(() => t.stop());

    it('takes the address the proxy saw, not one a client wrote further left, and sends HSTS over TLS', async () => {
      const editor = await t.staffToken('editor_sl');
      const res = await t.request('POST', '/api/v1/admin/articles', {
        token: editor,
        body: {},
        headers: { 'x-forwarded-for': '6.6.6.6, 198.51.100.7', 'x-forwarded-proto': 'https' },
      });
      const [row] = await t.dataSource.query('SELECT ip FROM audit_logs WHERE requestId = ?', [res.headers['x-request-id']]);
      expect(row.ip).toBe('198.51.100.7');
      expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    });

    it('keeps the login rate limit per real client, whatever it writes into X-Forwarded-For', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) {
        const res = await t.request('POST', '/api/v1/auth/staff/login', {
          body: { username: 'nobody', password: 'wrong-password' },
          headers: { 'x-forwarded-for': `10.9.9.${i}, 198.51.100.8` },
        });
        statuses.push(res.status);
      }
      expect(statuses.slice(3)).toEqual([429, 429]);
    });
  });

  describe('in production', () => {
    let t: TestApp;
    beforeAll(async () => (t = await TestApp.start({ NODE_ENV: 'production', SEED_DEMO: 'false', AUTH_DEV_LOGIN: 'false' })));
    afterAll(() => t.stop());

    it('does not publish the API docs unless asked to', async () => {
      expect((await t.get('/api/docs-json')).status).toBe(404);
      expect((await t.get('/api/docs')).status).toBe(404);
    });
  });
});
