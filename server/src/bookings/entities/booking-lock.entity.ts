import { Entity, PrimaryColumn } from 'typeorm';

/**
 * One row per thing whose bookings must change one at a time: a counsellor (`c:<id>`), a call-back
 * line (`l:<id>`), a resident (`r:<id>`, for the open-booking limit). On MySQL a transaction takes
 * the rows with SELECT … FOR UPDATE; on SQLite every transaction runs alone anyway.
 */
@Entity('booking_locks')
export class BookingLock {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  lockKey: string;
}
