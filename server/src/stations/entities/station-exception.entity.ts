import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { TimeRange } from '@xinqiao/shared';
import { Station } from './station.entity';

/** A dated change to a station's hours (one per station and date): closed that day, or other hours. */
@Entity('station_exceptions')
@Unique(['stationId', 'date'])
export class StationExceptionRow {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  stationId: number;

  @ManyToOne(() => Station, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'stationId' })
  station?: Station;

  /** China date `YYYY-MM-DD`: sorts and compares as text. */
  @Column({ type: 'varchar', length: 10 })
  date: string;

  /** Empty: closed all day. */
  @Column({ type: 'simple-json' })
  hours: TimeRange[];

  @Column({ type: 'varchar', length: 200, nullable: true })
  note: string | null;
}
