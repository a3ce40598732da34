import { spawnSync } from 'child_process';

export const REDIS_URL = 'redis://127.0.0.1:6379';

/** Whether Redis answers PING, asked synchronously so a suite can be skipped at definition time. */
function redisAnswers(): boolean {
  const probe = `const s=require('net').connect(6379,'127.0.0.1',()=>s.write('PING\\r\\n'));
s.on('data',(d)=>process.exit(String(d).startsWith('+PONG')?0:1));s.on('error',()=>process.exit(1));setTimeout(()=>process.exit(1),2000);`;
  return spawnSync(process.execPath, ['-e', probe], { timeout: 5000 }).status === 0;
}

/** CI starts Redis (.ci/run), so there a missing Redis fails the suite instead of skipping it. */
const haveRedis = process.env.CI === 'true' || redisAnswers();

/** `describe` when Redis is there, else a skipped suite with a warning saying why. */
export function describeWithRedis(name: string, body: () => void): void {
  if (!haveRedis) console.warn(`skipping "${name}": no Redis answering at ${REDIS_URL} (CI starts one)`);
  (haveRedis ? describe : describe.skip)(name, body);
}

/** A prefix of Redis keys and channels no other test run shares. */
export const uniquePrefix = () => `xq-test-${process.pid}-${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
