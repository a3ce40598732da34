import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { AuditOutcome } from '@xinqiao/shared';
import { dateTime } from '../common/database/columns';

/** Append-only: the application only inserts and reads these rows (等保 audit records, kept >= 6 months). */
@Entity('audit_logs')
@Index(['actorType', 'actorId'])
export class AuditLog {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column(dateTime())
  at: Date;

  @Column({ type: 'varchar', length: 16 })
  actorType: 'staff' | 'resident' | 'system' | 'anonymous';

  @Column({ type: 'int', nullable: true })
  actorId: number | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  actorName: string | null;

  @Index()
  @Column({ type: 'varchar', length: 64 })
  action: string;

  @Column({ type: 'varchar', length: 32, nullable: true })
  resourceType: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  resourceId: string | null;

  @Index()
  @Column({ type: 'varchar', length: 255, nullable: true })
  regionPath: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip: string | null;

  @Column({ type: 'varchar', length: 8 })
  outcome: AuditOutcome;

  @Column({ type: 'int', nullable: true })
  statusCode: number | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  requestId: string | null;

  @Column({ type: 'simple-json', nullable: true })
  details: Record<string, unknown> | null;
}
