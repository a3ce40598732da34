import { randomBytes } from 'crypto';
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { DataSource } from 'typeorm';
import { DEMO_PASSWORD } from '../src/demo/demo-data';
import { call, inBatches, startServer, type RunningServer } from './support/built-server';
import { eventInput, signUp } from './support/events';
import { REGION } from './support/test-app';
import { createTestDatabase, TEST_DB, type TestDatabase } from './support/test-db';

const CAPACITY = 100;
const RACERS = 300;
/** Sign-ups in flight at any moment (a resident whose sign-up is answered makes way for the next). */
const IN_FLIGHT = 50;
/** The crash comes once this many sign-ups were answered 2xx: mid-race, with many more in flight. */
const KILL_AFTER = 20;

describe(`the server killed with kill -9 during a ${RACERS}-for-${CAPACITY} sign-up race on ${TEST_DB}`, () => {
  let db: TestDatabase;
  let dir: string;
  let direct: DataSource;
  let server: RunningServer | undefined;
  beforeAll(async () => {
    db = await createTestDatabase();
    dir = mkdtempSync(join(tmpdir(), 'xq-crash-'));
  });
  afterAll(async () => {
    await server?.stop();
    if (direct?.isInitialized) await direct.destroy();
    await db.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps every sign-up answered 2xx, and the seat count equals the confirmed rows after the restart', async () => {
    const env = {
      NODE_ENV: 'test',
      JWT_SECRET: randomBytes(32).toString('hex'),
      DB_TYPE: db.config.DB_TYPE,
      SQLITE_PATH: db.config.SQLITE_PATH,
      DATABASE_URL: db.config.DATABASE_URL ?? '',
      API_RATE_PER_MINUTE: '1000000',
      LOGIN_RATE_PER_MINUTE: '100000',
      JOB_POLL_MS: '60000',
    };
    server = await startServer(env, { dir });
    const running = server;
    direct = await new DataSource(
      db.config.DB_TYPE === 'mysql'
        ? { type: 'mysql', url: db.config.DATABASE_URL!.replace(/^mariadb:/, 'mysql:') }
        : { type: 'better-sqlite3', database: db.config.SQLITE_PATH },
    ).initialize();

    const organiser = (await call<{ accessToken: string }>(running, 'POST', '/api/v1/auth/staff/login', { username: 'organiser_sl', password: DEMO_PASSWORD }))
      .body.accessToken;
    const [{ id: regionId }] = await direct.query('SELECT id FROM regions WHERE code = ?', [REGION.communityA1]);
    const created = await call<{ id: number }>(
      running,
      'POST',
      '/api/v1/admin/events',
      eventInput(Number(regionId), { capacity: CAPACITY, waitlistEnabled: false }),
      organiser,
    );
    expect(created.status).toBe(201);
    const eventId = created.body.id;
    expect((await call(running, 'POST', `/api/v1/admin/events/${eventId}/publish`, undefined, organiser)).status).toBe(200);
    const residents = await inBatches(
      Array.from({ length: RACERS }, (_, i) => `racer-${i}`),
      25,
      async (openid) => {
        const login = await call<{ accessToken: string }>(running, 'POST', '/api/v1/auth/dev/login', { openid });
        return login.body.accessToken;
      },
    );

    const confirmedRows = async (): Promise<string[]> =>
      (await direct.query(`SELECT clientRequestId FROM event_registrations WHERE eventId = ? AND status = 'confirmed'`, [eventId])).map(
        (r: { clientRequestId: string }) => r.clientRequestId,
      );

    // The race: IN_FLIGHT residents at a time; the process is killed once KILL_AFTER have a seat.
    const bodies = residents.map(() => signUp());
    const confirmed: string[] = [];
    const answers: (number | 'no answer')[] = [];
    let next = 0;
    let killing: Promise<void> | undefined;
    const client = async () => {
      for (let i = next++; i < RACERS; i = next++) {
        answers[i] = await call(running, 'POST', `/api/v1/events/${eventId}/registrations`, bodies[i], residents[i]).then(
          (a) => {
            if (a.status === 200 || a.status === 201) confirmed.push(bodies[i].clientRequestId);
            if (confirmed.length >= KILL_AFTER) killing ??= running.kill();
            return a.status;
          },
          () => 'no answer' as const,
        );
      }
    };
    await Promise.all(Array.from({ length: IN_FLIGHT }, client));
    await killing;
    const unanswered = answers.filter((a) => a === 'no answer').length;
    const atKill = (await confirmedRows()).length;
    console.log(
      `kill -9 on ${TEST_DB}: ${atKill} seats taken in the database, ${confirmed.length} sign-ups answered 2xx, ${unanswered} of ${RACERS} cut off without an answer`,
    );
    expect(answers.filter((a) => typeof a === 'number' && a >= 500)).toEqual([]);
    // The kill really came mid-race.
    expect(unanswered).toBeGreaterThan(0);
    expect(atKill).toBeLessThan(CAPACITY);

    server = await startServer(env, { dir });
    const restarted = server;
    const seatsTaken = async () => CAPACITY - (await call<{ seatsLeft: number }>(restarted, 'GET', `/api/v1/events/${eventId}`)).body.seatsLeft;

    const rows = await confirmedRows();
    expect(rows).toEqual(expect.arrayContaining(confirmed));
    expect(rows.length).toBeLessThanOrEqual(CAPACITY);
    expect(await seatsTaken()).toBe(rows.length);
    if (TEST_DB === 'sqlite') expect(await direct.query('PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);

    // Everyone cut off tries again with the same request id: the event fills exactly, nobody twice.
    const retried = await inBatches(
      residents.flatMap((token, i) => (answers[i] === 'no answer' ? [[token, bodies[i]] as const] : [])),
      50,
      async ([token, body]) => (await call(restarted, 'POST', `/api/v1/events/${eventId}/registrations`, body, token)).status,
    );
    expect(retried.filter((s) => ![200, 201, 409].includes(s))).toEqual([]);
    expect((await confirmedRows()).length).toBe(CAPACITY);
    expect(await seatsTaken()).toBe(CAPACITY);
    // Two cold starts of the built server (migrations and demo seed each) beside the other suites' workers.
  }, 240_000);
});
