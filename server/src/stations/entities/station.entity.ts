import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { StationService, StationType, WeeklyHours } from '@xinqiao/shared';
import { dateTime } from '../../common/database/columns';

/** A place residents can go to: a street's 心理服务站, a 心灵驿站, a community room, a clinic, a referral target. */
@Entity('stations')
@Index(['published', 'type'])
export class Station {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 32 })
  type: StationType;

  @Column({ type: 'int' })
  regionId: number;

  @Index()
  @Column({ type: 'varchar', length: 255 })
  regionPath: string;

  @Column({ type: 'varchar', length: 200 })
  address: string;

  /** GCJ-02 (WeChat's datum); both null while the station is not placed on the map. */
  @Column({ type: 'double', nullable: true })
  lat: number | null;

  @Column({ type: 'double', nullable: true })
  lng: number | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  phone: string | null;

  @Column({ type: 'simple-json' })
  services: StationService[];

  @Column({ type: 'varchar', length: 500, nullable: true })
  accessibility: string | null;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  photoUrl: string | null;

  /** Validated with `validateWeeklyHours` before it is stored. */
  @Column({ type: 'simple-json' })
  weeklyHours: WeeklyHours;

  @Column({ type: 'boolean', default: false })
  published: boolean;

  @CreateDateColumn(dateTime())
  createdAt: Date;

  @UpdateDateColumn(dateTime())
  updatedAt: Date;
}
