// What the benchmarks share: the bare baseline, throwaway MySQL databases and the ways of timing requests.
import { spawn } from 'node:child_process';
import { Agent, request as httpRequest } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
const require = createRequire(import.meta.url);
const { ROOT } = require('../../support/server.js');
/** Loads a package as the server would (its dependencies: fastify, mysql2 …). */
export const serverRequire = createRequire(join(ROOT, 'server', 'package.json'));

export const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

/** The machine's HTTP limit for this client: a bare Fastify process answering a 10-item JSON list at `${url}/list`. */
export async function startBareFastify() {
  const fastify = serverRequire.resolve('fastify');
  const code = `const app = require(${JSON.stringify(fastify)})();
const items = Array.from({ length: 10 }, (_, i) => ({ id: i + 1, title: '基准文章 ' + i, summary: '基准测试', category: 'knowledge', viewCount: i }));
app.get('/list', async () => ({ items, total: 10, page: 1, pageSize: 10 }));
app.listen({ port: 0, host: '127.0.0.1' }).then((url) => console.log(url));`;
  const child = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise((ok) => child.stdout.once('data', (d) => ok(String(d).trim())));
  return { url, stop: () => child.kill() };
}

/**
 * A throwaway database on the MySQL/MariaDB server at `base` (e.g. mariadb://root@127.0.0.1:3306):
 * `env` points the server at it, `query` runs SQL in it, `drop` removes it.
 */
export async function throwawayMysql(base, tag) {
  const mysql = serverRequire('mysql2/promise');
  const root = base.replace(/\/+$/, '');
  const name = `xq_bench_${tag}_${process.pid}`;
  const admin = await mysql.createConnection({ uri: root.replace(/^mariadb:/, 'mysql:') });
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.query(`USE \`${name}\``);
  return {
    name,
    env: { DB_TYPE: 'mysql', DATABASE_URL: `${root}/${name}` },
    query: async (sql, params) => (await admin.query(sql, params))[0],
    drop: async () => {
      await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await admin.end();
    },
  };
}

/** `requests` requests from `concurrency` clients, one after another each; req/s and latency percentiles. */
export async function measure(name, makeRequest, { requests, concurrency }) {
  const latencies = [];
  let next = 0;
  let errors = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < requests) {
        const i = next++;
        const t0 = performance.now();
        const res = await makeRequest(i);
        await res.arrayBuffer();
        if (res.status >= 400) errors++;
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p) => quantile(latencies, p / 100).toFixed(1);
  const row = { path: name, requests, 'req/s': Math.round(requests / seconds), 'p50 ms': pct(50), 'p95 ms': pct(95), 'p99 ms': pct(99), errors };
  console.log(JSON.stringify(row));
  return row;
}

/** Runs every call at once; answers each one's status and time, and the time of the whole crowd. */
export async function crowd(calls) {
  const t0 = performance.now();
  const outcomes = await Promise.all(
    calls.map(async (call) => {
      const t = performance.now();
      const res = await call();
      await res.text();
      return { status: res.status, ms: performance.now() - t, at: performance.now() - t0 };
    }),
  );
  return { outcomes, ms: outcomes.map((o) => o.ms).sort((a, b) => a - b), totalMs: performance.now() - t0 };
}

/**
 * A fetch-like client (status and text only) over at most `connections` keep-alive connections, as a crowd
 * arrives through a reverse proxy: thousands of fresh connections at once overflow a listen backlog
 * (ECONNRESET) before the server sees them.
 */
export function keepAliveFetch(connections) {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const send = (url, { method = 'GET', headers = {}, body } = {}) =>
    new Promise((ok, fail) => {
      const req = httpRequest(url, { method, agent, headers }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d) => (text += d));
        res.on('end', () => ok({ status: res.statusCode, text: async () => text }));
        res.on('error', fail);
      });
      req.on('error', fail);
      req.end(body);
    });
  return { fetch: send, close: () => agent.destroy() };
}

/**
 * JSON calls to the API at `base` (…/api/v1) through `send` (fetch, or a `keepAliveFetch`): `request`
 * answers the response, `must` the parsed body of a 2xx or throws.
 */
export function apiClient(base, send = fetch) {
  const request = (method, path, body, token) =>
    send(base + path, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const must = async (method, path, body, token) => {
    const res = await request(method, path, body, token);
    const text = await res.text();
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return text ? JSON.parse(text) : undefined;
  };
  return { request, must };
}
