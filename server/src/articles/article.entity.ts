import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { ArticleCategory, ArticleStatus, PopulationGroup } from '@xinqiao/shared';
import { dateTime, longText } from '../common/database/columns';

@Entity('articles')
@Index(['status', 'publishedAt'])
@Index(['status', 'category', 'publishedAt'])
export class Article {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 100 })
  title: string;

  @Column({ type: 'varchar', length: 300 })
  summary: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  coverUrl: string | null;

  @Column({ type: 'varchar', length: 16 })
  category: ArticleCategory;

  @Column({ type: 'simple-json' })
  audiences: PopulationGroup[];

  @Column({ type: 'int' })
  regionId: number;

  /** Residents see an article when this path is their region or one of its ancestors. */
  @Index()
  @Column({ type: 'varchar', length: 255 })
  regionPath: string;

  /** Sanitised HTML. */
  @Column(longText())
  body: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  source: string | null;

  @Column({ type: 'varchar', length: 16, default: 'draft' })
  status: ArticleStatus;

  @Column(dateTime({ nullable: true }))
  publishedAt: Date | null;

  /** For scheduled publishing (editorial workflow). */
  @Column(dateTime({ nullable: true }))
  scheduledAt: Date | null;

  @Column({ type: 'int' })
  authorId: number;

  @Column({ type: 'varchar', length: 64 })
  authorName: string;

  @Column({ type: 'int', nullable: true })
  reviewerId: number | null;

  @Column({ type: 'int', default: 0 })
  viewCount: number;

  /** Incremented on every edit: optimistic locking and the hook for version history. */
  @VersionColumn()
  version: number;

  @CreateDateColumn(dateTime())
  createdAt: Date;

  @UpdateDateColumn(dateTime())
  updatedAt: Date;
}
