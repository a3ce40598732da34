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
import type { Writable } from 'stream';
import { Repository, type SelectQueryBuilder } from 'typeorm';
import type { StaffPrincipal } from '../../common/access/principal';
import { dataKeyring } from '../../common/crypto/encrypted-column';
import { pageOf, paging } from '../../common/http/page-query.dto';
import { writeSheet, type SheetColumn } from '../../common/http/xlsx-stream';
import type { AttendeeQueryDto } from '../dto/attendee.dto';
import { EventRegistration } from '../entities/event-registration.entity';
import { OutreachEvent } from '../entities/event.entity';

/** Rows read per query while streaming an export. */
const EXPORT_BATCH = 500;

const EXPORT_COLUMNS: SheetColumn[] = [
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

/**
 * The rows of `query` (in list order: creation time, then id) in batches, each read from where the one
 * before ended rather than at an OFFSET, so every batch costs the same however deep into the list
 * (the index on eventId and createdAt finds the place). The cursor keeps the database's own text of
 * the time: MySQL keeps microseconds that a Date would lose.
 */
async function* keysetBatches(query: () => SelectQueryBuilder<EventRegistration>): AsyncGenerator<EventRegistration[]> {
  let after: { at: string; id: number } | null = null;
  for (;;) {
    const qb = query().addSelect('CAST(r.createdAt AS CHAR)', 'cursorAt');
    if (after) qb.andWhere('r.createdAt >= :at AND (r.createdAt > :at OR r.id > :id)', after);
    const { entities, raw } = await qb.limit(EXPORT_BATCH).getRawAndEntities<{ cursorAt: string }>();
    if (entities.length) yield entities;
    if (entities.length < EXPORT_BATCH) return;
    after = { at: raw[raw.length - 1].cursorAt, id: entities[entities.length - 1].id };
  }
}

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
    return pageOf(this.toRows(staff, event, rows, now, await this.waitlistPositions(event)), total, p);
  }

  /** Writes the whole filtered list as .xlsx to `out`, a batch of rows at a time. */
  async export(staff: StaffPrincipal, event: OutreachEvent, q: AttendeeQueryDto, out: Writable, now = new Date()): Promise<void> {
    const time = (iso: string | null) => (iso ? formatChinaDateTime(new Date(iso)) : '');
    const positions = await this.waitlistPositions(event);
    const toRows = (rows: EventRegistration[]) => this.toRows(staff, event, rows, now, positions);
    async function* lines(batches: AsyncIterable<EventRegistration[]>) {
      for await (const rows of batches)
        yield toRows(rows).map((r) => ({
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
        }));
    }
    await writeSheet(out, '报名与签到', EXPORT_COLUMNS, lines(keysetBatches(() => this.query(event, q, now))));
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

  /** Each waiting registration's place in the queue (1 first): ids only, so a long queue stays small. */
  private async waitlistPositions(event: OutreachEvent): Promise<Map<number, number>> {
    const queue: { id: number | string }[] = await this.repo
      .createQueryBuilder('r')
      .select('r.id', 'id')
      .where('r.eventId = :eventId AND r.status = :waitlisted', { eventId: event.id, waitlisted: 'waitlisted' })
      .orderBy('r.queuedAt', 'ASC')
      .addOrderBy('r.id', 'ASC')
      .getRawMany();
    return new Map(queue.map((r, i) => [Number(r.id), i + 1]));
  }

  private toRows(staff: StaffPrincipal, event: OutreachEvent, rows: EventRegistration[], now: Date, positions: Map<number, number>): AttendeeRow[] {
    const source = { kind: 'event', createdById: event.createdById } as const;
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
