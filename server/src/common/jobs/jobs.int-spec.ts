import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { Not } from 'typeorm';
import type { StaffPrincipal } from '../access/principal';
import { TestApp } from '../../../test/support/test-app';
import { TEST_DB } from '../../../test/support/test-db';
import { describeWithRedis, eventually, haveRedis, REDIS_URL, uniquePrefix } from '../../../test/support/redis';
import { Job } from './job.entity';
import { JobsService, PermanentJobError } from './jobs.service';

/**
 * Keys of this run under their own prefix in the Redis CI starts (.ci/run), deleted afterwards. Asks
 * Redis once up front, so a missing Redis fails with its address instead of a hung queue.
 */
function redisFor(suite: string): { env: Record<string, string>; check(): Promise<void>; clean(): Promise<void> } {
  const prefix = `${uniquePrefix()}-${suite}`;
  const redis = () => new Redis(REDIS_URL, { maxRetriesPerRequest: 1, lazyConnect: true, retryStrategy: () => null });
  return {
    env: { REDIS_URL, REDIS_PREFIX: prefix },
    async check() {
      const r = redis();
      await r.connect().catch((err: Error) => {
        throw new Error(`the BullMQ job suites need Redis at ${REDIS_URL}: ${err.message}`);
      });
      r.disconnect();
    },
    async clean() {
      const r = redis();
      await r.connect();
      let cursor = '0';
      do {
        const [next, keys] = await r.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
        if (keys.length) await r.del(...keys);
        cursor = next;
      } while (cursor !== '0');
      r.disconnect();
    },
  };
}

/** A second instance of the app on `first`'s database and Redis, as another server would be. */
function alongside(first: TestApp, env: Record<string, string>): Promise<TestApp> {
  const { DB_TYPE, SQLITE_PATH, DATABASE_URL, DB_POOL_SIZE } = first.config;
  return TestApp.start({ ...env, SEED_DEMO: 'false' }, { db: () => ({ DB_TYPE, SQLITE_PATH, DATABASE_URL, DB_POOL_SIZE }) });
}

/**
 * Leaves only `kind`'s schedule row: the app's own schedules (some every minute) would otherwise be
 * run for each of their periods up to a test's far clock, BullMQ's schedulers catching up one by one.
 */
async function onlySchedule(t: TestApp, kind: string): Promise<void> {
  await t.dataSource.getRepository(Job).delete({ scheduleKey: Not(kind) });
}

// BullMQ needs Redis: without one (and outside CI) only the database queue is tested, with a warning.
if (!haveRedis) console.warn(`skipping the BullMQ job suites: no Redis answering at ${REDIS_URL} (CI starts one)`);
type Backend = [string, ReturnType<typeof redisFor> | null];
const BACKENDS: Backend[] = [['the database', null], ...(haveRedis ? [['BullMQ', redisFor('jobs')] satisfies Backend] : [])];

describe.each(BACKENDS)(`background jobs on %s, ${TEST_DB}`, (_backend, redis) => {
  let t: TestApp;
  let jobs: JobsService;
  beforeAll(async () => {
    await redis?.check();
    t = await TestApp.start({ JOB_POLL_MS: '60000', ...redis?.env });
    jobs = t.app.get(JobsService);
  });
  afterAll(async () => {
    await t?.stop();
    await redis?.clean();
  });
  beforeEach(() => t.reset());

  async function principal(username: string): Promise<StaffPrincipal> {
    const [s] = await t.dataSource.query(`SELECT id, username, displayName, role, regionId, regionPath FROM staff WHERE username = ?`, [username]);
    return {
      kind: 'staff',
      id: Number(s.id),
      username: s.username,
      displayName: s.displayName,
      role: s.role,
      regionId: Number(s.regionId),
      regionPath: s.regionPath,
    };
  }

  it('retries a failing job, reports progress and hands the file to its requester only', async () => {
    let calls = 0;
    const seen: number[] = [];
    jobs.register<{ rows: number }>(
      'test.export',
      async (ctx) => {
        calls += 1;
        if (calls === 1) throw new Error('temporary failure');
        await ctx.progress(0.5);
        seen.push(ctx.attempt);
        return { fileName: '测试报表.xlsx', file: Buffer.from(`rows=${ctx.params.rows}`) };
      },
      [0],
    );
    const me = await principal('region_yc');
    const job = await jobs.enqueue('test.export', { rows: 3 }, { staff: me });
    await jobs.idle();

    expect(calls).toBe(2);
    expect(seen).toEqual([2]);
    const token = await t.staffToken('region_yc');
    const status = await t.get(`/api/v1/admin/jobs/${job.id}`, token);
    expect(status.body).toMatchObject({ status: 'done', progress: 1, error: null, fileName: '测试报表.xlsx' });
    const file = await t.get(`/api/v1/admin/jobs/${job.id}/download`, token);
    expect(file.status).toBe(200);
    expect(file.headers['content-disposition']).toContain(encodeURIComponent('测试报表.xlsx'));
    expect(file.raw.toString()).toBe('rows=3');
    const other = await t.staffToken('editor_sl');
    expect((await t.get(`/api/v1/admin/jobs/${job.id}`, other)).status).toBe(404);
    expect((await t.get(`/api/v1/admin/jobs/${job.id}/download`, other)).status).toBe(404);
  });

  it('runs urgent jobs in their own lane while long jobs fill the normal one', async () => {
    // JOB_CONCURRENCY is 2 in tests: two exports that wait hold the whole normal lane.
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const order: string[] = [];
    jobs.register(
      'test.long',
      async () => {
        await held;
        order.push('long');
      },
      [0],
    );
    jobs.register(
      'test.notice',
      async () => {
        order.push('notice');
      },
      [0],
      { urgent: true },
    );
    jobs.register(
      'test.later',
      async () => {
        order.push('later');
      },
      [0],
    );
    await jobs.enqueue('test.long', {});
    await jobs.enqueue('test.long', {});
    await jobs.tick();
    await jobs.enqueue('test.later', {});
    await jobs.enqueue('test.notice', {});
    await jobs.tick();
    // Give the notice's run a moment: it must not wait for the exports.
    for (let i = 0; i < 50 && !order.includes('notice'); i++) await new Promise((r) => setTimeout(r, 20));
    expect(order).toEqual(['notice']);
    const repo = t.dataSource.getRepository(Job);
    expect((await repo.findOneByOrFail({ kind: 'test.later' })).status).toBe('queued');
    release();
    await jobs.idle();
    expect(order).toEqual(['notice', 'long', 'long', 'later']);
  });

  it('gives up after the last attempt, or at once on a permanent error', async () => {
    jobs.register(
      'test.flaky',
      async () => {
        throw new Error('always down');
      },
      [0],
    );
    jobs.register(
      'test.refused',
      async () => {
        throw new PermanentJobError('对方拒收');
      },
      [0],
    );
    const flaky = await jobs.enqueue('test.flaky', {}, { maxAttempts: 3 });
    const refused = await jobs.enqueue('test.refused', {}, { maxAttempts: 3 });
    await jobs.idle();
    const repo = t.dataSource.getRepository(Job);
    expect(await repo.findOneByOrFail({ id: flaky.id })).toMatchObject({ status: 'failed', attempts: 3, error: 'always down' });
    expect(await repo.findOneByOrFail({ id: refused.id })).toMatchObject({ status: 'failed', attempts: 1, error: '对方拒收' });
    const me = await principal('region_yc');
    await expect(jobs.download(me, flaky.id)).rejects.toMatchObject({ status: 404 });
  });

  it('runs each job once when several pollers race, and picks up work a crashed process left running', async () => {
    let runs = 0;
    jobs.register('test.once', async () => {
      runs += 1;
    });
    const queued = await Promise.all(Array.from({ length: 5 }, () => jobs.enqueue('test.once', {})));
    await Promise.all([jobs.tick(), jobs.tick(), jobs.tick()]);
    await jobs.idle();
    expect(runs).toBe(5);

    const repo = t.dataSource.getRepository(Job);
    await repo.update({ id: queued[0].id }, { status: 'running', lockedAt: new Date(Date.now() - 11 * 60_000) });
    await jobs.idle();
    expect(runs).toBe(6);
    expect(await repo.findOneByOrFail({ id: queued[0].id })).toMatchObject({ status: 'done' });
  });

  it('runs a job when its time comes on the clock the caller gives, and backs off from that time', async () => {
    const seen: [number, number][] = [];
    jobs.register(
      'test.clock',
      async (ctx) => {
        seen.push([ctx.attempt, ctx.now.getTime()]);
        if (ctx.attempt === 1) throw new Error('busy');
      },
      [60_000],
    );
    const due = new Date(Date.now() + 3_600_000);
    await jobs.enqueue('test.clock', {}, { runAfter: due });
    await jobs.idle();
    expect(seen).toEqual([]);
    await jobs.idle(due);
    expect(seen).toEqual([[1, due.getTime()]]);
    // The retry waits 60 s from the failed run on the same clock: not a millisecond earlier.
    const retryAt = due.getTime() + 60_000;
    await jobs.idle(new Date(retryAt - 1));
    expect(seen).toHaveLength(1);
    await jobs.idle(new Date(retryAt));
    expect(seen).toEqual([
      [1, due.getTime()],
      [2, retryAt],
    ]);
  });

  // On SQLite every statement shares the one connection anyway; MariaDB is where a job queued outside the transaction would survive it.
  it('queues a job inside a transaction: it exists only if that transaction commits', async () => {
    const runs: string[] = [];
    jobs.register<{ name: string }>('test.tx', async (ctx) => {
      runs.push(ctx.params.name);
    });
    await t.dataSource.transaction((tx) => jobs.enqueue('test.tx', { name: 'committed' }, { manager: tx }));
    const rolledBack = t.dataSource.transaction(async (tx) => {
      await jobs.enqueue('test.tx', { name: 'rolled back' }, { manager: tx });
      throw new Error('the work failed');
    });
    await expect(rolledBack).rejects.toThrow('the work failed');
    await jobs.idle();
    expect(runs).toEqual(['committed']);
  });

  it('runs a recurring job on one instance at a time, again after its interval, and keeps its schedule over a restart', async () => {
    const runs: Date[] = [];
    jobs.schedule('test.recurring', 6 * 3_600_000, async (now) => {
      runs.push(now);
    });
    // Two instances starting at once make one row.
    await Promise.all([jobs.ensureSchedules(), jobs.ensureSchedules()]);
    const repo = t.dataSource.getRepository(Job);
    await onlySchedule(t, 'test.recurring');
    expect(await repo.countBy({ kind: 'test.recurring' })).toBe(1);

    await Promise.all([jobs.tick(), jobs.tick(), jobs.tick()]);
    await jobs.idle();
    expect(runs).toHaveLength(1);
    const row = await repo.findOneByOrFail({ kind: 'test.recurring' });
    // Queued again for six hours after the run (on BullMQ after the time it was scheduled for, which a busy worker may start a little late).
    expect(row).toMatchObject({ status: 'queued', attempts: 0, error: null });
    expect(row.runAfter.getTime() - runs[0].getTime()).toBeGreaterThanOrEqual(6 * 3_600_000 - 60_000);

    // A restart (bootstrap again) neither runs it early nor forgets it.
    await jobs.ensureSchedules();
    await onlySchedule(t, 'test.recurring');
    await jobs.idle();
    expect(runs).toHaveLength(1);
    expect(await repo.countBy({ kind: 'test.recurring' })).toBe(1);

    // Its time comes: it runs once more, on that clock.
    await jobs.idle(row.runAfter);
    expect(runs).toEqual([runs[0], row.runAfter]);
  });

  it('retries a failing recurring run, then carries on with the schedule', async () => {
    let calls = 0;
    jobs.schedule(
      'test.recurring-fail',
      3_600_000,
      async () => {
        calls += 1;
        throw new Error('database busy');
      },
      [0],
    );
    await jobs.ensureSchedules();
    await jobs.idle();
    expect(calls).toBe(3);
    const row = await t.dataSource.getRepository(Job).findOneByOrFail({ kind: 'test.recurring-fail' });
    expect(row).toMatchObject({ status: 'queued', attempts: 0, error: 'database busy', scheduleKey: 'test.recurring-fail' });
    expect(row.runAfter.getTime()).toBeGreaterThan(Date.now() + 3_500_000);
  });
});

describeWithRedis(`background jobs on BullMQ shared by two instances, ${TEST_DB}`, () => {
  const redis = redisFor('jobs-shared');
  let t: TestApp;
  let b: TestApp;
  let jobs: [JobsService, JobsService];
  beforeAll(async () => {
    await redis.check();
    t = await TestApp.start({ JOB_POLL_MS: '60000', ...redis.env });
    b = await alongside(t, { JOB_POLL_MS: '60000', ...redis.env });
    jobs = [t.app.get(JobsService), b.app.get(JobsService)];
  });
  afterAll(async () => {
    await b?.stop();
    await t?.stop();
    await redis.clean();
  });
  beforeEach(() => t.reset());

  it('runs each job once, on whichever instance is free', async () => {
    // Instance A holds its jobs until released: with two slots busy, the third can only run on B.
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const ran: [string, number][] = [];
    jobs[0].register('test.shared', async (ctx) => {
      ran.push(['a', ctx.id]);
      await held;
    });
    jobs[1].register('test.shared', async (ctx) => {
      ran.push(['b', ctx.id]);
    });
    const queued = await Promise.all([1, 2, 3].map(() => jobs[0].enqueue('test.shared', {})));
    for (let i = 0; i < 250 && !ran.some(([on]) => on === 'b'); i++) await new Promise((r) => setTimeout(r, 20));
    release();
    await jobs[0].idle();
    expect(ran.map(([, id]) => id).sort()).toEqual(queued.map((j) => j.id).sort());
    expect(ran.filter(([on]) => on === 'b').length).toBeGreaterThanOrEqual(1);
    const rows = await t.dataSource.getRepository(Job).findBy({ kind: 'test.shared' });
    expect(rows.map((r) => [r.status, r.attempts])).toEqual([
      ['done', 1],
      ['done', 1],
      ['done', 1],
    ]);
  });

  it('runs a recurring job once per period across the instances', async () => {
    const runs: string[] = [];
    jobs[0].schedule('test.shared-recurring', 3_600_000, async () => {
      runs.push('a');
    });
    jobs[1].schedule('test.shared-recurring', 3_600_000, async () => {
      runs.push('b');
    });
    // Both instances start at once.
    await Promise.all(jobs.map((j) => j.ensureSchedules()));
    await onlySchedule(t, 'test.shared-recurring');
    // A new scheduler's first run is BullMQ's, at once but not before the second instance may have moved the
    // row to the scheduler's next period: wait for that run, then for anything else that would follow.
    await eventually(
      async () => runs.length,
      (n) => n >= 1,
    );
    await Promise.all(jobs.map((j) => j.idle()));
    expect(runs).toHaveLength(1);
    const row = await t.dataSource.getRepository(Job).findOneByOrFail({ kind: 'test.shared-recurring' });
    expect(row.status).toBe('queued');
    // A new period: one more run, whichever instance takes it.
    await Promise.all(jobs.map((j) => j.idle(row.runAfter)));
    expect(runs).toHaveLength(2);
  });

  it('hands BullMQ a job queued in a transaction only once it commits', async () => {
    const queue = new Queue('jobs-normal', { connection: { host: '127.0.0.1', port: 6379 }, prefix: redis.env.REDIS_PREFIX });
    try {
      const runs: string[] = [];
      for (const j of jobs)
        j.register<{ name: string }>('test.outbox', async (ctx) => {
          runs.push(ctx.params.name);
        });
      const rolledBack = t.dataSource.transaction(async (tx) => {
        await jobs[0].enqueue('test.outbox', { name: 'rolled back' }, { manager: tx });
        throw new Error('the work failed');
      });
      await expect(rolledBack).rejects.toThrow('the work failed');
      let committedId = 0;
      await t.dataSource.transaction(async (tx) => {
        committedId = (await jobs[0].enqueue('test.outbox', { name: 'committed' }, { manager: tx })).id;
        // Not in BullMQ while the transaction is open: no instance may run a job whose row may never exist.
        await new Promise((r) => setTimeout(r, 50));
        expect(await queue.getJobState(`row-${committedId}`)).toBe('unknown');
      });
      await jobs[0].idle();
      expect(runs).toEqual(['committed']);
      // The rolled-back job never reached BullMQ (on SQLite the committed row even took its id).
      const handedOver = await queue.getJobs(['completed', 'failed', 'waiting', 'delayed', 'active']);
      expect(handedOver.filter((j) => j.name === 'test.outbox').map((j) => j.id)).toEqual([`row-${committedId}`]);
    } finally {
      await queue.close();
    }
  });

  it('runs a job whose row committed but never reached BullMQ (a crash in between) at the next sweep', async () => {
    const runs: number[] = [];
    for (const j of jobs)
      j.register<{ n: number }>('test.orphan', async (ctx) => {
        runs.push(ctx.params.n);
      });
    // The row as enqueue writes it, with the process gone before the add (an id no earlier test's job had in Redis).
    await t.dataSource.getRepository(Job).insert({ id: 1_000_000, kind: 'test.orphan', params: JSON.stringify({ n: 7 }), runAfter: new Date() });
    await new Promise((r) => setTimeout(r, 100));
    expect(runs).toEqual([]);
    // B's sweep (its poll) hands it over; whichever instance is free runs it.
    await jobs[1].idle();
    expect(runs).toEqual([7]);
  });
});
