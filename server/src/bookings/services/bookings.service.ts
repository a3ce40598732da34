import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import {
  INTAKE_PROBLEM_MESSAGES,
  canCancel,
  canRate,
  canReschedule,
  cancellationStatus,
  chinaDate,
  cutoffAt,
  slotIsOffered,
  validateIntake,
  type BookingKind,
  type BookingKindSettings,
  type BookingStatus,
  type CallbackLine,
  type Hold,
  type MyBooking,
  type Page,
} from '@xinqiao/shared';
import { DataSource, LessThanOrEqual, MoreThan, Repository, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../common/config/env';
import { AppException } from '../../common/errors/app-exception';
import { pageOf, paging } from '../../common/http/page-query.dto';
import { PersonalDataRegistry } from '../../residents/personal-data.registry';
import { CounsellorsService } from '../../stations/services/counsellors.service';
import { InUseRegistry } from '../../stations/services/in-use.registry';
import { StationsService } from '../../stations/services/stations.service';
import type { BookingInputDto, CancelInputDto, HoldInputDto, MyBookingQueryDto, RatingInputDto } from '../dto/booking.dto';
import { AvailabilityBlockRow } from '../entities/availability.entity';
import { BookingHold } from '../entities/booking-hold.entity';
import { Booking, BookingHistoryRow } from '../entities/booking.entity';
import { BookingLocks, counsellorKey, isUniqueViolation, lineKey, residentKey, sqlTime } from './booking-locks';
import { BookingNoticesService } from './booking-notices.service';
import { BookingSettingsService } from './booking-settings.service';
import { CallbackLinesService } from './callback-lines.service';
import { SlotsService } from './slots.service';

const MINUTE_MS = 60_000;

export const slotTaken = () => new AppException(409, 'SLOT_TAKEN', '该时段刚刚被预约，请选择其他时段');
export const holdExpired = () => new AppException(409, 'HOLD_EXPIRED', '时段保留已过期，请重新选择时段');
const cutoffPassed = () => new AppException(409, 'BOOKING_CUTOFF_PASSED', '已超过改期截止时间，不能改期；如不能前来，请取消预约');

/** The unique key of the slot a booking occupies: owner, start, seat. */
export const activeKeyOf = (ownerKey: string, start: Date, seat: number) => `${ownerKey}|${start.toISOString()}|${seat}`;

/**
 * A resident's bookings: holding a slot, confirming it with the intake, moving, cancelling and
 * rating. Every change that could double-book runs under the owner's lock (BookingLocks) and
 * re-checks against what is booked and held at that moment; unique keys on holds and on
 * bookings' `activeKey` are the backstop.
 */
/** A booking as alerts' case view reads it. */
export interface CaseBooking {
  id: number;
  kind: BookingKind;
  status: BookingStatus;
  start: Date;
  end: Date;
  stationName: string | null;
  counsellorName: string | null;
  lineName: string | null;
}

@Injectable()
export class BookingsService implements OnModuleInit {
  constructor(
    @InjectRepository(Booking) private readonly repo: Repository<Booking>,
    @InjectRepository(BookingHold) private readonly holds: Repository<BookingHold>,
    @InjectRepository(BookingHistoryRow) private readonly history: Repository<BookingHistoryRow>,
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly locks: BookingLocks,
    private readonly settings: BookingSettingsService,
    private readonly slots: SlotsService,
    private readonly notices: BookingNoticesService,
    private readonly counsellors: CounsellorsService,
    private readonly stations: StationsService,
    private readonly lines: CallbackLinesService,
    private readonly personalData: PersonalDataRegistry,
    private readonly usage: InUseRegistry,
  ) {}

  onModuleInit(): void {
    this.personalData.register({ key: 'bookings', export: (id) => this.exportFor(id) });
    // One check per use, so the registry's answer lists each on its own.
    const ahead = (n: number) => (n ? `有 ${n} 个未完成的预约，请先转交或取消` : null);
    const blocksAt = (n: number, what: string) => (n ? what.replace('%d', String(n)) : null);
    this.usage.onStation(async (stationId) => ahead(await this.repo.count({ where: { stationId, status: 'confirmed', end: MoreThan(new Date()) } })));
    this.usage.onStation(async (stationId) =>
      blocksAt(await this.db.getRepository(AvailabilityBlockRow).count({ where: { stationId } }), '有 %d 个咨询师可预约时段设在此站点，请先调整'),
    );
    this.usage.onCounsellor(async (counsellorId) => ahead(await this.repo.count({ where: { counsellorId, status: 'confirmed', end: MoreThan(new Date()) } })));
    this.usage.onCounsellor(async (counsellorId) =>
      blocksAt(await this.db.getRepository(AvailabilityBlockRow).count({ where: { counsellorId } }), '仍设有 %d 个每周可预约时段，请先清空'),
    );
  }

  /** Keeps a slot for the resident for BOOKING_HOLD_MINUTES; their other holds are let go. */
  async hold(residentId: number, dto: HoldInputDto, now = new Date()): Promise<Hold> {
    const settings = await this.settings.enabled(dto.kind);
    const start = new Date(dto.start);
    if (dto.kind !== 'callback' && dto.counsellorId === undefined) throw fieldError('请选择咨询师', 'counsellorId');
    const date = chinaDate(start);
    const prepared = await this.slots.prepare(settings, dto, date, date);
    const ownerKey = dto.kind === 'callback' ? lineKey(dto.lineId!) : counsellorKey(dto.counsellorId!);
    try {
      const saved = await this.locks.run([ownerKey], async (tx) => {
        const holds = tx.getRepository(BookingHold);
        await holds.delete({ ownerKey, expiresAt: LessThanOrEqual(now) });
        await holds.delete({ residentId });
        const input = await this.slots.complete(tx, prepared, now);
        const offered = slotIsOffered(input, {
          start,
          counsellorId: dto.counsellorId ?? null,
          stationId: dto.kind === 'in_person' ? dto.stationId : (dto.stationId ?? undefined),
        });
        if (!offered) throw slotTaken();
        let seat = 0;
        if (dto.kind === 'callback') {
          const used = new Set(
            (await this.slots.claims(tx, [ownerKey], start, new Date(start.getTime() + 1), now))
              .filter((c) => c.start.getTime() === start.getTime())
              .map((c) => c.seat),
          );
          while (used.has(seat)) seat++;
        }
        return holds.save(
          holds.create({
            residentId,
            kind: dto.kind,
            ownerKey,
            start,
            end: new Date(offered.end),
            seat,
            counsellorId: offered.counsellorId,
            stationId: offered.stationId,
            lineId: offered.lineId,
            expiresAt: new Date(now.getTime() + this.config.BOOKING_HOLD_MINUTES * MINUTE_MS),
          }),
        );
      });
      return holdDto(saved);
    } catch (e) {
      if (isUniqueViolation(e)) throw slotTaken();
      throw e;
    }
  }

  async releaseHold(residentId: number, holdId: number): Promise<void> {
    const { affected } = await this.holds.delete({ id: holdId, residentId });
    if (!affected) throw AppException.notFound('时段保留');
  }

  /**
   * Turns the resident's unexpired hold into a booking. A retry with the same clientRequestId
   * answers the first booking. The hold is deleted only if still unexpired at `now`, under the
   * owner's lock: an expired hold (whose slot someone else may have taken since) is never confirmed.
   */
  async confirm(residentId: number, dto: BookingInputDto, now = new Date()): Promise<MyBooking> {
    const first = await this.repo.findOne({ where: { residentId, clientRequestId: dto.clientRequestId } });
    if (first) return this.view(first, now);
    const hold = await this.holds.findOne({ where: { id: dto.holdId, residentId } });
    if (!hold) throw holdExpired();
    const problems = validateIntake(dto.intake, hold.kind);
    if (problems.length) {
      const fields = problems.map((p) => ({ field: `intake.${p.field}`, constraint: p.code, message: INTAKE_PROBLEM_MESSAGES[p.code] }));
      throw AppException.badRequest(fields.map((f) => f.message).join('；'), { fields }, 'VALIDATION_FAILED');
    }
    const settings = await this.settings.get(hold.kind);
    const regionPath = await this.regionPathOf(hold);
    const sensitive = dto.intake.consent.sensitive;
    try {
      const booking = await this.locks.run([hold.ownerKey, residentKey(residentId)], async (tx) => {
        const again = await tx.getRepository(Booking).findOne({ where: { residentId, clientRequestId: dto.clientRequestId } });
        if (again) return again;
        const { affected } = await tx.getRepository(BookingHold).delete({ id: hold.id, residentId, expiresAt: MoreThan(now) });
        if (!affected) throw holdExpired();
        await this.assertUnderLimit(tx, residentId, settings, now);
        const row = await tx.getRepository(Booking).save(
          this.repo.create({
            residentId,
            kind: hold.kind,
            status: 'confirmed',
            ...slotOf(hold),
            regionPath,
            contactPhone: dto.intake.contactPhone.trim() || null,
            topic: sensitive ? dto.intake.topic : null,
            note: sensitive ? dto.intake.note?.trim() || null : null,
            ageBand: dto.intake.ageBand,
            guardianName: dto.intake.guardian?.name.trim() || null,
            guardianRelation: dto.intake.guardian?.relation.trim() || null,
            consentVersion: dto.intake.consent.version,
            sensitiveConsent: sensitive,
            clientRequestId: dto.clientRequestId,
            cancelReason: null,
            cancelledAt: null,
            ratingScore: null,
            ratingComment: null,
            ratedAt: null,
          }),
        );
        await this.record(tx, row.id, now, 'booked', null, null);
        await this.notices.notify(tx, row, 'confirmed', now);
        return row;
      });
      return this.view(booking, now);
    } catch (e) {
      if (isUniqueViolation(e)) {
        const raced = await this.repo.findOne({ where: { residentId, clientRequestId: dto.clientRequestId } });
        if (raced) return this.view(raced, now);
        throw slotTaken();
      }
      throw e;
    }
  }

  async list(residentId: number, q: MyBookingQueryDto, now = new Date()): Promise<Page<MyBooking>> {
    const p = paging(q);
    const qb = this.repo.createQueryBuilder('b').where('b.residentId = :residentId', { residentId });
    if (q.scope === 'upcoming')
      qb.andWhere('b.status = :confirmed AND b.end > :now', { confirmed: 'confirmed', now: sqlTime(this.db, now) }).orderBy('b.start', 'ASC');
    else if (q.scope === 'past')
      qb.andWhere('(b.status <> :confirmed OR b.end <= :now)', { confirmed: 'confirmed', now: sqlTime(this.db, now) }).orderBy('b.start', 'DESC');
    else qb.orderBy('b.start', 'DESC');
    const [rows, total] = await qb.addOrderBy('b.id', 'DESC').skip(p.skip).take(p.pageSize).getManyAndCount();
    return pageOf(await this.views(rows, now), total, p);
  }

  async get(residentId: number, id: number, now = new Date()): Promise<MyBooking> {
    return this.view(await this.own(residentId, id), now);
  }

  /** Moves a booking to a slot the resident holds; refused after the cut-off. */
  async reschedule(residentId: number, id: number, holdId: number, now = new Date()): Promise<MyBooking> {
    const booking = await this.own(residentId, id);
    const settings = await this.settings.get(booking.kind);
    assertReschedulable(booking, settings, now);
    const hold = await this.holds.findOne({ where: { id: holdId, residentId } });
    if (!hold) throw holdExpired();
    if (hold.kind !== booking.kind) throw fieldError('新的时段须与原预约为同一类型', 'holdId');
    const regionPath = await this.regionPathOf(hold);
    try {
      const moved = await this.locks.run([booking.ownerKey, hold.ownerKey, residentKey(residentId)], async (tx) => {
        const b = await tx.getRepository(Booking).findOneByOrFail({ id: booking.id });
        assertReschedulable(b, settings, now);
        const { affected } = await tx.getRepository(BookingHold).delete({ id: hold.id, residentId, expiresAt: MoreThan(now) });
        if (!affected) throw holdExpired();
        const from = b.start;
        Object.assign(b, { ...slotOf(hold), regionPath });
        const saved = await tx.getRepository(Booking).save(b);
        await this.record(tx, b.id, now, 'rescheduled', null, `原时间 ${from.toISOString()}`);
        await this.notices.notify(tx, saved, 'rescheduled', now);
        return saved;
      });
      return this.view(moved, now);
    } catch (e) {
      if (isUniqueViolation(e)) throw slotTaken();
      throw e;
    }
  }

  /** Cancelled on time up to the cut-off, late cancelled after it; the slot is free again at once. */
  async cancel(residentId: number, id: number, dto: CancelInputDto, now = new Date()): Promise<MyBooking> {
    const booking = await this.own(residentId, id);
    if (!canCancel(booking.status, booking.start, now)) throw AppException.invalidState('该预约已开始或已结束，不能取消');
    const settings = await this.settings.get(booking.kind);
    const status = cancellationStatus(now, booking.start, settings);
    const done = await this.db.transaction(async (tx) => {
      const { affected } = await tx
        .getRepository(Booking)
        .update({ id: booking.id, status: 'confirmed' }, { status, activeKey: null, cancelReason: dto.reason?.trim() || null, cancelledAt: now });
      if (!affected) throw AppException.invalidState('该预约已取消或已结束');
      const row = await tx.getRepository(Booking).findOneByOrFail({ id: booking.id });
      await this.record(tx, row.id, now, status, null, row.cancelReason);
      await this.notices.notify(tx, row, 'cancelled', now);
      return row;
    });
    return this.view(done, now);
  }

  async rate(residentId: number, id: number, dto: RatingInputDto, now = new Date()): Promise<MyBooking> {
    const booking = await this.own(residentId, id);
    if (!canRate(booking.status, booking.end, now, booking.ratingScore !== null)) throw AppException.invalidState('只能在咨询完成后评价一次');
    const { affected } = await this.repo
      .createQueryBuilder()
      .update(Booking)
      .set({ ratingScore: dto.score, ratingComment: dto.comment?.trim() || null, ratedAt: now })
      .where('id = :id AND ratingScore IS NULL', { id: booking.id })
      .execute();
    if (!affected) throw AppException.invalidState('只能在咨询完成后评价一次');
    return this.view(await this.repo.findOneByOrFail({ id: booking.id }), now);
  }

  /** The resident's PIPL export: every booking with its intake as given. */
  async exportFor(residentId: number) {
    const rows = await this.repo.find({ where: { residentId }, order: { id: 'ASC' } });
    return rows.map((b) => ({
      id: b.id,
      kind: b.kind,
      status: b.status,
      start: b.start.toISOString(),
      end: b.end.toISOString(),
      contactPhone: b.contactPhone,
      topic: b.topic,
      note: b.note,
      ageBand: b.ageBand,
      guardian: b.guardianName ? { name: b.guardianName, relation: b.guardianRelation } : null,
      consentVersion: b.consentVersion,
      sensitiveConsent: b.sensitiveConsent,
      cancelReason: b.cancelReason,
      rating: b.ratingScore === null ? null : { score: b.ratingScore, comment: b.ratingComment },
      createdAt: b.createdAt.toISOString(),
    }));
  }

  /**
   * For alerts' case view (一户一档): the resident's bookings, newest first — kind, time, status,
   * where and with whom; never the intake, notes or rating.
   */
  async caseViewOf(residentId: number): Promise<CaseBooking[]> {
    const rows = await this.repo.find({ where: { residentId }, order: { start: 'DESC', id: 'DESC' } });
    const [counsellors, stations, lines] = await Promise.all([
      this.counsellors.forBookings(rows.flatMap((r) => (r.counsellorId === null ? [] : [r.counsellorId]))),
      this.stations.forBookings(rows.flatMap((r) => (r.stationId === null ? [] : [r.stationId]))),
      this.lines.byIds(rows.flatMap((r) => (r.lineId === null ? [] : [r.lineId]))),
    ]);
    return rows.map((b) => ({
      id: b.id,
      kind: b.kind,
      status: b.status,
      start: b.start,
      end: b.end,
      stationName: b.stationId === null ? null : (stations.get(b.stationId)?.name ?? null),
      counsellorName: b.counsellorId === null ? null : (counsellors.get(b.counsellorId)?.name ?? null),
      lineName: b.lineId === null ? null : (lines.get(b.lineId)?.name ?? null),
    }));
  }

  async record(tx: EntityManager, bookingId: number, at: Date, action: string, byName: string | null, note: string | null): Promise<void> {
    await tx.getRepository(BookingHistoryRow).insert({ bookingId, at, action, byName, note: note?.slice(0, 200) ?? null });
  }

  /** The station's region for a session there, else the counsellor's (phone) or the line's. */
  async regionPathOf(slot: { stationId: number | null; counsellorId: number | null; lineId: number | null; kind: string }): Promise<string> {
    if (slot.kind === 'in_person' && slot.stationId !== null) {
      const station = (await this.stations.forBookings([slot.stationId])).get(slot.stationId);
      if (station) return station.regionPath;
    }
    if (slot.counsellorId !== null) {
      const c = (await this.counsellors.forBookings([slot.counsellorId])).get(slot.counsellorId);
      if (c) return c.regionPath;
    }
    if (slot.lineId !== null) {
      const { row } = await this.lines.getBookable(slot.lineId);
      return row.regionPath;
    }
    throw AppException.notFound('预约时段');
  }

  async views(rows: Booking[], now: Date): Promise<MyBooking[]> {
    const [settings, counsellors, stations, lines] = await Promise.all([
      this.settings.all(),
      this.counsellors.forBookings(rows.flatMap((r) => (r.counsellorId === null ? [] : [r.counsellorId]))),
      this.stations.forBookings(rows.flatMap((r) => (r.stationId === null ? [] : [r.stationId]))),
      this.lines.byIds(rows.flatMap((r) => (r.lineId === null ? [] : [r.lineId]))),
    ]);
    return rows.map((b) => {
      const s = settings.find((x) => x.kind === b.kind)!;
      const c = b.counsellorId === null ? undefined : counsellors.get(b.counsellorId);
      const st = b.stationId === null ? undefined : stations.get(b.stationId);
      const l: CallbackLine | undefined = b.lineId === null ? undefined : lines.get(b.lineId);
      return {
        id: b.id,
        kind: b.kind,
        status: b.status,
        start: b.start.toISOString(),
        end: b.end.toISOString(),
        station: st ? { id: st.id, name: st.name, address: st.address, location: st.location, phone: st.phone } : null,
        counsellor: c ? { id: c.id, name: c.name, title: c.title, photoUrl: c.photoUrl, qualification: c.qualification } : null,
        line: l ? { id: l.id, name: l.name, number: l.number } : null,
        topic: b.topic,
        cutoffAt: cutoffAt(b.start, s).toISOString(),
        canCancel: canCancel(b.status, b.start, now),
        canReschedule: canReschedule(b.status, b.start, now, s),
        canRate: canRate(b.status, b.end, now, b.ratingScore !== null),
        rating: b.ratingScore === null ? null : { score: b.ratingScore, comment: b.ratingComment },
        createdAt: b.createdAt.toISOString(),
      };
    });
  }

  private async view(b: Booking, now: Date): Promise<MyBooking> {
    return (await this.views([b], now))[0];
  }

  private async own(residentId: number, id: number): Promise<Booking> {
    const row = await this.repo.findOne({ where: { id, residentId } });
    if (!row) throw AppException.notFound('预约');
    return row;
  }

  /** Confirmed bookings of the kind not yet ended, counted under the resident's lock. */
  private async assertUnderLimit(tx: EntityManager, residentId: number, settings: BookingKindSettings, now: Date): Promise<void> {
    const open = await tx.getRepository(Booking).count({ where: { residentId, kind: settings.kind, status: 'confirmed', end: MoreThan(now) } });
    if (open >= settings.maxOpenPerResident) {
      throw new AppException(409, 'BOOKING_LIMIT_REACHED', `每人同时最多保留 ${settings.maxOpenPerResident} 个此类预约，请在完成或取消后再预约`);
    }
  }
}

/** The slot a hold keeps, as the booking made from it takes it (confirmed or moved there). */
function slotOf(hold: BookingHold): Pick<Booking, 'start' | 'end' | 'counsellorId' | 'stationId' | 'lineId' | 'ownerKey' | 'seat' | 'activeKey'> {
  const { start, end, counsellorId, stationId, lineId, ownerKey, seat } = hold;
  return { start, end, counsellorId, stationId, lineId, ownerKey, seat, activeKey: activeKeyOf(ownerKey, start, seat) };
}

function assertReschedulable(b: Booking, settings: BookingKindSettings, now: Date): void {
  if (b.status !== 'confirmed' || b.start.getTime() <= now.getTime()) throw AppException.invalidState('该预约已取消或已结束，不能改期');
  if (!canReschedule(b.status, b.start, now, settings)) throw cutoffPassed();
}

function fieldError(message: string, field: string): AppException {
  return AppException.badRequest(message, { fields: [{ field, constraint: field, message }] }, 'VALIDATION_FAILED');
}

export function holdDto(h: BookingHold): Hold {
  return {
    id: h.id,
    kind: h.kind,
    start: h.start.toISOString(),
    end: h.end.toISOString(),
    counsellorId: h.counsellorId,
    stationId: h.stationId,
    lineId: h.lineId,
    expiresAt: h.expiresAt.toISOString(),
  };
}
