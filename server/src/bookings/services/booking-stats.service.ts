import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  BOOKING_KIND_LABELS,
  STATS_MIN_CELL,
  addChinaDays,
  chinaDate,
  chinaDaysBetween,
  chinaInstant,
  chinaMonth,
  hmMinutes,
  isWithin,
  openMinutes,
  scheduleWeekday,
  type BookingStats,
  type BookingStatsRow,
} from '@xinqiao/shared';
import ExcelJS from 'exceljs';
import { Repository } from 'typeorm';
import { subtree } from '../../common/access/region-scope';
import type { StaffPrincipal } from '../../common/access/principal';
import { AppException } from '../../common/errors/app-exception';
import { RegionsService } from '../../regions/regions.service';
import { HolidaysService } from '../../stations/services/holidays.service';
import { StationsService } from '../../stations/services/stations.service';
import type { BookingStatsQueryDto } from '../dto/booking.dto';
import { AvailabilityBlockRow, AvailabilityExceptionRow } from '../entities/availability.entity';
import { Booking } from '../entities/booking.entity';
import { sqlTime } from './booking-locks';
import { BookingSettingsService } from './booking-settings.service';
import { SlotsService } from './slots.service';

const MAX_MONTHS = 24;
const MINUTE_MS = 60_000;
const OCCUPYING = new Set(['confirmed', 'attended', 'no_show']);

const ratio = (part: number, whole: number, shownIf: number) => (whole > 0 && shownIf >= STATS_MIN_CELL ? Math.round((part / whole) * 1000) / 1000 : null);

/**
 * Booking figures by station and month for the caller's region, small cells withheld: a rate is
 * shown only when the count it is computed from reaches STATS_MIN_CELL, so a rate never tells what
 * one or two residents did.
 */
@Injectable()
export class BookingStatsService {
  constructor(
    @InjectRepository(Booking) private readonly repo: Repository<Booking>,
    @InjectRepository(AvailabilityBlockRow) private readonly blocks: Repository<AvailabilityBlockRow>,
    @InjectRepository(AvailabilityExceptionRow) private readonly exceptions: Repository<AvailabilityExceptionRow>,
    private readonly regions: RegionsService,
    private readonly stations: StationsService,
    private readonly holidays: HolidaysService,
    private readonly settings: BookingSettingsService,
    private readonly slots: SlotsService,
  ) {}

  async stats(staff: StaffPrincipal, q: BookingStatsQueryDto, now = new Date()): Promise<BookingStats> {
    if (q.fromMonth > q.toMonth)
      throw AppException.badRequest(
        '结束月份不能早于起始月份',
        { fields: [{ field: 'toMonth', constraint: 'order', message: '结束月份不能早于起始月份' }] },
        'VALIDATION_FAILED',
      );
    const months = monthsBetween(q.fromMonth, q.toMonth);
    if (months.length > MAX_MONTHS)
      throw AppException.badRequest(
        `一次最多统计 ${MAX_MONTHS} 个月`,
        { fields: [{ field: 'toMonth', constraint: 'range', message: `一次最多统计 ${MAX_MONTHS} 个月` }] },
        'VALIDATION_FAILED',
      );
    const region = await this.regions.requireInScope(q.regionId ?? staff.regionId, staff);
    const from = `${q.fromMonth}-01`;
    const to = addChinaDays(`${monthAfter(q.toMonth)}-01`, -1);
    const bookings = await this.repo
      .createQueryBuilder('b')
      .select(['b.id', 'b.kind', 'b.status', 'b.start', 'b.end', 'b.stationId', 'b.ratingScore'])
      .where({ regionPath: subtree(region.path) })
      .andWhere('b.start >= :from AND b.start < :to', {
        from: sqlTime(this.repo.manager, chinaInstant(from)),
        to: sqlTime(this.repo.manager, chinaInstant(addChinaDays(to, 1))),
      })
      .getMany();

    // Stations of the region where counsellors offer in-person time, and those booked in the window.
    const blockRows = await this.blocks.find();
    const stationIds = [...new Set([...blockRows.map((b) => b.stationId), ...bookings.map((b) => b.stationId)].filter((x): x is number => x !== null))];
    const stationInfo = await this.stations.forBookings(stationIds);
    const inRegion = stationIds.filter((id) => stationInfo.has(id) && isWithin(stationInfo.get(id)!.regionPath, region.path));
    const offered = await this.offeredMinutes(inRegion, blockRows, from, to);

    const groups = new Map<string, { stationId: number | null; stationName: string; month: string; list: Booking[] }>();
    const keyOf = (stationId: number | null, name: string, month: string) => `${stationId ?? name}|${month}`;
    for (const b of bookings) {
      const month = chinaMonth(b.start);
      const stationId = b.kind === 'in_person' ? b.stationId : null;
      const name = stationId !== null ? (stationInfo.get(stationId)?.name ?? `站点 ${stationId}`) : BOOKING_KIND_LABELS[b.kind];
      const k = keyOf(stationId, name, month);
      if (!groups.has(k)) groups.set(k, { stationId, stationName: name, month, list: [] });
      groups.get(k)!.list.push(b);
    }
    for (const id of inRegion)
      for (const month of months) {
        const k = keyOf(id, stationInfo.get(id)!.name, month);
        if (!groups.has(k) && (offered.get(`${id}|${month}`) ?? 0) > 0)
          groups.set(k, { stationId: id, stationName: stationInfo.get(id)!.name, month, list: [] });
      }
    const rows: BookingStatsRow[] = [...groups.values()]
      .sort((a, b) => a.month.localeCompare(b.month) || a.stationName.localeCompare(b.stationName, 'zh-CN'))
      .map((g) => {
        const count = (...s: string[]) => g.list.filter((b) => s.includes(b.status)).length;
        const booked = g.list.length;
        const attended = count('attended');
        const noShow = count('no_show');
        const cancelled = count('cancelled', 'late_cancelled', 'staff_cancelled');
        const ratings = g.list.filter((b) => b.ratingScore !== null);
        const bookedMinutes = g.list.filter((b) => OCCUPYING.has(b.status)).reduce((sum, b) => sum + (b.end.getTime() - b.start.getTime()) / MINUTE_MS, 0);
        const offeredMinutes = g.stationId === null ? 0 : (offered.get(`${g.stationId}|${g.month}`) ?? 0);
        return {
          stationId: g.stationId,
          stationName: g.stationName,
          month: g.month,
          booked,
          attended,
          noShowRate: ratio(noShow, attended + noShow, attended + noShow),
          cancellationRate: ratio(cancelled, booked, booked),
          utilisation: offeredMinutes > 0 ? ratio(Math.min(bookedMinutes, offeredMinutes), offeredMinutes, booked) : null,
          satisfaction: ratings.length >= STATS_MIN_CELL ? Math.round((ratings.reduce((s, b) => s + b.ratingScore!, 0) / ratings.length) * 100) / 100 : null,
          ratings: ratings.length,
        };
      });

    const today = chinaDate(now);
    const horizon = (await this.settings.get('in_person')).maxDaysAhead;
    const nextFree: BookingStats['nextFree'] = [];
    for (const id of inRegion) {
      let days: number | null = null;
      try {
        const [first] = await this.slots.list({ kind: 'in_person', stationId: id, from: today, to: addChinaDays(today, Math.min(horizon, 30)) }, now);
        if (first) days = chinaDaysBetween(today, chinaDate(new Date(first.start)));
      } catch {
        days = null; // not bookable (unpublished, or the kind is closed): no free slot to offer
      }
      nextFree.push({ stationId: id, stationName: stationInfo.get(id)!.name, days });
    }
    return { rows, nextFree, minCell: STATS_MIN_CELL };
  }

  async workbook(staff: StaffPrincipal, q: BookingStatsQueryDto): Promise<Buffer> {
    const s = await this.stats(staff, q);
    const region = await this.regions.requireInScope(q.regionId ?? staff.regionId, staff);
    const wb = new ExcelJS.Workbook();
    wb.creator = '心桥';
    wb.created = new Date();
    const hidden = `<${s.minCell}`;
    const pct = (v: number | null) => (v === null ? hidden : `${Math.round(v * 1000) / 10}%`);
    const ws = wb.addWorksheet('按站点和月份');
    ws.addRow(['月份', '站点/方式', '预约数', '完成数', '爽约率', '取消率', '时段利用率', '满意度', '评价数']).font = { bold: true };
    for (const r of s.rows)
      ws.addRow([
        r.month,
        r.stationName,
        r.booked,
        r.attended,
        pct(r.noShowRate),
        pct(r.cancellationRate),
        pct(r.utilisation),
        r.satisfaction ?? hidden,
        r.ratings,
      ]);
    ws.columns.forEach((c, i) => (c.width = i === 1 ? 28 : 12));
    const free = wb.addWorksheet('最近可约');
    free.addRow(['站点', '距最近可约时段（天）']).font = { bold: true };
    for (const f of s.nextFree) free.addRow([f.stationName, f.days ?? '预约期内无空余']);
    free.getColumn(1).width = 28;
    free.getColumn(2).width = 22;
    const note = wb.addWorksheet('说明');
    note.addRows([
      ['范围', region.name],
      ['时间', `${q.fromMonth} 至 ${q.toMonth}（按北京时间统计）`],
      ['说明', `比率所依据的人次少于 ${s.minCell} 时显示为“${hidden}”，以免推断个人情况；时段利用率 = 已预约时长 / 咨询师在站点开放的可预约时长。`],
      ['导出时间', new Date().toISOString()],
    ]);
    note.getColumn(1).width = 12;
    note.getColumn(2).width = 80;
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  /** In-person minutes counsellors offered at each station per month (`<stationId>|<YYYY-MM>`), after exceptions, holidays and station hours. */
  private async offeredMinutes(stationIds: number[], blocks: AvailabilityBlockRow[], from: string, to: string): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    if (!stationIds.length) return out;
    const calendar = new Map((await this.holidays.calendar(from, to)).map((d) => [d.date, d]));
    const counsellorIds = [...new Set(blocks.filter((b) => b.stationId !== null && stationIds.includes(b.stationId)).map((b) => b.counsellorId))];
    const exceptions = counsellorIds.length
      ? await this.exceptions
          .createQueryBuilder('e')
          .where('e.counsellorId IN (:...ids) AND e.date BETWEEN :from AND :to', { ids: counsellorIds, from, to })
          .getMany()
      : [];
    const exceptionOf = new Map(exceptions.map((e) => [`${e.counsellorId}|${e.date}`, e.blocks]));
    for (const stationId of stationIds) {
      const hours = new Map((await this.stations.hoursFor(stationId, from, to)).map((d) => [d.date, openMinutes(d.hours)]));
      for (let date = from; date <= to; date = addChinaDays(date, 1)) {
        const open = hours.get(date) ?? [];
        const weekday = scheduleWeekday(date, calendar);
        let minutes = 0;
        for (const counsellorId of counsellorIds) {
          const day =
            exceptionOf.get(`${counsellorId}|${date}`) ??
            (weekday === null ? [] : blocks.filter((b) => b.counsellorId === counsellorId && b.weekday === weekday));
          for (const b of day) {
            if (b.mode !== 'in_person' || b.stationId !== stationId) continue;
            const s = hmMinutes(b.start);
            const e = hmMinutes(b.end);
            if (s === null || e === null) continue;
            for (const [os, oe] of open) minutes += Math.max(0, Math.min(e, oe) - Math.max(s, os));
          }
        }
        const key = `${stationId}|${date.slice(0, 7)}`;
        out.set(key, (out.get(key) ?? 0) + minutes);
      }
    }
    return out;
  }
}

function monthAfter(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = from; m <= to && out.length <= MAX_MONTHS; m = monthAfter(m)) out.push(m);
  return out;
}
