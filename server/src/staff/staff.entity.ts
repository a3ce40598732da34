import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { StaffRole } from '@xinqiao/shared';
import { dateTime } from '../common/database/columns';

@Entity('staff')
export class Staff {
  @PrimaryGeneratedColumn()
  id: number;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64 })
  username: string;

  @Column({ type: 'varchar', length: 64 })
  displayName: string;

  @Column({ type: 'varchar', length: 100, select: false })
  passwordHash: string;

  @Column({ type: 'varchar', length: 32 })
  role: StaffRole;

  @Column({ type: 'int' })
  regionId: number;

  @Index()
  @Column({ type: 'varchar', length: 255 })
  regionPath: string;

  @Column({ type: 'boolean', default: false })
  disabled: boolean;

  @Column({ type: 'boolean', default: true })
  mustChangePassword: boolean;

  /** Bumped by a password change or reset and by disabling: every token issued before stops working at once. */
  @Column({ type: 'int', default: 0 })
  tokenVersion: number;

  @Column(dateTime({ nullable: true }))
  lastLoginAt: Date | null;

  @Column(dateTime({ nullable: true }))
  passwordChangedAt: Date | null;

  @CreateDateColumn(dateTime())
  createdAt: Date;

  @UpdateDateColumn(dateTime())
  updatedAt: Date;
}
