import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import {
  bookingMarkProblem,
  hasPermission,
  isWithin,
  maskPhone,
  BOOKING_MARK_MESSAGES,
  type BookingDetail,
  type BookingRow,
  type Page,
  type SessionNote,
} from '@xinqiao/shared';
import { DataSource, Repository } from 'typeorm';
import type { StaffPrincipal } from '../../common/access/principal';
import { assertFound, scopeCondition } from '../../common/access/region-scope';
import { AppException } from '../../common/errors/app-exception';
import { pageOf, paging } from '../../common/http/page-query.dto';
import { RegionsService } from '../../regions/regions.service';
import { CounsellorsService } from '../../stations/services/counsellors.service';
import { StationsService } from '../../stations/services/stations.service';
import type { AdminBookingQueryDto } from '../dto/booking.dto';
import { Booking, BookingHistoryRow, SessionNoteRow } from '../entities/booking.entity';
import { BookingLocks, counsellorKey, sqlTime } from './booking-locks';
import { BookingNoticesService } from './booking-notices.service';
import { BookingSettingsService } from './booking-settings.service';
import { activeKeyOf, BookingsService, slotTaken } from './bookings.service';
import { CallbackLinesService } from './callback-lines.service';
import { SlotsService } from './slots.service';

const MINUTE_MS = 60_000;

/**
 * Bookings as staff handle them, inside their region: counsellors (bookings.handle) and those who
 * oversee (bookings.oversee). The intake and full phone number are for the assigned counsellor
 * only (a call-back: the counsellors of the line's region); session notes likewise.
 */
@Injectable()
export class StaffBookingsService {
  constructor(
    @InjectRepository(Booking) private readonly repo: Repository<Booking>,
    @InjectRepository(BookingHistoryRow) private readonly historyRepo: Repository<BookingHistoryRow>,
    @InjectRepository(SessionNoteRow) private readonly notesRepo: Repository<SessionNoteRow>,
    @InjectDataSource() private readonly db: DataSource,
    private readonly locks: BookingLocks,
    private readonly bookings: BookingsService,
    private readonly notices: BookingNoticesService,
    private readonly settings: BookingSettingsService,
    private readonly slots: SlotsService,
    private readonly counsellors: CounsellorsService,
    private readonly stations: StationsService,
    private readonly lines: CallbackLinesService,
    private readonly regions: RegionsService,
  ) {}

  async list(staff: StaffPrincipal, q: AdminBookingQueryDto): Promise<Page<BookingRow>> {
    const p = paging(q);
    const qb = this.repo.createQueryBuilder('b').where(...scopeCondition('b', staff));
    if (q.from) qb.andWhere('b.end > :from', { from: sqlTime(this.db, new Date(q.from)) });
    if (q.to) qb.andWhere('b.start < :to', { to: sqlTime(this.db, new Date(q.to)) });
    if (q.stationId !== undefined) qb.andWhere('b.stationId = :stationId', { stationId: q.stationId });
    if (q.counsellorId !== undefined) qb.andWhere('b.counsellorId = :counsellorId', { counsellorId: q.counsellorId });
    if (q.kind) qb.andWhere('b.kind = :kind', { kind: q.kind });
    if (q.status) qb.andWhere('b.status = :status', { status: q.status });
    if (q.mine) {
      const own = await this.counsellors.byStaffId(staff.id);
      qb.andWhere(own ? '(b.counsellorId = :own OR b.kind = :callback)' : 'b.kind = :callback', { own: own?.id ?? 0, callback: 'callback' });
    }
    const [rows, total] = await qb.orderBy('b.start', 'ASC').addOrderBy('b.id', 'ASC').skip(p.skip).take(p.pageSize).getManyAndCount();
    return pageOf(await this.rows(staff, rows), total, p);
  }

  async detail(staff: StaffPrincipal, id: number): Promise<BookingDetail> {
    return this.detailOf(staff, await this.find(staff, id));
  }

  /** Attended or no-show, once the session has started. */
  async mark(staff: StaffPrincipal, id: number, status: 'attended' | 'no_show', now = new Date()): Promise<BookingDetail> {
    const b = await this.find(staff, id);
    const problem = bookingMarkProblem(b.status, b.start, now);
    if (problem) throw AppException.invalidState(BOOKING_MARK_MESSAGES[problem]);
    await this.db.transaction(async (tx) => {
      const { affected } = await tx.getRepository(Booking).update({ id: b.id, status: 'confirmed' }, { status });
      if (!affected) throw AppException.invalidState('该预约状态已变化，请刷新');
      await this.bookings.record(tx, b.id, now, status, staff.displayName, null);
    });
    return this.detail(staff, id);
  }

  /** Cancelled by the service: the resident is notified with the reason. */
  async cancel(staff: StaffPrincipal, id: number, reason: string, now = new Date()): Promise<BookingDetail> {
    const b = await this.find(staff, id);
    if (b.status !== 'confirmed' || b.end.getTime() <= now.getTime()) throw AppException.invalidState('只能取消未结束的预约');
    await this.db.transaction(async (tx) => {
      const { affected } = await tx
        .getRepository(Booking)
        .update({ id: b.id, status: 'confirmed' }, { status: 'staff_cancelled', activeKey: null, cancelReason: reason, cancelledAt: now });
      if (!affected) throw AppException.invalidState('该预约状态已变化，请刷新');
      await this.bookings.record(tx, b.id, now, 'staff_cancelled', staff.displayName, reason);
      await this.notices.notify(tx, await tx.getRepository(Booking).findOneByOrFail({ id: b.id }), 'cancelled', now, { reason });
    });
    return this.detail(staff, id);
  }

  /**
   * Hands a session to another published counsellor of the caller's region who offers its mode
   * (and serves its station), if their time is free: checked under both counsellors' locks.
   */
  async handover(staff: StaffPrincipal, id: number, counsellorId: number, now = new Date()): Promise<BookingDetail> {
    const b = await this.find(staff, id);
    if (b.kind === 'callback' || b.counsellorId === null) throw AppException.badRequest('热线回电不需要转交');
    if (b.status !== 'confirmed' || b.start.getTime() <= now.getTime()) throw AppException.invalidState('只能转交尚未开始的预约');
    if (counsellorId === b.counsellorId) throw AppException.badRequest('已是该咨询师的预约');
    const target = (await this.counsellors.forBookings([counsellorId])).get(counsellorId);
    const fits =
      target &&
      target.published &&
      isWithin(target.regionPath, staff.regionPath) &&
      target.modes.includes(b.kind) &&
      (b.kind !== 'in_person' || (b.stationId !== null && target.stationIds.includes(b.stationId)));
    if (!fits) {
      const message = '所选咨询师不存在、未公开、不在本辖区，或不提供该咨询方式/不在该站点服务';
      throw AppException.badRequest(message, { fields: [{ field: 'counsellorId', constraint: 'counsellorId', message }] }, 'VALIDATION_FAILED');
    }
    const settings = await this.settings.get(b.kind);
    const buffer = settings.bufferMinutes * MINUTE_MS;
    const ownerKey = counsellorKey(counsellorId);
    const from = target.name;
    await this.locks.run([b.ownerKey, ownerKey], async (tx) => {
      const busy = await this.slots.claims(tx, [ownerKey], new Date(b.start.getTime() - buffer), new Date(b.end.getTime() + buffer), now);
      if (busy.length) throw slotTaken();
      const { affected } = await tx
        .getRepository(Booking)
        .update(
          { id: b.id, status: 'confirmed', counsellorId: b.counsellorId! },
          { counsellorId, ownerKey, seat: 0, activeKey: activeKeyOf(ownerKey, b.start, 0) },
        );
      if (!affected) throw AppException.invalidState('该预约状态已变化，请刷新');
      await this.bookings.record(tx, b.id, now, 'handover', staff.displayName, `转交给 ${from}`);
      await this.notices.notify(tx, await tx.getRepository(Booking).findOneByOrFail({ id: b.id }), 'rescheduled', now, { reason: `咨询师变更为${from}` });
    });
    return this.detail(staff, id);
  }

  async notes(staff: StaffPrincipal, id: number): Promise<SessionNote[]> {
    const b = await this.find(staff, id);
    if (!(await this.isAssigned(staff, b))) throw AppException.forbidden('咨询记录仅限负责该预约的咨询师查看');
    return (await this.notesRepo.find({ where: { bookingId: b.id }, order: { id: 'ASC' } })).map(noteDto);
  }

  async addNote(staff: StaffPrincipal, id: number, text: string): Promise<SessionNote> {
    const b = await this.find(staff, id);
    if (!(await this.isAssigned(staff, b))) throw AppException.forbidden('咨询记录仅限负责该预约的咨询师填写');
    return noteDto(await this.notesRepo.save(this.notesRepo.create({ bookingId: b.id, authorStaffId: staff.id, text })));
  }

  /** The assigned counsellor; for a call-back, any counsellor of the line's region (the scope already holds). */
  private async isAssigned(staff: StaffPrincipal, b: Booking): Promise<boolean> {
    if (!hasPermission(staff.role, 'bookings.handle')) return false;
    if (b.kind === 'callback') return isWithin(b.regionPath, staff.regionPath);
    const own = await this.counsellors.byStaffId(staff.id);
    return own !== null && own.id === b.counsellorId;
  }

  private async find(staff: StaffPrincipal, id: number): Promise<Booking> {
    return assertFound(await this.repo.findOne({ where: { id } }), staff, '预约');
  }

  private async detailOf(staff: StaffPrincipal, b: Booking): Promise<BookingDetail> {
    const [[row], history, assigned] = await Promise.all([
      this.rows(staff, [b]),
      this.historyRepo.find({ where: { bookingId: b.id }, order: { id: 'ASC' } }),
      this.isAssigned(staff, b),
    ]);
    return {
      ...row,
      intake: assigned
        ? {
            topic: b.topic,
            note: b.note,
            ageBand: b.ageBand,
            guardian: b.guardianName ? { name: b.guardianName, relation: b.guardianRelation ?? '' } : null,
            sensitiveConsent: b.sensitiveConsent,
          }
        : null,
      ratingComment: b.ratingComment,
      history: history.map((h) => ({ at: h.at.toISOString(), action: h.action, by: h.byName, note: h.note })),
    };
  }

  private async rows(staff: StaffPrincipal, rows: Booking[]): Promise<BookingRow[]> {
    const [counsellors, stations, lines, own] = await Promise.all([
      this.counsellors.forBookings(rows.flatMap((r) => (r.counsellorId === null ? [] : [r.counsellorId]))),
      this.stations.forBookings(rows.flatMap((r) => (r.stationId === null ? [] : [r.stationId]))),
      this.lines.byIds(rows.flatMap((r) => (r.lineId === null ? [] : [r.lineId]))),
      hasPermission(staff.role, 'bookings.handle') ? this.counsellors.byStaffId(staff.id) : Promise.resolve(null),
    ]);
    const regionIds = new Map<string, number>();
    for (const r of rows) regionIds.set(r.regionPath, Number(r.regionPath.split('/').filter(Boolean).pop()));
    const names = await this.regions.names([...regionIds.values()]);
    return rows.map((b) => {
      const assigned = hasPermission(staff.role, 'bookings.handle') && (b.kind === 'callback' ? true : own !== null && own.id === b.counsellorId);
      return {
        id: b.id,
        kind: b.kind,
        status: b.status,
        start: b.start.toISOString(),
        end: b.end.toISOString(),
        stationId: b.stationId,
        stationName: b.stationId === null ? null : (stations.get(b.stationId)?.name ?? null),
        counsellorId: b.counsellorId,
        counsellorName: b.counsellorId === null ? null : (counsellors.get(b.counsellorId)?.name ?? null),
        lineId: b.lineId,
        lineName: b.lineId === null ? null : (lines.get(b.lineId)?.name ?? null),
        regionName: names.get(regionIds.get(b.regionPath)!) ?? '',
        contactPhone: (assigned ? b.contactPhone : maskPhone(b.contactPhone)) ?? '',
        rating: b.ratingScore,
        createdAt: b.createdAt.toISOString(),
      };
    });
  }
}

function noteDto(n: SessionNoteRow): SessionNote {
  return { id: n.id, at: n.createdAt.toISOString(), text: n.text };
}
