import { DataSource, type EntityManager } from 'typeorm';
import { isDatabaseUnavailable } from '../src/common/database/availability';
import { lockedTransaction } from '../src/common/database/locked-transaction';
import { publishedEvent, residentIn, signUp } from './support/events';
import { TestApp, type Answer } from './support/test-app';
import { TEST_DB } from './support/test-db';

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** DB_ACQUIRE_TIMEOUT_MS of these apps. */
const ACQUIRE_MS = 1000;
/** What "a bounded time" allows beyond it on a busy machine: an answer, not a hang. */
const SLACK_MS = 2000;
const UNAVAILABLE = { statusCode: 503, code: 'DB_UNAVAILABLE', message: '数据库暂时不可用，请稍后再试' };

async function timed(send: () => Promise<Answer>): Promise<{ answer: Answer; ms: number }> {
  const started = Date.now();
  const answer = await send();
  return { answer, ms: Date.now() - started };
}

if (TEST_DB === 'mysql') {
  describe('MySQL connection pool exhausted by slow queries (MySQL only)', () => {
    let t: TestApp;
    let monitor: DataSource;
    beforeAll(async () => {
      t = await TestApp.start(
        { JOB_POLL_MS: '60000', DB_ACQUIRE_TIMEOUT_MS: String(ACQUIRE_MS), DB_STATEMENT_TIMEOUT_MS: '4000' },
        { db: (c) => ({ ...c, DB_POOL_SIZE: 3 }) },
      );
      monitor = await new DataSource({ type: 'mysql', url: t.config.DATABASE_URL!.replace(/^mariadb:/, 'mysql:') }).initialize();
    });
    afterAll(async () => {
      await monitor.destroy();
      await t.stop();
    });

    it('answers 503 within the acquire bound while every connection is busy, cuts statements at the time limit, then serves again', async () => {
      const organiser = await t.staffToken('organiser_sl');
      const eventId = await publishedEvent(t, organiser);
      const me = await residentIn(t, 'pool-waiter');

      const sleepers = Array.from({ length: 3 }, () =>
        t.dataSource.query('SELECT SLEEP(6)').then(
          () => null,
          (e: unknown) => e,
        ),
      );
      const [{ db }] = await monitor.query('SELECT DATABASE() AS db');
      while (Number((await monitor.query(`SELECT COUNT(*) AS n FROM information_schema.PROCESSLIST WHERE DB = ? AND INFO = 'SELECT SLEEP(6)'`, [db]))[0].n) < 3)
        await pause(20);

      const probes = await Promise.all([
        timed(() => t.get('/api/v1/events', me)),
        timed(() => t.post(`/api/v1/events/${eventId}/registrations`, signUp(), me)),
        timed(() => t.get('/api/health')),
      ]);
      for (const { answer, ms } of probes) {
        expect(answer.status).toBe(503);
        expect(answer.body.code).toBe('DB_UNAVAILABLE');
        expect(ms).toBeLessThan(ACQUIRE_MS + SLACK_MS);
      }
      expect(probes[0].answer.body).toEqual(UNAVAILABLE);

      // DB_STATEMENT_TIMEOUT_MS (4 s) ends the 6-second statements with an error that counts as "unavailable".
      for (const outcome of await Promise.all(sleepers)) expect(isDatabaseUnavailable(outcome)).toBe(true);

      // The connections given up by the waiters went back to the pool: many requests at once all pass.
      const after = await Promise.all(Array.from({ length: 10 }, () => t.get('/api/v1/events', me)));
      expect(after.map((a) => a.status)).toEqual(Array(10).fill(200));
      expect((await t.post(`/api/v1/events/${eventId}/registrations`, signUp(), me)).status).toBe(201);
    });
  });
}

describe(`a unit of work waiting too long for the database on ${TEST_DB}`, () => {
  let t: TestApp;
  beforeAll(
    async () => (t = await TestApp.start({ JOB_POLL_MS: '60000', DB_ACQUIRE_TIMEOUT_MS: String(ACQUIRE_MS) }, { db: (c) => ({ ...c, DB_POOL_SIZE: 1 }) })),
  );
  afterAll(() => t.stop());

  it('answers 503 within the bound to every request queued behind a long transaction, sign-ups to one event included', async () => {
    const organiser = await t.staffToken('organiser_sl');
    const eventId = await publishedEvent(t, organiser);
    const residents = await Promise.all(['queued-a', 'queued-b', 'queued-c'].map((o) => residentIn(t, o)));
    const bodies = residents.map(() => signUp());

    // One long unit of work holds the only connection (MySQL) or the process-wide lock (SQLite).
    const long = t.dataSource.transaction(async (tx) => {
      await tx.query('SELECT 1');
      await pause(ACQUIRE_MS * 5);
    });
    const probes = await Promise.all([
      ...residents.map((token, i) => timed(() => t.post(`/api/v1/events/${eventId}/registrations`, bodies[i], token))),
      timed(() => t.get('/api/v1/events', residents[0])),
    ]);
    await long;
    for (const { answer, ms } of probes) {
      expect(answer.body).toEqual(UNAVAILABLE);
      expect(ms).toBeLessThan(ACQUIRE_MS + SLACK_MS);
    }

    // Nothing was half-done: the same sign-ups, sent again, each take a seat once.
    for (const [i, token] of residents.entries()) expect((await t.post(`/api/v1/events/${eventId}/registrations`, bodies[i], token)).status).toBe(201);
    const [{ n }] = await t.dataSource.query(`SELECT COUNT(*) AS n FROM event_registrations WHERE eventId = ? AND status = 'confirmed'`, [eventId]);
    expect(Number(n)).toBe(3);
  });
});

describe(`a locked row held by a slow unit of work on ${TEST_DB}`, () => {
  let t: TestApp;
  beforeAll(async () => (t = await TestApp.start({ JOB_POLL_MS: '60000', DB_ACQUIRE_TIMEOUT_MS: String(ACQUIRE_MS) })));
  afterAll(() => t.stop());

  it('is waited for no longer than the bound, and the waiters change nothing', async () => {
    const organiser = await t.staffToken('organiser_sl');
    const eventId = await publishedEvent(t, organiser);
    // The row an event's changes lock (as EventLocks does).
    const locked = <T>(work: (tx: EntityManager) => Promise<T>) =>
      lockedTransaction(t.dataSource, (tx) => tx.query('SELECT id FROM `events` WHERE id = ? FOR UPDATE', [eventId]), work);
    const slow = locked(async (tx) => {
      await tx.query('SELECT 1');
      await pause(ACQUIRE_MS * 5);
    });
    await pause(100);
    const started = Date.now();
    const waiters = await Promise.all(
      [1, 2].map((n) =>
        locked((tx) => tx.query(`UPDATE events SET title = ? WHERE id = ?`, [`waiter ${n}`, eventId])).then(
          () => 'ran',
          (e: unknown) => ({ unavailable: isDatabaseUnavailable(e), ms: Date.now() - started }),
        ),
      ),
    );
    await slow;
    for (const w of waiters) {
      expect(w).toMatchObject({ unavailable: true });
      expect((w as { ms: number }).ms).toBeLessThan(ACQUIRE_MS + SLACK_MS);
    }
    const [{ title }] = await t.dataSource.query('SELECT title FROM events WHERE id = ?', [eventId]);
    expect(title).toBe('情绪与睡眠讲座');
  });
});
