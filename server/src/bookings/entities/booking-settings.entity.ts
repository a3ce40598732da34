import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { BookingKind } from '@xinqiao/shared';
import { dateTime } from '../../common/database/columns';

/** The rules of one kind of booking, as a system admin set them; a kind without a row uses the defaults. */
@Entity('booking_settings')
export class BookingSettingsRow {
  @PrimaryColumn({ type: 'varchar', length: 16 })
  kind: BookingKind;

  @Column({ type: 'boolean' })
  enabled: boolean;

  @Column({ type: 'int' })
  durationMinutes: number;

  @Column({ type: 'int' })
  bufferMinutes: number;

  @Column({ type: 'int' })
  minNoticeMinutes: number;

  @Column({ type: 'int' })
  maxDaysAhead: number;

  @Column({ type: 'int' })
  maxOpenPerResident: number;

  @Column({ type: 'int' })
  cancelCutoffHours: number;

  @UpdateDateColumn(dateTime())
  updatedAt: Date;
}
