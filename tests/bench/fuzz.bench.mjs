// The fuzz test of the server suite (server/test/fuzz) against the built server as a real process on
// SQLite with the demo data, over loopback HTTP (run: npm run fuzz, or pnpm bench). Bounded: about 3,000
// requests. Prints the requests tried, the 5xx answers (goal 0) and the audit gaps (goal 0); exits 1 if
// either is not 0. FUZZ_TRACE=<file> writes every request and answer there as JSON lines.
import { randomBytes } from 'node:crypto';
import { appendFileSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const { startServer, ROOT } = require('../support/server.js');

// The request generator is the server suite's TypeScript module: load it (and the fake WeChat) through the
// server's ts-node, transpile-only, rather than keep a second copy here.
const serverRequire = createRequire(join(ROOT, 'server', 'package.json'));
serverRequire('ts-node').register({ transpileOnly: true, project: join(ROOT, 'server', 'tsconfig.json') });
const { runFuzz, summary } = serverRequire('./test/fuzz/fuzzer.ts');
const { FakeWechat } = serverRequire('./test/support/fake-wechat.ts');
const Database = serverRequire('better-sqlite3');

const ADMIN_PASSWORD = 'Xinqiao@2026';
const JWT_SECRET = randomBytes(36).toString('base64url'); // 48 characters, new every run

const wechat = await new FakeWechat().start();
const server = await startServer({
  JWT_SECRET,
  ADMIN_PASSWORD,
  LOGIN_RATE_PER_MINUTE: '100000',
  API_RATE_PER_MINUTE: '1000000',
  WECHAT_API_BASE: wechat.baseUrl,
  WECHAT_APPID: wechat.appid,
  WECHAT_SECRET: wechat.secret,
});
const { hostname, port } = new URL(server.baseUrl);
const agent = new Agent({ keepAlive: true, maxSockets: 1 });

/** One request over HTTP, as the fuzzer describes it; answers status, headers and body text. */
function send(req) {
  return new Promise((resolve, reject) => {
    const body = req.body === undefined ? undefined : Buffer.from(req.body);
    const headers = { ...req.headers, ...(body ? { 'content-length': String(body.length) } : {}) };
    const r = request({ host: hostname, port, method: req.method, path: req.url, headers, agent }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    r.on('error', reject);
    r.end(body);
  });
}

const traceFile = process.env.FUZZ_TRACE;
if (traceFile) writeFileSync(traceFile, '');
let report;
try {
  report = await runFuzz({
    send,
    jwtSecret: JWT_SECRET,
    adminPassword: ADMIN_PASSWORD,
    trace: traceFile ? (entry) => appendFileSync(traceFile, JSON.stringify(entry) + '\n') : undefined,
    auditRows: async (ids) => {
      const db = new Database(server.dbPath, { readonly: true });
      try {
        const count = db.prepare('SELECT COUNT(*) AS n FROM audit_logs WHERE requestId = ?');
        return new Map(ids.map((id) => [id, count.get(id).n]));
      } finally {
        db.close();
      }
    },
  });
} catch (e) {
  console.error(server.logs().slice(-4000));
  throw e;
} finally {
  agent.destroy();
  await server.stop();
  await wechat.stop();
}

console.log(summary(report, 'built server on SQLite'));
console.log(JSON.stringify({ 'requests tried': report.requests, '5xx answers': report.serverErrors.length, 'audit gaps': report.auditGaps.length }));
for (const f of [...report.serverErrors, ...report.badErrorShapes, ...report.auditGaps].slice(0, 20)) console.log(JSON.stringify(f));
if (report.serverErrors.length || report.auditGaps.length || report.badErrorShapes.length) process.exit(1);
