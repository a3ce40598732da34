import { DataSource } from 'typeorm';
import { publishedEvent, residentIn, signUp } from '../../../test/support/events';
import { TcpProxy } from '../../../test/support/tcp-proxy';
import { TestApp, type Answer } from '../../../test/support/test-app';
import { TEST_DB } from '../../../test/support/test-db';

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** DB_ACQUIRE_TIMEOUT_MS of these apps: the longest an answer may take while the database is away. */
const ACQUIRE_MS = 2000;
/** The bound: the server recovers by itself within 10 s of the database coming back. */
const RECOVERY_BOUND_MS = 10_000;

interface Outcome {
  what: 'sign-up' | 'events' | 'health';
  status: number;
  code?: string;
  started: number;
  ms: number;
  answer: Answer;
}

/** Sends one request and notes how it ended and how long it took. */
async function timed(what: Outcome['what'], send: () => Promise<Answer>): Promise<Outcome> {
  const started = Date.now();
  const answer = await send();
  return { what, status: answer.status, code: answer.body?.code, started, ms: Date.now() - started, answer };
}

if (TEST_DB === 'mysql') {
  describe('MySQL outage (MySQL only: the database restarts under load, seen through a loopback proxy)', () => {
    const direct = new URL((process.env.MYSQL_URL ?? 'mariadb://root@127.0.0.1:3306').replace(/^mariadb:/, 'http:'));
    const proxy = new TcpProxy(direct.hostname, Number(direct.port || 3306));
    let t: TestApp;
    beforeAll(async () => {
      await proxy.start();
      t = await TestApp.start(
        { JOB_POLL_MS: '60000', DB_ACQUIRE_TIMEOUT_MS: String(ACQUIRE_MS) },
        {
          db: (c) => {
            const viaProxy = new URL(c.DATABASE_URL!);
            viaProxy.hostname = '127.0.0.1';
            viaProxy.port = String(proxy.port);
            return { ...c, DATABASE_URL: viaProxy.toString() };
          },
        },
      );
    });
    afterAll(async () => {
      proxy.restore();
      await t.stop();
      await proxy.stop();
    });

    it('answers 503 DB_UNAVAILABLE while the database is away, recovers by itself, and loses no confirmed sign-up', async () => {
      const organiser = await t.staffToken('organiser_sl');
      const eventId = await publishedEvent(t, organiser, { capacity: 1000 });
      const WORKERS = 6;
      // A few at a time: this app waits at most ACQUIRE_MS for a connection, and the setup is not what is under test.
      const residents: string[] = [];
      for (let i = 0; i < WORKERS * 20; i += 10) {
        residents.push(...(await Promise.all(Array.from({ length: 10 }, (_, j) => residentIn(t, `outage-${i + j}`)))));
      }

      const outcomes: Outcome[] = [];
      const confirmed = new Set<string>();
      let cutAt = Infinity;
      let restoredAt = Infinity;
      let recovered = false;
      // Each worker signs its residents up one after the other, retrying a failed sign-up with the
      // same clientRequestId as the mini-program does, and looks at the event list or the health
      // check after each attempt; it stops once the database is back and its current resident is in.
      const worker = async (w: number) => {
        for (let i = w; i < residents.length && !recovered; i += WORKERS) {
          const body = signUp();
          for (;;) {
            const o = await timed('sign-up', () => t.post(`/api/v1/events/${eventId}/registrations`, body, residents[i]));
            outcomes.push(o);
            if (o.status === 200 || o.status === 201) confirmed.add(body.clientRequestId);
            // The event list as the resident sees it; the health check as a load balancer calls it, without a token.
            outcomes.push(await timed(i % 2 ? 'events' : 'health', () => (i % 2 ? t.get('/api/v1/events', residents[i]) : t.get('/api/health'))));
            await pause(50);
            if (confirmed.has(body.clientRequestId)) break;
          }
        }
      };
      const load = Promise.all(Array.from({ length: WORKERS }, (_, w) => worker(w)));

      await pause(500);
      cutAt = Date.now();
      proxy.cutOff();
      // The process stays live without its database (an orchestrator must not restart it), and is not ready.
      await pause(200);
      const [live, ready] = await Promise.all([t.get('/api/health/live'), t.get('/api/health/ready')]);
      await pause(3000 - (Date.now() - cutAt));
      proxy.restore();
      restoredAt = Date.now();
      let recoveredAt = Infinity;
      while (Date.now() - restoredAt < RECOVERY_BOUND_MS * 2) {
        if ((await t.get('/api/health')).status === 200) {
          recoveredAt = Date.now();
          break;
        }
        await pause(100);
      }
      recovered = true;
      await load;

      const during = outcomes.filter((o) => o.started >= cutAt && o.started + o.ms <= restoredAt);
      const byStatus = (list: Outcome[]) => list.reduce<Record<number, number>>((n, o) => ({ ...n, [o.status]: (n[o.status] ?? 0) + 1 }), {});
      console.log(
        `outage of 3 s under load: ${outcomes.length} answers in all ${JSON.stringify(byStatus(outcomes))}, ` +
          `during the outage ${JSON.stringify(byStatus(during))} (slowest ${Math.max(...during.map((o) => o.ms))} ms); ` +
          `healthy again ${recoveredAt - restoredAt} ms after the database came back`,
      );

      expect(outcomes.filter((o) => o.status >= 500 && o.status !== 503)).toEqual([]);
      expect(during.length).toBeGreaterThanOrEqual(WORKERS);
      for (const o of during) {
        expect({ what: o.what, status: o.status, code: o.code }).toEqual({ what: o.what, status: 503, code: 'DB_UNAVAILABLE' });
        expect(o.ms).toBeLessThan(ACQUIRE_MS + 1000);
      }
      const health = during.find((o) => o.what === 'health');
      expect(health?.answer.body).toEqual({
        statusCode: 503,
        code: 'DB_UNAVAILABLE',
        message: '数据库暂时不可用，请稍后再试',
        details: { database: 'down' },
      });
      expect(recoveredAt - restoredAt).toBeLessThan(RECOVERY_BOUND_MS);
      expect([live.status, ready.status, ready.body.code]).toEqual([200, 503, 'DB_UNAVAILABLE']);

      // Every sign-up that was answered 2xx is in the database, once, and the seat count agrees.
      const rows: { clientRequestId: string }[] = await t.dataSource.query(
        `SELECT clientRequestId FROM event_registrations WHERE eventId = ? AND status = 'confirmed'`,
        [eventId],
      );
      expect(rows.map((r) => r.clientRequestId).sort()).toEqual([...confirmed].sort());
      const detail = await t.get(`/api/v1/events/${eventId}`);
      expect(1000 - detail.body.seatsLeft).toBe(rows.length);
    });
  });
} else {
  describe('SQLite database locked by another process (the SQLite counterpart of an outage)', () => {
    let t: TestApp;
    beforeAll(async () => (t = await TestApp.start({ JOB_POLL_MS: '60000', DB_ACQUIRE_TIMEOUT_MS: '1000' })));
    afterAll(() => t.stop());

    it('answers 503 DB_UNAVAILABLE to a write while another process holds the write lock, and works again once it lets go', async () => {
      const organiser = await t.staffToken('organiser_sl');
      const eventId = await publishedEvent(t, organiser);
      const me = await residentIn(t, 'locked-out');
      // Another process (a second connection to the file) takes the write lock and keeps it.
      const other = await new DataSource({ type: 'better-sqlite3', database: t.config.SQLITE_PATH }).initialize();
      try {
        await other.query('BEGIN IMMEDIATE');
        const body = signUp();
        const refused = await timed('sign-up', () => t.post(`/api/v1/events/${eventId}/registrations`, body, me));
        expect(refused.answer.body).toEqual({ statusCode: 503, code: 'DB_UNAVAILABLE', message: '数据库暂时不可用，请稍后再试' });
        expect(refused.answer.headers['retry-after']).toBe('5');
        expect(refused.ms).toBeLessThan(1000 + 2000);
        await other.query('ROLLBACK');
        const retried = await t.post(`/api/v1/events/${eventId}/registrations`, body, me);
        expect(retried.status).toBe(201);
        const rows = await t.dataSource.query(`SELECT status FROM event_registrations WHERE eventId = ?`, [eventId]);
        expect(rows).toEqual([{ status: 'confirmed' }]);
      } finally {
        await other.destroy();
      }
    });
  });
}
