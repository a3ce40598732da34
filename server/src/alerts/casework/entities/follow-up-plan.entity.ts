import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { encryptedColumn } from '../../../common/crypto/encrypted-column';
import { dateTime } from '../../../common/database/columns';
import { Alert } from '../../entities/alert.entity';

/** Longest purpose of a plan (plaintext, before encryption). */
export const PLAN_PURPOSE_MAX = 200;

/**
 * A next contact the assigned counsellor planned (随访计划). An alert has at most one current plan
 * (`currentKey` = the alert id, unique; null once the plan is replaced, fulfilled by a contact, or
 * the alert is closed). Old plans stay as history, and each plan gets at most one reminder.
 */
@Entity('alert_follow_up_plans')
@Index(['date', 'remindedAt'])
export class AlertFollowUpPlan {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ type: 'int' })
  alertId: number;

  @ManyToOne(() => Alert, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'alertId' })
  alert?: Alert;

  /** The alert id while this is its current plan, else null (NULLs never collide). */
  @Index({ unique: true })
  @Column({ type: 'int', nullable: true })
  currentKey: number | null;

  /** China date `YYYY-MM-DD`. */
  @Column({ type: 'varchar', length: 10 })
  date: string;

  /** China time `HH:mm`, or null for any time that day. */
  @Column({ type: 'varchar', length: 5, nullable: true })
  time: string | null;

  /** What the contact is for, about the resident: encrypted at rest. */
  @Column(encryptedColumn(PLAN_PURPOSE_MAX))
  purpose: string;

  @Column({ type: 'int' })
  setById: number;

  @Column({ type: 'varchar', length: 64 })
  setByName: string;

  /** When the due-day reminder was recorded; set once, in the same transaction as the notice. */
  @Column({ ...dateTime(), nullable: true })
  remindedAt: Date | null;

  /** When the plan stopped being current (replaced, fulfilled, alert closed). */
  @Column({ ...dateTime(), nullable: true })
  endedAt: Date | null;

  @CreateDateColumn(dateTime())
  createdAt: Date;
}
