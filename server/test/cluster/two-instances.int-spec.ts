import { randomBytes } from 'crypto';
import { DataSource } from 'typeorm';
import { mysqlMigrations } from '../../src/common/database/migrations/mysql';
import { DEMO_PASSWORD } from '../../src/demo/demo-data';
import { call, inBatches, startServer, type RunningServer } from '../support/built-server';
import { eventInput, signUp } from '../support/events';
import { describeWithRedis, REDIS_URL, uniquePrefix } from '../support/redis';
import { REGION } from '../support/test-app';
import { createTestDatabase, TEST_DB, type TestDatabase } from '../support/test-db';

/**
 * Two real server processes (server/dist/main.js) on one MySQL database and one Redis, as a deployment of
 * several instances behind a load balancer runs them. Several processes on one SQLite file is not a
 * supported shape, so on SQLite the suite skips itself.
 */
function describeCluster(name: string, body: () => void): void {
  if (TEST_DB === 'mysql') return describeWithRedis(name, body);
  console.warn(`skipping "${name}": several instances on one SQLite file is not a supported deployment; this suite runs with TEST_DB=mysql`);
  describe.skip(name, body);
}

/** Two fresh instances migrating one empty database, one after the other (start-up lock), on a loaded machine. */
const START_MS = 180_000;
const RACE = { residents: 300, capacity: 50 };
const CRASH = { residents: 300, capacity: 100, inFlight: 50, killAfter: 20 };
const LOGIN_LIMIT = 10;

type Instance = RunningServer;
const isServerError = (s: number | string) => typeof s === 'number' && s >= 500;

describeCluster(`two instances on one ${TEST_DB} database and one Redis`, () => {
  let db: TestDatabase;
  let direct: DataSource;
  let env: Record<string, string>;
  let a: Instance;
  let b: Instance;
  const others: Instance[] = [];
  let organiser: string;
  let regionId: number;

  beforeAll(async () => {
    db = await createTestDatabase();
    env = {
      NODE_ENV: 'test',
      DB_TYPE: 'mysql',
      DATABASE_URL: db.config.DATABASE_URL!,
      // One deployment: the same secrets on every instance, so a token issued by one is good on the other.
      JWT_SECRET: randomBytes(32).toString('hex'),
      DATA_ENCRYPTION_KEYS: `cluster:${randomBytes(32).toString('base64')}`,
      REDIS_URL,
      REDIS_PREFIX: uniquePrefix(),
      API_RATE_PER_MINUTE: '1000000',
      LOGIN_RATE_PER_MINUTE: '100000',
    };
    // Both at once on the empty database: the second waits for the first's migrations instead of racing them.
    [a, b] = await Promise.all([startServer(env, { readyWithinMs: START_MS }), startServer(env, { readyWithinMs: START_MS })]);
    direct = await new DataSource({ type: 'mysql', url: db.config.DATABASE_URL!.replace(/^mariadb:/, 'mysql:') }).initialize();
    organiser = (await call<{ accessToken: string }>(a, 'POST', '/api/v1/auth/staff/login', { username: 'organiser_sl', password: DEMO_PASSWORD })).body
      .accessToken;
    const [row] = await direct.query('SELECT id FROM regions WHERE code = ?', [REGION.communityA1]);
    regionId = Number(row.id);
  }, 2 * START_MS);

  afterAll(async () => {
    await Promise.all([a, b, ...others].map((s) => s?.stop()));
    if (direct?.isInitialized) await direct.destroy();
    await db?.drop();
  });

  /** A published event without a waiting list, created through instance A. */
  async function event(capacity: number): Promise<number> {
    const created = await call<{ id: number }>(a, 'POST', '/api/v1/admin/events', eventInput(regionId, { capacity, waitlistEnabled: false }), organiser);
    expect(created.status).toBe(201);
    expect((await call(a, 'POST', `/api/v1/admin/events/${created.body.id}/publish`, undefined, organiser)).status).toBe(200);
    return created.body.id;
  }

  /** `n` signed-in residents, each signed in on alternate instances. */
  const residents = (n: number, tag: string) =>
    inBatches(
      Array.from({ length: n }, (_, i) => i),
      25,
      async (i) => (await call<{ accessToken: string }>(i % 2 ? b : a, 'POST', '/api/v1/auth/dev/login', { openid: `${tag}-${i}` })).body.accessToken,
    );

  const confirmedRows = async (eventId: number): Promise<string[]> =>
    (await direct.query(`SELECT clientRequestId FROM event_registrations WHERE eventId = ? AND status = 'confirmed'`, [eventId])).map(
      (r: { clientRequestId: string }) => r.clientRequestId,
    );

  it('started both at once on an empty database and ran every migration exactly once', async () => {
    const rows: { name: string; n: number }[] = await direct.query('SELECT name, COUNT(*) AS n FROM migrations GROUP BY name');
    expect(rows.map((r) => r.name).sort()).toEqual(mysqlMigrations.map((m) => m.name).sort());
    expect(rows.filter((r) => Number(r.n) !== 1)).toEqual([]);
    for (const s of [a, b]) expect((await call(s, 'GET', '/api/health/ready')).status).toBe(200);
  });

  it(`confirms exactly the capacity when ${RACE.residents} residents race for ${RACE.capacity} seats through both instances`, async () => {
    const eventId = await event(RACE.capacity);
    const tokens = await residents(RACE.residents, 'race');
    const statuses = await Promise.all(
      tokens.map(async (token, i) => (await call(i % 2 ? b : a, 'POST', `/api/v1/events/${eventId}/registrations`, signUp(), token)).status),
    );
    const count = (s: number) => statuses.filter((x) => x === s).length;
    expect(statuses.filter(isServerError)).toEqual([]);
    expect(count(201)).toBe(RACE.capacity);
    expect(count(409)).toBe(RACE.residents - RACE.capacity);
    // Both instances took seats: the race really was split.
    expect(statuses.filter((s, i) => s === 201 && i % 2 === 0).length).toBeGreaterThan(0);
    expect(statuses.filter((s, i) => s === 201 && i % 2 === 1).length).toBeGreaterThan(0);
    expect((await confirmedRows(eventId)).length).toBe(RACE.capacity);
    for (const s of [a, b]) expect((await call<{ seatsLeft: number }>(s, 'GET', `/api/v1/events/${eventId}`)).body.seatsLeft).toBe(0);
  });

  it('shows an article published and edited on instance A in instance B’s public reads', async () => {
    const editor = (await call<{ accessToken: string }>(a, 'POST', '/api/v1/auth/staff/login', { username: 'region_yc', password: DEMO_PASSWORD })).body
      .accessToken;
    const [street] = await direct.query('SELECT id FROM regions WHERE code = ?', [REGION.streetA]);
    const list = `/api/v1/articles?regionId=${Number(street.id)}`;
    const input = (title: string) => ({ title, summary: '摘要', category: 'emotion', audiences: [], regionId: Number(street.id), body: '<p>正文</p>' });
    const titles = async () => (await call<{ items: { title: string }[] }>(b, 'GET', list)).body.items.map((x) => x.title);

    const created = await call<{ id: number }>(a, 'POST', '/api/v1/admin/articles', input('两台实例之间发布'), editor);
    expect(created.status).toBe(201);
    // B reads the list without the draft, and so caches it.
    expect(await titles()).not.toContain('两台实例之间发布');

    expect((await call(a, 'POST', `/api/v1/admin/articles/${created.body.id}/publish`, undefined, editor)).status).toBe(200);
    // The publish's answer does not wait for B to hear of it; the invalidation crosses Redis in well under a second.
    expect(await within(2000, async () => (await titles()).includes('两台实例之间发布'))).toBe(true);

    expect((await call(a, 'PUT', `/api/v1/admin/articles/${created.body.id}`, input('两台实例之间改名'), editor)).status).toBe(200);
    const detailTitle = async () => (await call<{ title: string }>(b, 'GET', `/api/v1/articles/${created.body.id}`)).body.title;
    expect(await within(2000, async () => (await detailTitle()) === '两台实例之间改名')).toBe(true);
    expect(await titles()).toContain('两台实例之间改名');
  });

  it('loses no confirmed sign-up when one instance is killed with kill -9 while sign-ups are in flight on both', async () => {
    const eventId = await event(CRASH.capacity);
    const tokens = await residents(CRASH.residents, 'crash');
    const bodies = tokens.map(() => signUp());
    const confirmed: string[] = [];
    const answers: (number | 'no answer')[] = [];
    let next = 0;
    let killing: Promise<void> | undefined;
    // CRASH.inFlight residents at a time, alternately on A and B; A dies once CRASH.killAfter have a seat.
    const client = async () => {
      for (let i = next++; i < CRASH.residents; i = next++) {
        answers[i] = await call(i % 2 ? b : a, 'POST', `/api/v1/events/${eventId}/registrations`, bodies[i], tokens[i]).then(
          (r) => {
            if (r.status === 200 || r.status === 201) confirmed.push(bodies[i].clientRequestId);
            if (confirmed.length >= CRASH.killAfter) killing ??= a.kill();
            return r.status;
          },
          () => 'no answer' as const,
        );
      }
    };
    await Promise.all(Array.from({ length: CRASH.inFlight }, client));
    await killing;
    const unanswered = answers.filter((s) => s === 'no answer').length;
    console.log(`kill -9 of one of two instances: ${confirmed.length} sign-ups answered 2xx, ${unanswered} of ${CRASH.residents} cut off without an answer`);
    expect(answers.filter(isServerError)).toEqual([]);
    expect(unanswered).toBeGreaterThan(0);
    // B confirmed sign-ups of its own share too.
    expect(answers.filter((s, i) => i % 2 === 1 && s === 201).length).toBeGreaterThan(0);

    const rows = await confirmedRows(eventId);
    expect(rows).toEqual(expect.arrayContaining(confirmed));
    expect(rows.length).toBeLessThanOrEqual(CRASH.capacity);
    const seatsTaken = async () => CRASH.capacity - (await call<{ seatsLeft: number }>(b, 'GET', `/api/v1/events/${eventId}`)).body.seatsLeft;
    expect(await seatsTaken()).toBe(rows.length);

    // Everyone cut off tries again on the instance still running, with the same request id: the event fills exactly, nobody twice.
    const retried = await inBatches(
      tokens.flatMap((token, i) => (answers[i] === 'no answer' ? [[token, bodies[i]] as const] : [])),
      CRASH.inFlight,
      async ([token, body]) => (await call(b, 'POST', `/api/v1/events/${eventId}/registrations`, body, token)).status,
    );
    expect(retried.filter((s) => ![200, 201, 409].includes(s))).toEqual([]);
    expect((await confirmedRows(eventId)).length).toBe(CRASH.capacity);
    expect(await seatsTaken()).toBe(CRASH.capacity);
  });

  it(
    `shares a rate limit: ${LOGIN_LIMIT} sign-ins a minute per address in total, however they are split across the instances`,
    async () => {
      // A pair of its own, with a low sign-in limit and a Redis prefix of its own so no earlier count is in it.
      const limited = { ...env, LOGIN_RATE_PER_MINUTE: String(LOGIN_LIMIT), REDIS_PREFIX: uniquePrefix() };
      const pair = await Promise.all([startServer(limited, { readyWithinMs: START_MS }), startServer(limited, { readyWithinMs: START_MS })]);
      others.push(...pair);
      const statuses: number[] = [];
      for (let i = 0; i < 2 * LOGIN_LIMIT; i++) statuses.push((await call(pair[i % 2], 'POST', '/api/v1/auth/dev/login', { openid: `limited-${i}` })).status);
      expect(statuses.filter((s) => s === 201)).toHaveLength(LOGIN_LIMIT);
      expect(statuses.filter((s) => s === 429)).toHaveLength(LOGIN_LIMIT);
      expect(statuses.slice(LOGIN_LIMIT)).toEqual(Array(LOGIN_LIMIT).fill(429));
    },
    START_MS,
  );
});

/** Whether `holds` comes true within `ms`, asking again every 20 ms. */
async function within(ms: number, holds: () => Promise<boolean>): Promise<boolean> {
  const until = Date.now() + ms;
  for (;;) {
    if (await holds()) return true;
    if (Date.now() > until) return false;
    await new Promise((ok) => setTimeout(ok, 20));
  }
}
