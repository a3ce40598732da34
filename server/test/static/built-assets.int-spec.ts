import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { brotliCompressSync, brotliDecompressSync, gzipSync } from 'zlib';
import { TestApp } from '../support/test-app';
import { TEST_DB } from '../support/test-db';

const SCRIPT = 'console.log("心桥");'.repeat(100);

/** Writes a file with the brotli and gzip copies the admin and H5 builds put beside it. */
function withCopies(path: string, text: string): void {
  writeFileSync(path, text);
  writeFileSync(`${path}.br`, brotliCompressSync(text));
  writeFileSync(`${path}.gz`, gzipSync(text));
}

/** Built SPAs laid out as Vite (admin) and Taro (H5) write them, hashed names and compressed copies included. */
function fakeDists(): string {
  const dir = mkdtempSync(join(tmpdir(), 'xq-built-'));
  mkdirSync(join(dir, 'admin', 'assets'), { recursive: true });
  mkdirSync(join(dir, 'h5', 'js'), { recursive: true });
  withCopies(
    join(dir, 'admin', 'index.html'),
    '<!doctype html><html><head><script type="module" src="/admin/assets/index-Ab3_x-9Z.js"></script></head></html>',
  );
  withCopies(join(dir, 'admin', 'assets', 'index-Ab3_x-9Z.js'), SCRIPT);
  withCopies(join(dir, 'h5', 'index.html'), '<!doctype html><html><head><script defer src="/h5/js/app.3e4612ac.js"></script></head></html>');
  withCopies(join(dir, 'h5', 'js', 'app.3e4612ac.js'), SCRIPT);
  writeFileSync(join(dir, 'h5', 'js', 'app.3e4612ac.js.LICENSE.txt'), 'MIT');
  return dir;
}

describe(`built admin and H5 files on ${TEST_DB}`, () => {
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

  const get = (url: string, encoding?: string) => t.request('GET', url, { headers: encoding ? { 'accept-encoding': encoding } : {} });

  it('sends the brotli copy to a browser that takes it, gzip to one that takes only gzip, the file itself otherwise', async () => {
    for (const url of ['/admin/assets/index-Ab3_x-9Z.js', '/h5/js/app.3e4612ac.js']) {
      const br = await get(url, 'gzip, deflate, br');
      expect(br.status).toBe(200);
      expect(br.headers['content-encoding']).toBe('br');
      expect(br.headers['content-type']).toMatch(/javascript/);
      expect(br.headers.vary).toMatch(/accept-encoding/i);
      expect(brotliDecompressSync(br.raw).toString()).toBe(SCRIPT);

      const gz = await get(url, 'gzip');
      expect(gz.headers['content-encoding']).toBe('gzip');

      const plain = await get(url);
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.body).toBe(SCRIPT);
    }
  });

  it('lets browsers keep hashed files for a year and revalidate the pages that name them', async () => {
    for (const url of ['/admin/assets/index-Ab3_x-9Z.js', '/h5/js/app.3e4612ac.js']) {
      expect((await get(url, 'br')).headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect((await get(url)).headers['cache-control']).toBe('public, max-age=31536000, immutable');
    }
    for (const url of ['/admin/', '/admin/events/3', '/h5/', '/h5/index.html', '/h5/js/app.3e4612ac.js.LICENSE.txt']) {
      const res = await get(url, 'br');
      expect(res.status).toBe(200);
      expect(res.headers['cache-control']).toBe('no-cache');
    }
  });

  it('serves the admin page precompressed on client-side routes too, and still 404s a missing hashed file', async () => {
    const page = await get('/admin/events/3', 'br');
    expect(page.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(page.raw).toString()).toContain('/admin/assets/index-Ab3_x-9Z.js');
    expect((await get('/admin/assets/index-Zz9_x-9Z.js', 'br')).status).toBe(404);
  });
});
