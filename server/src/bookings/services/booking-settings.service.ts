import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { BOOKING_KINDS, type BookingKind, type BookingKindSettings } from '@xinqiao/shared';
import { Repository, type EntityManager } from 'typeorm';
import { AppException } from '../../common/errors/app-exception';
import type { BookingSettingsInputDto } from '../dto/booking.dto';
import { BookingSettingsRow } from '../entities/booking-settings.entity';

/** What each kind offers until a system admin changes it. */
export const DEFAULT_BOOKING_SETTINGS: Record<BookingKind, BookingKindSettings> = {
  in_person: {
    kind: 'in_person',
    enabled: true,
    durationMinutes: 50,
    bufferMinutes: 10,
    minNoticeMinutes: 120,
    maxDaysAhead: 14,
    maxOpenPerResident: 2,
    cancelCutoffHours: 24,
  },
  phone: {
    kind: 'phone',
    enabled: true,
    durationMinutes: 50,
    bufferMinutes: 10,
    minNoticeMinutes: 60,
    maxDaysAhead: 14,
    maxOpenPerResident: 2,
    cancelCutoffHours: 12,
  },
  callback: {
    kind: 'callback',
    enabled: true,
    durationMinutes: 60,
    bufferMinutes: 0,
    minNoticeMinutes: 30,
    maxDaysAhead: 7,
    maxOpenPerResident: 1,
    cancelCutoffHours: 2,
  },
};

const toDto = (r: BookingSettingsRow): BookingKindSettings => ({
  kind: r.kind,
  enabled: r.enabled,
  durationMinutes: r.durationMinutes,
  bufferMinutes: r.bufferMinutes,
  minNoticeMinutes: r.minNoticeMinutes,
  maxDaysAhead: r.maxDaysAhead,
  maxOpenPerResident: r.maxOpenPerResident,
  cancelCutoffHours: r.cancelCutoffHours,
});

/** The rules of each kind of booking: a row per kind once an admin saved it, the defaults before. */
@Injectable()
export class BookingSettingsService {
  constructor(@InjectRepository(BookingSettingsRow) private readonly repo: Repository<BookingSettingsRow>) {}

  async all(manager?: EntityManager): Promise<BookingKindSettings[]> {
    const rows = await (manager ? manager.getRepository(BookingSettingsRow) : this.repo).find();
    const saved = new Map(rows.map((r) => [r.kind, toDto(r)]));
    return BOOKING_KINDS.map((kind) => saved.get(kind) ?? DEFAULT_BOOKING_SETTINGS[kind]);
  }

  async get(kind: BookingKind, manager?: EntityManager): Promise<BookingKindSettings> {
    return (await this.all(manager)).find((s) => s.kind === kind)!;
  }

  /** A kind residents can book now, or 400. */
  async enabled(kind: BookingKind, manager?: EntityManager): Promise<BookingKindSettings> {
    const settings = await this.get(kind, manager);
    if (!settings.enabled)
      throw AppException.badRequest(
        '该预约类型暂未开放',
        { fields: [{ field: 'kind', constraint: 'enabled', message: '该预约类型暂未开放' }] },
        'VALIDATION_FAILED',
      );
    return settings;
  }

  async put(kind: BookingKind, dto: BookingSettingsInputDto): Promise<BookingKindSettings> {
    await this.repo.save(this.repo.create({ kind, ...dto }));
    return this.get(kind);
  }
}
