import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { CounsellorSpecialty, SessionMode } from '@xinqiao/shared';
import { dateTime } from '../../common/database/columns';

/** A counsellor as residents may see them once the counsellor has agreed to publication. */
@Entity('counsellor_profiles')
export class CounsellorProfileRow {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 32 })
  name: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  photoUrl: string | null;

  @Column({ type: 'varchar', length: 100 })
  qualification: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  title: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  certificateNo: string | null;

  @Column({ type: 'simple-json' })
  specialties: CounsellorSpecialty[];

  @Column({ type: 'simple-json' })
  languages: string[];

  @Column({ type: 'simple-json' })
  modes: SessionMode[];

  @Column({ type: 'text', nullable: true })
  bio: string | null;

  @Column({ type: 'int' })
  regionId: number;

  @Index()
  @Column({ type: 'varchar', length: 255 })
  regionPath: string;

  /**
   * The staff account (role counsellor) this profile belongs to; one profile per account. Staff
   * accounts are disabled, never deleted, so the id stays meaningful without a key into their table.
   */
  @Index({ unique: true })
  @Column({ type: 'int', nullable: true })
  staffId: number | null;

  @Column({ type: 'boolean', default: false })
  published: boolean;

  /** The counsellor's consent to publication, recorded when the profile is published; kept when it is withdrawn from view. */
  @Column(dateTime({ nullable: true }))
  publishConsentAt: Date | null;

  @Column({ type: 'int', nullable: true })
  publishConsentById: number | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  publishConsentByName: string | null;

  @CreateDateColumn(dateTime())
  createdAt: Date;

  @UpdateDateColumn(dateTime())
  updatedAt: Date;
}
