import { Body, Controller, Delete, Get, HttpCode, Post, Put, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Audited, AuditedRead } from '../../audit/audited.decorator';
import { CurrentStaff, StaffOnly, StaffWithAny } from '../../common/access/decorators';
import type { StaffPrincipal } from '../../common/access/principal';
import { IdParam } from '../../common/http/id-param';
import { fileAnswer, streamAnswer } from '../../common/http/send-file';
import { AttendeesService } from '../services/attendees.service';
import { CheckinsService } from '../services/checkins.service';
import { AdminEventListQueryDto, EventCancelDto, EventInputDto } from '../dto/event.dto';
import { AttendeeQueryDto, EventNotificationQueryDto } from '../dto/attendee.dto';
import { StaffCheckinBatchDto } from '../dto/checkin.dto';
import { CoverageQueryDto, EventStatsQueryDto } from '../dto/report.dto';
import { EventNotificationsService } from '../services/event-notifications.service';
import { EventReportsService } from '../services/event-reports.service';
import { EventsService } from '../services/events.service';

@ApiTags('events')
@Controller('admin/events')
export class AdminEventsController {
  constructor(
    private readonly events: EventsService,
    private readonly attendees: AttendeesService,
    private readonly checkins: CheckinsService,
    private readonly notifications: EventNotificationsService,
    private readonly reports: EventReportsService,
  ) {}

  @Get()
  @StaffWithAny('events.manage', 'events.checkin')
  list(@CurrentStaff() staff: StaffPrincipal, @Query() q: AdminEventListQueryDto) {
    return this.events.list(staff, q);
  }

  @Get('stats')
  @StaffOnly('events.manage')
  stats(@CurrentStaff() staff: StaffPrincipal, @Query() q: EventStatsQueryDto) {
    return this.reports.stats(staff, q);
  }

  @Get('coverage')
  @StaffOnly('events.manage')
  coverage(@CurrentStaff() staff: StaffPrincipal, @Query() q: CoverageQueryDto) {
    return this.reports.coverage(staff, q);
  }

  @Get(':id')
  @StaffWithAny('events.manage', 'events.checkin')
  get(@CurrentStaff() staff: StaffPrincipal, @IdParam() id: number) {
    return this.events.get(staff, id);
  }

  @Post()
  @StaffOnly('events.manage')
  @Audited('event.create', 'event')
  create(@CurrentStaff() staff: StaffPrincipal, @Body() dto: EventInputDto) {
    return this.events.create(staff, dto);
  }

  @Put(':id')
  @StaffOnly('events.manage')
  @Audited('event.update', 'event')
  update(@CurrentStaff() staff: StaffPrincipal, @IdParam() id: number, @Body() dto: EventInputDto) {
    return this.events.update(staff, id, dto);
  }

  @Post(':id/publish')
  @HttpCode(200)
  @StaffOnly('events.manage')
  @Audited('event.publish', 'event')
  publish(@CurrentStaff() staff: StaffPrincipal, @IdParam() id: number) {
    return this.events.publish(staff, id);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @StaffOnly('events.manage')
  @Audited('event.cancel', 'event')
  cancel(@CurrentStaff() staff: StaffPrincipal, @IdParam() id: number, @Body() dto: EventCancelDto) {
    return this.events.cancel(staff, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @StaffOnly('events.manage')
  @Audited('event.delete', 'event')
  async remove(@CurrentStaff() staff: StaffPrincipal, @IdParam() id: number) {
    await this.events.remove(staff, id);
  }

  /** Names and phone numbers: every read is recorded. */
  @Get(':id/registrations')
  @StaffWithAny('events.manage', 'events.checkin')
  @AuditedRead('event.attendees.read', 'event')
  async attendeeList(@CurrentStaff() staff: StaffPrincipal, @IdParam() id: number, @Query() q: AttendeeQueryDto) {
    return this.attendees.list(staff, await this.events.find(staff, id), q);
  }

  @Get(':id/registrations/export')
  @StaffOnly('events.manage')
  @AuditedRead('event.attendees.export', 'event')
  async exportAttendees(@CurrentStaff() staff: StaffPrincipal, @IdParam() id: number, @Query() q: AttendeeQueryDto, @Res({ passthrough: true }) reply: FastifyReply) {
    const event = await this.events.find(staff, id);
    return streamAnswer(reply, `活动报名签到表-${event.id}.xlsx`, (out) => this.attendees.export(staff, event, q, out));
  }

  @Get(':id/notifications')
  @StaffOnly('events.manage')
  async notificationList(@CurrentStaff() staff: StaffPrincipal, @IdParam() id: number, @Query() q: EventNotificationQueryDto) {
    return this.notifications.list((await this.events.find(staff, id)).id, q);
  }

  /** The event key and masked ticket list for checking in while offline. */
  @Get(':id/checkin-kit')
  @StaffOnly('events.checkin')
  @AuditedRead('event.checkin_kit', 'event')
  kit(@CurrentStaff() staff: StaffPrincipal, @IdParam() id: number) {
    return this.checkins.kit(staff, id);
  }

  /** One scan online, or the queue built up offline; answers one result per item. */
  @Post(':id/checkins')
  @HttpCode(200)
  @StaffOnly('events.checkin')
  @Audited('event.checkin_batch', 'event')
  checkinBatch(@CurrentStaff() staff: StaffPrincipal, @IdParam() id: number, @Body() dto: StaffCheckinBatchDto) {
    return this.checkins.staffBatch(staff, id, dto);
  }

  @Get(':id/checkin-code')
  @StaffOnly('events.checkin')
  screenCode(@CurrentStaff() staff: StaffPrincipal, @IdParam() id: number) {
    return this.checkins.screenCode(staff, id);
  }

  @Get(':id/wxacode')
  @StaffOnly('events.manage')
  async eventCode(@CurrentStaff() staff: StaffPrincipal, @IdParam() id: number, @Res({ passthrough: true }) reply: FastifyReply) {
    const { contentType, bytes } = await this.checkins.eventCode(staff, id);
    return fileAnswer(reply, `活动小程序码-${id}.${contentType === 'image/jpeg' ? 'jpg' : 'png'}`, bytes);
  }
}
