import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { ReferralStatus } from '@xinqiao/shared';
import { encryptedColumn } from '../../../common/crypto/encrypted-column';
import { dateTime } from '../../../common/database/columns';
import { Alert } from '../../entities/alert.entity';

export const REFERRAL_REASON_MAX = 200;

/**
 * A referral (转介) of the resident behind an alert to an institution of the station directory.
 * The station is kept by id and by its name at the time (the directory belongs to the stations
 * module, and a station may later be renamed or removed). Acceptance and outcome are entered by the
 * counsellor as the institution reports them.
 */
@Entity('alert_referrals')
export class AlertReferral {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ type: 'int' })
  alertId: number;

  @ManyToOne(() => Alert, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'alertId' })
  alert?: Alert;

  @Column({ type: 'int' })
  stationId: number;

  @Column({ type: 'varchar', length: 64 })
  stationName: string;

  /** Why the resident is referred: about their health, encrypted at rest like the notes below. */
  @Column(encryptedColumn(REFERRAL_REASON_MAX))
  reason: string;

  @Column({ ...encryptedColumn('text'), nullable: true })
  note: string | null;

  @Column({ type: 'varchar', length: 16, default: 'sent' })
  status: ReferralStatus;

  @Index()
  @Column(dateTime())
  sentAt: Date;

  /** China date the institution accepted or declined. */
  @Column({ type: 'varchar', length: 10, nullable: true })
  respondedOn: string | null;

  @Column({ ...encryptedColumn('text'), nullable: true })
  outcome: string | null;

  @Column({ type: 'varchar', length: 10, nullable: true })
  outcomeOn: string | null;

  @Column({ type: 'int' })
  counsellorId: number;

  @Column({ type: 'varchar', length: 64 })
  counsellorName: string;

  @CreateDateColumn(dateTime())
  createdAt: Date;

  @UpdateDateColumn(dateTime())
  updatedAt: Date;
}
