import type { StaffPrincipal } from '../access/principal';
import { TestApp } from '../../../test/support/test-app';
import { TEST_DB } from '../../../test/support/test-db';
import { Job } from './job.entity';
import { JobsService, PermanentJobError } from './jobs.service';

describe(`background jobs on ${TEST_DB}`, () => {
  let t: TestApp;
  let jobs: JobsService;
  beforeAll(async () => {
    t = await TestApp.start({ JOB_POLL_MS: '60000' });
    jobs = t.app.get(JobsService);
  });
  afterAll(() => t.stop());
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
    expect(await repo.countBy({ kind: 'test.recurring' })).toBe(1);

    await Promise.all([jobs.tick(), jobs.tick(), jobs.tick()]);
    await jobs.idle();
    expect(runs).toHaveLength(1);
    const row = await repo.findOneByOrFail({ kind: 'test.recurring' });
    // Queued again for six hours after the run.
    expect(row).toMatchObject({ status: 'queued', attempts: 0, error: null });
    expect(row.runAfter.getTime() - runs[0].getTime()).toBeGreaterThanOrEqual(6 * 3_600_000 - 1000);

    // A restart (bootstrap again) neither runs it early nor forgets it.
    await jobs.ensureSchedules();
    await jobs.idle();
    expect(runs).toHaveLength(1);
    expect(await repo.countBy({ kind: 'test.recurring' })).toBe(1);

    // Its time comes: it runs once more.
    await repo.update({ id: row.id }, { runAfter: new Date(Date.now() - 1000) });
    await jobs.idle();
    expect(runs).toHaveLength(2);
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
