import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { RegionLevel, UrbanRural } from '@xinqiao/shared';
import { dateTime } from '../common/database/columns';

@Entity('regions')
export class Region {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ type: 'int', nullable: true })
  parentId: number | null;

  @Column({ type: 'varchar', length: 64 })
  name: string;

  @Column({ type: 'varchar', length: 16 })
  level: RegionLevel;

  /** Materialized path `/1/3/7/`; subtree = prefix match on an index. */
  @Index()
  @Column({ type: 'varchar', length: 255, default: '' })
  path: string;

  @Column({ type: 'varchar', length: 8, nullable: true })
  urbanRural: UrbanRural | null;

  @Column({ type: 'int', nullable: true })
  population: number | null;

  @Column({ type: 'int', nullable: true })
  urbanPopulation: number | null;

  /** Administrative division code (统计用区划代码), optional. */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 16, nullable: true })
  code: string | null;

  @CreateDateColumn(dateTime())
  createdAt: Date;

  @UpdateDateColumn(dateTime())
  updatedAt: Date;
}
