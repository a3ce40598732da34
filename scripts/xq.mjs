#!/usr/bin/env node
/**
 * The project's commands, runnable on a machine that has only Node 20 and npm:
 *   npm start     install, build and start the whole product on SQLite with demo data
 *   npm run start:cluster   the same as CLUSTER_INSTANCES processes on MySQL + Redis (scripts/cluster.mjs)
 *   npm test      install, build and run every test suite (lint, format, module boundaries and the redocly lint of docs/openapi.json included); ends with "N passed, N failed"
 *   npm run bench benchmarks of the hot API paths and Lighthouse scores of the admin and H5
 *   npm run fuzz  every API route with bad input against the built server: 5xx answers and audit gaps
 *   npm run dev   API + admin + mini-program H5 dev servers with hot reload
 *   npm run backup / npm run restore   back up or restore the database (see backupCommand)
 * pnpm is used from the PATH when it is version 12, otherwise fetched once through npm.
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { clusterProblem } from './cluster.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PNPM_VERSION = '12.21.0';
const RESULTS = join(ROOT, 'test-results');
const CI = process.env.CI === 'true';

function pnpmCommand() {
  const probe = spawnSync('pnpm', ['--version'], { encoding: 'utf8', shell: false });
  if (probe.status === 0 && probe.stdout.trim().startsWith('12.')) return ['pnpm'];
  return ['npm', 'exec', '--yes', `--package=pnpm@${PNPM_VERSION}`, '--', 'pnpm'];
}
const PNPM = pnpmCommand();

function env(extra = {}) {
  const e = { ...process.env, ...extra };
  // better-sqlite3 builds from source; node-gyp must use the local Node headers instead of downloading them.
  if (!e.npm_config_nodedir && existsSync('/usr/include/node/node.h')) e.npm_config_nodedir = '/usr';
  return e;
}

/** Runs a command; resolves with its exit code. `log` sends its output to a file instead of the terminal. */
function run(cmd, args, { cwd = ROOT, extraEnv = {}, log } = {}) {
  return new Promise((done) => {
    const started = Date.now();
    const child = spawn(cmd, args, { cwd, env: env(extraEnv), stdio: log ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
    let out = '';
    if (log) {
      child.stdout.on('data', (d) => (out += d));
      child.stderr.on('data', (d) => (out += d));
    }
    child.on('close', (code) => {
      if (log) {
        mkdirSync(dirname(log), { recursive: true });
        writeFileSync(log, out);
      }
      done({ code: code ?? 1, seconds: (Date.now() - started) / 1000, out });
    });
  });
}

const pnpm = (args, opts) => run(PNPM[0], [...PNPM.slice(1), ...args], opts);

async function must(step, promise) {
  const r = await promise;
  if (r.code !== 0) {
    if (r.out) console.error(r.out.slice(-6000));
    console.error(`\n✗ ${step} failed (exit ${r.code})`);
    process.exit(r.code || 1);
  }
  console.log(`✓ ${step} (${r.seconds.toFixed(1)} s)`);
  return r;
}

async function install() {
  await must('install dependencies', pnpm(['install', '--frozen-lockfile'], { log: join(RESULTS, 'install.log') }));
}

async function buildAll({ h5 = true } = {}) {
  await must('build shared', pnpm(['--filter', '@xinqiao/shared', 'build'], { log: join(RESULTS, 'build-shared.log') }));
  await must('build server', pnpm(['--filter', '@xinqiao/server', 'build'], { log: join(RESULTS, 'build-server.log') }));
  await must('write the API contract (docs/openapi.json)', pnpm(['--filter', '@xinqiao/server', 'openapi'], { log: join(RESULTS, 'openapi.log') }));
  // The clients' types come from that contract; regenerating them lets the admin and H5 builds check every call against it.
  await must("generate the clients' contract types", pnpm(['--filter', '@xinqiao/shared', 'gen:contract'], { log: join(RESULTS, 'gen-contract.log') }));
  await must('build shared with the contract types', pnpm(['--filter', '@xinqiao/shared', 'build'], { log: join(RESULTS, 'build-shared.log') }));
  await must('build admin', pnpm(['--filter', '@xinqiao/admin', 'build'], { log: join(RESULTS, 'build-admin.log') }));
  if (h5) await must('build mini-program H5', pnpm(['--filter', '@xinqiao/miniapp', 'build:h5'], { log: join(RESULTS, 'build-h5.log') }));
}

function reachable(host, port) {
  return new Promise((ok) => {
    const socket = connect({ host, port, timeout: 1500 });
    socket.on('connect', () => (socket.destroy(), ok(true)));
    socket.on('error', () => ok(false));
    socket.on('timeout', () => (socket.destroy(), ok(false)));
  });
}

const DATA = join(ROOT, 'data');

/**
 * A secret of this installation, made once on first start and kept in data/ (readable by the owner
 * only), so the code carries no secret and a restart keeps sessions, tickets and encrypted data readable.
 */
function localSecret(name, make) {
  const file = join(DATA, name);
  if (!existsSync(file)) {
    mkdirSync(DATA, { recursive: true });
    writeFileSync(file, `${make()}\n`, { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}

/** The demo start (npm start, npm run dev); variables already set in the environment win. */
function demoEnv() {
  const demo = {
    SEED_DEMO: 'true',
    AUTH_DEV_LOGIN: 'true',
    ADMIN_PASSWORD: 'Xinqiao@2026',
    SQLITE_PATH: join(DATA, 'xinqiao.sqlite'),
    UPLOAD_DIR: join(DATA, 'uploads'),
  };
  if (!process.env.JWT_SECRET) demo.JWT_SECRET = localSecret('jwt-secret', () => randomBytes(48).toString('base64url'));
  if (!process.env.DATA_ENCRYPTION_KEYS) demo.DATA_ENCRYPTION_KEYS = localSecret('data-encryption-keys', () => `local1:${randomBytes(32).toString('base64')}`);
  return Object.fromEntries(Object.entries(demo).filter(([k]) => !process.env[k]));
}

async function start() {
  await install();
  await buildAll();
  const port = process.env.PORT ?? '3000';
  const base = `http://localhost:${port}`;
  console.log(`
心桥 XinQiao is starting on ${base}
  管理后台 (admin)        ${base}/admin/
  小程序 H5 (mini-program) ${base}/h5/
  API docs               ${base}/api/docs
  Demo accounts (admin console):
    admin / Xinqiao@2026   系统管理员 (must change the password at first login)
    region_yc, editor_sl, editor_zx, reviewer_yc, counsellor_sl, counsellor_zs, organiser_sl, checkin_sl, station_sl / Demo@2026xq
  Residents: open the H5, tab 我的, 体验登录.
  Stop with Ctrl+C.
`);
  const r = await run('node', ['dist/main.js'], { cwd: join(ROOT, 'server'), extraEnv: demoEnv() });
  process.exit(r.code);
}

/**
 * `npm run start:cluster`: `npm start` as several instances sharing one port, on the MySQL database at
 * DATABASE_URL and the Redis at REDIS_URL (both required). Outside production they get the demo data and
 * the secrets in data/, which every instance must share.
 */
async function startCluster() {
  const extraEnv = process.env.NODE_ENV === 'production' ? {} : demoEnv();
  delete extraEnv.SQLITE_PATH;
  const problem = clusterProblem({ ...process.env, ...extraEnv });
  if (problem) {
    console.error(`✗ npm run start:cluster: ${problem}`);
    process.exit(78);
  }
  await install();
  await buildAll();
  console.log(`\n心桥 XinQiao is starting as a cluster on http://localhost:${process.env.PORT ?? '3000'} (accounts as for npm start). Stop with Ctrl+C.\n`);
  const r = await run('node', [join(ROOT, 'scripts', 'cluster.mjs')], { extraEnv });
  process.exit(r.code);
}

/** Re-encrypts the local data under the first key of DATA_ENCRYPTION_KEYS (data/data-encryption-keys when unset). */
async function rotateKeys() {
  await must('build shared', pnpm(['--filter', '@xinqiao/shared', 'build'], { log: join(RESULTS, 'build-shared.log') }));
  await must('build server', pnpm(['--filter', '@xinqiao/server', 'build'], { log: join(RESULTS, 'build-server.log') }));
  const r = await run('node', ['dist/cli/rotate-keys.js'], { cwd: join(ROOT, 'server'), extraEnv: demoEnv() });
  process.exit(r.code);
}

/** Sums jest's JSON report into passed/failed test counts. */
function jestCounts(file) {
  try {
    const j = JSON.parse(readFileSync(file, 'utf8'));
    const failedSuites = j.testResults.filter((s) => s.status === 'failed' && s.assertionResults.length === 0).length;
    return { passed: j.numPassedTests, failed: j.numFailedTests + failedSuites };
  } catch {
    return null;
  }
}

async function test() {
  rmSync(RESULTS, { recursive: true, force: true });
  mkdirSync(RESULTS, { recursive: true });
  await install();
  await must('build shared', pnpm(['--filter', '@xinqiao/shared', 'build'], { log: join(RESULTS, 'build-shared.log') }));

  const mysqlUrl = process.env.MYSQL_URL ?? 'mariadb://root@127.0.0.1:3306';
  const { hostname, port } = new URL(mysqlUrl);
  const haveMysql = await reachable(hostname, Number(port || 3306));
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  const haveChromium = existsSync(chromium);

  const results = [];
  const skipped = [];
  const jest = async (name, filter, args, extraEnv = {}) => {
    const json = join(RESULTS, `${name}.json`);
    const r = await pnpm(['--filter', filter, 'exec', 'jest', '--ci', '--json', `--outputFile=${json}`, ...args], {
      log: join(RESULTS, `${name}.log`),
      extraEnv,
    });
    const counts = jestCounts(json) ?? { passed: 0, failed: 1 };
    if (r.code !== 0 && counts.failed === 0) counts.failed = 1;
    results.push({ name, ...counts, seconds: r.seconds, log: `test-results/${name}.log` });
  };
  /** A command that passes or fails as a whole counts as one test. */
  const check = async (name, args) => {
    const r = await pnpm(args, { log: join(RESULTS, `${name}.log`) });
    results.push({ name, passed: r.code === 0 ? 1 : 0, failed: r.code === 0 ? 0 : 1, seconds: r.seconds, log: `test-results/${name}.log` });
  };
  const step = (name, filter, script) => check(name, ['--filter', filter, 'run', script]);
  const skip = (name, why) => {
    if (CI) results.push({ name, passed: 0, failed: 1, seconds: 0, log: `not run: ${why}` });
    else skipped.push(`${name}: ${why}`);
  };

  await check('lint', ['run', 'lint']);
  await check('format', ['exec', 'prettier', '--check', '.']);
  await jest('server-boundaries', '@xinqiao/server', ['--selectProjects', 'architecture']);
  await jest('shared-unit', '@xinqiao/shared', []);
  await step('server-typecheck', '@xinqiao/server', 'typecheck');
  await jest('server-unit', '@xinqiao/server', ['--selectProjects', 'unit']);
  // Before the integration suites: some of them run the built server as a real process.
  await step('server-build', '@xinqiao/server', 'build');
  // The committed contract as it is: npm test never rewrites it, and the integration suite checks it matches the server.
  await step('openapi-lint', '@xinqiao/server', 'openapi:lint');
  await jest('server-integration-sqlite', '@xinqiao/server', ['--selectProjects', 'integration'], { TEST_DB: 'sqlite' });
  if (haveMysql) await jest('server-integration-mysql', '@xinqiao/server', ['--selectProjects', 'integration'], { TEST_DB: 'mysql', MYSQL_URL: mysqlUrl });
  else skip('server-integration-mysql', `no MySQL/MariaDB answering at ${hostname}:${port || 3306} (set MYSQL_URL)`);
  await step('admin-build', '@xinqiao/admin', 'build');
  await jest('admin-unit', '@xinqiao/admin', []);
  await step('miniapp-typecheck', '@xinqiao/miniapp', 'typecheck');
  await jest('miniapp-unit', '@xinqiao/miniapp', []);
  await step('miniapp-build-weapp', '@xinqiao/miniapp', 'build:weapp');
  await step('miniapp-size', '@xinqiao/miniapp', 'size');
  await step('miniapp-build-h5', '@xinqiao/miniapp', 'build:h5');
  if (haveChromium) await jest('e2e-browser', '@xinqiao/tests', [], { CHROMIUM_PATH: chromium });
  else skip('e2e-browser', `no Chromium at ${chromium} (apt-get install chromium, or set CHROMIUM_PATH)`);

  console.log('\nsuite                              passed  failed   time');
  for (const r of results) {
    console.log(
      `${r.name.padEnd(34)} ${String(r.passed).padStart(6)}  ${String(r.failed).padStart(6)}  ${r.seconds.toFixed(0).padStart(4)} s${r.failed ? `   see ${r.log}` : ''}`,
    );
  }
  for (const s of skipped) console.log(`SKIPPED ${s}`);
  const size = results.find((r) => r.name === 'miniapp-size');
  if (size) {
    const out = readFileSync(join(RESULTS, 'miniapp-size.log'), 'utf8')
      .split('\n')
      .filter((l) => /main|sub|total/i.test(l));
    console.log(out.join('\n'));
  }
  const passed = results.reduce((n, r) => n + r.passed, 0);
  const failed = results.reduce((n, r) => n + r.failed, 0);
  console.log(`\n${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

async function bench() {
  await install();
  await must('build shared', pnpm(['--filter', '@xinqiao/shared', 'build'], { log: join(RESULTS, 'build-shared.log') }));
  await must('build server', pnpm(['--filter', '@xinqiao/server', 'build'], { log: join(RESULTS, 'build-server.log') }));
  // The Lighthouse bench audits the front ends as the built server ships them.
  await must('build admin', pnpm(['--filter', '@xinqiao/admin', 'build'], { log: join(RESULTS, 'build-admin.log') }));
  await must('build mini-program H5', pnpm(['--filter', '@xinqiao/miniapp', 'build:h5'], { log: join(RESULTS, 'build-h5.log') }));
  const r = await pnpm(['--filter', '@xinqiao/tests', 'run', 'bench']);
  process.exit(r.code);
}

async function fuzz() {
  await install();
  await must('build shared', pnpm(['--filter', '@xinqiao/shared', 'build'], { log: join(RESULTS, 'build-shared.log') }));
  await must('build server', pnpm(['--filter', '@xinqiao/server', 'build'], { log: join(RESULTS, 'build-server.log') }));
  const r = await pnpm(['--filter', '@xinqiao/tests', 'run', 'fuzz']);
  process.exit(r.code);
}

async function dev() {
  await install();
  await must('build shared', pnpm(['--filter', '@xinqiao/shared', 'build'], { log: join(RESULTS, 'build-shared.log') }));
  const extraEnv = demoEnv();
  console.log('API http://localhost:3000/api  ·  admin http://localhost:5173/admin/  ·  H5 http://localhost:10086/h5/');
  const r = await pnpm(['--parallel', '--filter', '@xinqiao/server', '--filter', '@xinqiao/admin', '--filter', '@xinqiao/miniapp', 'run', 'dev'], { extraEnv });
  process.exit(r.code);
}

/**
 * `npm run backup [-- file]`, `npm run restore -- file [--force]`: the server's backup command, on the
 * database `npm start` uses unless DB_TYPE/SQLITE_PATH/DATABASE_URL say otherwise; files are relative
 * to the folder npm was run from.
 */
async function backupCommand(command) {
  const extraEnv = process.env.SQLITE_PATH ? {} : { SQLITE_PATH: join(DATA, 'xinqiao.sqlite') };
  const r = await run('node', [join(ROOT, 'server', 'scripts', 'start.js'), command, ...process.argv.slice(3)], {
    cwd: process.env.INIT_CWD ?? process.cwd(),
    extraEnv,
  });
  process.exit(r.code);
}

const commands = {
  start,
  cluster: startCluster,
  test,
  bench,
  fuzz,
  dev,
  build: async () => (await install(), await buildAll()),
  backup: () => backupCommand('backup'),
  restore: () => backupCommand('restore'),
  'rotate-keys': rotateKeys,
};
const command = commands[process.argv[2]];
if (!command) {
  console.error(`usage: node scripts/xq.mjs ${Object.keys(commands).join('|')}`);
  process.exit(2);
}
await command();
