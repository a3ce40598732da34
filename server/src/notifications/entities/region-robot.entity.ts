import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { dateTime } from '../../common/database/columns';
import { encryptedColumn } from '../../common/crypto/encrypted-column';

/** A region's 企业微信 group robot. Its webhook URL carries the robot's key, so it is kept encrypted. */
@Entity('region_robots')
export class RegionRobot {
  /** A surrogate id: the key rotation re-encrypts rows by `id`. */
  @PrimaryGeneratedColumn()
  id: number;

  @Index({ unique: true })
  @Column({ type: 'int' })
  regionId: number;

  @ManyToOne('Region', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'regionId' })
  region?: { id: number };

  @Column(encryptedColumn('text'))
  webhookUrl: string;

  @Column({ type: 'int', nullable: true })
  updatedById: number | null;

  @UpdateDateColumn(dateTime())
  updatedAt: Date;
}
