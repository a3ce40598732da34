import { Column, CreateDateColumn, Entity, Index, JoinColumn, OneToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { ALERT_COLOURS, type AgeBand, type AlertColour, type AlertStatus, type PopulationGroup } from '@xinqiao/shared';
import { encryptedColumn } from '../common/crypto/encrypted-column';
import { dateTime } from '../common/database/columns';
import { ScaleResponse } from '../scales/scale-response.entity';

/**
 * A 三色预警 alert raised by a response whose respondent agreed to be followed up. Later such
 * responses to the same scale join it while it is open (`alert_responses`); `responseId` is the
 * first, and deleting it deletes the alert.
 */
@Entity('alerts')
@Index(['regionPath', 'status'])
export class Alert {
  @PrimaryGeneratedColumn()
  id: number;

  @Index({ unique: true })
  @Column({ type: 'int' })
  responseId: number;

  // Deleting the response (by the resident, or with their account) deletes the alert.
  @OneToOne(() => ScaleResponse, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'responseId' })
  response?: ScaleResponse;

  @Column({ type: 'int' })
  residentId: number;

  @Column({ type: 'varchar', length: 8 })
  colour: AlertColour;

  /** 0 red, 1 yellow, 2 green (`priorityOf`): the queue's sort key, kept with the colour. */
  @Column({ type: 'int' })
  priority: number;

  @Column({ type: 'varchar', length: 8, default: 'open' })
  status: AlertStatus;

  /**
   * `residentId:scaleCode` while the alert is not closed, null once it is. Unique: a resident has at
   * most one unclosed alert per scale, even when two submissions race (NULLs never collide).
   */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 48, nullable: true })
  openKey: string | null;

  @Column({ type: 'varchar', length: 32 })
  scaleCode: string;

  @Column({ type: 'double' })
  score: number;

  @Column({ type: 'varchar', length: 32 })
  bandLabel: string;

  @Column({ type: 'boolean', default: false })
  crisis: boolean;

  @Column({ type: 'int' })
  regionId: number;

  @Column({ type: 'varchar', length: 255 })
  regionPath: string;

  @Column({ type: 'varchar', length: 16, nullable: true })
  populationGroup: PopulationGroup | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  ageBand: AgeBand | null;

  @Column({ type: 'int', nullable: true })
  assigneeId: number | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  assigneeName: string | null;

  @Column({ ...dateTime(), nullable: true })
  claimedAt: Date | null;

  /** First follow-up deadline (red alerts); null when none applies. */
  @Index()
  @Column({ ...dateTime(), nullable: true })
  dueAt: Date | null;

  @Column({ ...dateTime(), nullable: true })
  firstFollowUpAt: Date | null;

  @Column({ ...dateTime(), nullable: true })
  closedAt: Date | null;

  /** The counsellor's notes about the resident: encrypted at rest. */
  @Column({ ...encryptedColumn('text'), nullable: true })
  closeNote: string | null;

  @CreateDateColumn(dateTime())
  createdAt: Date;

  @UpdateDateColumn(dateTime())
  updatedAt: Date;
}

/** Sort key of a colour: red first. */
export function priorityOf(colour: AlertColour): number {
  return ALERT_COLOURS.indexOf(colour);
}
