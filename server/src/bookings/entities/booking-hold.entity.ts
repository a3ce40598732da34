import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { BookingKind } from '@xinqiao/shared';
import { dateTime } from '../../common/database/columns';

/**
 * A slot kept for a resident for BOOKING_HOLD_MINUTES while they fill in the intake. The unique key
 * (owner, start, seat) is the backstop behind the locked re-check: two holds can never name the same
 * session or the same seat of a call-back window. Expired holds are deleted under the owner's lock
 * before anyone else takes the slot.
 */
@Entity('booking_holds')
@Index(['ownerKey', 'start', 'seat'], { unique: true })
export class BookingHold {
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

  /** `c:<counsellorId>` or `l:<lineId>`. */
  @Column({ type: 'varchar', length: 32 })
  ownerKey: string;

  @Column(dateTime())
  start: Date;

  @Column(dateTime())
  end: Date;

  /** 0 for sessions; the seat of a call-back window. */
  @Column({ type: 'int', default: 0 })
  seat: number;

  @Column({ type: 'int', nullable: true })
  counsellorId: number | null;

  @Column({ type: 'int', nullable: true })
  stationId: number | null;

  @Column({ type: 'int', nullable: true })
  lineId: number | null;

  @Index()
  @Column(dateTime())
  expiresAt: Date;

  @CreateDateColumn(dateTime())
  createdAt: Date;
}
