import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  ATTENDANCE_STATUS_LABELS,
  CHECKIN_METHOD_LABELS,
  REGISTRATION_SOURCE_LABELS,
  REGISTRATION_STATUS_LABELS,
  attendanceOf,
  checkinWindow,
  formatChinaDateTime,
  phoneShownTo,
  type AttendeeRow,
  type Page,
} from '@xinqiao/shared';
import ExcelJS from 'exceljs';
import type { Writable } from 'stream';
import { Repository, type SelectQueryBuilder } from 'typeorm';
import type { StaffPrincipal } from '../../common/access/principal';
import { dataKeyring } from '../../common/crypto/encrypted-column';
import { pageOf, paging } from '../../common/http/page-query.dto';
import type { AttendeeQueryDto } from '../dto/attendee.dto';
import { EventRegistration } from '../entities/event-registration.entity';
import { OutreachEvent } from '../entities/event.entity';

/** Rows read per query while streaming an export. */
const EXPORT_BATCH = 500;

/**
 * The attendee list of an event and its Excel export. Phone numbers are shown in full only to the
 * event's organisers (phoneShownTo), in the list and in the file alike; check-in staff and
 * administrators recognise people, they do not contact them.
 */
@Injectable()
export class AttendeesService {
  constructor(@InjectRepository(EventRegistration) private readonly repo: Repository<EventRegistration>) {}

  async list(staff: StaffPrincipal, event: OutreachEvent, q: AttendeeQueryDto, now = new Date()): Promise<Page<AttendeeRow>> {
    const p = paging(q);
    const [rows, total] = await this.query(event, q, now).skip(p.skip).take(p.pageSize).getManyAndCount();
    return pageOf(await this.toRows(staff, event, rows, now), total, p);
  }

  /** Writes the whole filtered list as .xlsx to `out`, a batch of rows at a time. */
  async export(staff: StaffPrincipal, event: OutreachEvent, q: AttendeeQueryDto, out: Writable, now = new Date()): Promise<void> {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
    const sheet = workbook.addWorksheet('报名与签到');
    sheet.columns = [
      { header: '姓名', key: 'name', width: 12 },
      { header: '手机号', key: 'phone', width: 15 },
      { header: '报名状态', key: 'status', width: 14 },
      { header: '报名方式', key: 'source', width: 10 },
      { header: '候补位次', key: 'waitlistPosition', width: 10 },
      { header: '签到状态', key: 'attendance', width: 10 },
      { header: '签到时间', key: 'checkedInAt', width: 18 },
      { header: '签到方式', key: 'checkinMethod', width: 16 },
      { header: '签到人员', key: 'checkedInByName', width: 16 },
      { header: '报名时间', key: 'createdAt', width: 18 },
    ];
    sheet.getRow(1).font = { bold: true };
    sheet.getRow(1).commit();
    const time = (iso: string | null) => (iso ? formatChinaDateTime(new Date(iso)) : '');
    for (let skip = 0; ; skip += EXPORT_BATCH) {
      const rows = await this.query(event, q, now).skip(skip).take(EXPORT_BATCH).getMany();
      for (const r of await this.toRows(staff, event, rows, now)) {
        sheet
          .addRow({
            name: r.name ?? '',
            phone: r.phone ?? '',
            status: REGISTRATION_STATUS_LABELS[r.status],
            source: REGISTRATION_SOURCE_LABELS[r.source],
            waitlistPosition: r.waitlistPosition ?? '',
            attendance: ATTENDANCE_STATUS_LABELS[r.attendance],
            checkedInAt: time(r.checkedInAt),
            checkinMethod: r.checkinMethod ? CHECKIN_METHOD_LABELS[r.checkinMethod] : '',
            checkedInByName: r.checkedInByName ?? '',
            createdAt: time(r.createdAt),
          })
          .commit();
      }
      if (rows.length < EXPORT_BATCH) break;
    }
    sheet.commit();
    await workbook.commit();
  }

  private query(event: OutreachEvent, q: AttendeeQueryDto, now: Date): SelectQueryBuilder<EventRegistration> {
    const qb = this.repo.createQueryBuilder('r').where('r.eventId = :eventId', { eventId: event.id });
    if (q.status) qb.andWhere('r.status = :status', { status: q.status });
    const seat = `r.status IN ('confirmed', 'offered')`;
    const windowClosed = now.getTime() > checkinWindow(event).closesAt.getTime();
    switch (q.attendance) {
      case 'checked_in':
        qb.andWhere('r.checkedInAt IS NOT NULL');
        break;
      case 'pending':
      case 'absent':
        // Expected and not (yet) here: pending while the check-in window is open, absent after.
        qb.andWhere(`r.checkedInAt IS NULL AND ${seat}`);
        if ((q.attendance === 'absent') !== windowClosed) qb.andWhere('1 = 0');
        break;
      case 'none':
        qb.andWhere(`r.checkedInAt IS NULL AND NOT (${seat})`);
        break;
    }
    const keyword = q.keyword?.trim();
    if (keyword) {
      // Phones are encrypted: found by keyed hash of the whole number or of its last four digits.
      const digits = keyword.replace(/[\s-]/g, '');
      if (/^\d{4,}$/.test(digits)) {
        const [column, kind] = digits.length === 4 ? (['phoneTailIndex', 'phone-tail'] as const) : (['phoneIndex', 'phone'] as const);
        qb.andWhere(`(r.name LIKE :keyword OR r.${column} IN (:...hashes))`, {
          keyword: `%${keyword}%`,
          hashes: dataKeyring().blindIndexCandidates(kind, digits),
        });
      } else {
        qb.andWhere('r.name LIKE :keyword', { keyword: `%${keyword}%` });
      }
    }
    return qb.orderBy('r.createdAt', 'ASC').addOrderBy('r.id', 'ASC');
  }

  private async toRows(staff: StaffPrincipal, event: OutreachEvent, rows: EventRegistration[], now: Date): Promise<AttendeeRow[]> {
    const source = { kind: 'event', createdById: event.createdById } as const;
    const queue = await this.repo.find({
      select: { id: true, queuedAt: true },
      where: { eventId: event.id, status: 'waitlisted' },
      order: { queuedAt: 'ASC', id: 'ASC' },
    });
    const positions = new Map(queue.map((r, i) => [r.id, i + 1]));
    return rows.map((r) => ({
      registrationId: r.id,
      name: r.name,
      phone: phoneShownTo(staff, source, r.phone),
      status: r.status,
      source: r.source,
      waitlistPosition: positions.get(r.id) ?? null,
      offerExpiresAt: r.status === 'offered' ? (r.offerExpiresAt?.toISOString() ?? null) : null,
      attendance: attendanceOf(r, event, now),
      checkedInAt: r.checkedInAt?.toISOString() ?? null,
      checkinMethod: r.checkinMethod,
      checkedInByName: r.checkedInByName,
      createdAt: r.createdAt.toISOString(),
    }));
  }
}
