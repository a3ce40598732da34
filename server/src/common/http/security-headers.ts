import { createHash } from 'crypto';
import type { FastifyInstance } from 'fastify';
import { existsSync, readFileSync } from 'fs';
import type { IncomingMessage, ServerResponse } from 'http';
import helmet, { type HelmetOptions } from 'helmet';
import { join } from 'path';

/** HSTS for a year once a request came over TLS (directly or through a trusted proxy). */
const HSTS = 'max-age=31536000; includeSubDomains';

type Directives = Record<string, string[]>;

const csp = (d: Directives) =>
  Object.entries(d)
    .map(([k, v]) => [k, ...v].join(' '))
    .join('; ');

/** The hashes of an SPA's inline scripts (the H5 sizes its root font inline), so no 'unsafe-inline' is needed for scripts. */
export function inlineScriptHashes(indexHtml: string): string[] {
  const hashes: string[] = [];
  for (const m of indexHtml.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
    if (m[1].trim()) hashes.push(`'sha256-${createHash('sha256').update(m[1]).digest('base64')}'`);
  }
  return hashes;
}

/** The hash of a `javascript:;` link (Chromium hashes the whole URL, scheme included). */
const NOOP_JS_URL = `'sha256-${createHash('sha256').update('javascript:;').digest('base64')}'`;

function readIndex(dist: string): string {
  const index = join(dist, 'index.html');
  return existsSync(index) ? readFileSync(index, 'utf8') : '';
}

function spaPolicy(dist: string, extra: Directives = {}): string {
  return csp({
    'default-src': ["'self'"],
    'script-src': ["'self'", ...inlineScriptHashes(readIndex(dist))],
    // antd and NutUI inject style elements at run time.
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:', 'https:'],
    'media-src': ["'self'", 'blob:', 'https:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
    ...extra,
  });
}

/**
 * The headers helmet sets with `options`. They are the same on every answer, so they are computed
 * once here (the Fastify plugin built helmet's middleware anew for every request).
 */
export function helmetHeaders(options: HelmetOptions): [string, string][] {
  const headers: [string, string][] = [];
  const recorder = {
    setHeader: (name: string, value: string | number) => headers.push([name, String(value)]),
    // Helmet removes X-Powered-By, which Fastify never sets.
    removeHeader: () => undefined,
  };
  helmet(options)({} as IncomingMessage, recorder as unknown as ServerResponse, () => undefined);
  return headers;
}

/**
 * Security headers on every answer (helmet), with a Content-Security-Policy per area: the API and
 * uploads load nothing, the two SPAs load only their own files, Swagger UI needs inline styles.
 */
export function registerSecurityHeaders(fastify: FastifyInstance, dists: { admin: string; h5: string }): void {
  const fixed = helmetHeaders({
    contentSecurityPolicy: false, // set per area below
    strictTransportSecurity: false, // only over TLS, below
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    crossOriginResourcePolicy: { policy: 'same-site' },
    crossOriginOpenerPolicy: { policy: 'same-origin' },
  });
  // On the raw response, as helmet does, so that an answer streamed past Fastify (an event stream) has them too.
  fastify.addHook('onRequest', (_req, reply, done) => {
    for (const [name, value] of fixed) reply.raw.setHeader(name, value);
    done();
  });
  const policies = {
    api: csp({ 'default-src': ["'none'"], 'frame-ancestors': ["'none'"] }),
    docs: csp({
      'default-src': ["'self'"],
      'style-src': ["'self'", "'unsafe-inline'"],
      'img-src': ["'self'", 'data:'],
      'frame-ancestors': ["'none'"],
    }),
    admin: spaPolicy(dists.admin, { 'worker-src': ["'self'", 'blob:'] }),
    // Taro's H5 tab bar links are `href="javascript:;"`: allow exactly that no-op, nothing else inline.
    h5: spaPolicy(dists.h5, { 'script-src': ["'self'", ...inlineScriptHashes(readIndex(dists.h5)), "'unsafe-hashes'", NOOP_JS_URL] }),
  };
  fastify.addHook('onSend', async (req, reply) => {
    const url = req.url;
    const policy =
      url.startsWith('/admin') || url === '/'
        ? policies.admin
        : url.startsWith('/h5')
          ? policies.h5
          : url.startsWith('/api/docs') && !url.startsWith('/api/docs-json')
            ? policies.docs
            : policies.api;
    void reply.header('content-security-policy', policy);
    if (req.protocol === 'https') void reply.header('strict-transport-security', HSTS);
  });
}
