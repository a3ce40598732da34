import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { DrawSpec, MultipleChoiceCredit, QuizKind, QuizStatus } from '@xinqiao/shared';
import { dateTime } from '../../common/database/columns';

@Entity('quizzes')
export class Quiz {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 100 })
  title: string;

  @Column({ type: 'varchar', length: 1000, default: '' })
  description: string;

  @Column({ type: 'varchar', length: 16 })
  kind: QuizKind;

  @Column({ type: 'varchar', length: 16, default: 'draft' })
  status: QuizStatus;

  /** The region running the quiz; residents of its subtree take it. */
  @Column({ type: 'int' })
  regionId: number;

  @Index()
  @Column({ type: 'varchar', length: 255 })
  regionPath: string;

  @Column({ ...dateTime(), nullable: true })
  opensAt: Date | null;

  @Column({ ...dateTime(), nullable: true })
  closesAt: Date | null;

  @Column({ type: 'int', nullable: true })
  year: number | null;

  @Column({ type: 'double' })
  pointsPerItem: number;

  @Column({ type: 'double' })
  passMark: number;

  @Column({ type: 'varchar', length: 16, default: 'all_or_nothing' })
  multipleChoice: MultipleChoiceCredit;

  @Column({ type: 'simple-json' })
  draw: DrawSpec;

  /** Frozen at publication (a random draw is made once, so every respondent answers the same paper). */
  @Column({ type: 'simple-json' })
  questionCodes: string[];

  @Index()
  @Column({ type: 'int', nullable: true })
  campaignId: number | null;

  @Index()
  @Column({ type: 'int', nullable: true })
  eventId: number | null;

  @Column({ type: 'int', nullable: true })
  pairedQuizId: number | null;

  @Column({ type: 'int', default: 0 })
  respondents: number;

  @Column({ type: 'varchar', length: 64 })
  createdBy: string;

  @CreateDateColumn(dateTime())
  createdAt: Date;

  @UpdateDateColumn(dateTime())
  updatedAt: Date;
}
