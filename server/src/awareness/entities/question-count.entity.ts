import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Answers and correct answers per question, wave and community: for ranking knowledge points by error rate. */
@Entity('awareness_question_counts')
@Index(['quizId', 'regionId', 'questionCode'], { unique: true })
export class QuestionCount {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  quizId: number;

  @Column({ type: 'int' })
  regionId: number;

  @Index()
  @Column({ type: 'varchar', length: 255 })
  regionPath: string;

  @Column({ type: 'varchar', length: 32 })
  questionCode: string;

  @Column({ type: 'int' })
  knowledgePoint: number;

  @Column({ type: 'int' })
  answered: number;

  @Column({ type: 'int' })
  correct: number;

  @Column({ type: 'int' })
  dontKnow: number;
}
