import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { AlertColour } from '@xinqiao/shared';
import { dateTime } from '../../common/database/columns';
import { Alert } from './alert.entity';

/** A response with follow-up consent on an alert's timeline: the one that raised it, and each that joined it. */
@Entity('alert_responses')
export class AlertResponse {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ type: 'int' })
  alertId: number;

  @ManyToOne(() => Alert, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'alertId' })
  alert?: Alert;

  @Index({ unique: true })
  @Column({ type: 'int' })
  responseId: number;

  // Deleting the response (by the resident, or with their account) takes it off the timeline.
  @ManyToOne('ScaleResponse', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'responseId' })
  response?: { id: number };

  /** The colour this response called for on its own. */
  @Column({ type: 'varchar', length: 8 })
  colour: AlertColour;

  @Column({ type: 'double' })
  score: number;

  @Column({ type: 'varchar', length: 32 })
  bandLabel: string;

  @Column({ type: 'boolean', default: false })
  crisis: boolean;

  @Column(dateTime())
  submittedAt: Date;
}
