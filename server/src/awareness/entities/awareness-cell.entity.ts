import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Pre-aggregated counts of one survey wave per respondent profile, added to in the same transaction
 * as each attempt, so the breakdowns read a few hundred rows however many answers there are.
 * Unknown values are '' and "none" ids 0 (not NULL), so the unique key makes the upsert work.
 */
@Entity('awareness_cells')
@Index(['quizId', 'regionId', 'populationGroup', 'ageBand', 'gender', 'campaignId', 'eventId'], { unique: true })
export class AwarenessCell {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  quizId: number;

  /** The respondent's community/village (0 when unknown). */
  @Column({ type: 'int' })
  regionId: number;

  @Index()
  @Column({ type: 'varchar', length: 255 })
  regionPath: string;

  @Column({ type: 'varchar', length: 8 })
  urbanRural: string;

  @Column({ type: 'varchar', length: 16 })
  populationGroup: string;

  @Column({ type: 'varchar', length: 16 })
  ageBand: string;

  @Column({ type: 'varchar', length: 16 })
  gender: string;

  @Column({ type: 'int' })
  campaignId: number;

  @Column({ type: 'int' })
  eventId: number;

  @Column({ type: 'int' })
  respondents: number;

  @Column({ type: 'int' })
  passed: number;

  @Column({ type: 'double' })
  sumCorrectRate: number;

  @Column({ type: 'double' })
  sumCorrectRateSq: number;
}
