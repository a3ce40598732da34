import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import {
  WEEKDAY_LABELS,
  chinaDate,
  hasPermission,
  hmMinutes,
  isWithin,
  validateTimeRanges,
  hoursProblemMessage,
  type AvailabilityBlock,
  type AvailabilityBlockInput,
  type AvailabilityException,
  type Weekday,
} from '@xinqiao/shared';
import { Between, DataSource, In, MoreThanOrEqual, Repository, type EntityManager, type FindOptionsWhere } from 'typeorm';
import type { StaffPrincipal } from '../../common/access/principal';
import { AppException } from '../../common/errors/app-exception';
import type { FieldError } from '../../common/errors/validation';
import { CounsellorsService } from '../../stations/services/counsellors.service';
import { StationsService } from '../../stations/services/stations.service';
import type { AvailabilityExceptionInputDto, AvailabilityExceptionQueryDto } from '../dto/booking.dto';
import { AvailabilityBlockRow, AvailabilityExceptionRow } from '../entities/availability.entity';

type DayBlock = Omit<AvailabilityBlockInput, 'weekday'>;

/**
 * Counsellors' weekly availability and its dated exceptions. Station managers keep it for the
 * counsellors of their region or stations; a counsellor keeps their own.
 */
@Injectable()
export class AvailabilityService {
  constructor(
    @InjectRepository(AvailabilityBlockRow) private readonly blocks: Repository<AvailabilityBlockRow>,
    @InjectRepository(AvailabilityExceptionRow) private readonly exceptionsRepo: Repository<AvailabilityExceptionRow>,
    @InjectDataSource() private readonly db: DataSource,
    private readonly counsellors: CounsellorsService,
    private readonly stations: StationsService,
  ) {}

  async week(staff: StaffPrincipal, counsellorId: number): Promise<AvailabilityBlock[]> {
    await this.assertCanManage(staff, counsellorId);
    return (await this.blocks.find({ where: { counsellorId }, order: { weekday: 'ASC', start: 'ASC' } })).map(blockDto);
  }

  /** Replaces the whole week in one transaction. */
  async putWeek(staff: StaffPrincipal, counsellorId: number, input: AvailabilityBlockInput[]): Promise<AvailabilityBlock[]> {
    const stationIds = await this.assertCanManage(staff, counsellorId);
    const problems: FieldError[] = [];
    input.forEach((b, i) => problems.push(...blockProblems(b, `${i}.`, stationIds)));
    for (const weekday of Object.keys(WEEKDAY_LABELS).map(Number) as Weekday[]) {
      const day = input.filter((b) => b.weekday === weekday);
      for (const p of validateTimeRanges(day))
        problems.push({ field: `weekday${weekday}`, constraint: p.code, message: `${WEEKDAY_LABELS[weekday]}：${hoursProblemMessage(p)}` });
    }
    throwProblems(problems);
    await this.db.transaction(async (tx) => {
      await tx.getRepository(AvailabilityBlockRow).delete({ counsellorId });
      if (input.length)
        await tx
          .getRepository(AvailabilityBlockRow)
          .insert(input.map((b) => ({ counsellorId, weekday: b.weekday, start: b.start, end: b.end, mode: b.mode, stationId: b.stationId })));
    });
    return this.week(staff, counsellorId);
  }

  async exceptions(staff: StaffPrincipal, counsellorId: number, q: AvailabilityExceptionQueryDto): Promise<AvailabilityException[]> {
    await this.assertCanManage(staff, counsellorId);
    const from = q.from ?? chinaDate(new Date());
    const where: FindOptionsWhere<AvailabilityExceptionRow> = { counsellorId, date: q.to ? Between(from, q.to) : MoreThanOrEqual(from) };
    return (await this.exceptionsRepo.find({ where, order: { date: 'ASC' } })).map(exceptionDto);
  }

  /** Sets the exception of a date: a new one, or that date's replaced. */
  async putException(staff: StaffPrincipal, counsellorId: number, dto: AvailabilityExceptionInputDto): Promise<AvailabilityException> {
    const stationIds = await this.assertCanManage(staff, counsellorId);
    const problems: FieldError[] = [];
    dto.blocks.forEach((b, i) => problems.push(...blockProblems(b, `blocks.${i}.`, stationIds)));
    for (const p of validateTimeRanges(dto.blocks)) problems.push({ field: 'blocks', constraint: p.code, message: hoursProblemMessage(p) });
    throwProblems(problems);
    const existing = await this.exceptionsRepo.findOne({ where: { counsellorId, date: dto.date } });
    const row = existing ?? this.exceptionsRepo.create({ counsellorId, date: dto.date });
    row.blocks = dto.blocks.map((b) => ({ start: b.start, end: b.end, mode: b.mode, stationId: b.stationId })).sort((a, b) => a.start.localeCompare(b.start));
    row.note = dto.note?.trim() || null;
    return exceptionDto(await this.exceptionsRepo.save(row));
  }

  async removeException(staff: StaffPrincipal, counsellorId: number, exceptionId: number): Promise<void> {
    await this.assertCanManage(staff, counsellorId);
    const { affected } = await this.exceptionsRepo.delete({ id: exceptionId, counsellorId });
    if (!affected) throw AppException.notFound('例外安排');
  }

  /** For slot computation: the weekly blocks and the exceptions in [from, to] of these counsellors. */
  async forSlots(manager: EntityManager, counsellorIds: number[], from: string, to: string) {
    if (!counsellorIds.length) return { blocks: [] as AvailabilityBlockRow[], exceptions: [] as AvailabilityExceptionRow[] };
    const [blocks, exceptions] = await Promise.all([
      manager.getRepository(AvailabilityBlockRow).find({ where: { counsellorId: In(counsellorIds) } }),
      manager.getRepository(AvailabilityExceptionRow).find({ where: { counsellorId: In(counsellorIds), date: Between(from, to) } }),
    ]);
    return { blocks, exceptions };
  }

  /** Counsellors with blocks at a station (for the next-free-slot figure of the stats). */
  async counsellorsAt(stationIds: number[]): Promise<Map<number, number[]>> {
    const out = new Map<number, number[]>();
    if (!stationIds.length) return out;
    const rows = await this.blocks.find({ select: { counsellorId: true, stationId: true }, where: { stationId: In(stationIds) } });
    for (const r of rows) {
      const list = out.get(r.stationId!) ?? [];
      if (!list.includes(r.counsellorId)) list.push(r.counsellorId);
      out.set(r.stationId!, list);
    }
    return out;
  }

  /**
   * Station managers (stations.manage) for profiles of their region or serving a station in it;
   * a counsellor (bookings.handle) for their own profile; everyone else: 404. Returns the
   * stations the profile serves.
   */
  async assertCanManage(staff: StaffPrincipal, counsellorId: number): Promise<number[]> {
    const info = (await this.counsellors.forBookings([counsellorId])).get(counsellorId);
    if (info) {
      if (hasPermission(staff.role, 'bookings.handle') && info.staffId === staff.id) return info.stationIds;
      if (hasPermission(staff.role, 'stations.manage')) {
        if (isWithin(info.regionPath, staff.regionPath)) return info.stationIds;
        const outside = await this.stations.outOfScope(staff, info.stationIds);
        if (outside.length < info.stationIds.length) return info.stationIds;
      }
    }
    throw AppException.notFound('咨询师');
  }
}

function blockProblems(b: DayBlock, prefix: string, stationIds: number[]): FieldError[] {
  const out: FieldError[] = [];
  const start = hmMinutes(b.start);
  const end = hmMinutes(b.end);
  if (start === null || end === null || start >= end)
    out.push({ field: `${prefix}end`, constraint: 'order', message: `时段 ${b.start}-${b.end}：开始时间须早于结束时间` });
  if (b.mode === 'in_person' && b.stationId === null) out.push({ field: `${prefix}stationId`, constraint: 'required', message: '面询时段须选择站点' });
  if (b.stationId !== null && !stationIds.includes(b.stationId))
    out.push({ field: `${prefix}stationId`, constraint: 'served', message: '所选站点不是该咨询师服务的站点，请先在咨询师信息中添加' });
  return out;
}

function throwProblems(problems: FieldError[]): void {
  if (problems.length) throw AppException.badRequest(`请求参数有误：${problems.map((p) => p.message).join('；')}`, { fields: problems }, 'VALIDATION_FAILED');
}

function blockDto(r: AvailabilityBlockRow): AvailabilityBlock {
  return { id: r.id, counsellorId: r.counsellorId, weekday: r.weekday, start: r.start, end: r.end, mode: r.mode, stationId: r.stationId };
}

function exceptionDto(r: AvailabilityExceptionRow): AvailabilityException {
  return { id: r.id, counsellorId: r.counsellorId, date: r.date, blocks: r.blocks, note: r.note };
}
