import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  chinaDate,
  DUTY_ENTRY_PROBLEM_MESSAGES,
  hasPermission,
  homeRegion,
  isWithin,
  nextStep,
  pathIds,
  shiftsAt,
  STAFF_ROLES,
  validateDutyEntry,
  type DutyCandidate,
  type DutyEntry as DutyEntryDto,
  type DutyNow,
  type LadderRegion,
  type OnDuty,
  type StaffDto,
  type StaffRole,
} from '@xinqiao/shared';
import { In, IsNull, Repository } from 'typeorm';
import type { StaffPrincipal } from '../../../common/access/principal';
import { assertFound, inScope } from '../../../common/access/region-scope';
import { AppException } from '../../../common/errors/app-exception';
import { RegionsService } from '../../../regions/regions.service';
import { StaffService } from '../../../staff/staff.service';
import type { DutyEntryInputDto, DutyQueryDto } from '../dto/duty.dto';
import { DutyEntry } from '../entities/duty-entry.entity';

/** Roles that handle alerts: the only ones a roster may put on duty. */
export const HANDLER_ROLES: readonly StaffRole[] = STAFF_ROLES.filter((r) => hasPermission(r, 'alerts.handle'));

const fieldError = (field: string, constraint: string, message: string) =>
  AppException.badRequest(message, { fields: [{ field, constraint, message }] }, 'VALIDATION_FAILED');

/** Who is on duty for an alert of a region at an instant, and who stands behind them (see `ladderStep`). */
export interface DutySituation {
  /** The alert's region first, the root last. */
  chain: LadderRegion[];
  onDuty: (OnDuty & { until: Date })[];
  regionNames: Map<number, string>;
  staffNames: Map<number, string>;
}

/** The duty rosters (值班表) of the regions: who receives a new alert of a region, and when. */
@Injectable()
export class DutyRosterService {
  constructor(
    @InjectRepository(DutyEntry) private readonly repo: Repository<DutyEntry>,
    private readonly regions: RegionsService,
    private readonly staff: StaffService,
  ) {}

  /** The shifts of the caller's regions, or of one region; weekly first (by weekday), then dated, by start. */
  async list(me: StaffPrincipal, q: DutyQueryDto): Promise<DutyEntryDto[]> {
    const where = q.regionId !== undefined ? { regionId: (await this.regions.requireInScope(q.regionId, me)).id } : { regionPath: inScope(me) };
    const rows = await this.repo.find({ where, order: { regionPath: 'ASC', weekday: 'ASC', date: 'ASC', start: 'ASC', id: 'ASC' } });
    return this.toDtos(rows);
  }

  async create(me: StaffPrincipal, dto: DutyEntryInputDto, now = new Date()): Promise<DutyEntryDto> {
    const values = await this.checked(me, dto, now, null);
    const saved = await this.repo.save(this.repo.create(values));
    return (await this.toDtos([saved]))[0];
  }

  async update(me: StaffPrincipal, id: number, dto: DutyEntryInputDto, now = new Date()): Promise<DutyEntryDto> {
    const row = assertFound(await this.repo.findOne({ where: { id } }), me, '值班安排');
    Object.assign(row, await this.checked(me, dto, now, row.id));
    await this.repo.save(row);
    return (await this.toDtos([row]))[0];
  }

  async remove(me: StaffPrincipal, id: number): Promise<void> {
    const row = assertFound(await this.repo.findOne({ where: { id } }), me, '值班安排');
    await this.repo.delete({ id: row.id });
  }

  /** Who may be put on the region's roster: active accounts that handle alerts, in the region or above it. */
  async candidates(me: StaffPrincipal, regionId: number): Promise<DutyCandidate[]> {
    const region = await this.regions.requireInScope(regionId, me);
    const people = await this.staff.activeIn(pathIds(region.path), HANDLER_ROLES);
    return people.map((s) => ({ id: s.id, displayName: s.displayName, regionId: s.regionId, regionName: s.regionName }));
  }

  /** Who is on duty in the region at `at`, and who a new alert of the region would reach first. */
  async now(me: StaffPrincipal, regionId: number, at = new Date()): Promise<DutyNow> {
    const region = await this.regions.requireInScope(regionId, me);
    const s = await this.situation(region.id, region.path, at);
    const { home } = homeRegion(s.chain, s.onDuty);
    const { step } = nextStep(0, s.chain, home, s.onDuty);
    const person = (id: number) => ({ id, name: s.staffNames.get(id) ?? '' });
    return {
      at: at.toISOString(),
      regionId: region.id,
      regionName: region.name,
      onDuty: s.onDuty
        .filter((p) => p.regionId === region.id)
        .map((p) => ({ staffId: p.staffId, staffName: s.staffNames.get(p.staffId) ?? '', role: p.role, until: p.until.toISOString() })),
      firstStep: step
        ? { regionId: step.regionId, regionName: s.regionNames.get(step.regionId) ?? '', kind: step.kind, staff: step.staffIds.map(person) }
        : null,
    };
  }

  /**
   * The roster situation of a region at an instant: its chain up to the root, who is on duty in
   * each (accounts that are active and handle alerts only) and each region's region admins.
   */
  async situation(regionId: number, regionPath: string, at: Date): Promise<DutySituation> {
    const chainIds = pathIds(regionPath).reverse();
    if (chainIds[0] !== regionId) throw new Error(`region ${regionId} does not end the path ${regionPath}`);
    const shifts = shiftsAt(await this.repo.find({ where: { regionId: In(chainIds) } }), at);
    const rostered = new Map((await this.staff.byIds(shifts.map((s) => s.shift.staffId))).map((s) => [s.id, s]));
    const onDuty = shifts
      .filter(({ shift }) => active(rostered.get(shift.staffId)))
      .map(({ shift, until }) => ({ staffId: shift.staffId, regionId: shift.regionId, role: shift.role, until }));
    const admins = await this.staff.activeIn(chainIds, ['region_admin']);
    return {
      chain: chainIds.map((id) => ({ id, adminIds: admins.filter((a) => a.regionId === id).map((a) => a.id) })),
      onDuty,
      regionNames: await this.regions.names(chainIds),
      staffNames: new Map([...rostered.values(), ...admins].map((s) => [s.id, s.displayName])),
    };
  }

  /** The columns of a valid entry; every problem is a 400 naming its field. */
  private async checked(me: StaffPrincipal, dto: DutyEntryInputDto, now: Date, id: number | null): Promise<Omit<DutyEntry, 'id' | 'createdAt' | 'updatedAt'>> {
    const problems = validateDutyEntry(dto, chinaDate(now));
    if (problems.length) {
      const fields = problems.map((p) => ({ field: p.field, constraint: p.code, message: DUTY_ENTRY_PROBLEM_MESSAGES[p.code] }));
      throw AppException.badRequest(fields.map((f) => f.message).join('；'), { fields }, 'VALIDATION_FAILED');
    }
    const region = await this.regions.find(dto.regionId);
    if (!region) throw fieldError('regionId', 'exists', '所选区域不存在');
    if (!isWithin(region.path, me.regionPath)) throw new AppException(403, 'REGION_OUT_OF_SCOPE', '只能为本辖区内的区域排班');
    const [person] = await this.staff.byIds([dto.staffId]);
    if (!active(person) || !isWithin(region.path, person!.regionPath)) {
      throw fieldError('staffId', 'onDutyStaff', '值班人员须为本区域或上级区域、可处理预警的在岗心理咨询师');
    }
    const values = {
      regionId: region.id,
      regionPath: region.path,
      staffId: person!.id,
      weekday: dto.weekday,
      date: dto.date,
      start: dto.start,
      end: dto.end,
      role: dto.role,
    };
    const same = await this.repo.findOne({
      where: { regionId: region.id, staffId: person!.id, weekday: dto.weekday ?? IsNull(), date: dto.date ?? IsNull(), start: dto.start, end: dto.end },
    });
    if (same && same.id !== id) throw AppException.conflict('该人员在这一时段已有相同的值班安排');
    return values;
  }

  private async toDtos(rows: DutyEntry[]): Promise<DutyEntryDto[]> {
    const regions = await this.regions.names(rows.map((r) => r.regionId));
    const people = new Map((await this.staff.byIds(rows.map((r) => r.staffId))).map((s) => [s.id, s]));
    return rows.map((r) => {
      const person = people.get(r.staffId);
      return {
        id: r.id,
        regionId: r.regionId,
        regionName: regions.get(r.regionId) ?? '',
        staffId: r.staffId,
        staffName: person?.displayName ?? '',
        inactive: !active(person),
        weekday: r.weekday,
        date: r.date,
        start: r.start,
        end: r.end,
        role: r.role,
      };
    });
  }
}

/** An account a roster can put on duty: it exists, is enabled and handles alerts. */
function active(s: StaffDto | undefined): boolean {
  return !!s && !s.disabled && HANDLER_ROLES.includes(s.role);
}
