import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { AgeBand, BookingKind, BookingStatus, IntakeTopic } from '@xinqiao/shared';
import { encryptedColumn } from '../../common/crypto/encrypted-column';
import { dateTime } from '../../common/database/columns';

/** Longest intake note (INTAKE_NOTE_MAX_CHARS) and rating comment. */
export const NOTE_MAX = 500;
export const RATING_COMMENT_MAX = 500;
export const CANCEL_REASON_MAX = 200;

/**
 * A resident's booking of a session or a call-back window. The intake (topic, note, guardian) is
 * health information, kept encrypted with the contact phone. `activeKey` is set while the booking
 * holds its slot (confirmed, attended, no-show) and cleared when it is cancelled: its unique index
 * is the backstop that no slot is ever booked twice, whatever the locks do.
 */
@Entity('bookings')
@Index(['residentId', 'clientRequestId'], { unique: true })
@Index(['counsellorId', 'start'])
@Index(['lineId', 'start'])
@Index(['stationId', 'start'])
export class Booking {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ type: 'int' })
  residentId: number;

  @ManyToOne('Resident', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'residentId' })
  resident?: { id: number };

  @Column({ type: 'varchar', length: 16 })
  kind: BookingKind;

  @Column({ type: 'varchar', length: 16 })
  status: BookingStatus;

  @Index()
  @Column(dateTime())
  start: Date;

  @Column(dateTime())
  end: Date;

  @Column({ type: 'int', nullable: true })
  counsellorId: number | null;

  @Column({ type: 'int', nullable: true })
  stationId: number | null;

  @Column({ type: 'int', nullable: true })
  lineId: number | null;

  /** `c:<counsellorId>` or `l:<lineId>`. */
  @Column({ type: 'varchar', length: 32 })
  ownerKey: string;

  @Column({ type: 'int', default: 0 })
  seat: number;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 80, nullable: true })
  activeKey: string | null;

  /** The station's region (in person), else the counsellor's (phone) or the line's: what staff scope reads. */
  @Index()
  @Column({ type: 'varchar', length: 255 })
  regionPath: string;

  @Column({ ...encryptedColumn(20), nullable: true })
  contactPhone: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  topic: IntakeTopic | null;

  @Column({ ...encryptedColumn(NOTE_MAX), nullable: true })
  note: string | null;

  @Column({ type: 'varchar', length: 16 })
  ageBand: AgeBand;

  @Column({ ...encryptedColumn(32), nullable: true })
  guardianName: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  guardianRelation: string | null;

  @Column({ type: 'varchar', length: 32 })
  consentVersion: string;

  @Column({ type: 'boolean' })
  sensitiveConsent: boolean;

  @Column({ type: 'varchar', length: 64 })
  clientRequestId: string;

  @Column({ type: 'varchar', length: CANCEL_REASON_MAX, nullable: true })
  cancelReason: string | null;

  @Column(dateTime({ nullable: true }))
  cancelledAt: Date | null;

  @Column({ type: 'int', nullable: true })
  ratingScore: number | null;

  @Column({ type: 'varchar', length: RATING_COMMENT_MAX, nullable: true })
  ratingComment: string | null;

  @Column(dateTime({ nullable: true }))
  ratedAt: Date | null;

  @CreateDateColumn(dateTime())
  createdAt: Date;

  @UpdateDateColumn(dateTime())
  updatedAt: Date;
}

/** The timeline of a booking: booked, moved, cancelled, handed over, marked. */
@Entity('booking_history')
export class BookingHistoryRow {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ type: 'int' })
  bookingId: number;

  @ManyToOne(() => Booking, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'bookingId' })
  booking?: Booking;

  @Column(dateTime())
  at: Date;

  @Column({ type: 'varchar', length: 32 })
  action: string;

  /** Staff display name; null for the resident. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  byName: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  note: string | null;
}

/** The assigned counsellor's private notes of a session: encrypted at rest. */
@Entity('session_notes')
export class SessionNoteRow {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ type: 'int' })
  bookingId: number;

  @ManyToOne(() => Booking, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'bookingId' })
  booking?: Booking;

  @Column({ type: 'int' })
  authorStaffId: number;

  @Column(encryptedColumn('text'))
  text: string;

  @CreateDateColumn(dateTime())
  createdAt: Date;
}
