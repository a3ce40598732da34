import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { WeeklyHours } from '@xinqiao/shared';
import { dateTime } from '../../common/database/columns';

/**
 * A regional hotline (hotlines module, by id) that offers call-backs. Its region is the hotline's,
 * copied when the line is set up, so staff scope and the resident's region filter work on this table.
 */
@Entity('callback_lines')
export class CallbackLineRow {
  @PrimaryGeneratedColumn()
  id: number;

  @Index({ unique: true })
  @Column({ type: 'int' })
  hotlineId: number;

  @Column({ type: 'int' })
  regionId: number;

  @Index()
  @Column({ type: 'varchar', length: 255 })
  regionPath: string;

  @Column({ type: 'simple-json' })
  weeklyHours: WeeklyHours;

  @Column({ type: 'int' })
  capacityPerWindow: number;

  @Column({ type: 'boolean', default: true })
  enabled: boolean;

  @CreateDateColumn(dateTime())
  createdAt: Date;

  @UpdateDateColumn(dateTime())
  updatedAt: Date;
}
