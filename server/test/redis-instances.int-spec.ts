import type { AddressInfo } from 'net';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getBuiltInScale, SCALE_CONSENT_VERSION } from '@xinqiao/shared';
import { randomUUID } from 'crypto';
import { SharedRedis } from '../src/common/redis/shared-redis';
import { WechatClient } from '../src/wechat/wechat.client';
import { FakeWechat } from './support/fake-wechat';
import { openLive } from './support/live-stream';
import { alongside, closedPort, describeWithRedis, eventually, REDIS_URL, uniquePrefix } from './support/redis';
import { TestApp } from './support/test-app';
import { TEST_DB } from './support/test-db';

const GAD7 = getBuiltInScale('gad-7')!;

interface TestNoticeAnswer {
  deliveries: { channel: string; status: string; reason: string | null }[];
}

/** Status code of one request from `ip` to `app`. */
async function status(app: NestFastifyApplication, url: string, payload: object, ip: string): Promise<number> {
  const res = await app.getHttpAdapter().getInstance().inject({ method: 'POST', url, payload, remoteAddress: ip });
  return res.statusCode;
}

const login = (app: NestFastifyApplication, ip: string) =>
  status(app, '/api/v1/auth/staff/login', { username: `nobody-${randomUUID()}`, password: 'wrong' }, ip);
const anonymousResult = (app: NestFastifyApplication, ip: string) =>
  status(
    app,
    '/api/v1/scales/gad-7/responses',
    {
      scaleVersion: GAD7.version,
      answers: Object.fromEntries(GAD7.items.map((i) => [i.id, 0])),
      consent: { mode: 'anonymous', followUp: false, version: SCALE_CONSENT_VERSION },
      clientRequestId: randomUUID(),
    },
    ip,
  );

async function testNotice(app: NestFastifyApplication, token: string): Promise<TestNoticeAnswer> {
  const res = await app
    .getHttpAdapter()
    .getInstance()
    .inject({ method: 'POST', url: '/api/v1/admin/me/test-notice', payload: {}, headers: { authorization: `Bearer ${token}` } });
  expect(res.statusCode).toBe(200);
  return res.json();
}

/** The titles a console has received, once at least `count` arrived (the frame lands a moment after the send's answer). */
async function titles(stream: { notices: { title: string }[] }, count: number): Promise<string[]> {
  await eventually(
    async () => stream.notices.length,
    (n) => n >= count,
  );
  return stream.notices.map((n) => n.title);
}

const liveResult = (answer: TestNoticeAnswer) => answer.deliveries.filter((d) => d.channel === 'admin_live').map((d) => [d.status, d.reason]);

async function listen(app: NestFastifyApplication): Promise<string> {
  await app.listen(0, '127.0.0.1');
  return `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
}

const LIMITS = { LOGIN_RATE_PER_MINUTE: '6', LOGIN_MAX_FAILURES: '100', ANON_SUBMIT_RATE_PER_HOUR: '4', JOB_POLL_MS: '60000' };

describeWithRedis(`two instances sharing one database and one Redis, on ${TEST_DB}`, () => {
  const wechat = new FakeWechat();
  let a: TestApp;
  let b: NestFastifyApplication;
  let baseA: string;
  let baseB: string;

  beforeAll(async () => {
    await wechat.start();
    a = await TestApp.start({
      ...LIMITS,
      REDIS_URL,
      REDIS_PREFIX: uniquePrefix(),
      WECHAT_API_BASE: wechat.baseUrl,
      WECHAT_APPID: wechat.appid,
      WECHAT_SECRET: wechat.secret,
    });
    b = await alongside(a, {});
    [baseA, baseB] = await Promise.all([listen(a.app), listen(b)]);
    // Both instances talk to Redis (until then each counts alone) and listen for live notices before any is sent.
    const redis = a.app.get(SharedRedis);
    const channel = redis.key('live', 'notice');
    const listeners = () =>
      redis.commands.pubsub('NUMSUB', channel).then(
        (r) => Number((r as [string, number])[1]),
        () => 0,
      );
    const ready = await eventually(
      async () => b.get(SharedRedis).commands.status === 'ready' && (await listeners()) === 2,
      (ok) => ok,
    );
    expect(ready).toBe(true);
  });
  afterAll(async () => {
    await b?.close();
    await a?.stop();
    await wechat.stop();
  });

  it('counts a login limit across both instances: six attempts split over A and B, the seventh refused on either', async () => {
    const answers: number[] = [];
    for (let i = 0; i < 6; i++) answers.push(await login(i % 2 ? b : a.app, '10.15.0.1'));
    expect(answers).toEqual([401, 401, 401, 401, 401, 401]);
    expect(await login(a.app, '10.15.0.1')).toBe(429);
    expect(await login(b, '10.15.0.1')).toBe(429);
    // Another address has a count of its own.
    expect(await login(b, '10.15.0.2')).toBe(401);
  });

  it('counts the hourly submit limit across both instances', async () => {
    const answers: number[] = [];
    for (let i = 0; i < 4; i++) answers.push(await anonymousResult(i % 2 ? b : a.app, '10.15.1.1'));
    expect(answers).toEqual([201, 201, 201, 201]);
    expect(await anonymousResult(b, '10.15.1.1')).toBe(429);
    expect(await anonymousResult(a.app, '10.15.1.1')).toBe(429);
  });

  it('brings a notice sent on A to a console open on B, and records it as sent only while a console got it', async () => {
    const token = await a.staffToken('counsellor_sl');
    const onB = await openLive(baseB, token);
    expect(liveResult(await testNotice(a.app, token))).toEqual([['sent', null]]);
    expect(await titles(onB, 1)).toEqual(['测试提醒']);

    // A console on each instance: both get the next one, and so does the record.
    const onA = await openLive(baseA, token);
    expect(liveResult(await testNotice(b, token))).toEqual([['sent', null]]);
    expect(await titles(onA, 1)).toEqual(['测试提醒']);
    expect(await titles(onB, 2)).toEqual(['测试提醒', '测试提醒']);

    onA.close();
    onB.close();
    await new Promise((ok) => setTimeout(ok, 100));
    expect(liveResult(await testNotice(a.app, token))).toEqual([['skipped', 'not_connected']]);
  });

  it('gives both instances the same WeChat access token from one issue', async () => {
    wechat.reset();
    const [tokenA, tokenB] = await Promise.all([a.app.get(WechatClient).getAccessToken(), b.get(WechatClient).getAccessToken()]);
    expect(tokenA).toBe(tokenB);
    expect(wechat.issuedTokens).toEqual([tokenA]);
  });
});

describe(`rate limits and live notices with Redis unreachable, on ${TEST_DB}`, () => {
  let t: TestApp;
  let base: string;
  beforeAll(async () => {
    t = await TestApp.start({ ...LIMITS, REDIS_URL: `redis://127.0.0.1:${await closedPort()}` });
    base = await listen(t.app);
  });
  afterAll(() => t?.stop());

  it('limits within the instance instead of failing requests', async () => {
    const answers: number[] = [];
    for (let i = 0; i < 7; i++) answers.push(await login(t.app, '10.15.2.1'));
    expect(answers).toEqual([401, 401, 401, 401, 401, 401, 429]);
  });

  it('still brings a live notice to a console on the same instance and sends the other channels', async () => {
    const token = await t.staffToken('counsellor_sl');
    const live = await openLive(base, token);
    const answer = await testNotice(t.app, token);
    expect(liveResult(answer)).toEqual([['sent', null]]);
    expect(answer.deliveries.length).toBeGreaterThan(1);
    expect(await titles(live, 1)).toEqual(['测试提醒']);
    live.close();
  });
});
