import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { AwarenessMetric, PopulationGroup, UrbanRural } from '@xinqiao/shared';
import { dateTime } from '../../common/database/columns';

/** A 知晓率 target a region set (e.g. urban 70% / rural 60% for 2026); applies to its whole subtree. */
@Entity('awareness_targets')
export class AwarenessTarget {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  regionId: number;

  @Index()
  @Column({ type: 'varchar', length: 255 })
  regionPath: string;

  @Column({ type: 'int', nullable: true })
  year: number | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  populationGroup: PopulationGroup | null;

  @Column({ type: 'varchar', length: 8, nullable: true })
  urbanRural: UrbanRural | null;

  @Column({ type: 'varchar', length: 24 })
  metric: AwarenessMetric;

  @Column({ type: 'double' })
  rate: number;

  @Column({ type: 'varchar', length: 200, nullable: true })
  source: string | null;

  @CreateDateColumn(dateTime())
  createdAt: Date;
}
