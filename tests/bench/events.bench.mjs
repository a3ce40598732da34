// Flash crowd on an event (run: pnpm bench), on MySQL/MariaDB (MYSQL_URL, default root@127.0.0.1:3306):
// CROWD residents (default 5,000) sign up at once for SEATS seats (default 200) of one published
// event without a waiting list. Exactly SEATS must be confirmed and every other answer must be a 409
// (EVENT_FULL), none a 5xx; an outcome that differs sets the exit code. Timings are printed, never
// asserted, beside a bare baseline measured in the same run: the same residents at once on
// GET /bookings/kinds (the API's cheapest signed-in read), and a bare Fastify endpoint on this process.
// The crowd comes in over CONNECTIONS keep-alive connections (default 256), as it would through a
// reverse proxy: thousands of fresh connections at once overflow a listen backlog (ECONNRESET) before
// the server sees them. A request's time counts from when the resident sent it, queueing included.
import { createRequire } from 'node:module';
import { apiClient, crowd, keepAliveFetch, quantile } from './lib/bench.mjs';
const require = createRequire(import.meta.url);
const { startServer, ROOT } = require('../support/server.js');
const serverRequire = createRequire(`${ROOT}/server/package.json`);
const mysql = serverRequire('mysql2/promise');
const Fastify = serverRequire('fastify');
const { EVENT_REGISTRATION_CONSENT_VERSION } = serverRequire('@xinqiao/shared');

const CROWD = Number(process.env.BENCH_CROWD ?? 5000);
const SEATS = Number(process.env.BENCH_SEATS ?? 200);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 256);
const MYSQL_BASE = (process.env.MYSQL_URL ?? 'mariadb://root@127.0.0.1:3306').replace(/\/+$/, '');
const DB_NAME = `xq_bench_events_${process.pid}`;

const fmt = (x) => x.toFixed(1);

const row = (what, run, base) => ({
  what,
  runs: run.ms.length,
  'p50 ms': fmt(quantile(run.ms, 0.5)),
  'p99 ms': fmt(quantile(run.ms, 0.99)),
  'max ms': fmt(run.ms.at(-1)),
  'total ms': fmt(run.totalMs),
  'p99 ratio': base ? fmt(quantile(run.ms, 0.99) / quantile(base.ms, 0.99)) : '1.0',
});

const admin = await mysql.createConnection({ uri: MYSQL_BASE.replace(/^mariadb:/, 'mysql:') });
await admin.query(`CREATE DATABASE \`${DB_NAME}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
const bare = Fastify({ logger: false });
const list = Array.from({ length: 10 }, (_, i) => ({ id: i + 1, title: `条目 ${i + 1}` }));
bare.get('/list', async () => list);
const bareUrl = await bare.listen({ port: 0, host: '127.0.0.1' });
const http = keepAliveFetch(CONNECTIONS);
let server;
try {
  server = await startServer({
    DB_TYPE: 'mysql',
    DATABASE_URL: `${MYSQL_BASE}/${DB_NAME}`,
    DB_POOL_SIZE: '20',
    API_RATE_PER_MINUTE: '1000000',
    LOGIN_RATE_PER_MINUTE: '100000',
  });
  const base = `${server.baseUrl}/api/v1`;
  const { request, must } = apiClient(base, http.fetch);

  const organiser = (await must('POST', '/auth/staff/login', { username: 'organiser_sl', password: 'Demo@2026xq' })).accessToken;
  const [region] = (await admin.query(`SELECT id FROM \`${DB_NAME}\`.regions WHERE code = '500118001001'`))[0];
  const inHours = (h) => new Date(Date.now() + h * 3_600_000).toISOString();
  const event = await must(
    'POST',
    '/admin/events',
    {
      title: '心理健康公益讲座',
      kind: 'lecture',
      placeType: 'community',
      hostUnitId: null,
      regionId: Number(region.id),
      venue: { name: '萱花社区活动中心', address: '萱花路 12 号', location: { lat: 29.35, lng: 105.92 } },
      startsAt: inHours(72),
      endsAt: inHours(73.5),
      capacity: SEATS,
      waitlistEnabled: false,
      requiredFields: [],
      audiences: ['employee'],
      description: '讲座介绍',
      speakers: [],
    },
    organiser,
  );
  await must('POST', `/admin/events/${event.id}/publish`, undefined, organiser);

  const tokens = [];
  for (let i = 0; i < CROWD; i += 50) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(50, CROWD - i) }, (_, j) => must('POST', '/auth/dev/login', { openid: `bench-crowd-${i + j}` })),
    );
    tokens.push(...batch.map((b) => b.accessToken));
  }

  const bareRun = await crowd(tokens.map(() => () => http.fetch(`${bareUrl}/list`)));
  const readRun = await crowd(tokens.map((token) => () => request('GET', '/bookings/kinds', undefined, token)));
  const signUps = await crowd(
    tokens.map(
      (token, i) => () =>
        request(
          'POST',
          `/events/${event.id}/registrations`,
          { consentVersion: EVENT_REGISTRATION_CONSENT_VERSION, clientRequestId: `bench-crowd-${String(i).padStart(8, '0')}` },
          token,
        ),
    ),
  );
  const count = (p) => signUps.outcomes.filter(p).length;
  const confirmed = count((o) => o.status === 201);
  const conflicts = count((o) => o.status === 409);
  const serverErrors = count((o) => o.status >= 500);
  const other = CROWD - confirmed - conflicts - serverErrors;
  const [[db]] = await admin.query(`SELECT COUNT(*) n FROM \`${DB_NAME}\`.event_registrations WHERE eventId = ? AND status = 'confirmed'`, [event.id]);

  console.table([
    row(`bare Fastify: ${CROWD} concurrent GET /list`, bareRun),
    row(`baseline: ${CROWD} concurrent GET /bookings/kinds`, readRun, bareRun),
    row(`flash crowd: ${CROWD} residents sign up for ${SEATS} seats`, signUps, bareRun),
  ]);
  const when = (p) => {
    const at = signUps.outcomes
      .filter(p)
      .map((o) => o.at)
      .sort((a, b) => a - b);
    return at.length ? `${fmt(at[0])}-${fmt(at.at(-1))} ms` : 'none';
  };
  const byStatus = new Map();
  for (const o of signUps.outcomes) byStatus.set(o.status, (byStatus.get(o.status) ?? 0) + 1);
  const histogram = [...byStatus].map(([status, n]) => `${status}: ${n}`).join(', ');
  const baselineErrors = readRun.outcomes.filter((o) => o.status !== 200).length;
  console.log(`# statuses: ${histogram}; the baseline read answered ${CROWD - baselineErrors} of ${CROWD} with 200`);
  console.log(`# confirmations answered at ${when((o) => o.status === 201)}, refusals at ${when((o) => o.status === 409)} after the crowd started`);
  console.log(
    `# ${confirmed} confirmed (database: ${db.n}), ${conflicts} answered 409, ${serverErrors} answered 5xx, ${other} other; ` +
      `p99 ${fmt(quantile(signUps.ms, 0.99))} ms against the 1,000 ms goal; MySQL/MariaDB, Node ${process.version}`,
  );
  if (confirmed !== SEATS || Number(db.n) !== SEATS || conflicts !== CROWD - SEATS) {
    console.error('unexpected outcome:', JSON.stringify(signUps.outcomes.filter((o) => o.status !== 201 && o.status !== 409).slice(0, 5)));
    process.exitCode = 1;
  }
} finally {
  http.close();
  await bare.close();
  await server?.stop();
  await admin.query(`DROP DATABASE IF EXISTS \`${DB_NAME}\``);
  await admin.end();
}
