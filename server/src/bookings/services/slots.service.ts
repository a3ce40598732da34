import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  addChinaDays,
  chinaDaysBetween,
  chinaInstant,
  computeSlots,
  computeWindows,
  type BookingKind,
  type BookingKindSettings,
  type CallbackWindowInput,
  type CounsellorAvailabilityInput,
  type SessionSlotInput,
  type Slot,
  type StationHoursInput,
} from '@xinqiao/shared';
import { DataSource, In, IsNull, LessThan, MoreThan, Not, type EntityManager } from 'typeorm';
import { AppException } from '../../common/errors/app-exception';
import { CounsellorsService } from '../../stations/services/counsellors.service';
import { HolidaysService } from '../../stations/services/holidays.service';
import { StationsService } from '../../stations/services/stations.service';
import type { SlotQueryDto } from '../dto/booking.dto';
import { BookingHold } from '../entities/booking-hold.entity';
import { Booking } from '../entities/booking.entity';
import { AvailabilityService } from './availability.service';
import { BookingSettingsService } from './booking-settings.service';
import { CallbackLinesService } from './callback-lines.service';
import { counsellorKey, lineKey } from './booking-locks';

/** Longest range GET /slots answers at once. */
export const MAX_SLOT_DAYS = 31;
const DAY_MS = 86_400_000;

const invalid = (message: string, field: string) => AppException.badRequest(message, { fields: [{ field, constraint: field, message }] }, 'VALIDATION_FAILED');

export interface PreparedInput {
  base:
    | Omit<CallbackWindowInput, 'claims' | 'now'>
    | (Omit<SessionSlotInput, 'counsellors' | 'now'> & { counsellors: Omit<CounsellorAvailabilityInput, 'busy'>[] });
  ownerKeys: string[];
  window: { from: Date; to: Date };
}

export interface SlotTarget {
  kind: BookingKind;
  stationId?: number;
  counsellorId?: number;
  lineId?: number;
}

/**
 * Loads what the shared slot logic needs — availability, exceptions, station hours, the holiday
 * calendar, and what is booked or held — and asks `computeSlots` / `computeWindows`. The same
 * input, read inside a locked transaction, is what a hold is checked against.
 */
@Injectable()
export class SlotsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly settings: BookingSettingsService,
    private readonly availability: AvailabilityService,
    private readonly counsellors: CounsellorsService,
    private readonly stations: StationsService,
    private readonly holidays: HolidaysService,
    private readonly lines: CallbackLinesService,
  ) {}

  async list(q: SlotQueryDto, now = new Date()): Promise<Slot[]> {
    if (q.from > q.to) throw invalid('结束日期不能早于开始日期', 'to');
    if (chinaDaysBetween(q.from, q.to) >= MAX_SLOT_DAYS) throw invalid(`一次最多查询 ${MAX_SLOT_DAYS} 天`, 'to');
    const settings = await this.settings.enabled(q.kind);
    const input = await this.complete(this.db.manager, await this.prepare(settings, q, q.from, q.to), now);
    return input.kind === 'callback' ? computeWindows(input) : computeSlots(input);
  }

  /**
   * The input of the shared slot logic for a target and China dates [from, to]: everything but what
   * is booked or held is read here, before any lock is taken; `complete` adds that through `manager`
   * (inside the locked transaction of a hold), so a locked transaction needs no second connection.
   */
  async prepare(settings: BookingKindSettings, target: SlotTarget, from: string, to: string): Promise<PreparedInput> {
    const calendar = await this.holidays.calendar(from, to);
    const window = { from: new Date(chinaInstant(from).getTime() - DAY_MS), to: new Date(chinaInstant(addChinaDays(to, 1)).getTime() + DAY_MS) };
    if (target.kind === 'callback') {
      if (target.lineId === undefined) throw invalid('请选择回电热线', 'lineId');
      const { row } = await this.lines.getBookable(target.lineId);
      const base: Omit<CallbackWindowInput, 'claims' | 'now'> = {
        kind: 'callback',
        lineId: row.id,
        hours: { weekly: row.weeklyHours, exceptions: [] },
        calendar,
        capacityPerWindow: row.capacityPerWindow,
        settings,
        from,
        to,
      };
      return { base, ownerKeys: [lineKey(row.id)], window };
    }
    if (target.kind === 'in_person' && target.stationId === undefined) throw invalid('请选择站点', 'stationId');
    if (target.stationId !== undefined) await this.stations.getBookable(target.stationId);
    let ids: number[];
    if (target.counsellorId !== undefined) ids = [target.counsellorId];
    else if (target.stationId !== undefined) ids = (await this.counsellors.publishedAt(target.stationId)).map((c) => c.id);
    else ids = await this.counsellors.publishedIdsWithMode(target.kind);
    const info = await this.counsellors.forBookings(ids);
    // Only published profiles offering the mode, and only at stations they serve.
    const bookable = ids.filter((id) => info.get(id)?.published && info.get(id)!.modes.includes(target.kind as 'in_person' | 'phone'));
    if (target.counsellorId !== undefined && !bookable.length) throw AppException.notFound('咨询师');
    const { blocks, exceptions } = await this.availability.forSlots(this.db.manager, bookable, from, to);
    const serves = (counsellorId: number, stationId: number | null) => stationId === null || info.get(counsellorId)!.stationIds.includes(stationId);
    const counsellors = bookable.map((id) => ({
      counsellorId: id,
      blocks: blocks.filter((b) => b.counsellorId === id && serves(id, b.stationId)),
      exceptions: exceptions.filter((e) => e.counsellorId === id).map((e) => ({ date: e.date, blocks: e.blocks.filter((b) => serves(id, b.stationId)) })),
    }));
    const stationIds = [
      ...new Set([...blocks.map((b) => b.stationId), ...exceptions.flatMap((e) => e.blocks.map((b) => b.stationId))].filter((x): x is number => x !== null)),
    ];
    const stations: StationHoursInput[] = [];
    for (const stationId of stationIds) stations.push({ stationId, days: await this.stations.hoursFor(stationId, from, to) });
    const base: Omit<SessionSlotInput, 'counsellors' | 'now'> & { counsellors: Omit<CounsellorAvailabilityInput, 'busy'>[] } = {
      kind: target.kind,
      settings,
      from,
      to,
      calendar,
      stationId: target.stationId,
      stations,
      counsellors,
    };
    return { base, ownerKeys: bookable.map(counsellorKey), window };
  }

  /** The prepared input with what is booked or held now, read through `manager`. */
  async complete(manager: EntityManager, p: PreparedInput, now: Date): Promise<SessionSlotInput | CallbackWindowInput> {
    const claims = await this.claims(manager, p.ownerKeys, p.window.from, p.window.to, now);
    if (p.base.kind === 'callback') return { ...p.base, now, claims: claims.map((c) => c.start) };
    return {
      ...p.base,
      now,
      counsellors: p.base.counsellors.map((c) => ({ ...c, busy: claims.filter((b) => b.ownerKey === counsellorKey(c.counsellorId)) })),
    };
  }

  /**
   * What occupies these owners' time between the instants: bookings holding their slot and holds
   * not yet expired at `now`, one entry per seat.
   */
  async claims(
    manager: EntityManager,
    ownerKeys: string[],
    from: Date,
    to: Date,
    now: Date,
  ): Promise<{ ownerKey: string; start: Date; end: Date; seat: number }[]> {
    if (!ownerKeys.length) return [];
    const [bookings, holds] = await Promise.all([
      manager.getRepository(Booking).find({
        select: { ownerKey: true, start: true, end: true, seat: true },
        where: { ownerKey: In(ownerKeys), activeKey: Not(IsNull()), start: LessThan(to), end: MoreThan(from) },
      }),
      manager.getRepository(BookingHold).find({
        select: { ownerKey: true, start: true, end: true, seat: true },
        where: { ownerKey: In(ownerKeys), start: LessThan(to), end: MoreThan(from), expiresAt: MoreThan(now) },
      }),
    ]);
    return [...bookings, ...holds].map((c) => ({ ownerKey: c.ownerKey, start: c.start, end: c.end, seat: c.seat }));
  }
}
