import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { AlertColour, AlertDispatchEventKind, EscalationReason, EscalationStepKind } from '@xinqiao/shared';
import { dateTime } from '../../../common/database/columns';
import { Alert } from '../../entities/alert.entity';

/**
 * One entry of an alert's dispatch timeline: who was notified at which step, a step passed over,
 * a region with nobody on duty, a notice held for quiet hours. Staff names are kept as they were
 * then; nothing about the resident is stored here.
 */
@Entity('alert_dispatch_events')
export class AlertDispatchEventRow {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ type: 'int' })
  alertId: number;

  @ManyToOne(() => Alert, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'alertId' })
  alert?: Alert;

  @Column(dateTime())
  at: Date;

  @Column({ type: 'varchar', length: 16 })
  kind: AlertDispatchEventKind;

  @Column({ type: 'varchar', length: 8, nullable: true })
  colour: AlertColour | null;

  @Column({ type: 'int', nullable: true })
  level: number | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  step: EscalationStepKind | null;

  @Column({ type: 'int', nullable: true })
  regionId: number | null;

  /** JSON `[{ id, name }]` of the staff notified. */
  @Column({ type: 'text', nullable: true })
  staff: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  reason: EscalationReason | null;

  @Column({ ...dateTime(), nullable: true })
  until: Date | null;

  /**
   * `<alertId>:<colour>:<level>` for a notice sent, so a dispatch or escalation run twice (a retry, a
   * second instance, a restart) notifies once. Unique; null for entries that send nothing.
   */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 48, nullable: true })
  sendKey: string | null;
}
