#!/usr/bin/env node
/**
 * Several instances of the built API on this machine behind one port: `npm run start:cluster` builds, then
 * runs this; `node scripts/cluster.mjs` alone runs an existing build (server/dist) with the environment as given.
 * CLUSTER_INSTANCES processes (default 2) each run server/dist/main.js; node:cluster has them share PORT,
 * the primary accepting each connection and handing it to the next instance in turn (round-robin).
 * Several instances need what they share outside themselves: MySQL/MariaDB (DB_TYPE=mysql, DATABASE_URL)
 * and Redis (REDIS_URL); this refuses to start on SQLite or without Redis.
 * An instance that dies after it was serving is started again; one that fails before it listens (bad
 * configuration, database unreachable) stops the whole cluster with its exit code. Ctrl+C or SIGTERM stops
 * every instance through its graceful shutdown.
 */
import cluster from 'node:cluster';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const MAIN = join(ROOT, 'server', 'dist', 'main.js');
const RESTART_DELAY_MS = 1000;

/** Instances to run, from CLUSTER_INSTANCES: a whole number from 1 to 64 (default 2). */
export function clusterSize(env = process.env) {
  const raw = env.CLUSTER_INSTANCES ?? '2';
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < 1 || n > 64) throw new Error(`CLUSTER_INSTANCES must be a whole number from 1 to 64, got "${raw}"`);
  return n;
}

/** Why `env` cannot run several instances, or null when it can; a DATABASE_URL without DB_TYPE means MySQL. */
export function clusterProblem(env = process.env) {
  const type = env.DB_TYPE ?? (env.DATABASE_URL ? 'mysql' : 'sqlite');
  if (type !== 'mysql' || !env.DATABASE_URL)
    return 'several instances need one MySQL/MariaDB database (set DATABASE_URL, e.g. mariadb://user:pass@127.0.0.1:3306/xinqiao); several processes on one SQLite file is not supported: use `npm start` for a single instance';
  if (!env.REDIS_URL) return 'several instances need Redis to share their cache invalidations and rate limits (set REDIS_URL, e.g. redis://127.0.0.1:6379)';
  try {
    clusterSize(env);
  } catch (e) {
    return e.message;
  }
  return null;
}

function startCluster() {
  const problem = clusterProblem();
  if (problem) {
    console.error(`cannot start a cluster: ${problem}`);
    process.exit(78); // EX_CONFIG, as the server answers a bad configuration
  }
  if (!existsSync(MAIN)) {
    console.error(`${MAIN} is missing: build first (npm run start:cluster builds, or npm run build)`);
    process.exit(1);
  }
  const size = clusterSize();
  const env = { DB_TYPE: 'mysql' };
  // The instances resolve relative paths (UPLOAD_DIR, ADMIN_DIST …) from server/, as `npm start` does.
  cluster.setupPrimary({ exec: MAIN, cwd: join(ROOT, 'server') });
  let stopping = false;
  const listening = new WeakSet();
  const fork = () => {
    const worker = cluster.fork(env);
    worker.once('listening', (address) => {
      listening.add(worker);
      const up = Object.values(cluster.workers ?? {}).filter((w) => listening.has(w)).length;
      console.log(`instance ${worker.id} (pid ${worker.process.pid}) serving on port ${address.port}; ${up} of ${size} up`);
    });
    worker.once('exit', (code, signal) => {
      if (stopping) return;
      if (!listening.has(worker)) {
        console.error(`instance ${worker.id} stopped before it served (exit ${code ?? signal}); stopping the cluster`);
        stop(code || 1);
        return;
      }
      console.error(`instance ${worker.id} (pid ${worker.process.pid}) ended (exit ${code ?? signal}); starting another in ${RESTART_DELAY_MS} ms`);
      setTimeout(() => stopping || fork(), RESTART_DELAY_MS);
    });
  };
  const stop = (code) => {
    stopping = true;
    const workers = Object.values(cluster.workers ?? {});
    if (!workers.length) process.exit(code);
    let left = workers.length;
    for (const w of workers) {
      w.once('exit', () => --left || process.exit(code));
      w.process.kill('SIGTERM');
    }
  };
  process.on('SIGINT', () => stop(0));
  process.on('SIGTERM', () => stop(0));
  console.log(`starting ${size} instances of the API on port ${process.env.PORT ?? '3000'} (one migrates the database at a time)`);
  for (let i = 0; i < size; i++) fork();
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) startCluster();
