import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { EventKind, EventSpeaker, EventStatus, PlaceType, PopulationGroup, RegistrationField } from '@xinqiao/shared';
import { dateTime, longText } from '../../common/database/columns';
import { HostUnit } from './host-unit.entity';

/**
 * A "六进" lecture or activity. Named OutreachEvent because `Event` is a global (DOM) type. Seats are
 * not counted on this row: registrations are counted under the event's row lock (see EventLocks).
 */
@Entity('events')
@Index(['status', 'startsAt'])
export class OutreachEvent {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 100 })
  title: string;

  @Column({ type: 'varchar', length: 16 })
  kind: EventKind;

  @Column({ type: 'varchar', length: 16 })
  placeType: PlaceType;

  @Column({ type: 'varchar', length: 16, default: 'draft' })
  status: EventStatus;

  @Column({ type: 'int', nullable: true })
  hostUnitId: number | null;

  // HostUnitsService refuses to delete a unit that has events (they count for its quota); the key
  // only keeps the reference valid.
  @ManyToOne(() => HostUnit, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'hostUnitId' })
  hostUnit?: HostUnit;

  @Column({ type: 'int' })
  regionId: number;

  @Index()
  @Column({ type: 'varchar', length: 255 })
  regionPath: string;

  @Column({ type: 'varchar', length: 100 })
  venueName: string;

  @Column({ type: 'varchar', length: 200 })
  venueAddress: string;

  /** GCJ-02, as WeChat's map APIs use. */
  @Column({ type: 'double', nullable: true })
  venueLat: number | null;

  @Column({ type: 'double', nullable: true })
  venueLng: number | null;

  @Index()
  @Column(dateTime())
  startsAt: Date;

  @Column(dateTime())
  endsAt: Date;

  @Column({ ...dateTime(), nullable: true })
  signupOpensAt: Date | null;

  @Column({ ...dateTime(), nullable: true })
  signupClosesAt: Date | null;

  @Column({ ...dateTime(), nullable: true })
  cancelClosesAt: Date | null;

  @Column({ type: 'int' })
  capacity: number;

  @Column({ type: 'boolean', default: true })
  waitlistEnabled: boolean;

  @Column({ type: 'int' })
  offerHours: number;

  @Column({ type: 'simple-json' })
  requiredFields: RegistrationField[];

  @Column({ type: 'simple-json' })
  audiences: PopulationGroup[];

  @Column(longText())
  description: string;

  @Column({ type: 'simple-json' })
  speakers: EventSpeaker[];

  @Column({ type: 'varchar', length: 500, nullable: true })
  coverUrl: string | null;

  /** Optional links (pre/post quiz, the campaign it belongs to); no foreign key, so either side can go. */
  @Column({ type: 'int', nullable: true })
  quizId: number | null;

  @Column({ type: 'int', nullable: true })
  campaignId: number | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  cancelReason: string | null;

  @Column({ ...dateTime(), nullable: true })
  publishedAt: Date | null;

  @Column({ ...dateTime(), nullable: true })
  cancelledAt: Date | null;

  @Column({ type: 'int' })
  createdById: number;

  @Column({ type: 'varchar', length: 64 })
  createdByName: string;

  @VersionColumn()
  version: number;

  @CreateDateColumn(dateTime())
  createdAt: Date;

  @UpdateDateColumn(dateTime())
  updatedAt: Date;
}
