import { spawnSync } from 'child_process';
import { createServer, type AddressInfo } from 'net';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '../../src/app';
import type { AppConfig } from '../../src/common/config/env';
import type { TestApp } from './test-app';

export const REDIS_URL = 'redis://127.0.0.1:6379';

/** Whether Redis answers PING, asked synchronously so a suite can be skipped at definition time. */
function redisAnswers(): boolean {
  const probe = `const s=require('net').connect(6379,'127.0.0.1',()=>s.write('PING\\r\\n'));
s.on('data',(d)=>process.exit(String(d).startsWith('+PONG')?0:1));s.on('error',()=>process.exit(1));setTimeout(()=>process.exit(1),2000);`;
  return spawnSync(process.execPath, ['-e', probe], { timeout: 5000 }).status === 0;
}

/** CI starts Redis (.ci/run), so there a missing Redis fails the suite instead of skipping it. */
export const haveRedis = process.env.CI === 'true' || redisAnswers();

/** `describe` when Redis is there, else a skipped suite with a warning saying why. */
export function describeWithRedis(name: string, body: () => void): void {
  if (!haveRedis) console.warn(`skipping "${name}": no Redis answering at ${REDIS_URL} (CI starts one)`);
  (haveRedis ? describe : describe.skip)(name, body);
}

/** A prefix of Redis keys and channels no other test run shares. */
export const uniquePrefix = () => `xq-test-${process.pid}-${Date.now()}-${Math.floor(Math.random() * 1e6)}`;

/** A second instance of the app on `first`'s database (same secrets, so tokens work on both). */
export async function alongside(first: TestApp, env: Partial<AppConfig>): Promise<NestFastifyApplication> {
  const app = await createApp({ ...first.config, ...env }, { logger: false });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}

/** Reads until `done` holds; what travels through Redis lands a moment after the write's answer. */
export async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const until = Date.now() + 5000;
  let value = await read();
  while (!done(value) && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 20));
    value = await read();
  }
  return value;
}

/** A loopback port nothing listens on: a Redis that is down. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  await new Promise((ok) => server.close(ok));
  return port;
}
