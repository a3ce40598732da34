import { Logger } from '@nestjs/common';
import { Queue, UnrecoverableError, Worker, type Job as BullJob, type JobsOptions } from 'bullmq';
import Redis, { type RedisOptions } from 'ioredis';
import type { EntityManager, EntitySubscriberInterface, QueryRunner, TransactionCommitEvent, TransactionRollbackEvent } from 'typeorm';
import type { AppConfig } from '../config/env';
import type { Job } from './job.entity';

export type Lane = 'urgent' | 'normal';

/** What became of one attempt, already written to the job's row. */
export type Outcome = { status: 'done' } | { status: 'retry'; delayMs: number; error: string } | { status: 'failed'; error: string };

/** The row side of a run, kept by JobsService so both backends claim, run and record jobs the same way. */
export interface JobRunner {
  /** Marks the row running and counts the attempt; null when there is nothing to run (done, rolled back, removed). */
  claim(target: { id: number } | { scheduleKey: string }, now: Date): Promise<Job | null>;
  run(job: Job, now: Date, progress: (value: number) => Promise<void>): Promise<Outcome>;
  laneOf(kind: string): Lane;
}

interface Payload {
  /** The clock of the `tick(at)`/`idle(at)` that released this run (tests move time with it); absent: the real time. */
  at?: number;
}

/** A failed attempt that is retried after `delayMs`, our back-off, through BullMQ's custom backoff strategy. */
class RetryLater extends Error {
  constructor(
    message: string,
    readonly delayMs: number,
  ) {
    super(message);
  }
}

/** Finished jobs stay a while for a dashboard (Bull Board and the like); the `jobs` row stays the record. */
const KEEP: Pick<JobsOptions, 'removeOnComplete' | 'removeOnFail'> = {
  removeOnComplete: { age: 24 * 3600, count: 1000 },
  removeOnFail: { age: 7 * 24 * 3600, count: 5000 },
};

const bullId = (rowId: number) => `row-${rowId}`;

/**
 * The job queue on BullMQ, for several instances sharing one Redis. The `jobs` table stays the record
 * staff see (status, progress, file) and the outbox: a row is written (inside the caller's transaction
 * when there is one) and only then added to BullMQ under its row id, so BullMQ never holds a job whose
 * row did not commit; a sweep adds rows that are due but missing (a crash between commit and add,
 * Redis away at the time). BullMQ claims, retries with our delays, and runs recurring jobs as job
 * schedulers, one run per period across all instances. A run first claims its row with a conditional
 * update, so an add repeated by the sweep never runs a finished job again.
 */
export class BullJobs {
  private readonly logger = new Logger('Jobs');
  private readonly connection: Redis;
  private readonly queues: Record<Lane, Queue<Payload>>;
  private readonly workers: Worker<Payload>[] = [];
  private readonly workerConnections: Redis[] = [];
  /** Adds sent without waiting (enqueue must not hang on Redis), awaited on close. */
  private readonly pending = new Set<Promise<unknown>>();
  /** Jobs queued inside a transaction, added once it commits. */
  private readonly outbox = new WeakMap<QueryRunner, Job[]>();

  constructor(
    private readonly config: AppConfig,
    private readonly runner: JobRunner,
  ) {
    // Commands of the queue fail at once while Redis is away (instead of waiting for it): the caller
    // is a request or a job, and the database queue stands in meanwhile.
    this.connection = this.redis({ enableOfflineQueue: false });
    const queue = (lane: Lane) => {
      const q = new Queue<Payload>(`jobs-${lane}`, { connection: this.connection, prefix: config.REDIS_PREFIX });
      q.on('error', (err) => this.logger.warn({ err, lane }, 'job queue cannot reach Redis'));
      return q;
    };
    this.queues = { urgent: queue('urgent'), normal: queue('normal') };
  }

  /** Runs `fn` whenever the queue's connection to Redis is (again) ready, and now if it is. */
  onReady(fn: () => void): void {
    this.connection.on('ready', fn);
    if (this.reachable) fn();
  }

  /** Whether Redis answers now; while it does not, the database queue runs the due rows instead. */
  get reachable(): boolean {
    return this.connection.status === 'ready';
  }

  /** BullMQ blocks on its connections, so ioredis must retry commands for as long as Redis is away. */
  private redis(options: RedisOptions = {}): Redis {
    const redis = new Redis(this.config.REDIS_URL!, { maxRetriesPerRequest: null, ...options });
    redis.on('error', () => undefined); // reported by the queue or worker using it
    return redis;
  }

  /** Adds the jobs of `manager`'s transaction to BullMQ after it commits; a rollback drops them. */
  subscriber(): EntitySubscriberInterface {
    return {
      afterTransactionCommit: (event: TransactionCommitEvent) => {
        // A released savepoint is not the commit: its jobs wait for the outer transaction.
        if (event.queryRunner.isTransactionActive) return;
        const jobs = this.outbox.get(event.queryRunner);
        this.outbox.delete(event.queryRunner);
        for (const job of jobs ?? []) this.send(job);
      },
      afterTransactionRollback: (event: TransactionRollbackEvent) => {
        if (!event.queryRunner.isTransactionActive) this.outbox.delete(event.queryRunner);
      },
    };
  }

  /** The row was just written: inside a transaction it goes to BullMQ after the commit, else now. */
  enqueued(job: Job, manager?: EntityManager): void {
    const tx = manager?.queryRunner;
    if (tx?.isTransactionActive) this.outbox.set(tx, [...(this.outbox.get(tx) ?? []), job]);
    else this.send(job);
  }

  /** Fire and forget: a failed add is logged and left to the sweep. */
  private send(job: Job): void {
    this.track(this.add(job, undefined).catch((err: unknown) => this.logger.warn({ err, jobId: job.id }, 'job not handed to Redis yet; the sweep will')));
  }

  private track(p: Promise<unknown>): void {
    this.pending.add(p);
    void p.finally(() => this.pending.delete(p));
  }

  /**
   * Puts the row's job in BullMQ if it is not there, released at `at` if given (promoted out of its
   * delay, carrying that clock). A job BullMQ already finished is replaced: the row, queued again
   * (a stale run requeued, a failure BullMQ gave up on early), is what counts.
   */
  private async add(job: Pick<Job, 'id' | 'kind' | 'runAfter' | 'maxAttempts'>, at: Date | undefined): Promise<void> {
    const queue = this.queues[this.runner.laneOf(job.kind)];
    const id = bullId(job.id);
    const state = await queue.getJobState(id);
    if (state === 'active') return;
    if (state === 'completed' || state === 'failed') await queue.remove(id);
    if (state === 'unknown' || state === 'completed' || state === 'failed') {
      await queue.add(job.kind, at ? { at: at.getTime() } : {}, {
        jobId: id,
        delay: at ? 0 : Math.max(0, job.runAfter.getTime() - Date.now()),
        attempts: job.maxAttempts,
        backoff: { type: 'custom' },
        ...KEEP,
      });
      return;
    }
    if (at) await this.release(queue, id, at);
  }

  /** Runs a waiting or delayed job now, on the clock `at`. */
  private async release(queue: Queue<Payload>, id: string, at: Date): Promise<void> {
    const bull = await queue.getJob(id);
    if (!bull) return;
    try {
      await bull.updateData({ ...bull.data, at: at.getTime() });
      if ((await bull.getState()) === 'delayed') await bull.promote();
    } catch (err) {
      // Another instance released it first, or it ran meanwhile: nothing is left to do.
      if ((await queue.getJobState(id)) === 'delayed') throw err;
    }
  }

  /**
   * One job scheduler per recurring kind; an existing one keeps its next run (a restart never runs it
   * early), which is returned for its row to show.
   */
  async upsertSchedules(schedules: ReadonlyMap<string, number>): Promise<Map<string, Date>> {
    const kept = new Map<string, Date>();
    for (const [kind, every] of schedules) {
      const queue = this.queues[this.runner.laneOf(kind)];
      const existing = await queue.getJobScheduler(kind);
      if (existing?.every === every && existing.next) kept.set(kind, new Date(existing.next));
      else await queue.upsertJobScheduler(kind, { every }, { name: kind, data: {}, opts: { attempts: 3, backoff: { type: 'custom' }, ...KEEP } });
    }
    return kept;
  }

  /** When the next run of a recurring kind is due, as its scheduler has it. */
  async nextRun(kind: string): Promise<Date | null> {
    const next = (await this.queues[this.runner.laneOf(kind)].getJobScheduler(kind))?.next;
    return next ? new Date(next) : null;
  }

  /** A schedule whose code is gone stops here too. */
  async endSchedule(kind: string): Promise<void> {
    await Promise.all(Object.values(this.queues).map((q) => q.removeJobScheduler(kind)));
  }

  /**
   * The sweep: `due` rows (queued, due at `at` or now) that BullMQ lacks are added; given `at`, due
   * jobs and recurring runs (of due rows, if their scheduler has them due too) are released on that clock.
   */
  async sweep(due: Job[], schedules: ReadonlyMap<string, number>, at: Date | undefined): Promise<void> {
    for (const job of due) if (!job.scheduleKey) await this.add(job, at);
    if (!at) return;
    for (const { kind } of due.filter((job) => job.scheduleKey && schedules.has(job.kind))) {
      const queue = this.queues[this.runner.laneOf(kind)];
      const next = (await queue.getJobScheduler(kind))?.next;
      if (next !== undefined && next <= at.getTime()) await this.release(queue, `repeat:${kind}:${next}`, at);
    }
  }

  /** Starts taking jobs: at bootstrap, once every module has registered its handlers. */
  start(): void {
    const lane = (name: Lane, concurrency: number) => {
      const connection = this.redis();
      const worker = new Worker<Payload>(`jobs-${name}`, (bull) => this.process(bull), {
        connection,
        prefix: this.config.REDIS_PREFIX,
        concurrency,
        // Our delays; an error outside the handler (the database away while recording) waits a little.
        settings: { backoffStrategy: (_attempts, _type, err) => (err instanceof RetryLater ? err.delayMs : 5_000) },
      });
      worker.on('error', (err) => this.logger.warn({ err, lane: name }, 'job worker cannot reach Redis'));
      this.workers.push(worker);
      this.workerConnections.push(connection);
    };
    lane('urgent', this.config.JOB_URGENT_CONCURRENCY);
    lane('normal', this.config.JOB_CONCURRENCY);
  }

  private async process(bull: BullJob<Payload>): Promise<void> {
    const now = bull.data.at ? new Date(bull.data.at) : new Date();
    const job = await this.runner.claim(bull.repeatJobKey ? { scheduleKey: bull.repeatJobKey } : { id: Number(bull.id!.slice('row-'.length)) }, now);
    if (!job) return;
    const outcome = await this.runner.run(job, now, (value) => bull.updateProgress(value));
    if (outcome.status === 'retry') throw new RetryLater(outcome.error, outcome.delayMs);
    if (outcome.status === 'failed') throw new UnrecoverableError(outcome.error);
  }

  /**
   * Lets running jobs finish and pending adds land, then lets go of Redis. With Redis away there is
   * nothing to wait for (a graceful close would wait for it forever): the workers stop at once, the
   * adds are dropped (the sweep of a running instance finds their rows) and runs cut short are
   * handed out again by BullMQ once their lock expires.
   */
  async close(): Promise<void> {
    const reachable = this.connection.status === 'ready';
    if (reachable) await Promise.allSettled([...this.pending]);
    await Promise.all(this.workers.map((w) => w.close(!reachable)));
    await Promise.all(Object.values(this.queues).map((q) => q.close()));
    for (const redis of [this.connection, ...this.workerConnections]) redis.disconnect();
  }
}
