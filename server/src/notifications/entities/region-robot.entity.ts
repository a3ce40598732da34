import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { dateTime } from '../../common/database/columns';
import { encryptedColumn } from '../../common/crypto/encrypted-column';
import { Region } from '../../regions/region.entity';

/** A region's 企业微信 group robot. Its webhook URL carries the robot's key, so it is kept encrypted. */
@Entity('region_robots')
export class RegionRobot {
  @PrimaryColumn({ type: 'int' })
  regionId: number;

  @ManyToOne(() => Region, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'regionId' })
  region?: Region;

  @Column(encryptedColumn('text'))
  webhookUrl: string;

  @Column({ type: 'int', nullable: true })
  updatedById: number | null;

  @UpdateDateColumn(dateTime())
  updatedAt: Date;
}
