import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { AgeBand, ConsentMode, GuardianRelation, PopulationGroup } from '@xinqiao/shared';
import { encryptedColumn } from '../../common/crypto/encrypted-column';
import { dateTime } from '../../common/database/columns';

/**
 * One submitted scale. An anonymous response keeps no account, no answers and no contact, only what
 * the statistics count, and its time only to the day. Answers, contact and guardian are encrypted at rest.
 */
@Entity('scale_responses')
@Index(['scaleCode', 'month'])
export class ScaleResponse {
  @PrimaryGeneratedColumn()
  id: number;

  /** Client-made UUID: a retried submission finds the first one instead of storing a second. */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64 })
  clientRequestId: string;

  @Index()
  @Column({ type: 'int', nullable: true })
  residentId: number | null;

  // Deleting a resident's account deletes their results (PIPL art. 47).
  @ManyToOne('Resident', { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'residentId' })
  resident?: { id: number };

  @Column({ type: 'varchar', length: 32 })
  scaleCode: string;

  @Column({ type: 'int' })
  scaleVersion: number;

  /** JSON `ScaleAnswers`; null for an anonymous response. */
  @Column({ ...encryptedColumn('text'), nullable: true })
  answers: string | null;

  @Column({ type: 'double' })
  raw: number;

  @Column({ type: 'double' })
  score: number;

  /** JSON `Record<subscaleId, score>`. */
  @Column({ type: 'varchar', length: 500, default: '{}' })
  subscales: string;

  @Column({ type: 'int' })
  bandIndex: number;

  @Column({ type: 'int' })
  severity: number;

  @Column({ type: 'boolean', default: false })
  mostSevere: boolean;

  @Column({ type: 'boolean', default: false })
  crisis: boolean;

  /** JSON array of the critical item ids that fired. */
  @Column({ type: 'varchar', length: 500, default: '[]' })
  criticalItems: string;

  @Column({ type: 'varchar', length: 16 })
  consentMode: ConsentMode;

  @Column({ type: 'int' })
  consentVersion: number;

  @Column({ type: 'boolean', default: false })
  followUp: boolean;

  @Column({ ...encryptedColumn(32), nullable: true })
  contactName: string | null;

  @Column({ ...encryptedColumn(20), nullable: true })
  contactPhone: string | null;

  @Column({ ...encryptedColumn(32), nullable: true })
  guardianName: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  guardianRelation: GuardianRelation | null;

  @Column({ type: 'int', nullable: true })
  regionId: number | null;

  @Index()
  @Column({ type: 'varchar', length: 255, nullable: true })
  regionPath: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  populationGroup: PopulationGroup | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  ageBand: AgeBand | null;

  /** `YYYY-MM` in China time, for monthly counts on both databases. */
  @Column({ type: 'varchar', length: 7 })
  month: string;

  /** Set by the service: an anonymous response keeps only the day (China time). */
  @Column(dateTime())
  submittedAt: Date;
}
