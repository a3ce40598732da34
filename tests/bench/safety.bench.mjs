// From a crisis answer to the first notice (run: pnpm bench). ALERTS residents (default 200) of
// 萱花社区 each answer PHQ-9 with item 9 "几乎每天" and follow-up consent; the region's 企业微信 group
// robot points at a fake robot on loopback, which records when each alert's notice arrives. Reports
// the time from sending the answer to the first delivery, median and worst, beside the answer's own
// round trip (the baseline, measured on the same requests).
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const { startServer, ROOT } = require('../support/server.js');
const Database = createRequire(`${ROOT}/server/package.json`)('better-sqlite3');

const ALERTS = Number(process.env.BENCH_ALERTS ?? 200);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
const fmt = (x) => x.toFixed(0);

// The fake robot: answers as 企业微信 does and notes the first arrival per alert.
const arrivals = new Map();
const robot = createServer((req, res) => {
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', () => {
    const at = performance.now();
    const id = /\/alerts\/(\d+)/.exec(JSON.parse(body).markdown?.content ?? '')?.[1];
    if (id && !arrivals.has(Number(id))) arrivals.set(Number(id), at);
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ errcode: 0, errmsg: 'ok' }));
  });
});
await new Promise((ok) => robot.listen(0, '127.0.0.1', ok));
const robotUrl = `http://127.0.0.1:${robot.address().port}/cgi-bin/webhook/send?key=bench`;

const server = await startServer({
  API_RATE_PER_MINUTE: '1000000',
  LOGIN_RATE_PER_MINUTE: '100000',
  SUBMIT_RATE_PER_HOUR: '1000000',
  WECOM_WEBHOOK_HOSTS: '127.0.0.1',
  ADMIN_PUBLIC_URL: 'https://xq.example.cn/admin',
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
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return text ? JSON.parse(text) : undefined;
  };
  const admin = (await call('POST', '/auth/staff/login', { username: 'region_yc', password: 'Demo@2026xq' })).accessToken;
  const regions = await call('GET', '/regions');
  const street = regions.find((r) => r.code === '500118001');
  const community = regions.find((r) => r.code === '500118001001');
  await call('PUT', `/admin/notice-robots/${street.id}`, { url: robotUrl }, admin);

  const phq9 = await call('GET', '/scales/phq-9');
  const residents = [];
  for (let i = 0; i < ALERTS; i++) {
    const token = (await call('POST', '/auth/dev/login', { openid: `bench-crisis-${process.pid}-${i}` })).accessToken;
    await call('PUT', '/me', { regionId: community.id, ageBand: '35to59', populationGroup: 'employee' }, token);
    residents.push(token);
  }
  const sentAt = new Map();
  const roundTrips = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < residents.length) {
        const i = next++;
        const t0 = performance.now();
        const result = await call(
          'POST',
          '/scales/phq-9/responses',
          {
            scaleVersion: phq9.version,
            answers: Object.fromEntries(phq9.items.map((item, n) => [item.id, n === 8 ? 3 : 1])),
            consent: { mode: 'save', followUp: true, contactPhone: '13800138000', version: 1 },
            clientRequestId: `bench-crisis-${process.pid}-${i}`,
          },
          residents[i],
        );
        roundTrips.push(performance.now() - t0);
        if (!result.followUpRequested) throw new Error(`answer ${i} asked for no follow-up`);
        sentAt.set(result.id, t0);
      }
    }),
  );
  // The answer does not name its alert (the resident has no use for the id): read the pairs.
  const db = new Database(server.dbPath, { readonly: true });
  const alertOf = new Map(
    db
      .prepare('SELECT id, responseId FROM alerts')
      .all()
      .map((r) => [r.responseId, r.id]),
  );
  db.close();
  for (const [responseId, t0] of [...sentAt]) {
    sentAt.delete(responseId);
    sentAt.set(alertOf.get(responseId), t0);
  }
  const deadline = Date.now() + 120_000;
  while ([...sentAt.keys()].some((id) => !arrivals.has(id)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  const missing = [...sentAt.keys()].filter((id) => !arrivals.has(id));
  const latency = [...sentAt]
    .filter(([id]) => arrivals.has(id))
    .map(([id, t0]) => arrivals.get(id) - t0)
    .sort((a, b) => a - b);
  roundTrips.sort((a, b) => a - b);
  console.table([
    {
      what: "baseline: the answer's round trip (POST /scales/phq-9/responses)",
      alerts: roundTrips.length,
      'median ms': fmt(quantile(roundTrips, 0.5)),
      'worst ms': fmt(roundTrips.at(-1)),
      ratio: '1.0',
    },
    {
      what: 'crisis answer to the first delivery at the fake robot',
      alerts: latency.length,
      'median ms': fmt(quantile(latency, 0.5)),
      'worst ms': fmt(latency.at(-1)),
      ratio: (quantile(latency, 0.5) / quantile(roundTrips, 0.5)).toFixed(1),
    },
  ]);
  console.log(
    `# ${ALERTS} red alerts, ${CONCURRENCY} residents answering at a time, ${missing.length} without a notice after 120 s; SQLite, Node ${process.version}`,
  );
  if (missing.length) process.exitCode = 1;
} finally {
  await server.stop();
  robot.close();
}
