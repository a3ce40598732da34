import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { AlertColour, FollowUpMethod } from '@xinqiao/shared';
import { encryptedColumn } from '../../common/crypto/encrypted-column';
import { dateTime } from '../../common/database/columns';
import { Alert } from './alert.entity';

/** One contact a counsellor made about an alert. */
@Entity('alert_follow_ups')
export class AlertFollowUp {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ type: 'int' })
  alertId: number;

  @ManyToOne(() => Alert, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'alertId' })
  alert?: Alert;

  /** When the contact happened (may be before it was recorded). */
  @Column(dateTime())
  at: Date;

  @Column({ type: 'varchar', length: 16 })
  method: FollowUpMethod;

  /** What the counsellor learnt about the resident: encrypted at rest. */
  @Column(encryptedColumn('text'))
  outcome: string;

  @Column({ type: 'varchar', length: 8, nullable: true })
  nextColour: AlertColour | null;

  @Column({ type: 'int' })
  counsellorId: number;

  @Column({ type: 'varchar', length: 64 })
  counsellorName: string;

  @CreateDateColumn(dateTime())
  createdAt: Date;
}
