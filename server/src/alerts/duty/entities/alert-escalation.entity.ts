import { Column, Entity, Index, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { AlertColour } from '@xinqiao/shared';
import { dateTime } from '../../../common/database/columns';
import { Alert } from '../../entities/alert.entity';

/**
 * Where an alert's notices stand on the duty ladder: made with the alert (pending) in the
 * transaction that raises it, moved by the dispatch job and each escalation.
 */
@Entity('alert_escalations')
@Index(['done', 'lastStepAt'])
export class AlertEscalation {
  @PrimaryColumn({ type: 'int' })
  alertId: number;

  @OneToOne(() => Alert, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'alertId' })
  alert?: Alert;

  /** A dispatch is queued and has not run yet (the resident sees "正在通知…"). */
  @Column({ type: 'boolean', default: true })
  pending: boolean;

  /** The colour the last dispatch was for; null before the first. */
  @Column({ type: 'varchar', length: 8, nullable: true })
  colour: AlertColour | null;

  /** The region whose roster took the alert (its own, or the nearest above with someone on duty). */
  @Column({ type: 'int', nullable: true })
  homeRegionId: number | null;

  /** The ladder step last notified (0 primary, 1 backup, 2 region admins, 3+ centres up the chain). */
  @Column({ type: 'int', nullable: true })
  level: number | null;

  @Column({ ...dateTime(), nullable: true })
  lastStepAt: Date | null;

  /** No further step: not red, or the ladder is used up. */
  @Column({ type: 'boolean', default: false })
  done: boolean;

  @UpdateDateColumn(dateTime())
  updatedAt: Date;
}
