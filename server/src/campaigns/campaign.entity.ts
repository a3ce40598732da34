import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { CampaignTargetKind } from '@xinqiao/shared';
import { dateTime } from '../common/database/columns';

@Entity('campaigns')
export class Campaign {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 100 })
  title: string;

  @Column({ type: 'varchar', length: 2000, default: '' })
  description: string;

  /** `YYYY-MM-DD`, inclusive, China time. */
  @Index()
  @Column({ type: 'varchar', length: 10 })
  startsOn: string;

  @Column({ type: 'varchar', length: 10 })
  endsOn: string;

  @Column({ type: 'int' })
  regionId: number;

  @Index()
  @Column({ type: 'varchar', length: 255 })
  regionPath: string;

  /** Regions the campaign covers (inside `regionId`'s subtree) and their paths, for matching residents. */
  @Column({ type: 'simple-json' })
  regionIds: number[];

  @Column({ type: 'simple-json' })
  regionPaths: string[];

  @Column({ type: 'simple-json' })
  targets: Partial<Record<CampaignTargetKind, number>>;

  @Column({ type: 'simple-json' })
  articleIds: number[];

  @Column({ type: 'varchar', length: 64 })
  createdBy: string;

  @CreateDateColumn(dateTime())
  createdAt: Date;

  @UpdateDateColumn(dateTime())
  updatedAt: Date;
}
