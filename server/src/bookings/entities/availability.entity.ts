import { Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { AvailabilityBlockInput, SessionMode, Weekday } from '@xinqiao/shared';

/**
 * One range of a counsellor profile's weekly availability. Profiles belong to the stations module,
 * so there is no key into its table: InUseRegistry keeps a profile or station with blocks from
 * being deleted.
 */
@Entity('availability_blocks')
@Index(['counsellorId', 'weekday'])
export class AvailabilityBlockRow {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  counsellorId: number;

  @Column({ type: 'int' })
  weekday: Weekday;

  /** `HH:mm` China time, [start, end). */
  @Column({ type: 'varchar', length: 5 })
  start: string;

  @Column({ type: 'varchar', length: 5 })
  end: string;

  @Column({ type: 'varchar', length: 16 })
  mode: SessionMode;

  @Index()
  @Column({ type: 'int', nullable: true })
  stationId: number | null;
}

/** A dated change to a counsellor's week (one per profile and date): off that day, or these blocks instead. */
@Entity('availability_exceptions')
@Unique(['counsellorId', 'date'])
export class AvailabilityExceptionRow {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  counsellorId: number;

  /** China date `YYYY-MM-DD`. */
  @Column({ type: 'varchar', length: 10 })
  date: string;

  @Column({ type: 'simple-json' })
  blocks: Omit<AvailabilityBlockInput, 'weekday'>[];

  @Column({ type: 'varchar', length: 200, nullable: true })
  note: string | null;
}
