import { BeforeInsert, BeforeUpdate, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { CheckinMethod, RegistrationSource, RegistrationStatus } from '@xinqiao/shared';
import { dataKeyring, encryptedColumn } from '../../common/crypto/encrypted-column';
import { dateTime } from '../../common/database/columns';
import { OutreachEvent } from './event.entity';

/**
 * A resident's place at an event: one row per resident and event, reused when they sign up again
 * after cancelling. Personal data (name, phone): deleted with the resident, and cleared
 * EVENT_REGISTRATION_RETENTION_DAYS after the event (the row stays, so attendance still counts).
 */
@Entity('event_registrations')
@Index(['eventId', 'residentId'], { unique: true })
@Index(['eventId', 'ticketCode'], { unique: true })
@Index(['eventId', 'status'])
// The attendee list's order: an export reads it in batches from where the last one ended.
@Index(['eventId', 'createdAt'])
export class EventRegistration {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  eventId: number;

  @ManyToOne(() => OutreachEvent, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'eventId' })
  event?: OutreachEvent;

  @Index()
  @Column({ type: 'int' })
  residentId: number;

  /** Declares the foreign key only (by name, so this module imports no residents entity): a resident's deletion removes their sign-ups. */
  @ManyToOne('Resident', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'residentId' })
  resident?: { id: number };

  @Column({ type: 'varchar', length: 16 })
  status: RegistrationStatus;

  @Column({ type: 'varchar', length: 16, default: 'online' })
  source: RegistrationSource;

  /** Only what the event asked for. */
  @Column({ type: 'varchar', length: 32, nullable: true })
  name: string | null;

  /** Encrypted at rest; found by the keyed hashes below (exact number, or its last four digits). */
  @Column({ ...encryptedColumn(20, { phoneIndex: 'phone', phoneTailIndex: 'phone-tail' }), nullable: true })
  phone: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  phoneIndex: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  phoneTailIndex: string | null;

  /** EVENT_REGISTRATION_CONSENT_VERSION agreed to when details were given. */
  @Column({ type: 'int', nullable: true })
  consentVersion: number | null;

  /** Random; the ticket QR signs it. A new one at each (re)registration revokes older tickets. */
  @Column({ type: 'varchar', length: 16 })
  ticketCode: string;

  /** When the person joined the waiting list: its order. */
  @Column({ ...dateTime(), nullable: true })
  queuedAt: Date | null;

  @Column({ ...dateTime(), nullable: true })
  offeredAt: Date | null;

  @Index()
  @Column({ ...dateTime(), nullable: true })
  offerExpiresAt: Date | null;

  @Column({ ...dateTime(), nullable: true })
  confirmedAt: Date | null;

  @Column({ ...dateTime(), nullable: true })
  cancelledAt: Date | null;

  @Column({ ...dateTime(), nullable: true })
  checkedInAt: Date | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  checkinMethod: CheckinMethod | null;

  @Column({ type: 'int', nullable: true })
  checkedInById: number | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  checkedInByName: string | null;

  /** Of the sign-up request, so a retried request answers the first result. */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64, nullable: true })
  clientRequestId: string | null;

  @CreateDateColumn(dateTime())
  createdAt: Date;

  @UpdateDateColumn(dateTime())
  updatedAt: Date;

  /** The search hashes follow the phone; a row loaded without its phone leaves them alone. */
  @BeforeInsert()
  @BeforeUpdate()
  indexPhone(): void {
    if (this.phone === undefined) return;
    this.phoneIndex = dataKeyring().blindIndex('phone', this.phone);
    this.phoneTailIndex = dataKeyring().blindIndex('phone-tail', this.phone);
  }
}
