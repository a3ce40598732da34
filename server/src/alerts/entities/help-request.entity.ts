import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { HELP_REQUEST_GUARDIAN_NAME_MAX_CHARS, HELP_REQUEST_NAME_MAX_CHARS, type AgeBand, type AlertColour, type HelpUrgency } from '@xinqiao/shared';
import { encryptedColumn } from '../../common/crypto/encrypted-column';
import { dateTime } from '../../common/database/columns';
import { Alert } from './alert.entity';

/**
 * A "请人联系我" request: on the timeline of the help-request alert it raised or joined. Contact,
 * guardian and note are encrypted at rest; the row goes with the resident's account and with its alert.
 */
@Entity('help_requests')
export class HelpRequest {
  @PrimaryGeneratedColumn()
  id: number;

  /** Client-made UUID: a retried request finds the first one instead of storing a second. */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64 })
  clientRequestId: string;

  @Index()
  @Column({ type: 'int' })
  residentId: number;

  // Deleting a resident's account deletes their requests (PIPL art. 47).
  @ManyToOne('Resident', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'residentId' })
  resident?: { id: number };

  @Index()
  @Column({ type: 'int' })
  alertId: number;

  @ManyToOne(() => Alert, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'alertId' })
  alert?: Alert;

  @Column({ type: 'varchar', length: 8 })
  urgency: HelpUrgency;

  /** The colour this request called for on its own (HELP_URGENCY_COLOURS). */
  @Column({ type: 'varchar', length: 8 })
  colour: AlertColour;

  @Column(encryptedColumn(20))
  contactPhone: string;

  @Column({ ...encryptedColumn(HELP_REQUEST_NAME_MAX_CHARS), nullable: true })
  contactName: string | null;

  /** The resident's own words: health information, kept only with `sensitiveConsent`. */
  @Column({ ...encryptedColumn('text'), nullable: true })
  note: string | null;

  /** The community or village the resident named, whose counsellors see the alert. */
  @Column({ type: 'int' })
  regionId: number;

  @Column({ type: 'varchar', length: 255 })
  regionPath: string;

  @Column({ type: 'varchar', length: 16 })
  ageBand: AgeBand;

  /** HELP_REQUEST_CONSENT_VERSION the resident agreed to. */
  @Column({ type: 'varchar', length: 32 })
  consentVersion: string;

  @Column({ type: 'boolean', default: false })
  sensitiveConsent: boolean;

  /** Under 14 (PIPL art. 31): who consented for the child. */
  @Column({ ...encryptedColumn(HELP_REQUEST_GUARDIAN_NAME_MAX_CHARS), nullable: true })
  guardianName: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  guardianRelation: string | null;

  @Column(dateTime())
  submittedAt: Date;
}
