import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { HotlineAudience } from '@xinqiao/shared';
import { dateTime } from '../common/database/columns';

/** A region's own psychological assistance line; the national lines are constants in @xinqiao/shared. */
@Entity('hotlines')
export class Hotline {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 64 })
  name: string;

  @Column({ type: 'varchar', length: 24 })
  number: string;

  @Column({ type: 'varchar', length: 100 })
  hours: string;

  @Column({ type: 'boolean', default: false })
  is24h: boolean;

  @Column({ type: 'simple-json' })
  audiences: HotlineAudience[];

  @Column({ type: 'varchar', length: 200, nullable: true })
  source: string | null;

  @Column({ type: 'int' })
  regionId: number;

  /** Residents of this region and of every region below it see the line. */
  @Index()
  @Column({ type: 'varchar', length: 255 })
  regionPath: string;

  @Column({ type: 'int', default: 0 })
  sortOrder: number;

  @CreateDateColumn(dateTime())
  createdAt: Date;

  @UpdateDateColumn(dateTime())
  updatedAt: Date;
}
