import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { AgeBand, Gender, PopulationGroup, UrbanRural } from '@xinqiao/shared';
import { dateTime } from '../../common/database/columns';

/** One answered quiz. Survey waves and pre/post tests also add to the pre-aggregated awareness cells. */
@Entity('quiz_attempts')
@Index(['quizId', 'submittedAt'])
export class QuizAttempt {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  quizId: number;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64 })
  clientRequestId: string;

  /** `quizId:residentId` for quizzes taken once per resident; null otherwise. Unique, so a race stores one. */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 32, nullable: true })
  onceKey: string | null;

  @Index()
  @Column({ type: 'int', nullable: true })
  residentId: number | null;

  /** Declares the foreign key only (by name, so this module imports no residents entity): a resident's deletion removes their answers. */
  @ManyToOne('Resident', { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'residentId' })
  resident?: { id: number };

  /** JSON `QuizAnswers`. */
  @Column({ type: 'text' })
  answers: string;

  @Column({ type: 'double' })
  score: number;

  @Column({ type: 'double' })
  maxScore: number;

  @Column({ type: 'int' })
  correctCount: number;

  @Column({ type: 'int' })
  questionCount: number;

  @Column({ type: 'double' })
  correctRate: number;

  @Column({ type: 'boolean' })
  passed: boolean;

  @Column({ type: 'int', nullable: true })
  regionId: number | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  regionPath: string | null;

  @Column({ type: 'varchar', length: 8, nullable: true })
  urbanRural: UrbanRural | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  populationGroup: PopulationGroup | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  ageBand: AgeBand | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  gender: Gender | null;

  @Column({ type: 'int', nullable: true })
  campaignId: number | null;

  @Column({ type: 'int', nullable: true })
  eventId: number | null;

  @Column(dateTime())
  submittedAt: Date;
}
