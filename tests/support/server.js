// Starts the built API (server/dist) as a real process on a free port with a throwaway SQLite
// database and the demo data, serving the built admin console and mini-program H5 as in production.
const { spawn } = require('child_process');
const { randomBytes } = require('crypto');
const { mkdtempSync, rmSync, existsSync } = require('fs');
const { createServer } = require('net');
const { tmpdir } = require('os');
const { join, resolve } = require('path');

const ROOT = resolve(__dirname, '..', '..');

function freePort() {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => ok(port));
    });
  });
}

/**
 * @param {Record<string, string>} [env]
 * @param {{ dir?: string, startTimeoutMs?: number }} [options] `dir`: keep the SQLite database and uploads in this folder, which
 *   the caller owns (it survives `stop`), e.g. to start again on the same data after a crash
 *   `startTimeoutMs`: how long to wait for the server to answer /api/health (30 s; migrating a fresh
 *   MySQL database on a busy machine can take longer)
 * @returns {Promise<{ baseUrl: string, dbPath: string, logs: () => string, kill: () => Promise<void>, stop: () => Promise<void> }>}
 */
async function startServer(env = {}, options = {}) {
  const main = join(ROOT, 'server', 'dist', 'main.js');
  if (!existsSync(main)) throw new Error('server/dist/main.js is missing: build the server first (pnpm --filter @xinqiao/server build)');
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'xq-e2e-'));
  const port = await freePort();
  let output = '';
  const child = spawn(process.execPath, [main], {
    cwd: join(ROOT, 'server'),
    env: {
      ...process.env,
      NODE_ENV: 'test',
      JWT_SECRET: randomBytes(32).toString('base64url'),
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      DB_TYPE: 'sqlite',
      SQLITE_PATH: join(dir, 'e2e.sqlite'),
      UPLOAD_DIR: join(dir, 'uploads'),
      SEED_DEMO: 'true',
      AUTH_DEV_LOGIN: 'true',
      ADMIN_PASSWORD: 'Xinqiao@2026',
      BCRYPT_ROUNDS: '4',
      ADMIN_DIST: join(ROOT, 'admin', 'dist'),
      H5_DIST: join(ROOT, 'miniapp', 'dist', 'h5'),
      DATA_ENCRYPTION_KEYS: `e2e:${randomBytes(32).toString('base64')}`,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (options.startTimeoutMs ?? 30000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output}`);
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not become healthy in ${(options.startTimeoutMs ?? 30000) / 1000} s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    baseUrl,
    dbPath: join(dir, 'e2e.sqlite'),
    logs: () => output,
    /** Ends the process as a crash or power cut would: SIGKILL, no shutdown hooks. */
    kill: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGKILL');
      await exited;
    },
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      if (!options.dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

module.exports = { startServer, ROOT };
