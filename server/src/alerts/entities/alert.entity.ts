import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, OneToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import {
  ALERT_COLOURS,
  type AgeBand,
  type AlertColour,
  type AlertSource,
  type AlertStatus,
  type CloseOutcome,
  type HelpUrgency,
  type PopulationGroup,
} from '@xinqiao/shared';
import { encryptedColumn } from '../../common/crypto/encrypted-column';
import { dateTime } from '../../common/database/columns';

/**
 * A 三色预警 alert, raised by one of two sources:
 * - `scale`: a response whose respondent agreed to be followed up. Later such responses to the same
 *   scale join it while it is open (`alert_responses`); `responseId` is the first, and deleting it
 *   deletes the alert.
 * - `help_request`: a "请人联系我" request (`help_requests`, which reference the alert). Later
 *   requests of the same resident join it while it is open.
 * Either way, deleting the resident deletes the alert.
 */
@Entity('alerts')
@Index(['regionPath', 'status'])
export class Alert {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 16, default: 'scale' })
  source: AlertSource;

  /** The response that raised a scale alert; null for a help request (NULLs never collide). */
  @Index({ unique: true })
  @Column({ type: 'int', nullable: true })
  responseId: number | null;

  // Deleting the response (by the resident, or with their account) deletes the alert.
  @OneToOne('ScaleResponse', { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'responseId' })
  response?: { id: number };

  @Index()
  @Column({ type: 'int' })
  residentId: number;

  // A help-request alert has no response to go with: it goes with the resident's account (PIPL art. 47).
  @ManyToOne('Resident', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'residentId' })
  resident?: { id: number };

  @Column({ type: 'varchar', length: 8 })
  colour: AlertColour;

  /** 0 red, 1 yellow, 2 green (`priorityOf`): the queue's sort key, kept with the colour. */
  @Column({ type: 'int' })
  priority: number;

  @Column({ type: 'varchar', length: 8, default: 'open' })
  status: AlertStatus;

  /**
   * `residentId:scaleCode` (scale) or `residentId#help` (help request) while the alert is not closed,
   * null once it is. Unique: a resident has at most one unclosed alert per scale and one for help
   * requests, even when two submissions race (NULLs never collide).
   */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 48, nullable: true })
  openKey: string | null;

  /** Scale alerts only (null for a help request), like the score and band below. */
  @Column({ type: 'varchar', length: 32, nullable: true })
  scaleCode: string | null;

  @Column({ type: 'double', nullable: true })
  score: number | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  bandLabel: string | null;

  /** Help requests only: the most urgent urgency asked for while the alert was open. */
  @Column({ type: 'varchar', length: 8, nullable: true })
  helpUrgency: HelpUrgency | null;

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

  /** Why it was closed (CLOSE_OUTCOMES); null for alerts closed before outcomes were coded (未记录). */
  @Column({ type: 'varchar', length: 16, nullable: true })
  closeOutcome: CloseOutcome | null;

  @CreateDateColumn(dateTime())
  createdAt: Date;

  @UpdateDateColumn(dateTime())
  updatedAt: Date;
}

/** Sort key of a colour: red first. */
export function priorityOf(colour: AlertColour): number {
  return ALERT_COLOURS.indexOf(colour);
}
