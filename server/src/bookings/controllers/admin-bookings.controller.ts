import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { plainToInstance } from 'class-transformer';
import { ValidationError, validateSync } from 'class-validator';
import { BOOKING_KINDS, type AvailabilityBlock, type AvailabilityException, type BookingDetail, type BookingKind, type BookingKindSettings, type BookingRow, type BookingStats, type CallbackLine, type Page, type SessionNote } from '@xinqiao/shared';
import type { FastifyReply } from 'fastify';
import { CurrentStaff, StaffOnly, StaffWithAny } from '../../common/access/decorators';
import type { StaffPrincipal } from '../../common/access/principal';
import { AppException } from '../../common/errors/app-exception';
import { validationException } from '../../common/errors/validation';
import { IdParam } from '../../common/http/id-param';
import { fileAnswer } from '../../common/http/send-file';
import { Audited, AuditedRead } from '../../audit/audited.decorator';
import {
  AdminBookingQueryDto,
  AvailabilityBlockInputDto,
  AvailabilityExceptionInputDto,
  AvailabilityExceptionQueryDto,
  BookingSettingsInputDto,
  BookingStatsQueryDto,
  CallbackLineInputDto,
  HandoverInputDto,
  SessionNoteInputDto,
  StaffCancelInputDto,
} from '../dto/booking.dto';
import { AvailabilityService } from '../services/availability.service';
import { BookingSettingsService } from '../services/booking-settings.service';
import { BookingStatsService } from '../services/booking-stats.service';
import { CallbackLinesService } from '../services/callback-lines.service';
import { StaffBookingsService } from '../services/staff-bookings.service';

/** The week is sent as a JSON array; each element is checked as the DTO, named by position (`2.end`). */
function blockList(body: unknown): AvailabilityBlockInputDto[] {
  if (!Array.isArray(body)) throw AppException.badRequest('请求体必须是时段数组', undefined, 'VALIDATION_FAILED');
  if (body.length > 70) throw AppException.badRequest('每周最多 70 个时段', { fields: [{ field: 'blocks', constraint: 'arrayMaxSize', message: '每周最多 70 个时段' }] }, 'VALIDATION_FAILED');
  const items = body.map((b: unknown) => plainToInstance(AvailabilityBlockInputDto, typeof b === 'object' && b !== null ? b : {}));
  const errors = items.flatMap((item, i) => {
    const children = validateSync(item, { whitelist: true, forbidNonWhitelisted: true });
    return children.length ? [Object.assign(new ValidationError(), { property: String(i), children })] : [];
  });
  if (errors.length) throw validationException(errors);
  return items;
}

/** Bookings of the caller's region: lists and calendars, handling, notes, stats, and the rules of each kind. */
@ApiTags('bookings')
@Controller('admin/bookings')
export class AdminBookingsController {
  constructor(
    private readonly bookings: StaffBookingsService,
    private readonly stats: BookingStatsService,
    private readonly settings: BookingSettingsService,
  ) {}

  /** Rows carry the contact phone (in full for the assigned counsellor): a read of personal data. */
  @Get()
  @StaffWithAny('bookings.handle', 'bookings.oversee')
  @AuditedRead('booking.list', 'booking')
  list(@CurrentStaff() staff: StaffPrincipal, @Query() q: AdminBookingQueryDto): Promise<Page<BookingRow>> {
    return this.bookings.list(staff, q);
  }

  @Get('stats')
  @StaffOnly('bookings.oversee')
  statistics(@CurrentStaff() staff: StaffPrincipal, @Query() q: BookingStatsQueryDto): Promise<BookingStats> {
    return this.stats.stats(staff, q);
  }

  @Get('stats/export')
  @StaffOnly('bookings.oversee')
  @AuditedRead('booking_stats.export', 'booking_stats')
  async exportStatistics(@CurrentStaff() staff: StaffPrincipal, @Query() q: BookingStatsQueryDto, @Res({ passthrough: true }) reply: FastifyReply) {
    return fileAnswer(reply, '预约统计.xlsx', await this.stats.workbook(staff, q));
  }

  @Get('settings')
  @StaffWithAny('bookings.configure', 'bookings.oversee', 'bookings.handle')
  settingsList(): Promise<BookingKindSettings[]> {
    return this.settings.all();
  }

  @Put('settings/:kind')
  @StaffOnly('bookings.configure')
  @Audited('booking_settings.update', 'booking_settings')
  putSettings(@Param('kind') kind: string, @Body() dto: BookingSettingsInputDto): Promise<BookingKindSettings> {
    if (!(BOOKING_KINDS as readonly string[]).includes(kind)) throw AppException.badRequest(`路径参数 kind 的取值无效（可选：${BOOKING_KINDS.join('、')}）`, undefined, 'VALIDATION_FAILED');
    return this.settings.put(kind as BookingKind, dto);
  }

  @Get(':id')
  @StaffWithAny('bookings.handle', 'bookings.oversee')
  @AuditedRead('booking.read', 'booking')
  detail(@CurrentStaff() staff: StaffPrincipal, @IdParam() id: number): Promise<BookingDetail> {
    return this.bookings.detail(staff, id);
  }

  @Post(':id/attended')
  @HttpCode(200)
  @StaffWithAny('bookings.handle', 'bookings.oversee')
  @Audited('booking.attended', 'booking')
  attended(@CurrentStaff() staff: StaffPrincipal, @IdParam() id: number): Promise<BookingDetail> {
    return this.bookings.mark(staff, id, 'attended');
  }

  @Post(':id/no-show')
  @HttpCode(200)
  @StaffWithAny('bookings.handle', 'bookings.oversee')
  @Audited('booking.no_show', 'booking')
  noShow(@CurrentStaff() staff: StaffPrincipal, @IdParam() id: number): Promise<BookingDetail> {
    return this.bookings.mark(staff, id, 'no_show');
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @StaffWithAny('bookings.handle', 'bookings.oversee')
  @Audited('booking.cancel', 'booking')
  cancel(@CurrentStaff() staff: StaffPrincipal, @IdParam() id: number, @Body() dto: StaffCancelInputDto): Promise<BookingDetail> {
    return this.bookings.cancel(staff, id, dto.reason);
  }

  @Post(':id/handover')
  @HttpCode(200)
  @StaffWithAny('bookings.handle', 'bookings.oversee')
  @Audited('booking.handover', 'booking')
  handover(@CurrentStaff() staff: StaffPrincipal, @IdParam() id: number, @Body() dto: HandoverInputDto): Promise<BookingDetail> {
    return this.bookings.handover(staff, id, dto.counsellorId);
  }

  @Get(':id/notes')
  @StaffOnly('bookings.handle')
  @AuditedRead('booking.notes.read', 'booking')
  notes(@CurrentStaff() staff: StaffPrincipal, @IdParam() id: number): Promise<SessionNote[]> {
    return this.bookings.notes(staff, id);
  }

  @Post(':id/notes')
  @StaffOnly('bookings.handle')
  @Audited('booking.notes.create', 'booking')
  addNote(@CurrentStaff() staff: StaffPrincipal, @IdParam() id: number, @Body() dto: SessionNoteInputDto): Promise<SessionNote> {
    return this.bookings.addNote(staff, id, dto.text);
  }
}

/** A counsellor's weekly availability and dated exceptions (station managers; a counsellor for their own). */
@ApiTags('bookings')
@Controller('admin/counsellors/:id/availability')
export class AvailabilityController {
  constructor(private readonly availability: AvailabilityService) {}

  @Get()
  @StaffWithAny('bookings.handle', 'stations.manage')
  week(@CurrentStaff() staff: StaffPrincipal, @IdParam() id: number): Promise<AvailabilityBlock[]> {
    return this.availability.week(staff, id);
  }

  @Put()
  @StaffWithAny('bookings.handle', 'stations.manage')
  @Audited('availability.update', 'counsellor')
  putWeek(@CurrentStaff() staff: StaffPrincipal, @IdParam() id: number, @Body() body: unknown): Promise<AvailabilityBlock[]> {
    return this.availability.putWeek(staff, id, blockList(body));
  }

  @Get('exceptions')
  @StaffWithAny('bookings.handle', 'stations.manage')
  exceptions(@CurrentStaff() staff: StaffPrincipal, @IdParam() id: number, @Query() q: AvailabilityExceptionQueryDto): Promise<AvailabilityException[]> {
    return this.availability.exceptions(staff, id, q);
  }

  @Put('exceptions')
  @StaffWithAny('bookings.handle', 'stations.manage')
  @Audited('availability.exception', 'counsellor')
  putException(@CurrentStaff() staff: StaffPrincipal, @IdParam() id: number, @Body() dto: AvailabilityExceptionInputDto): Promise<AvailabilityException> {
    return this.availability.putException(staff, id, dto);
  }

  @Delete('exceptions/:exceptionId')
  @HttpCode(204)
  @StaffWithAny('bookings.handle', 'stations.manage')
  @Audited('availability.exception.delete', 'counsellor')
  removeException(@CurrentStaff() staff: StaffPrincipal, @IdParam() id: number, @IdParam('exceptionId') exceptionId: number): Promise<void> {
    return this.availability.removeException(staff, id, exceptionId);
  }
}

/** Hotlines that offer call-backs, in the caller's region. */
@ApiTags('bookings')
@Controller('admin/callback-lines')
export class AdminCallbackLinesController {
  constructor(private readonly lines: CallbackLinesService) {}

  @Get()
  @StaffOnly('stations.manage')
  list(@CurrentStaff() staff: StaffPrincipal): Promise<CallbackLine[]> {
    return this.lines.list(staff);
  }

  @Post()
  @StaffOnly('stations.manage')
  @Audited('callback_line.create', 'callback_line')
  create(@CurrentStaff() staff: StaffPrincipal, @Body() dto: CallbackLineInputDto): Promise<CallbackLine> {
    return this.lines.create(staff, dto);
  }

  @Put(':id')
  @StaffOnly('stations.manage')
  @Audited('callback_line.update', 'callback_line')
  update(@CurrentStaff() staff: StaffPrincipal, @IdParam() id: number, @Body() dto: CallbackLineInputDto): Promise<CallbackLine> {
    return this.lines.update(staff, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @StaffOnly('stations.manage')
  @Audited('callback_line.delete', 'callback_line')
  remove(@CurrentStaff() staff: StaffPrincipal, @IdParam() id: number): Promise<void> {
    return this.lines.remove(staff, id);
  }
}
