import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { AuditEntryDto, Page } from '@xinqiao/shared';
import { Between, LessThanOrEqual, Like, MoreThanOrEqual, Repository, type FindOptionsWhere } from 'typeorm';
import { inScope } from '../common/access/region-scope';
import type { StaffPrincipal } from '../common/access/principal';
import { pageOf, paging } from '../common/http/page-query.dto';
import { AuditLog } from './audit-log.entity';
import type { AuditQueryDto } from './audit.dto';

export type AuditEntry = Omit<AuditLog, 'id' | 'at'> & { at?: Date };

@Injectable()
export class AuditService {
  private readonly logger = new Logger('Audit');

  constructor(@InjectRepository(AuditLog) private readonly repo: Repository<AuditLog>) {}

  /** Appends one record. A failure to audit is logged loudly but does not undo the user's action. */
  async record(entry: Partial<AuditEntry> & Pick<AuditEntry, 'actorType' | 'action' | 'outcome'>): Promise<void> {
    try {
      await this.repo.save(
        this.repo.create({
        at: entry.at ?? new Date(),
        actorId: null,
        actorName: null,
        resourceType: null,
        resourceId: null,
        regionPath: null,
        ip: null,
        statusCode: null,
        requestId: null,
        details: null,
          ...entry,
        }),
        { reload: false },
      );
    } catch (e) {
      this.logger.error({ err: e, entry }, 'failed to write audit record');
    }
  }

  /** A resident's own action on their personal data (export, deletion): a processing record too (PIPL art. 55-56). */
  recordResidentAction(residentId: number, ip: string, action: string, resourceType: string, resourceId: string | number, statusCode: number): Promise<void> {
    return this.record({ actorType: 'resident', actorId: residentId, action, resourceType, resourceId: String(resourceId), ip, outcome: 'success', statusCode });
  }

  /** Staff see the records of actions inside their region subtree (and their own). */
  async search(staff: StaffPrincipal, q: AuditQueryDto): Promise<Page<AuditEntryDto>> {
    const p = paging(q);
    const filters: FindOptionsWhere<AuditLog> = {};
    if (q.actorName) filters.actorName = Like(`%${q.actorName}%`);
    if (q.action) filters.action = Like(`${q.action}%`);
    if (q.resourceType) filters.resourceType = q.resourceType;
    if (q.outcome) filters.outcome = q.outcome;
    if (q.from && q.to) filters.at = Between(new Date(q.from), new Date(q.to));
    else if (q.from) filters.at = MoreThanOrEqual(new Date(q.from));
    else if (q.to) filters.at = LessThanOrEqual(new Date(q.to));
    const [rows, total] = await this.repo.findAndCount({
      where: [
        { ...filters, regionPath: inScope(staff) },
        { ...filters, actorType: 'staff', actorId: staff.id },
      ],
      order: { id: 'DESC' },
      skip: p.skip,
      take: p.pageSize,
    });
    return pageOf(rows.map(toDto), total, p);
  }
}

function toDto(r: AuditLog): AuditEntryDto {
  return { ...r, at: r.at.toISOString() };
}
