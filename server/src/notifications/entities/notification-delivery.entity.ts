import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { NotificationChannel, NotificationReason, NotificationStatus } from '@xinqiao/shared';
import { dateTime } from '../../common/database/columns';

/** Who a message is for: a resident, a staff member, or a named target such as a group robot. */
export type RecipientType = 'resident' | 'staff' | 'target';

/**
 * The record of one message on one channel: queued until its due time, then sent, skipped (and
 * why) or failed. Whatever the owner module, every message it sends is one row here.
 */
@Entity('notification_deliveries')
@Index(['groupKey', 'createdAt'])
@Index(['subjectType', 'subjectId'])
export class NotificationDelivery {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 24 })
  channel: NotificationChannel;

  /** `<owner>.<kind>`, e.g. `event.reminder`, `booking.confirmed`. */
  @Column({ type: 'varchar', length: 48 })
  topic: string;

  @Column({ type: 'varchar', length: 16 })
  recipientType: RecipientType;

  /** Set for a resident recipient; the record goes with the resident's account. */
  @Index()
  @Column({ type: 'int', nullable: true })
  residentId: number | null;

  @ManyToOne('Resident', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'residentId' })
  resident?: { id: number };

  @Column({ type: 'int', nullable: true })
  staffId: number | null;

  /** The name of a target that is no person (a region's group robot), never a secret URL. */
  @Column({ type: 'varchar', length: 128, nullable: true })
  target: string | null;

  /** What the message is about, in the owner's terms: an event registration, a booking … */
  @Column({ type: 'varchar', length: 32 })
  subjectType: string;

  @Column({ type: 'int' })
  subjectId: number;

  /** What the owner lists its messages by (e.g. `event:17` for all registrations of an event). */
  @Column({ type: 'varchar', length: 48, nullable: true })
  groupKey: string | null;

  /** The subject's time the message was made for (an event's or a booking's start): the owner's still-due check compares it. */
  @Column({ ...dateTime(), nullable: true })
  subjectAt: Date | null;

  /** Small JSON object the owner renders the message from (e.g. `{"promoted":true}`). */
  @Column({ type: 'text', nullable: true })
  params: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  templateId: string | null;

  @Column({ type: 'varchar', length: 16, default: 'queued' })
  status: NotificationStatus;

  @Column({ type: 'varchar', length: 32, nullable: true })
  reason: NotificationReason | null;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  /** Not sent before this time. */
  @Column(dateTime())
  dueAt: Date;

  @Column({ ...dateTime(), nullable: true })
  sentAt: Date | null;

  /** The provider's id of the message (WeChat's msgid), for reference. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  providerMessageId: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  error: string | null;

  @CreateDateColumn(dateTime())
  createdAt: Date;
}
