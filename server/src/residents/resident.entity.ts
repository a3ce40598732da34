import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { AgeBand, Gender, PopulationGroup } from '@xinqiao/shared';
import { encryptedColumn } from '../common/crypto/encrypted-column';
import { dateTime } from '../common/database/columns';

@Entity('residents')
export class Resident {
  @PrimaryGeneratedColumn()
  id: number;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64 })
  openid: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  unionid: string | null;

  /** Free text the resident wrote: encrypted at rest. */
  @Column({ ...encryptedColumn(32), nullable: true })
  nickname: string | null;

  @Column({ type: 'int', nullable: true })
  regionId: number | null;

  @Index()
  @Column({ type: 'varchar', length: 255, nullable: true })
  regionPath: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  populationGroup: PopulationGroup | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  ageBand: AgeBand | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  gender: Gender | null;

  @CreateDateColumn(dateTime())
  createdAt: Date;

  @UpdateDateColumn(dateTime())
  updatedAt: Date;
}
