import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { dateTime } from '../../common/database/columns';

/**
 * One "accept" of a subscribe-message template by a resident (wx.requestSubscribeMessage): WeChat
 * allows one send for each, so a send uses one up.
 */
@Entity('subscribe_grants')
@Index(['residentId', 'templateId', 'usedAt'])
export class SubscribeGrant {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  residentId: number;

  @ManyToOne('Resident', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'residentId' })
  resident?: { id: number };

  @Column({ type: 'varchar', length: 64 })
  templateId: string;

  @Column({ ...dateTime(), nullable: true })
  usedAt: Date | null;

  @CreateDateColumn(dateTime())
  createdAt: Date;
}
