// Booking under load (run: pnpm bench), on MySQL/MariaDB (MYSQL_URL, default root@127.0.0.1:3306):
// 1. a month of slots for a station with 20 counsellors, through GET /api/v1/slots;
// 2. RACERS residents (default 1,000) racing for 50 slots, each holding then confirming; exactly 50
//    must be confirmed and every other answer must be a 409.
// Figures are ratios beside a bare baseline measured in the same run: a trivial API read
// (GET /api/v1/bookings/kinds) at the same concurrency.
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const { startServer, ROOT } = require('../support/server.js');
const mysql = createRequire(`${ROOT}/server/package.json`)('mysql2/promise');

const RACERS = Number(process.env.BENCH_RACERS ?? 1000);
const SLOTS = 50;
const COUNSELLORS = 20;
const REPEAT = Number(process.env.BENCH_REPEAT ?? 20);
const MYSQL_BASE = (process.env.MYSQL_URL ?? 'mariadb://root@127.0.0.1:3306').replace(/\/+$/, '');
const DB_NAME = `xq_bench_bookings_${process.pid}`;

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
const fmt = (x) => x.toFixed(1);

async function timedRuns(times, fn) {
  const ms = [];
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    await fn();
    ms.push(performance.now() - t0);
  }
  return ms.sort((a, b) => a - b);
}

const admin = await mysql.createConnection({ uri: MYSQL_BASE.replace(/^mariadb:/, 'mysql:') });
await admin.query(`CREATE DATABASE \`${DB_NAME}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
const server = await startServer({
  DB_TYPE: 'mysql',
  DATABASE_URL: `${MYSQL_BASE}/${DB_NAME}`,
  DB_POOL_SIZE: '20',
  API_RATE_PER_MINUTE: '1000000',
  LOGIN_RATE_PER_MINUTE: '100000',
});
try {
  const base = `${server.baseUrl}/api/v1`;
  const call = async (method, path, body, token) => {
    const res = await fetch(base + path, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  };
  const must = async (method, path, body, token) => {
    const r = await call(method, path, body, token);
    if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };

  // A station with 20 published counsellors, each in person Monday to Saturday 09:00-12:00 and 14:00-17:30.
  const staff = (await must('POST', '/auth/staff/login', { username: 'region_yc', password: 'Demo@2026xq' })).accessToken;
  const stations = await must('GET', '/stations?pageSize=100');
  const station = stations.items.find((s) => s.type === 'service_station') ?? stations.items[0];
  for (let i = 0; i < COUNSELLORS; i++) {
    const c = await must(
      'POST',
      '/admin/counsellors',
      {
        name: `基准咨询师${i + 1}`,
        photoUrl: null,
        qualification: '国家二级心理咨询师',
        title: null,
        certificateNo: null,
        specialties: [],
        languages: ['普通话'],
        modes: ['in_person'],
        stationIds: [station.id],
        bio: null,
        regionId: station.regionId,
        staffId: null,
        published: true,
        publishConsent: true,
      },
      staff,
    );
    const blocks = [];
    for (const weekday of [1, 2, 3, 4, 5, 6]) {
      blocks.push({ weekday, start: '09:00', end: '12:00', mode: 'in_person', stationId: station.id });
      blocks.push({ weekday, start: '14:00', end: '17:30', mode: 'in_person', stationId: station.id });
    }
    await must('PUT', `/admin/counsellors/${c.id}/availability`, blocks, staff);
  }
  // A month ahead: the system admin opens the in-person horizon to 31 days (the demo keeps 14).
  const first = (await must('POST', '/auth/staff/login', { username: 'admin', password: 'Xinqiao@2026' })).accessToken;
  await must('POST', '/auth/staff/password', { oldPassword: 'Xinqiao@2026', newPassword: 'Bench#2026xq' }, first);
  const sysadmin = (await must('POST', '/auth/staff/login', { username: 'admin', password: 'Bench#2026xq' })).accessToken;
  const settings = (await must('GET', '/admin/bookings/settings', undefined, sysadmin)).find((k) => k.kind === 'in_person');
  const { kind: _kind, ...rules } = settings;
  const inPerson = await must('PUT', '/admin/bookings/settings/in_person', { ...rules, maxDaysAhead: 31 }, sysadmin);
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const addDays = (d, n) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
  const monthQuery = `/slots?kind=in_person&stationId=${station.id}&from=${today}&to=${addDays(today, 30)}`;

  const rows = [];
  const baselineMs = await timedRuns(REPEAT, () => must('GET', '/bookings/kinds'));
  let monthSlots = 0;
  const monthMs = await timedRuns(REPEAT, async () => {
    monthSlots = (await must('GET', monthQuery)).length;
  });
  const baseMedian = quantile(baselineMs, 0.5);
  rows.push({ what: 'baseline: GET /bookings/kinds', runs: REPEAT, 'median ms': fmt(baseMedian), 'max ms': fmt(baselineMs.at(-1)), ratio: '1.0' });
  rows.push({
    what: `a month of slots, ${COUNSELLORS} counsellors (${monthSlots} slots, ${inPerson.maxDaysAhead}-day horizon)`,
    runs: REPEAT,
    'median ms': fmt(quantile(monthMs, 0.5)),
    'max ms': fmt(monthMs.at(-1)),
    ratio: fmt(quantile(monthMs, 0.5) / baseMedian),
  });

  // The race: the first 50 slots, RACERS residents, RACERS / 50 per slot, all at once.
  const slots = (await must('GET', monthQuery)).slice(0, SLOTS);
  if (slots.length < SLOTS) throw new Error(`only ${slots.length} slots offered`);
  const tokens = [];
  for (let i = 0; i < RACERS; i += 50) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(50, RACERS - i) }, (_, j) => must('POST', '/auth/dev/login', { openid: `bench-booking-${i + j}` })),
    );
    tokens.push(...batch.map((b) => b.accessToken));
  }
  const intake = {
    topic: null,
    note: null,
    contactPhone: '13800138000',
    ageBand: '18to34',
    consent: { version: '2026-12-booking-v1', booking: true, sensitive: false },
    guardian: null,
  };
  const baseRace = await Promise.all(
    tokens.map(async (token) => {
      const t0 = performance.now();
      const r = await call('GET', '/bookings/kinds', undefined, token);
      if (r.status !== 200) throw new Error(`baseline answered ${r.status}`);
      return performance.now() - t0;
    }),
  );
  const outcomes = await Promise.all(
    tokens.map(async (token, i) => {
      const slot = slots[i % SLOTS];
      const t0 = performance.now();
      const hold = await call(
        'POST',
        '/bookings/holds',
        { kind: 'in_person', start: slot.start, counsellorId: slot.counsellorId, stationId: slot.stationId },
        token,
      );
      let answer = hold;
      if (hold.status < 300)
        answer = await call('POST', '/bookings', { holdId: hold.body.id, clientRequestId: `bench-${String(i).padStart(8, '0')}`, intake }, token);
      return { status: answer.status, ms: performance.now() - t0, answer: answer.status >= 300 ? answer.body : undefined };
    }),
  );
  const confirmed = outcomes.filter((o) => o.status < 300).length;
  const conflicts = outcomes.filter((o) => o.status === 409).length;
  const other = outcomes.filter((o) => o.status >= 300 && o.status !== 409);
  const [db] = await admin.query(
    `SELECT COUNT(*) n, COUNT(DISTINCT counsellorId, start) d FROM \`${DB_NAME}\`.bookings WHERE status = 'confirmed' AND residentId IS NOT NULL AND clientRequestId LIKE 'bench-%'`,
  );
  const raceMs = outcomes.map((o) => o.ms).sort((a, b) => a - b);
  baseRace.sort((a, b) => a - b);
  rows.push({
    what: `baseline: ${RACERS} concurrent GET /bookings/kinds`,
    runs: RACERS,
    'median ms': fmt(quantile(baseRace, 0.5)),
    'p99 ms': fmt(quantile(baseRace, 0.99)),
    ratio: '1.0',
  });
  rows.push({
    what: `${RACERS} residents racing for ${SLOTS} slots (hold + confirm)`,
    runs: RACERS,
    'median ms': fmt(quantile(raceMs, 0.5)),
    'p99 ms': fmt(quantile(raceMs, 0.99)),
    ratio: `p99 ${fmt(quantile(raceMs, 0.99) / quantile(baseRace, 0.99))}`,
  });
  console.table(rows);
  console.log(
    `# ${confirmed} confirmed (database: ${db[0].n} rows on ${db[0].d} distinct slots), ${conflicts} answered 409, ${other.length} other; MySQL/MariaDB, Node ${process.version}`,
  );
  if (confirmed !== SLOTS || Number(db[0].n) !== SLOTS || Number(db[0].d) !== SLOTS || conflicts !== RACERS - SLOTS || other.length) {
    console.error('unexpected outcome:', JSON.stringify(other.slice(0, 5)));
    process.exitCode = 1;
  }
} finally {
  await server.stop();
  await admin.query(`DROP DATABASE IF EXISTS \`${DB_NAME}\``);
  await admin.end();
}
