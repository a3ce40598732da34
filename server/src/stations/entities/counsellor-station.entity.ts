import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { CounsellorProfileRow } from './counsellor-profile.entity';
import { Station } from './station.entity';

/** Which stations a counsellor serves. A station still served cannot be deleted (RESTRICT backs the service's check). */
@Entity('counsellor_stations')
export class CounsellorStation {
  @PrimaryColumn({ type: 'int' })
  counsellorId: number;

  @Index()
  @PrimaryColumn({ type: 'int' })
  stationId: number;

  @ManyToOne(() => CounsellorProfileRow, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'counsellorId' })
  counsellor?: CounsellorProfileRow;

  @ManyToOne(() => Station, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'stationId' })
  station?: Station;
}
