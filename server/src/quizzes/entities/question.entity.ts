import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { KnowledgePointId, QuestionKind, QuizOption } from '@xinqiao/shared';
import { dateTime } from '../../common/database/columns';

/** A knowledge question. Once a published quiz uses it, it is frozen: a change is a new question. */
@Entity('questions')
export class Question {
  @PrimaryGeneratedColumn()
  id: number;

  /** What quizzes and answers refer to: the default bank's id, or `Q<id>`. */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 32 })
  code: string;

  @Column({ type: 'varchar', length: 16 })
  kind: QuestionKind;

  @Index()
  @Column({ type: 'int' })
  knowledgePoint: KnowledgePointId;

  @Column({ type: 'varchar', length: 500 })
  stem: string;

  @Column({ type: 'simple-json' })
  options: QuizOption[];

  @Column({ type: 'simple-json' })
  correct: string[];

  @Column({ type: 'text' })
  explanation: string;

  /** Null for the default bank, which every region may use. */
  @Column({ type: 'int', nullable: true })
  regionId: number | null;

  @Index()
  @Column({ type: 'varchar', length: 255, nullable: true })
  regionPath: string | null;

  @Column({ type: 'boolean', default: false })
  builtIn: boolean;

  @Column({ type: 'boolean', default: false })
  inUse: boolean;

  @Column({ type: 'boolean', default: false })
  archived: boolean;

  @CreateDateColumn(dateTime())
  createdAt: Date;

  @UpdateDateColumn(dateTime())
  updatedAt: Date;
}
