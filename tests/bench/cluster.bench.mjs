// One instance against two (run: pnpm bench), on MySQL/MariaDB (MYSQL_URL, default root@127.0.0.1:3306) and
// Redis (REDIS_URL, default redis://127.0.0.1:6379): the API as `npm run start:cluster` runs it
// (scripts/cluster.mjs, CLUSTER_INSTANCES processes sharing one port) on one throwaway database, first with
// one instance, then with two. For each: GET /api/v1/articles and GET /api/v1/events (BENCH_REQUESTS requests
// from BENCH_CONCURRENCY clients: req/s and percentiles), then a flash crowd of BENCH_CLUSTER_CROWD residents
// signing up at once for BENCH_CLUSTER_SEATS seats, which must confirm exactly the seats and answer 409 to
// everyone else (another outcome sets the exit code). Timings are printed beside a bare Fastify process
// measured the same way in the same run, never asserted.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { apiClient, crowd, measure, quantile, serverRequire, startBareFastify, throwawayMysql } from './lib/bench.mjs';
const require = createRequire(import.meta.url);
const { freePort, ROOT } = require('../support/server.js');
const { EVENT_REGISTRATION_CONSENT_VERSION } = serverRequire('@xinqiao/shared');

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const CROWD = Number(process.env.BENCH_CLUSTER_CROWD ?? 500);
const SEATS = Number(process.env.BENCH_CLUSTER_SEATS ?? 100);
const ARTICLES = 100;
const SHAPES = [1, 2];
const MYSQL_BASE = process.env.MYSQL_URL ?? 'mariadb://root@127.0.0.1:3306';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const START_MS = 180_000;

const fmt = (x) => x.toFixed(1);

function redisAnswers(url) {
  const { hostname, port } = new URL(url);
  return new Promise((ok) => {
    const socket = connect({ host: hostname, port: Number(port || 6379), timeout: 2000 }, () => socket.write('PING\r\n'));
    socket.once('data', (d) => (socket.destroy(), ok(String(d).startsWith('+PONG'))));
    socket.once('error', () => ok(false));
    socket.once('timeout', () => (socket.destroy(), ok(false)));
  });
}

/** `node scripts/cluster.mjs` with `instances` processes on a free port; resolves once every one serves. */
async function startCluster(instances, env) {
  const port = await freePort();
  const child = spawn(process.execPath, [join(ROOT, 'scripts', 'cluster.mjs')], {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', CLUSTER_INSTANCES: String(instances) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise((ok) => child.once('exit', ok));
  await new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`the cluster was not up in ${START_MS / 1000} s:\n${output}`)), START_MS);
    const seen = (d) => {
      output += d;
      if (!output.includes(`${instances} of ${instances} up`)) return;
      clearTimeout(timer);
      ok();
    };
    child.stdout.on('data', seen);
    child.stderr.on('data', seen);
    child.once('exit', (code) => (clearTimeout(timer), fail(new Error(`the cluster exited with ${code}:\n${output}`))));
  });
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

if (!(await redisAnswers(REDIS_URL))) {
  console.error(`cluster bench: no Redis answering at ${REDIS_URL} (set REDIS_URL)`);
  process.exit(1);
}
const uploads = mkdtempSync(join(tmpdir(), 'xq-bench-cluster-'));
const db = await throwawayMysql(MYSQL_BASE, 'cluster');
const bare = await startBareFastify();
const env = {
  ...db.env,
  NODE_ENV: 'test',
  LOG_LEVEL: 'warn',
  REDIS_URL,
  REDIS_PREFIX: `xq-bench-cluster-${process.pid}`,
  JWT_SECRET: randomBytes(32).toString('base64url'),
  DATA_ENCRYPTION_KEYS: `bench:${randomBytes(32).toString('base64')}`,
  SEED_DEMO: 'true',
  AUTH_DEV_LOGIN: 'true',
  ADMIN_PASSWORD: 'Xinqiao@2026',
  BCRYPT_ROUNDS: '4',
  UPLOAD_DIR: uploads,
  API_RATE_PER_MINUTE: '1000000',
  LOGIN_RATE_PER_MINUTE: '100000',
};
const options = { requests: REQUESTS, concurrency: CONCURRENCY };
let cluster;
try {
  const reads = [await measure('bare Fastify, 10-item JSON list (baseline)', () => fetch(`${bare.url}/list`), options)];
  reads[0].instances = '-';
  const bareCrowd = await crowd(Array.from({ length: CROWD }, () => () => fetch(`${bare.url}/list`)));
  const crowds = [
    {
      what: `bare Fastify: ${CROWD} concurrent GET /list (baseline)`,
      instances: '-',
      'p50 ms': fmt(quantile(bareCrowd.ms, 0.5)),
      'p99 ms': fmt(quantile(bareCrowd.ms, 0.99)),
      'total ms': fmt(bareCrowd.totalMs),
      outcome: '',
    },
  ];
  let tokens = [];
  let organiser = '';
  for (const instances of SHAPES) {
    cluster = await startCluster(instances, env);
    const base = `${cluster.baseUrl}/api/v1`;
    const { request, must } = apiClient(base);
    const [community] = await db.query(`SELECT id FROM regions WHERE code = '500118001001'`);
    if (!tokens.length) {
      // The data, made once through the first shape: both shapes read the same database.
      const editor = (await must('POST', '/auth/staff/login', { username: 'region_yc', password: 'Demo@2026xq' })).accessToken;
      organiser = (await must('POST', '/auth/staff/login', { username: 'organiser_sl', password: 'Demo@2026xq' })).accessToken;
      const streets = (await must('GET', '/regions')).filter((r) => r.level === 'street');
      for (let i = 0; i < ARTICLES; i++) {
        const input = {
          title: `基准文章 ${i}`,
          summary: '基准测试',
          category: 'knowledge',
          audiences: [],
          regionId: streets[i % streets.length].id,
          body: '<p>正文</p>',
        };
        const a = await must('POST', '/admin/articles', input, editor);
        await must('POST', `/admin/articles/${a.id}/publish`, undefined, editor);
      }
      for (let i = 0; i < CROWD; i += 50) {
        const batch = Array.from({ length: Math.min(50, CROWD - i) }, (_, j) => must('POST', '/auth/dev/login', { openid: `bench-cluster-${i + j}` }));
        tokens.push(...(await Promise.all(batch)).map((b) => b.accessToken));
      }
    }
    const inHours = (h) => new Date(Date.now() + h * 3_600_000).toISOString();
    const event = await must(
      'POST',
      '/admin/events',
      {
        title: `${instances} 台实例的讲座`,
        kind: 'lecture',
        placeType: 'community',
        hostUnitId: null,
        regionId: Number(community.id),
        venue: { name: '萱花社区活动中心', address: '萱花路 12 号', location: null },
        startsAt: inHours(72),
        endsAt: inHours(73.5),
        capacity: SEATS,
        waitlistEnabled: false,
        requiredFields: [],
        audiences: [],
        description: '基准测试',
        speakers: [],
      },
      organiser,
    );
    await must('POST', `/admin/events/${event.id}/publish`, undefined, organiser);
    // Every instance loads its own cache and connections before the timing starts.
    await measure('warm-up', (i) => fetch(`${base}/${i % 2 ? 'events' : 'articles?page=1&pageSize=20'}`), { requests: 200, concurrency: CONCURRENCY });

    for (const [name, path] of [
      ['GET /api/v1/articles (page 1)', '/articles?page=1&pageSize=20'],
      ['GET /api/v1/events', '/events'],
    ]) {
      const row = await measure(name, () => fetch(base + path), options);
      row.instances = instances;
      reads.push(row);
    }

    const signUps = await crowd(
      tokens.map(
        (token, i) => () =>
          request(
            'POST',
            `/events/${event.id}/registrations`,
            { consentVersion: EVENT_REGISTRATION_CONSENT_VERSION, clientRequestId: `bench-${instances}-${i}` },
            token,
          ),
      ),
    );
    const count = (p) => signUps.outcomes.filter((o) => p(o.status)).length;
    const confirmed = count((s) => s === 201);
    const full = count((s) => s === 409);
    const failures = new Map();
    for (const o of signUps.outcomes) if (o.status >= 500) failures.set(o.status, (failures.get(o.status) ?? 0) + 1);
    const failed = [...failures].map(([status, n]) => `${n} × ${status}`);
    const [stored] = await db.query(`SELECT COUNT(*) AS n FROM event_registrations WHERE eventId = ? AND status = 'confirmed'`, [event.id]);
    crowds.push({
      what: `flash crowd: ${CROWD} residents sign up for ${SEATS} seats`,
      instances,
      'p50 ms': fmt(quantile(signUps.ms, 0.5)),
      'p99 ms': fmt(quantile(signUps.ms, 0.99)),
      'total ms': fmt(signUps.totalMs),
      outcome: `${confirmed} confirmed (database ${stored.n}), ${full} × 409, ${failed.join(', ') || 'no 5xx'}`,
    });
    if (confirmed !== SEATS || Number(stored.n) !== SEATS || full !== CROWD - SEATS) process.exitCode = 1;
    await cluster.stop();
    cluster = undefined;
  }
  for (const r of reads) r['vs bare'] = `${Math.round((100 * r['req/s']) / reads[0]['req/s'])}%`;
  for (const r of crowds) r['p99 vs bare'] = fmt(Number(r['p99 ms']) / Number(crowds[0]['p99 ms']));
  console.log(`# ${ARTICLES} extra published articles, ${CONCURRENCY} concurrent clients, MySQL/MariaDB + Redis, Node ${process.version}`);
  console.table(
    reads.map(({ path, instances, 'req/s': rps, 'p50 ms': p50, 'p99 ms': p99, errors, 'vs bare': vs }) => ({
      path,
      instances,
      'req/s': rps,
      'p50 ms': p50,
      'p99 ms': p99,
      errors,
      'vs bare': vs,
    })),
  );
  console.table(crowds);
  if (reads.some((r) => r.errors)) process.exitCode = 1;
} finally {
  await cluster?.stop();
  bare.stop();
  await db.drop();
  rmSync(uploads, { recursive: true, force: true });
}
