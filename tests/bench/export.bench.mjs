// The attendee Excel export at scale (run: pnpm bench): an event gets SMALL (default 10,000) and then
// LARGE (default 100,000) registrations, written straight into the database as the server would have
// (phones encrypted with the server's own cipher and key, with their search hashes), and each time the
// whole list is downloaded by a streaming client while the server's resident memory (VmRSS) is sampled
// every 50 ms. Printed: time, bytes, rows and peak memory, the peak's growth from SMALL to LARGE against
// the server at rest (the baseline), and the time against the 30 s goal. On SQLite, and also on
// MySQL/MariaDB with BENCH_MYSQL_URL=mariadb://root@127.0.0.1:3306 (a throwaway database is created and
// dropped). The row count and a sample of the content are checked; a mismatch sets the exit code.
// BENCH_EXPORT_OLD_SPACE_MB caps the server's V8 old space (see OLD_SPACE_MB).
import { createRequire } from 'node:module';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
const require = createRequire(import.meta.url);
const { startServer, ROOT } = require('../support/server.js');
const serverRequire = createRequire(`${ROOT}/server/package.json`);
const Database = serverRequire('better-sqlite3');
const mysql = serverRequire('mysql2/promise');
const ExcelJS = serverRequire('exceljs');
const { DataKeyring, parseDataKeys } = require(`${ROOT}/server/dist/common/crypto/data-cipher.js`);

const SMALL = Number(process.env.BENCH_EXPORT_SMALL ?? 10_000);
const LARGE = Number(process.env.BENCH_EXPORT_LARGE ?? 100_000);
const GOAL_S = 30;
// Node's default heap limit here is a quarter of the machine's memory, and V8 collects lazily below it, so
// peak RSS shows when garbage was collected as much as what the export holds: a cap (MB) makes it collect
// sooner, and an export that held its rows would then run out of memory.
const OLD_SPACE_MB = process.env.BENCH_EXPORT_OLD_SPACE_MB;
const mb = (kb) => (kb / 1024).toFixed(1);

const rssKb = (pid) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]);
/** CPU seconds the process has used (user + system): the export's cost even when other work shares the cores. */
const cpuS = (pid) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
};

/** Registration `i` of the bench: mostly confirmed (a third of them checked in), every tenth waiting. */
function registration(i, eventId, residentId, keyring, start) {
  const phone = `139${String(i).padStart(8, '0')}`;
  // Three rows share each creation time, so ties are broken by id as in the list.
  const createdAt = new Date(start + Math.floor(i / 3) * 7);
  const waiting = i % 10 === 9;
  const checkedIn = !waiting && i % 3 === 0;
  const at = (d) => d.toISOString().replace('T', ' ').replace('Z', '');
  return [
    eventId,
    residentId,
    waiting ? 'waitlisted' : 'confirmed',
    i % 20 === 0 ? 'walk_in' : 'online',
    `参会者${i}`,
    keyring.encrypt(phone),
    keyring.blindIndex('phone', phone),
    keyring.blindIndex('phone-tail', phone),
    1,
    `t${i}`,
    waiting ? at(createdAt) : null,
    waiting ? null : at(createdAt),
    checkedIn ? at(new Date(start + 86_400_000)) : null,
    checkedIn ? 'ticket_scan' : null,
    checkedIn ? '签到员' : null,
    at(createdAt),
    at(createdAt),
  ];
}
const COLUMNS =
  'eventId, residentId, status, source, name, phone, phoneIndex, phoneTailIndex, consentVersion, ticketCode, queuedAt, confirmedAt, checkedInAt, checkinMethod, checkedInByName, createdAt, updatedAt';

/** Writes residents and their registrations `from`..`to`-1 for the event, in chunks. */
async function seedSqlite(dbPath, eventId, keyring, start, from, to) {
  const db = new Database(dbPath);
  db.pragma('busy_timeout = 5000');
  const resident = db.prepare('INSERT INTO residents (openid) VALUES (?)');
  const insert = db.prepare(`INSERT INTO event_registrations (${COLUMNS}) VALUES (${COLUMNS.split(',').map(() => '?')})`);
  const chunk = db.transaction((a, b) => {
    for (let i = a; i < b; i++) insert.run(registration(i, eventId, Number(resident.run(`bench-export-${i}`).lastInsertRowid), keyring, start));
  });
  for (let a = from; a < to; a += 20_000) chunk(a, Math.min(to, a + 20_000));
  db.close();
}

async function seedMysql(conn, eventId, keyring, start, from, to) {
  for (let a = from; a < to; a += 2_000) {
    const ids = Array.from({ length: Math.min(to, a + 2_000) - a }, (_, k) => a + k);
    // A multi-row insert takes consecutive ids (innodb_autoinc_lock_mode 1 or 0).
    const [res] = await conn.query('INSERT INTO residents (openid) VALUES ?', [ids.map((i) => [`bench-export-${i}`])]);
    await conn.query(`INSERT INTO event_registrations (${COLUMNS}) VALUES ?`, [ids.map((i, k) => registration(i, eventId, res.insertId + k, keyring, start))]);
  }
}

/**
 * The live heap left by each full collection (V8's --trace-gc lines): what the process still holds once
 * garbage is gone, where RSS also counts garbage that V8 has not yet needed to collect.
 */
const liveAfterFullGcMb = (log) => [...log.matchAll(/Mark-Compact[^\n]*? -> ([\d.]+) \(/g)].map((m) => Number(m[1]));

/** Downloads the export to a file while sampling the server's memory; answers time, bytes and peaks. */
async function download(server, eventId, token, file) {
  const logFrom = server.logs().length;
  let peak = rssKb(server.pid);
  const cpu0 = cpuS(server.pid);
  const sampler = setInterval(() => (peak = Math.max(peak, rssKb(server.pid))), 50);
  try {
    const t0 = performance.now();
    const res = await fetch(`${server.baseUrl}/api/v1/admin/events/${eventId}/registrations/export`, { headers: { authorization: `Bearer ${token}` } });
    if (res.status !== 200) throw new Error(`export answered ${res.status}: ${await res.text()}`);
    await pipeline(Readable.fromWeb(res.body), createWriteStream(file));
    const ms = performance.now() - t0;
    peak = Math.max(peak, rssKb(server.pid));
    const live = liveAfterFullGcMb(server.logs().slice(logFrom));
    return {
      ms,
      cpuS: cpuS(server.pid) - cpu0,
      bytes: statSync(file).size,
      peakKb: peak,
      fullGcs: live.length,
      liveMb: live.length ? Math.max(...live) : null,
    };
  } finally {
    clearInterval(sampler);
  }
}

/** Reads the file back as a stream: the data rows, and the header and first rows to compare. */
async function readBack(file) {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: 'cache', styles: 'ignore', hyperlinks: 'ignore', worksheets: 'emit' });
  const sample = [];
  let rows = 0;
  for await (const sheet of reader)
    for await (const row of sheet) {
      if (sample.length < 4) sample.push(row.values.slice(1, 6));
      rows++;
    }
  return { rows: rows - 1, sample };
}

async function run(label, env, seed) {
  const key = `bench:${randomBytes(32).toString('base64')}`;
  const keyring = new DataKeyring(parseDataKeys(key));
  const server = await startServer(
    { ...env, DATA_ENCRYPTION_KEYS: key, API_RATE_PER_MINUTE: '1000000' },
    { nodeArgs: ['--trace-gc', ...(OLD_SPACE_MB ? [`--max-old-space-size=${OLD_SPACE_MB}`] : [])] },
  );
  const dir = mkdtempSync(join(tmpdir(), 'xq-export-bench-'));
  try {
    const must = async (method, path, body, token) => {
      const res = await fetch(`${server.baseUrl}/api/v1${path}`, {
        method,
        headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: body && JSON.stringify(body),
      });
      const text = await res.text();
      if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${text}`);
      return text ? JSON.parse(text) : undefined;
    };
    const organiser = (await must('POST', '/auth/staff/login', { username: 'organiser_sl', password: 'Demo@2026xq' })).accessToken;
    const regions = await must('GET', '/regions');
    const inHours = (h) => new Date(Date.now() + h * 3_600_000).toISOString();
    const event = await must(
      'POST',
      '/admin/events',
      {
        title: '基准：大型公益讲座',
        kind: 'lecture',
        placeType: 'community',
        hostUnitId: null,
        regionId: regions.find((r) => r.code === '500118001001').id,
        venue: { name: '萱花社区活动中心', address: '萱花路 12 号', location: { lat: 29.35, lng: 105.92 } },
        startsAt: inHours(72),
        endsAt: inHours(73.5),
        capacity: LARGE,
        waitlistEnabled: true,
        requiredFields: ['name', 'phone'],
        audiences: ['employee'],
        description: '讲座介绍',
        speakers: [],
      },
      organiser,
    );
    await must('POST', `/admin/events/${event.id}/publish`, undefined, organiser);
    const start = Date.now() - 86_400_000;

    const rows = [];
    let seeded = 0;
    let failed = false;
    const restKb = rssKb(server.pid);
    const restLiveMb = liveAfterFullGcMb(server.logs()).at(-1);
    for (const [i, n] of [SMALL, SMALL, LARGE].entries()) {
      const t0 = performance.now();
      await seed(server, event.id, keyring, start, seeded, n);
      const seedS = (performance.now() - t0) / 1000;
      seeded = n;
      const file = join(dir, `export-${i}.xlsx`);
      const d = await download(server, event.id, organiser, file);
      const back = await readBack(file);
      const expected = [
        ['姓名', '手机号', '报名状态', '报名方式', '候补位次'],
        ['参会者0', '13900000000', '报名成功', '现场登记', ''],
      ];
      const ok = back.rows === n && JSON.stringify(back.sample.slice(0, 2)) === JSON.stringify(expected);
      if (!ok) {
        failed = true;
        console.error(`${label}: ${back.rows} rows read back, expected ${n}; first rows ${JSON.stringify(back.sample)}`);
      }
      rmSync(file);
      // The first run of SMALL loads the export code and warms the caches; the second is the one compared.
      if (i === 0) continue;
      rows.push({
        database: label,
        rows: n,
        'seeded in s': seedS.toFixed(1),
        'export s': (d.ms / 1000).toFixed(2),
        'server CPU s': d.cpuS.toFixed(2),
        'rows/s': Math.round(n / (d.ms / 1000)),
        MB: (d.bytes / 1048576).toFixed(1),
        'peak RSS MB': mb(d.peakKb),
        'above rest MB': mb(d.peakKb - restKb),
        'full GCs': d.fullGcs,
        'max live heap MB': d.liveMb?.toFixed(1) ?? '-',
        'content ok': ok,
      });
    }
    const [small, large] = rows;
    console.table(rows);
    console.log(
      `# ${label}: server at rest ${mb(restKb)} MB RSS (baseline); peak RSS ${large.rows.toLocaleString('en')} rows / ${small.rows.toLocaleString('en')} rows = ` +
        `${(Number(large['peak RSS MB']) / Number(small['peak RSS MB'])).toFixed(2)} (above rest: ${large['above rest MB']} MB vs ${small['above rest MB']} MB); ` +
        `largest live heap after a full GC during the export: ${large['max live heap MB']} MB vs ${small['max live heap MB']} MB ` +
        `(${restLiveMb ?? '-'} MB after the last one before the exports); ` +
        `${large.rows.toLocaleString('en')} rows in ${large['export s']} s (${large['server CPU s']} s of server CPU) against the ${GOAL_S} s goal; ` +
        `load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores; old space ${OLD_SPACE_MB ? `capped at ${OLD_SPACE_MB} MB` : 'not capped'}; Node ${process.version}`,
    );
    if (failed) process.exitCode = 1;
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await run('SQLite', {}, (server, ...rest) => seedSqlite(server.dbPath, ...rest));

if (process.env.BENCH_MYSQL_URL) {
  const base = process.env.BENCH_MYSQL_URL.replace(/\/+$/, '');
  const name = `xq_bench_export_${process.pid}`;
  const admin = await mysql.createConnection({ uri: base.replace(/^mariadb:/, 'mysql:') });
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  try {
    const conn = await mysql.createConnection({ uri: `${base.replace(/^mariadb:/, 'mysql:')}/${name}` });
    try {
      await run('MySQL/MariaDB', { DB_TYPE: 'mysql', DATABASE_URL: `${base}/${name}` }, (_server, ...rest) => seedMysql(conn, ...rest));
    } finally {
      await conn.end();
    }
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await admin.end();
  }
}
