import { Injectable, Logger } from '@nestjs/common';
import { AppException } from '../common/errors/app-exception';
import { InjectRepository } from '@nestjs/typeorm';
import type { AuditEntryDto, Page } from '@xinqiao/shared';
import { Between, IsNull, LessThanOrEqual, Like, MoreThanOrEqual, Repository, type FindOptionsWhere } from 'typeorm';
import { inScope } from '../common/access/region-scope';
import type { StaffPrincipal } from '../common/access/principal';
import { pageOf, paging } from '../common/http/page-query.dto';
import { AuditLog } from './audit-log.entity';
import type { AuditQueryDto } from './audit.dto';

export type AuditEntry = Omit<AuditLog, 'id' | 'at'> & { at?: Date };
type NewEntry = Partial<AuditEntry> & Pick<AuditEntry, 'actorType' | 'action' | 'outcome'>;

/** An audit record opened before the action it records; `finish` sets the outcome. */
export interface OpenAuditRecord {
  id: number;
}

/** Column widths of `audit_logs`: a value is cut to fit, so no caller input can make the insert fail. */
const WIDTH = { actorName: 64, action: 64, resourceType: 32, resourceId: 64, regionPath: 255, ip: 64, requestId: 64 } as const;

const auditUnavailable = () => new AppException(503, 'AUDIT_UNAVAILABLE', '操作记录（审计日志）暂时无法写入，本次操作未执行，请稍后再试');

@Injectable()
export class AuditService {
  private readonly logger = new Logger('Audit');

  constructor(@InjectRepository(AuditLog) private readonly repo: Repository<AuditLog>) {}

  /**
   * Appends one record. An action whose record cannot be written must not go ahead unrecorded, so a
   * failure here throws 503 to the caller instead of being swallowed.
   */
  async record(entry: NewEntry): Promise<void> {
    await this.insert(entry);
  }

  /**
   * Opens a record before the action runs (outcome `pending`): if it cannot be written the action
   * does not run, and if the process dies mid-action the trace is already there.
   */
  async begin(entry: Omit<NewEntry, 'outcome'>): Promise<OpenAuditRecord> {
    return { id: await this.insert({ ...entry, outcome: 'pending' }) };
  }

  /** Sets the outcome of an opened record; throws 503 when that cannot be written. */
  async finish(
    open: OpenAuditRecord,
    outcome: 'success' | 'failure',
    statusCode: number,
    details: Record<string, unknown> | null = null,
    /** The id of a resource the action created, when the route had none. */
    resourceId: string | null = null,
  ): Promise<void> {
    try {
      const patch: Partial<AuditLog> = { outcome, statusCode, details, ...(resourceId ? { resourceId: resourceId.slice(0, WIDTH.resourceId) } : {}) };
      // TypeORM's update typing cannot see through a simple-json column of `unknown` values.
      await this.repo.update({ id: open.id }, patch as never);
    } catch (e) {
      this.logger.error({ err: e, auditId: open.id }, 'failed to complete audit record');
      throw auditUnavailable();
    }
  }

  private async insert(entry: NewEntry): Promise<number> {
    const row = this.repo.create({
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
    });
    for (const [key, width] of Object.entries(WIDTH) as [keyof typeof WIDTH, number][]) {
      const value = row[key];
      if (typeof value === 'string' && value.length > width) row[key] = value.slice(0, width);
    }
    try {
      const saved = await this.repo.save(row);
      return saved.id;
    } catch (e) {
      this.logger.error({ err: e, entry: { ...entry, details: undefined } }, 'failed to write audit record');
      throw auditUnavailable();
    }
  }

  /** Staff see the records of actions inside their region subtree (and their own); system admins also those of no region. */
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
        // Records of no region (sign-in attempts with unknown usernames, residents' own actions) are for system admins.
        ...(staff.role === 'system_admin' ? [{ ...filters, regionPath: IsNull() }] : []),
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
