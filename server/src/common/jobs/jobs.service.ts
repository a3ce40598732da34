import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { JobDto } from '@xinqiao/shared';
import { In, LessThan, LessThanOrEqual, Not, Repository, type EntityManager, type FindOptionsWhere } from 'typeorm';
import type { StaffPrincipal } from '../access/principal';
import { APP_CONFIG, type AppConfig } from '../config/env';
import { AppException } from '../errors/app-exception';
import { BullJobs, type Lane, type Outcome } from './bullmq-jobs';
import { Job } from './job.entity';

export interface JobContext<P> {
  id: number;
  params: P;
  attempt: number;
  /** The time of this run: the poll's, or the one given to `tick`/`idle` (tests move the clock with it). */
  now: Date;
  /** 0..1; written to the job so the admin can show a progress bar. */
  progress(value: number): Promise<void>;
}

/** A handler may produce a file (exports) or nothing (notifications). Throwing schedules a retry. */
export type JobHandler<P> = (ctx: JobContext<P>) => Promise<{ fileName: string; file: Buffer } | void>;

/** A job that fails for good: no retry would help (e.g. the recipient refused). */
export class PermanentJobError extends Error {}

/** Work done on a schedule (purges, sweeps); `now` is the time of the run. */
export type RecurringHandler = (now: Date) => Promise<void>;

interface Registered {
  handler: JobHandler<unknown>;
  /** Back-off before retry n (1-based), the last value repeating. */
  retryDelaysMs: number[];
}

export interface JobOptions {
  /**
   * Jobs that tell people (notices, alert dispatch and escalation) run in a lane of their own
   * (JOB_URGENT_CONCURRENCY), so long exports filling JOB_CONCURRENCY never hold them up.
   */
  urgent?: boolean;
}

/** A running job untouched this long is taken to belong to a process that died, and queued again. */
const STALE_MS = 10 * 60_000;

/** How far the clocks of instances may differ: BullMQ releases a retry on one instance's clock, the row was timed on another's. */
const CLOCK_SLACK_MS = 5_000;

/** Due rows the BullMQ sweep looks at per poll. */
const SWEEP_BATCH = 200;

/**
 * The job queue. Without REDIS_URL a small database-backed one: jobs survive restarts, retries back
 * off, and several server instances may poll the same table (a job is claimed with a conditional
 * update). Recurring jobs are rows of the same queue, so each run is claimed by one instance and the
 * schedule outlives restarts. With REDIS_URL, BullMQ claims, retries and schedules (see BullJobs);
 * the rows stay the record either way, so callers, the API and the tests see the same queue.
 */
@Injectable()
export class JobsService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Jobs');
  private readonly handlers = new Map<string, Registered>();
  /** Interval of each recurring kind. */
  private readonly schedules = new Map<string, number>();
  private timer: NodeJS.Timeout | null = null;
  private running = new Set<Promise<void>>();
  private readonly urgentKinds = new Set<string>();
  private readonly inLane: Record<Lane, number> = { urgent: 0, normal: 0 };
  private stopped = false;
  private readonly bull: BullJobs | null;

  constructor(
    @InjectRepository(Job) private readonly repo: Repository<Job>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.bull = config.REDIS_URL
      ? new BullJobs(config, {
          // A job of a row not due yet is not run: a leftover in Redis whose id a new row took (a restored
          // database); the sweep hands the row over again when it is due. Recurring runs are timed by their scheduler.
          // Only a queued row: one `running` is being run, perhaps by this queue's fallback while Redis was away;
          // a run whose worker died is queued again once stale (see `tick`) and handed over by the sweep.
          claim: (target, now) =>
            this.claimRow(
              'id' in target ? { id: target.id, runAfter: LessThanOrEqual(new Date(now.getTime() + CLOCK_SLACK_MS)) } : { scheduleKey: target.scheduleKey },
            ),
          run: (job, now, progress) => this.run(job, now, progress),
          laneOf: (kind) => (this.urgentKinds.has(kind) ? 'urgent' : 'normal'),
        })
      : null;
    if (this.bull) repo.manager.connection.subscribers.push(this.bull.subscriber());
  }

  register<P>(kind: string, handler: JobHandler<P>, retryDelaysMs: number[] = [5_000, 30_000, 120_000], opts: JobOptions = {}): void {
    this.handlers.set(kind, { handler: handler as JobHandler<unknown>, retryDelaysMs });
    if (opts.urgent) this.urgentKinds.add(kind);
    else this.urgentKinds.delete(kind);
  }

  /**
   * Runs `handler` every `everyMs` (first at the next poll on a new database). Register in
   * onModuleInit: the rows are made at application bootstrap. A failed run is retried like any job;
   * after the last attempt the schedule carries on.
   */
  schedule(kind: string, everyMs: number, handler: RecurringHandler, retryDelaysMs: number[] = [60_000], opts: JobOptions = {}): void {
    if (kind.length > 32) throw new Error(`job kind ${kind} is longer than 32 characters`);
    this.register(kind, (ctx) => handler(ctx.now), retryDelaysMs, opts);
    this.schedules.set(kind, everyMs);
  }

  /**
   * One queued row per schedule; a row already there (another instance, an earlier start) keeps its
   * time. With BullMQ, one job scheduler per schedule as well.
   */
  async ensureSchedules(now = new Date()): Promise<void> {
    await this.ensureScheduleRows(now);
    if (this.bull) await this.ensureSchedulers();
  }

  /**
   * The job schedulers, and their next runs on the rows: a scheduler already there keeps its time
   * (a row made afresh, e.g. on a restored database, shows it instead of claiming to be due).
   */
  private async ensureSchedulers(): Promise<void> {
    const kept = await this.bull!.upsertSchedules(this.schedules);
    // Only forward: a run finishing meanwhile has written a later time already.
    for (const [kind, next] of kept) await this.repo.update({ scheduleKey: kind, status: 'queued', runAfter: LessThan(next) }, { runAfter: next });
  }

  private async ensureScheduleRows(now: Date): Promise<void> {
    for (const kind of this.schedules.keys()) {
      await this.repo
        .createQueryBuilder()
        .insert()
        .into(Job)
        .values({ kind, scheduleKey: kind, params: '{}', runAfter: now, maxAttempts: 3 })
        .orIgnore()
        // An ignored insert returns no id, which TypeORM would otherwise try to read back (and throw on SQLite).
        .updateEntity(false)
        .execute();
    }
  }

  /**
   * `manager`: queue the job inside that transaction, so it exists exactly when the work that asked
   * for it commits; it is then picked up by the next poll.
   */
  async enqueue<P>(
    kind: string,
    params: P,
    opts: { staff?: StaffPrincipal; runAfter?: Date; maxAttempts?: number; manager?: EntityManager } = {},
  ): Promise<Job> {
    if (!this.handlers.has(kind)) throw new Error(`no handler for job kind ${kind}`);
    const repo = opts.manager ? opts.manager.getRepository(Job) : this.repo;
    const job = await repo.save(
      repo.create({
        kind,
        params: JSON.stringify(params),
        runAfter: opts.runAfter ?? new Date(),
        maxAttempts: opts.maxAttempts ?? 3,
        createdById: opts.staff?.id ?? null,
        regionPath: opts.staff?.regionPath ?? null,
      }),
    );
    if (this.bull?.reachable) this.bull.enqueued(job, opts.manager);
    // Inside a transaction the row is not visible yet (and a tick started here would run inside it).
    else if (!opts.manager) setImmediate(() => this.tickSafely());
    return job;
  }

  /** The job as its requester sees it; anyone else gets 404. */
  async get(staff: StaffPrincipal, id: number): Promise<JobDto> {
    return jobDto(await this.own(staff, id));
  }

  async download(staff: StaffPrincipal, id: number): Promise<{ fileName: string; file: Buffer }> {
    const job = await this.repo.findOne({ where: { id, createdById: staff.id }, select: { id: true, status: true, fileName: true, file: true } });
    if (!job) throw AppException.notFound('任务');
    if (job.status !== 'done' || !job.file || !job.fileName) throw AppException.invalidState('文件尚未生成完毕');
    return { fileName: job.fileName, file: job.file };
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.ensureScheduleRows(new Date());
    if (this.bull) {
      // Redis being away must not hold up the start: the schedulers are made once it answers (kept if there).
      this.bull.onReady(() => void this.ensureSchedulers().catch((err: unknown) => this.logger.error({ err }, 'job schedules not set up in Redis')));
      this.bull.start();
    }
    this.timer = setInterval(() => this.tickSafely(), this.config.JOB_POLL_MS);
    this.timer.unref();
  }

  /** A failed poll (database busy or briefly unreachable) is logged and retried at the next tick, never fatal. */
  private tickSafely(): void {
    // With BullMQ the poll is only the sweep: one at a time, however long Redis takes to answer.
    if (this.bull?.reachable && this.sweeping) return;
    this.tick().catch((err: unknown) => this.logger.error({ err }, 'job poll failed'));
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.bull?.close();
    await Promise.allSettled([...this.running]);
  }

  /**
   * Claims and runs the jobs due at `now` in both lanes until none is left or the lane is full.
   * On the real clock (no `at`), a finished job frees its slot for the next due one at once, so a
   * burst (an alert fans out to a job per person and channel) drains at the speed of the jobs, not
   * at a lane's worth of jobs per poll.
   */
  async tick(at?: Date): Promise<void> {
    if (this.stopped) return;
    const now = at ?? new Date();
    await this.repo.update({ status: 'running', lockedAt: LessThan(new Date(Date.now() - STALE_MS)) }, { status: 'queued', lockedAt: null });
    // Redis away: this instance runs the due rows itself (claims are conditional updates, so BullMQ never runs
    // them again), so notices, alert dispatch included, keep going; the sweep hands the rest over once it is back.
    if (this.bull?.reachable) return this.sweep(now, at);
    await this.fill('urgent', this.config.JOB_URGENT_CONCURRENCY, now, at);
    await this.fill('normal', this.config.JOB_CONCURRENCY, now, at);
  }

  private sweeping = false;

  /** BullMQ runs the jobs; this hands it the due rows it may lack, the oldest first. */
  private async sweep(now: Date, at: Date | undefined): Promise<void> {
    this.sweeping = true;
    try {
      const due = await this.repo.find({
        select: { id: true, kind: true, runAfter: true, maxAttempts: true, scheduleKey: true },
        where: { status: 'queued', runAfter: LessThanOrEqual(now) },
        order: { runAfter: 'ASC', id: 'ASC' },
        take: SWEEP_BATCH,
      });
      await this.bull!.sweep(due, this.schedules, at);
    } finally {
      this.sweeping = false;
    }
  }

  private async fill(lane: Lane, limit: number, now: Date, at: Date | undefined): Promise<void> {
    // A job runs once per pass: a quick recurring run, put back before the next claim, waits for the next tick.
    const claimed = new Set<number>();
    while (!this.stopped && this.inLane[lane] < limit) {
      const job = await this.claim(now, lane, claimed);
      if (!job) return;
      claimed.add(job.id);
      this.inLane[lane] += 1;
      const run = this.run(job, now)
        .then(() => undefined)
        .catch((err: unknown) => this.logger.error({ err, jobId: job.id }, 'could not record the outcome of a job'))
        .finally(() => {
          this.inLane[lane] -= 1;
          this.running.delete(run);
          if (!at) this.tickSafely();
        });
      this.running.add(run);
    }
  }

  /**
   * Waits until no job is due or running (tests and graceful shutdown). Given `at`, runs what is due
   * at that time as if it were now (handlers get it as `now`, retries back off from it).
   */
  async idle(at?: Date): Promise<void> {
    for (;;) {
      await this.tick(at);
      await Promise.allSettled([...this.running]);
      const due = await this.repo.count({ where: [{ status: 'queued', runAfter: LessThanOrEqual(at ?? new Date()) }, { status: 'running' }] });
      if (!due && this.running.size === 0) return;
      // BullMQ's workers run them meanwhile: look again shortly.
      if (this.bull) await new Promise((r) => setTimeout(r, 20));
    }
  }

  private async claim(now: Date, lane: Lane, skip: ReadonlySet<number>): Promise<Job | null> {
    const urgent = [...this.urgentKinds];
    if (lane === 'urgent' && !urgent.length) return null;
    const kind = lane === 'urgent' ? In(urgent) : urgent.length ? Not(In(urgent)) : undefined;
    for (;;) {
      const next = await this.repo.findOne({
        select: { id: true },
        where: { status: 'queued', runAfter: LessThanOrEqual(now), ...(kind ? { kind } : {}), ...(skip.size ? { id: Not(In([...skip])) } : {}) },
        order: { runAfter: 'ASC', id: 'ASC' },
      });
      if (!next) return null;
      const claimed = await this.claimRow({ id: next.id });
      // Another instance took it between the read and the update: look for the next one.
      if (claimed) return claimed;
    }
  }

  /**
   * Marks the row running and counts the attempt, if it is queued; null otherwise (another instance or
   * lane took it).
   */
  private async claimRow(where: FindOptionsWhere<Job>): Promise<Job | null> {
    const claimed = await this.repo
      .createQueryBuilder()
      .update(Job)
      .set({ status: 'running', lockedAt: new Date(), attempts: () => 'attempts + 1' })
      .where(where)
      .andWhere({ status: 'queued' })
      .execute();
    if (!claimed.affected) return null;
    return this.repo.findOneOrFail({ where, select: { id: true, kind: true, params: true, attempts: true, maxAttempts: true, scheduleKey: true } });
  }

  /** Runs a claimed job and records the outcome on its row. */
  private async run(job: Job, now: Date, report?: (value: number) => Promise<void>): Promise<Outcome> {
    const registered = this.handlers.get(job.kind);
    try {
      if (!registered) throw new PermanentJobError(`未知的任务类型 ${job.kind}`);
      const output = await registered.handler({
        id: job.id,
        params: JSON.parse(job.params),
        attempt: job.attempts,
        now,
        progress: async (value) => {
          const progress = Math.max(0, Math.min(1, value));
          await this.repo.update({ id: job.id }, { progress, lockedAt: new Date() });
          await report?.(progress);
        },
      });
      if (job.scheduleKey) {
        await this.finishRun(job, null, now);
        return { status: 'done' };
      }
      await this.repo.update(
        { id: job.id },
        {
          status: 'done',
          progress: 1,
          error: null,
          finishedAt: new Date(),
          lockedAt: null,
          ...(output ? { fileName: output.fileName, file: output.file } : {}),
        },
      );
      return { status: 'done' };
    } catch (e) {
      const message = (e instanceof Error ? e.message : String(e)).slice(0, 500);
      const final = e instanceof PermanentJobError || job.attempts >= job.maxAttempts;
      this.logger.warn({ jobId: job.id, kind: job.kind, attempt: job.attempts, final, err: message }, 'job failed');
      if (final && job.scheduleKey) {
        await this.finishRun(job, message, now);
        return { status: 'failed', error: message };
      }
      const delays = registered?.retryDelaysMs ?? [0];
      const delay = delays[Math.min(job.attempts - 1, delays.length - 1)];
      await this.repo.update(
        { id: job.id },
        final
          ? { status: 'failed', error: message, finishedAt: new Date(), lockedAt: null }
          : { status: 'queued', error: message, lockedAt: null, runAfter: new Date(now.getTime() + delay) },
      );
      // BullMQ waits from the real time: a retry due on the caller's clock (tests) is released by `tick(at)`.
      return final ? { status: 'failed', error: message } : { status: 'retry', delayMs: Math.max(0, now.getTime() + delay - Date.now()), error: message };
    }
  }

  /**
   * A recurring run is over (`error` when its last attempt failed): the row waits for the next run.
   * A schedule this process does not know (its code is gone) ends, and frees its key.
   */
  private async finishRun(job: Job, error: string | null, runAt: Date): Promise<void> {
    const now = new Date();
    const everyMs = this.schedules.get(job.kind);
    if (everyMs === undefined) {
      await this.repo.update({ id: job.id }, { status: error ? 'failed' : 'done', error, finishedAt: now, lockedAt: null, scheduleKey: null });
      if (this.bull?.reachable) await this.bull.endSchedule(job.kind);
      return;
    }
    // One interval after this run's time (a run on a test's clock is followed on that clock); with BullMQ
    // its scheduler holds the time of the next run (made when this one started): the row shows it.
    // Redis away (this instance ran it as the fallback): the row keeps the rhythm until the scheduler answers again.
    const next = (this.bull?.reachable ? await this.bull.nextRun(job.kind) : null) ?? new Date(runAt.getTime() + everyMs);
    await this.repo.update({ id: job.id }, { status: 'queued', error, finishedAt: now, lockedAt: null, attempts: 0, progress: 0, runAfter: next });
  }

  private async own(staff: StaffPrincipal, id: number): Promise<Job> {
    const job = await this.repo.findOne({
      where: { id, createdById: staff.id },
      select: { id: true, kind: true, status: true, progress: true, error: true, fileName: true, createdAt: true, finishedAt: true },
    });
    if (!job) throw AppException.notFound('任务');
    return job;
  }
}

export function jobDto(j: Job): JobDto {
  return {
    id: j.id,
    kind: j.kind,
    status: j.status,
    progress: j.progress,
    error: j.error,
    fileName: j.fileName,
    createdAt: j.createdAt.toISOString(),
    finishedAt: j.finishedAt?.toISOString() ?? null,
  };
}
