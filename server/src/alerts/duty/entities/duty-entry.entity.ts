import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { DutyRole, Weekday } from '@xinqiao/shared';
import { dateTime } from '../../../common/database/columns';

/**
 * One shift of a region's duty roster (值班表): weekly (`weekday`) or on one China date (`date`),
 * China wall-clock times; see DutyEntryInput for overnight shifts and dated replacements.
 */
@Entity('duty_entries')
@Index(['regionId', 'weekday'])
@Index(['regionId', 'date'])
export class DutyEntry {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  regionId: number;

  // A deleted region takes its roster with it.
  @ManyToOne('Region', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'regionId' })
  region?: { id: number };

  /** The region's path, for region scoping. */
  @Index()
  @Column({ type: 'varchar', length: 255 })
  regionPath: string;

  @Index()
  @Column({ type: 'int' })
  staffId: number;

  @ManyToOne('Staff', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'staffId' })
  staff?: { id: number };

  /** 1 (Monday) … 7 (Sunday) for a weekly shift; null for a dated one. */
  @Column({ type: 'int', nullable: true })
  weekday: Weekday | null;

  /** `YYYY-MM-DD` (China) for a dated shift; null for a weekly one. */
  @Column({ type: 'varchar', length: 10, nullable: true })
  date: string | null;

  @Column({ type: 'varchar', length: 5 })
  start: string;

  @Column({ type: 'varchar', length: 5 })
  end: string;

  @Column({ type: 'varchar', length: 8 })
  role: DutyRole;

  @CreateDateColumn(dateTime())
  createdAt: Date;

  @UpdateDateColumn(dateTime())
  updatedAt: Date;
}
