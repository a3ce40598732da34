import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { dateTime } from '../../common/database/columns';
import { encryptedColumn } from '../../common/crypto/encrypted-column';

/**
 * How a staff member is reached outside the admin console: the WeChat user (a mini-program account,
 * hence a resident row) they bound for subscribe messages, and the mobile number they set for SMS.
 */
@Entity('staff_notice_contacts')
export class StaffNoticeContact {
  /** A surrogate id: the key rotation re-encrypts rows by `id`. */
  @PrimaryGeneratedColumn()
  id: number;

  @Index({ unique: true })
  @Column({ type: 'int' })
  staffId: number;

  @ManyToOne('Staff', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'staffId' })
  staff?: { id: number };

  /** The bound WeChat user; the binding ends with that mini-program account. */
  @Index()
  @Column({ type: 'int', nullable: true })
  residentId: number | null;

  @ManyToOne('Resident', { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'residentId' })
  resident?: { id: number };

  @Column({ ...dateTime(), nullable: true })
  boundAt: Date | null;

  /** The nonce of the one binding code that may still be used (a new code replaces it; a bind uses it up). */
  @Column({ type: 'varchar', length: 32, nullable: true })
  bindNonce: string | null;

  /** For SMS notices; encrypted at rest. */
  @Column({ ...encryptedColumn(20), nullable: true })
  mobile: string | null;

  @UpdateDateColumn(dateTime())
  updatedAt: Date;
}
