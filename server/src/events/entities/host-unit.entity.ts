import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { PlaceType } from '@xinqiao/shared';
import { dateTime } from '../../common/database/columns';

/** A unit events are held for (机关, 企业, 学校 …); its staff count decides whether it has a yearly quota. */
@Entity('host_units')
@Index(['regionId', 'name'], { unique: true })
export class HostUnit {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 16 })
  placeType: PlaceType;

  @Column({ type: 'int' })
  regionId: number;

  @Index()
  @Column({ type: 'varchar', length: 255 })
  regionPath: string;

  /** Null while unknown: the coverage report lists such units apart. */
  @Column({ type: 'int', nullable: true })
  staffCount: number | null;

  @CreateDateColumn(dateTime())
  createdAt: Date;

  @UpdateDateColumn(dateTime())
  updatedAt: Date;
}
