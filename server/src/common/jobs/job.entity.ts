import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { JobStatus } from '@xinqiao/shared';
import { binary, dateTime } from '../database/columns';

/**
 * A unit of background work (long exports, notifications) with retries; survives restarts. A
 * recurring job is one row that is queued again for its next run each time it finishes.
 */
@Entity('jobs')
@Index(['status', 'runAfter'])
export class Job {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 32 })
  kind: string;

  @Column({ type: 'varchar', length: 16, default: 'queued' })
  status: JobStatus;

  /** The kind again on a recurring job's row, unique: however many instances start, one row per schedule. */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 32, nullable: true })
  scheduleKey: string | null;

  /** JSON parameters of the handler. */
  @Column({ type: 'text' })
  params: string;

  @Column({ type: 'double', default: 0 })
  progress: number;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ type: 'int', default: 3 })
  maxAttempts: number;

  /** Not picked up before this time (retry back-off, scheduled sends). */
  @Column(dateTime())
  runAfter: Date;

  @Column({ ...dateTime(), nullable: true })
  lockedAt: Date | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  error: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  fileName: string | null;

  @Column({ ...binary(), nullable: true })
  file: Buffer | null;

  /** Staff who asked for it (null for system jobs) and their region, for access to the result. */
  @Column({ type: 'int', nullable: true })
  createdById: number | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  regionPath: string | null;

  @CreateDateColumn(dateTime())
  createdAt: Date;

  @Column({ ...dateTime(), nullable: true })
  finishedAt: Date | null;
}
