import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { EventNotificationKind, NotificationReason, NotificationStatus } from '@xinqiao/shared';
import { dateTime } from '../common/database/columns';
import { Resident } from '../residents/resident.entity';
import { EventRegistration } from './event-registration.entity';
import { OutreachEvent } from './event.entity';

/** The delivery record of one subscribe message: queued, then sent, skipped (and why) or failed. */
@Entity('event_notifications')
@Index(['eventId', 'createdAt'])
export class EventNotification {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 24 })
  kind: EventNotificationKind;

  @Column({ type: 'int' })
  eventId: number;

  @ManyToOne(() => OutreachEvent, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'eventId' })
  event?: OutreachEvent;

  @Column({ type: 'int' })
  registrationId: number;

  @ManyToOne(() => EventRegistration, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'registrationId' })
  registration?: EventRegistration;

  @Index()
  @Column({ type: 'int' })
  residentId: number;

  @ManyToOne(() => Resident, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'residentId' })
  resident?: Resident;

  @Column({ type: 'varchar', length: 16, default: 'queued' })
  status: NotificationStatus;

  @Column({ type: 'varchar', length: 32, nullable: true })
  reason: NotificationReason | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  templateId: string | null;

  /** The start time the message was made for: a reminder for a start that moved is not sent. */
  @Column(dateTime())
  eventStartsAt: Date;

  /** The confirmation says the seat came from the waiting list. */
  @Column({ type: 'boolean', default: false })
  promoted: boolean;

  @Column(dateTime())
  runAfter: Date;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ type: 'varchar', length: 300, nullable: true })
  error: string | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  msgid: string | null;

  @Column({ ...dateTime(), nullable: true })
  sentAt: Date | null;

  @CreateDateColumn(dateTime())
  createdAt: Date;
}
