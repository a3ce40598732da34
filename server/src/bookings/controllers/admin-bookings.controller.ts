import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  BOOKING_KINDS,
  type BookingDetail,
  type BookingKind,
  type BookingKindSettings,
  type BookingRow,
  type BookingStats,
  type Page,
  type SessionNote,
} from '@xinqiao/shared';
import type { FastifyReply } from 'fastify';
import { CurrentStaff, StaffOnly, StaffWithAny } from '../../common/access/decorators';
import type { StaffPrincipal } from '../../common/access/principal';
import { AppException } from '../../common/errors/app-exception';
import { IdParam } from '../../common/http/id-param';
import { fileAnswer } from '../../common/http/send-file';
import { Audited, AuditedRead } from '../../audit/audited.decorator';
import {
  AdminBookingQueryDto,
  BookingSettingsInputDto,
  BookingStatsQueryDto,
  HandoverInputDto,
  SessionNoteInputDto,
  StaffCancelInputDto,
} from '../dto/booking.dto';
import { BookingSettingsService } from '../services/booking-settings.service';
import { BookingStatsService } from '../services/booking-stats.service';
import { StaffBookingsService } from '../services/staff-bookings.service';
import { ApiConflicts, Endpoint } from '../../common/http/openapi';

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
  @Endpoint('预约列表（管理端）', { page: 'BookingRow' })
  @Get()
  @StaffWithAny('bookings.handle', 'bookings.oversee')
  @AuditedRead('booking.list', 'booking')
  list(@CurrentStaff() staff: StaffPrincipal, @Query() q: AdminBookingQueryDto): Promise<Page<BookingRow>> {
    return this.bookings.list(staff, q);
  }

  @Endpoint('预约统计', 'BookingStats')
  @Get('stats')
  @StaffOnly('bookings.oversee')
  statistics(@CurrentStaff() staff: StaffPrincipal, @Query() q: BookingStatsQueryDto): Promise<BookingStats> {
    return this.stats.stats(staff, q);
  }

  @Endpoint('导出预约统计（Excel）', { file: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' })
  @Get('stats/export')
  @StaffOnly('bookings.oversee')
  @AuditedRead('booking_stats.export', 'booking_stats')
  async exportStatistics(@CurrentStaff() staff: StaffPrincipal, @Query() q: BookingStatsQueryDto, @Res({ passthrough: true }) reply: FastifyReply) {
    return fileAnswer(reply, '预约统计.xlsx', await this.stats.workbook(staff, q));
  }

  @Endpoint('各类预约的规则', ['BookingKindSettings'])
  @Get('settings')
  @StaffWithAny('bookings.configure', 'bookings.oversee', 'bookings.handle')
  settingsList(): Promise<BookingKindSettings[]> {
    return this.settings.all();
  }

  @Endpoint('修改一类预约的规则', 'BookingKindSettings')
  @Put('settings/:kind')
  @StaffOnly('bookings.configure')
  @Audited('booking_settings.update', 'booking_settings')
  putSettings(@Param('kind') kind: string, @Body() dto: BookingSettingsInputDto): Promise<BookingKindSettings> {
    if (!(BOOKING_KINDS as readonly string[]).includes(kind))
      throw AppException.badRequest(`路径参数 kind 的取值无效（可选：${BOOKING_KINDS.join('、')}）`, undefined, 'VALIDATION_FAILED');
    return this.settings.put(kind as BookingKind, dto);
  }

  @Endpoint('预约详情（管理端）', 'BookingDetail')
  @Get(':id')
  @StaffWithAny('bookings.handle', 'bookings.oversee')
  @AuditedRead('booking.read', 'booking')
  detail(@CurrentStaff() staff: StaffPrincipal, @IdParam() id: number): Promise<BookingDetail> {
    return this.bookings.detail(staff, id);
  }

  @Endpoint('标记已到场', 'BookingDetail')
  @ApiConflicts('INVALID_STATE')
  @Post(':id/attended')
  @HttpCode(200)
  @StaffWithAny('bookings.handle', 'bookings.oversee')
  @Audited('booking.attended', 'booking')
  attended(@CurrentStaff() staff: StaffPrincipal, @IdParam() id: number): Promise<BookingDetail> {
    return this.bookings.mark(staff, id, 'attended');
  }

  @Endpoint('标记未到场', 'BookingDetail')
  @ApiConflicts('INVALID_STATE')
  @Post(':id/no-show')
  @HttpCode(200)
  @StaffWithAny('bookings.handle', 'bookings.oversee')
  @Audited('booking.no_show', 'booking')
  noShow(@CurrentStaff() staff: StaffPrincipal, @IdParam() id: number): Promise<BookingDetail> {
    return this.bookings.mark(staff, id, 'no_show');
  }

  @Endpoint('工作人员取消预约', 'BookingDetail')
  @ApiConflicts('INVALID_STATE')
  @Post(':id/cancel')
  @HttpCode(200)
  @StaffWithAny('bookings.handle', 'bookings.oversee')
  @Audited('booking.cancel', 'booking')
  cancel(@CurrentStaff() staff: StaffPrincipal, @IdParam() id: number, @Body() dto: StaffCancelInputDto): Promise<BookingDetail> {
    return this.bookings.cancel(staff, id, dto.reason);
  }

  @Endpoint('转交预约给其他咨询师', 'BookingDetail')
  @ApiConflicts('SLOT_TAKEN', 'INVALID_STATE')
  @Post(':id/handover')
  @HttpCode(200)
  @StaffWithAny('bookings.handle', 'bookings.oversee')
  @Audited('booking.handover', 'booking')
  handover(@CurrentStaff() staff: StaffPrincipal, @IdParam() id: number, @Body() dto: HandoverInputDto): Promise<BookingDetail> {
    return this.bookings.handover(staff, id, dto.counsellorId);
  }

  @Endpoint('咨询记录', ['SessionNote'])
  @Get(':id/notes')
  @StaffOnly('bookings.handle')
  @AuditedRead('booking.notes.read', 'booking')
  notes(@CurrentStaff() staff: StaffPrincipal, @IdParam() id: number): Promise<SessionNote[]> {
    return this.bookings.notes(staff, id);
  }

  @Endpoint('添加咨询记录', 'SessionNote')
  @Post(':id/notes')
  @StaffOnly('bookings.handle')
  @Audited('booking.notes.create', 'booking')
  addNote(@CurrentStaff() staff: StaffPrincipal, @IdParam() id: number, @Body() dto: SessionNoteInputDto): Promise<SessionNote> {
    return this.bookings.addNote(staff, id, dto.text);
  }
}
