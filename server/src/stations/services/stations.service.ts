import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  BOOKABLE_STATION_TYPES,
  REFERRAL_STATION_TYPES,
  addChinaDays,
  chinaDate,
  chinaDaysBetween,
  hoursBetween,
  hoursOn,
  isChinaDate,
  isWithin,
  nearestFirst,
  nextOpening,
  normalizeRanges,
  normalizeWeeklyHours,
  openAt,
  weeklyOpenHours,
  type AdminStation,
  type DatedHours,
  type GeoPoint,
  type HolidayDay,
  type Page,
  type ReferralTarget,
  type Station as StationDto,
  type StationDay,
  type StationDetail,
  type StationException,
  type StationSummary,
} from '@xinqiao/shared';
import { Between, In, MoreThanOrEqual, QueryFailedError, Repository, type FindOptionsWhere, type SelectQueryBuilder } from 'typeorm';
import type { StaffPrincipal } from '../../common/access/principal';
import { assertFound, scopeCondition, subtree } from '../../common/access/region-scope';
import { AppException } from '../../common/errors/app-exception';
import { pageOf, paging } from '../../common/http/page-query.dto';
import { RegionsService } from '../../regions/regions.service';
import { ResidentsService } from '../../residents/residents.service';
import type { AdminStationQueryDto, StationExceptionInputDto, StationExceptionQueryDto, StationInputDto, StationListQueryDto } from '../dto/station.dto';
import { CounsellorStation } from '../entities/counsellor-station.entity';
import { StationExceptionRow } from '../entities/station-exception.entity';
import { Station } from '../entities/station.entity';
import { HolidaysService } from './holidays.service';
import { InUseRegistry } from './in-use.registry';

/** "Opens next" looks this far ahead; the detail page shows as many days of hours. */
export const STATION_HORIZON_DAYS = 14;
/** Longest range `hoursFor` answers at once (a year of days). */
const MAX_HOURS_DAYS = 366;

/** The holiday calendar and the stations' exceptions for a run of dates, loaded once for many stations. */
interface HoursContext {
  calendar: HolidayDay[];
  exceptionsOf(stationId: number): DatedHours[];
}

const locationOf = (s: Station): GeoPoint | null => (s.lat === null || s.lng === null ? null : { lat: s.lat, lng: s.lng });

/**
 * Region order: with a resident's region, the stations of that region and its ancestors and
 * subtree come first, the nearest region (the longest path) first; then the rest by region.
 */
function byRegion(residentPath: string | null) {
  const around = (s: Station) => residentPath !== null && (isWithin(residentPath, s.regionPath) || isWithin(s.regionPath, residentPath));
  return (a: Station, b: Station): number => {
    const ar = around(a);
    if (ar !== around(b)) return ar ? -1 : 1;
    if (ar && a.regionPath.length !== b.regionPath.length) return b.regionPath.length - a.regionPath.length;
    return a.regionPath < b.regionPath ? -1 : a.regionPath > b.regionPath ? 1 : a.id - b.id;
  };
}

/** Stations, their weekly hours and dated exceptions: the public directory, the admin pages, and the hours bookings use. */
@Injectable()
export class StationsService {
  constructor(
    @InjectRepository(Station) private readonly repo: Repository<Station>,
    @InjectRepository(StationExceptionRow) private readonly exceptionsRepo: Repository<StationExceptionRow>,
    @InjectRepository(CounsellorStation) private readonly links: Repository<CounsellorStation>,
    private readonly regions: RegionsService,
    private readonly residents: ResidentsService,
    private readonly holidays: HolidaysService,
    private readonly usage: InUseRegistry,
  ) {}

  /**
   * Published stations: nearest first when a position is given (unplaced ones last), otherwise by
   * region, around the signed-in resident's region first. Open-now and distance are computed here,
   * so the filtered stations are ordered in memory before the page is cut.
   */
  async listPublic(q: StationListQueryDto, residentId: number | null, now = new Date()): Promise<Page<StationSummary>> {
    const p = paging(q);
    if ((q.lat === undefined) !== (q.lng === undefined)) {
      throw AppException.badRequest(
        '请同时提供纬度和经度',
        { fields: [{ field: q.lat === undefined ? 'lat' : 'lng', constraint: 'position', message: '请同时提供纬度和经度' }] },
        'VALIDATION_FAILED',
      );
    }
    const qb = this.repo.createQueryBuilder('s').where('s.published = :published', { published: true });
    if (q.regionId !== undefined) {
      const region = await this.regions.find(q.regionId);
      if (!region) throw AppException.badRequest('所选区域不存在');
      qb.andWhere({ regionPath: subtree(region.path) });
    }
    if (q.bookable !== undefined) qb.andWhere(`s.type ${q.bookable ? 'IN' : 'NOT IN'} (:...bookableTypes)`, { bookableTypes: BOOKABLE_STATION_TYPES });
    filter(qb, q);
    const residentPath = q.regionId === undefined && residentId !== null ? await this.residents.regionPathOf(residentId) : null;
    let ordered = (await qb.getMany()).sort(byRegion(residentPath));
    const distances = new Map<number, number | null>();
    if (q.lat !== undefined && q.lng !== undefined) {
      ordered = nearestFirst(ordered, { lat: q.lat, lng: q.lng }, locationOf).map(({ item, distanceMetres }) => {
        distances.set(item.id, distanceMetres);
        return item;
      });
    }
    if (q.openNow) {
      const ctx = await this.hoursContext(
        ordered.map((s) => s.id),
        now,
      );
      ordered = ordered.filter((s) => openAt(now, s.weeklyHours, ctx.exceptionsOf(s.id), ctx.calendar));
    }
    const rows = ordered.slice(p.skip, p.skip + p.pageSize);
    return pageOf(await this.summaries(rows, now, distances), ordered.length, p);
  }

  /** A published station with its next 14 days of hours; its counsellors are added by the caller (CounsellorsService). */
  async detailPublic(id: number, now = new Date()): Promise<Omit<StationDetail, 'counsellors'>> {
    const row = await this.repo.findOne({ where: { id, published: true } });
    if (!row) throw AppException.notFound('服务站点');
    const [summary] = await this.summaries([row], now);
    const today = chinaDate(now);
    return { ...summary, days: await this.hoursFor(id, today, addChinaDays(today, STATION_HORIZON_DAYS - 1)) };
  }

  async list(staff: StaffPrincipal, q: AdminStationQueryDto, now = new Date()): Promise<Page<AdminStation>> {
    const p = paging(q);
    const qb = this.repo.createQueryBuilder('s').where(...scopeCondition('s', staff));
    if (q.regionId !== undefined) {
      const region = await this.regions.requireInScope(q.regionId, staff);
      qb.andWhere({ regionPath: subtree(region.path) });
    }
    if (q.published !== undefined) qb.andWhere('s.published = :published', { published: q.published });
    filter(qb, q);
    const [rows, total] = await qb.orderBy('s.regionPath', 'ASC').addOrderBy('s.id', 'ASC').skip(p.skip).take(p.pageSize).getManyAndCount();
    return pageOf(await this.adminViews(rows, now), total, p);
  }

  async get(staff: StaffPrincipal, id: number, now = new Date()): Promise<AdminStation> {
    return (await this.adminViews([await this.find(staff, id)], now))[0];
  }

  async create(staff: StaffPrincipal, dto: StationInputDto): Promise<AdminStation> {
    const region = await this.regions.requireInScope(dto.regionId, staff);
    const saved = await this.repo.save(this.repo.create({ ...content(dto), regionId: region.id, regionPath: region.path }));
    return (await this.adminViews([saved], new Date()))[0];
  }

  async update(staff: StaffPrincipal, id: number, dto: StationInputDto): Promise<AdminStation> {
    const row = await this.find(staff, id);
    if (dto.regionId !== row.regionId) {
      const region = await this.regions.requireInScope(dto.regionId, staff);
      row.regionId = region.id;
      row.regionPath = region.path;
    }
    Object.assign(row, content(dto));
    return (await this.adminViews([await this.repo.save(row)], new Date()))[0];
  }

  /** Refused (409) while anything registered with InUseRegistry still uses the station. */
  async remove(staff: StaffPrincipal, id: number): Promise<void> {
    const row = await this.find(staff, id);
    await this.usage.assertStationUnused(row.id);
    try {
      await this.repo.delete({ id: row.id });
    } catch (e) {
      // A counsellor linked between the check and the delete: the key refuses it.
      if (e instanceof QueryFailedError && /FOREIGN KEY|foreign key constraint/i.test(e.message)) {
        throw AppException.conflict('该站点仍有咨询师在此服务，不能删除');
      }
      throw e;
    }
  }

  async exceptions(staff: StaffPrincipal, id: number, q: StationExceptionQueryDto): Promise<StationException[]> {
    const station = await this.find(staff, id);
    const from = q.from ?? chinaDate(new Date());
    const where: FindOptionsWhere<StationExceptionRow> = { stationId: station.id, date: q.to ? Between(from, q.to) : MoreThanOrEqual(from) };
    return (await this.exceptionsRepo.find({ where, order: { date: 'ASC' } })).map(exceptionDto);
  }

  /** Sets the station's exception for a date: a new one, or the date's existing one replaced. */
  async putException(staff: StaffPrincipal, id: number, dto: StationExceptionInputDto): Promise<StationException> {
    const station = await this.find(staff, id);
    const existing = await this.exceptionsRepo.findOne({ where: { stationId: station.id, date: dto.date } });
    const row = existing ?? this.exceptionsRepo.create({ stationId: station.id, date: dto.date });
    row.hours = normalizeRanges(dto.hours);
    row.note = dto.note?.trim() || null;
    return exceptionDto(await this.exceptionsRepo.save(row));
  }

  async removeException(staff: StaffPrincipal, id: number, exceptionId: number): Promise<void> {
    const station = await this.find(staff, id);
    const { affected } = await this.exceptionsRepo.delete({ id: exceptionId, stationId: station.id });
    if (!affected) throw AppException.notFound('例外安排');
  }

  /**
   * For the bookings module: the station's hours on each China date in [from, to] (at most a
   * year), after its exceptions and the holiday calendar; closed days have no ranges.
   */
  async hoursFor(stationId: number, from: string, to: string): Promise<StationDay[]> {
    if (!isChinaDate(from) || !isChinaDate(to) || from > to || chinaDaysBetween(from, to) >= MAX_HOURS_DAYS) {
      throw AppException.badRequest(`日期范围须为不超过 ${MAX_HOURS_DAYS} 天的 YYYY-MM-DD 起止日期`, undefined, 'VALIDATION_FAILED');
    }
    const row = await this.repo.findOne({ where: { id: stationId } });
    if (!row) throw AppException.notFound('服务站点');
    const [exceptions, calendar] = await Promise.all([
      this.exceptionsRepo.find({ where: { stationId, date: Between(from, to) } }),
      this.holidays.calendar(from, to),
    ]);
    return hoursBetween(from, to, row.weeklyHours, exceptions, calendar);
  }

  /** For the bookings module: a published station residents can book at, or 404 / 400. */
  async getBookable(id: number): Promise<StationDto> {
    const row = await this.repo.findOne({ where: { id, published: true } });
    if (!row) throw AppException.notFound('服务站点');
    if (!BOOKABLE_STATION_TYPES.includes(row.type)) throw AppException.badRequest('该站点不提供预约服务');
    return (await this.toDtos([row]))[0];
  }

  /** For the bookings module: stations by id, published or not, with the region path bookings are scoped by; unknown ids are left out. */
  async forBookings(ids: readonly number[]): Promise<Map<number, StationDto & { regionPath: string }>> {
    const unique = [...new Set(ids)];
    const rows = unique.length ? await this.repo.find({ where: { id: In(unique) } }) : [];
    const dtos = await this.toDtos(rows);
    return new Map(rows.map((r, i) => [r.id, { ...dtos[i], regionPath: r.regionPath }]));
  }

  /**
   * For alerts' referral (转介): the published stations of REFERRAL_STATION_TYPES in the whole
   * directory, nearest the given region first (the same region or below it, then above it, then the
   * rest) — a street's counsellor refers to the district's or the city's hospital, above their scope.
   */
  async referralTargets(nearPath: string | null): Promise<ReferralTarget[]> {
    const rows = (await this.repo.find({ where: { published: true, type: In([...REFERRAL_STATION_TYPES]) } })).sort(byRegion(nearPath));
    return (await this.toDtos(rows)).map((s) => ({ id: s.id, name: s.name, type: s.type, regionName: s.regionName, address: s.address, phone: s.phone }));
  }

  /** Which of these stations are published (for the public view of counsellor profiles). */
  async publishedIds(ids: readonly number[]): Promise<Set<number>> {
    const unique = [...new Set(ids)];
    if (!unique.length) return new Set();
    return new Set((await this.repo.find({ select: { id: true }, where: { id: In(unique), published: true } })).map((s) => s.id));
  }

  /** Of these station ids, those that do not exist or lie outside the caller's region (for counsellor profiles). */
  async outOfScope(staff: StaffPrincipal, ids: readonly number[]): Promise<number[]> {
    const rows = ids.length ? await this.repo.find({ select: { id: true, regionPath: true }, where: { id: In([...new Set(ids)]) } }) : [];
    const visible = new Set(rows.filter((r) => isWithin(r.regionPath, staff.regionPath)).map((r) => r.id));
    return ids.filter((id) => !visible.has(id));
  }

  /** A station in the caller's region subtree, or 404. */
  private async find(staff: StaffPrincipal, id: number): Promise<Station> {
    return assertFound(await this.repo.findOne({ where: { id } }), staff, '服务站点');
  }

  /** Exceptions and holidays from today to the "opens next" horizon, for these stations. */
  private async hoursContext(stationIds: number[], now: Date): Promise<HoursContext> {
    const from = chinaDate(now);
    const to = addChinaDays(from, STATION_HORIZON_DAYS);
    const [rows, calendar] = await Promise.all([
      stationIds.length ? this.exceptionsRepo.find({ where: { stationId: In(stationIds), date: Between(from, to) } }) : Promise.resolve([]),
      this.holidays.calendar(from, to),
    ]);
    const byStation = new Map<number, DatedHours[]>();
    for (const r of rows) byStation.set(r.stationId, [...(byStation.get(r.stationId) ?? []), r]);
    return { calendar, exceptionsOf: (id) => byStation.get(id) ?? [] };
  }

  private async summaries(rows: Station[], now: Date, distances = new Map<number, number | null>()): Promise<StationSummary[]> {
    const [ctx, dtos] = await Promise.all([
      this.hoursContext(
        rows.map((r) => r.id),
        now,
      ),
      this.toDtos(rows),
    ]);
    const today = chinaDate(now);
    return rows.map((row, i) => {
      const exceptions = ctx.exceptionsOf(row.id);
      const open = openAt(now, row.weeklyHours, exceptions, ctx.calendar);
      return {
        ...dtos[i],
        openNow: open,
        nextOpenAt: open ? null : (nextOpening(now, row.weeklyHours, exceptions, ctx.calendar, STATION_HORIZON_DAYS)?.toISOString() ?? null),
        todayHours: hoursOn(today, row.weeklyHours, exceptions, ctx.calendar),
        distanceMetres: distances.get(row.id) ?? null,
      };
    });
  }

  private async adminViews(rows: Station[], now: Date): Promise<AdminStation[]> {
    const ids = rows.map((r) => r.id);
    const counts = new Map<number, number>();
    if (ids.length) {
      const raw = await this.links
        .createQueryBuilder('l')
        .select('l.stationId', 'stationId')
        .addSelect('COUNT(*)', 'n')
        .where('l.stationId IN (:...ids)', { ids })
        .groupBy('l.stationId')
        .getRawMany<{ stationId: number | string; n: number | string }>();
      for (const r of raw) counts.set(Number(r.stationId), Number(r.n));
    }
    const summaries = await this.summaries(rows, now);
    return summaries.map((s, i) => ({ ...s, counsellorCount: counts.get(s.id) ?? 0, updatedAt: rows[i].updatedAt.toISOString() }));
  }

  private async toDtos(rows: Station[]): Promise<StationDto[]> {
    const names = await this.regions.names(rows.map((r) => r.regionId));
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      type: r.type,
      regionId: r.regionId,
      regionName: names.get(r.regionId) ?? '',
      address: r.address,
      location: locationOf(r),
      phone: r.phone,
      services: r.services,
      accessibility: r.accessibility,
      description: r.description,
      photoUrl: r.photoUrl,
      weeklyHours: r.weeklyHours,
      weeklyOpenHours: weeklyOpenHours(r.weeklyHours),
      published: r.published,
      bookable: BOOKABLE_STATION_TYPES.includes(r.type),
      referralTarget: REFERRAL_STATION_TYPES.includes(r.type),
    }));
  }
}

function filter(qb: SelectQueryBuilder<Station>, q: { type?: string; keyword?: string }): void {
  if (q.type) qb.andWhere('s.type = :type', { type: q.type });
  const keyword = q.keyword?.trim();
  if (keyword) qb.andWhere('(s.name LIKE :kw OR s.address LIKE :kw)', { kw: `%${keyword}%` });
}

function content(dto: StationInputDto) {
  return {
    name: dto.name,
    type: dto.type,
    address: dto.address,
    lat: dto.location?.lat ?? null,
    lng: dto.location?.lng ?? null,
    phone: dto.phone?.trim() || null,
    services: dto.services,
    accessibility: dto.accessibility?.trim() || null,
    description: dto.description?.trim() || null,
    photoUrl: dto.photoUrl,
    weeklyHours: normalizeWeeklyHours(dto.weeklyHours),
    published: dto.published,
  };
}

function exceptionDto(r: StationExceptionRow): StationException {
  return { id: r.id, date: r.date, hours: r.hours, note: r.note };
}
