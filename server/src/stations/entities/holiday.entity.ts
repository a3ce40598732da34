import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { HolidayKind, Weekday } from '@xinqiao/shared';
import { dateTime } from '../../common/database/columns';

/** One day of the State Council's yearly 放假安排: a day off, or a weekend day worked in exchange (调休). */
@Entity('holidays')
export class Holiday {
  /** China date `YYYY-MM-DD`. */
  @PrimaryColumn({ type: 'varchar', length: 10 })
  date: string;

  @Column({ type: 'varchar', length: 16 })
  kind: HolidayKind;

  @Column({ type: 'varchar', length: 32 })
  name: string;

  /** For a `workday`: whose weekday's hours apply (null = Monday). */
  @Column({ type: 'int', nullable: true })
  worksAs: Weekday | null;

  @UpdateDateColumn(dateTime())
  updatedAt: Date;
}
