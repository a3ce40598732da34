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
import { Endpoint } from '../../common/http/openapi';

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

  @Endpoint('活动管理列表', { page: 'AdminEventRow' })
  @Get()
  @StaffWithAny('events.manage', 'events.checkin')
  list(@CurrentStaff() staff: StaffPrincipal, @Query() q: AdminEventListQueryDto) {
    return this.events.list(staff, q);
  }

  @Endpoint('活动统计', 'EventStatsDto')
  @Get('stats')
  @StaffOnly('events.manage')
  stats(@CurrentStaff() staff: StaffPrincipal, @Query() q: EventStatsQueryDto) {
    return this.reports.stats(staff, q);
  }

  @Endpoint('“六进”宣讲覆盖情况', 'CoverageDto')
  @Get('coverage')
  @StaffOnly('events.manage')
  coverage(@CurrentStaff() staff: StaffPrincipal, @Query() q: CoverageQueryDto) {
    return this.reports.coverage(staff, q);
  }

  @Endpoint('活动详情（管理端）', 'AdminEvent')
  @Get(':id')
  @StaffWithAny('events.manage', 'events.checkin')
  get(@CurrentStaff() staff: StaffPrincipal, @IdParam() id: number) {
    return this.events.get(staff, id);
  }

  @Endpoint('新建活动', 'AdminEvent')
  @Post()
  @StaffOnly('events.manage')
  @Audited('event.create', 'event')
  create(@CurrentStaff() staff: StaffPrincipal, @Body() dto: EventInputDto) {
    return this.events.create(staff, dto);
  }

  @Endpoint('修改活动', 'AdminEvent')
  @Put(':id')
  @StaffOnly('events.manage')
  @Audited('event.update', 'event')
  update(@CurrentStaff() staff: StaffPrincipal, @IdParam() id: number, @Body() dto: EventInputDto) {
    return this.events.update(staff, id, dto);
  }

  @Endpoint('发布活动', 'AdminEvent')
  @Post(':id/publish')
  @HttpCode(200)
  @StaffOnly('events.manage')
  @Audited('event.publish', 'event')
  publish(@CurrentStaff() staff: StaffPrincipal, @IdParam() id: number) {
    return this.events.publish(staff, id);
  }

  @Endpoint('取消活动', 'AdminEvent')
  @Post(':id/cancel')
  @HttpCode(200)
  @StaffOnly('events.manage')
  @Audited('event.cancel', 'event')
  cancel(@CurrentStaff() staff: StaffPrincipal, @IdParam() id: number, @Body() dto: EventCancelDto) {
    return this.events.cancel(staff, id, dto);
  }

  @Endpoint('删除活动', null)
  @Delete(':id')
  @HttpCode(204)
  @StaffOnly('events.manage')
  @Audited('event.delete', 'event')
  async remove(@CurrentStaff() staff: StaffPrincipal, @IdParam() id: number) {
    await this.events.remove(staff, id);
  }

  /** Names and phone numbers: every read is recorded. */
  @Endpoint('报名与签到名单', { page: 'AttendeeRow' })
  @Get(':id/registrations')
  @StaffWithAny('events.manage', 'events.checkin')
  @AuditedRead('event.attendees.read', 'event')
  async attendeeList(@CurrentStaff() staff: StaffPrincipal, @IdParam() id: number, @Query() q: AttendeeQueryDto) {
    return this.attendees.list(staff, await this.events.find(staff, id), q);
  }

  @Endpoint('导出报名签到表（Excel）', { file: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' })
  @Get(':id/registrations/export')
  @StaffOnly('events.manage')
  @AuditedRead('event.attendees.export', 'event')
  async exportAttendees(
    @CurrentStaff() staff: StaffPrincipal,
    @IdParam() id: number,
    @Query() q: AttendeeQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const event = await this.events.find(staff, id);
    return streamAnswer(reply, `活动报名签到表-${event.id}.xlsx`, (out) => this.attendees.export(staff, event, q, out));
  }

  @Endpoint('活动通知发送记录', { page: 'EventNotificationRow' })
  @Get(':id/notifications')
  @StaffOnly('events.manage')
  async notificationList(@CurrentStaff() staff: StaffPrincipal, @IdParam() id: number, @Query() q: EventNotificationQueryDto) {
    return this.notifications.list((await this.events.find(staff, id)).id, q);
  }

  /** The event key and masked ticket list for checking in while offline. */
  @Endpoint('离线签到包（活动密钥与脱敏票据）', 'CheckinKit')
  @Get(':id/checkin-kit')
  @StaffOnly('events.checkin')
  @AuditedRead('event.checkin_kit', 'event')
  kit(@CurrentStaff() staff: StaffPrincipal, @IdParam() id: number) {
    return this.checkins.kit(staff, id);
  }

  /** One scan online, or the queue built up offline; answers one result per item. */
  @Endpoint('提交签到（在线单次或离线队列）', ['StaffCheckinItemResult'])
  @Post(':id/checkins')
  @HttpCode(200)
  @StaffOnly('events.checkin')
  @Audited('event.checkin_batch', 'event')
  checkinBatch(@CurrentStaff() staff: StaffPrincipal, @IdParam() id: number, @Body() dto: StaffCheckinBatchDto) {
    return this.checkins.staffBatch(staff, id, dto);
  }

  @Endpoint('现场签到码', 'ScreenCodeDto')
  @Get(':id/checkin-code')
  @StaffOnly('events.checkin')
  screenCode(@CurrentStaff() staff: StaffPrincipal, @IdParam() id: number) {
    return this.checkins.screenCode(staff, id);
  }

  @Endpoint('活动小程序码图片', { file: 'image/png' })
  @Get(':id/wxacode')
  @StaffOnly('events.manage')
  async eventCode(@CurrentStaff() staff: StaffPrincipal, @IdParam() id: number, @Res({ passthrough: true }) reply: FastifyReply) {
    const { contentType, bytes } = await this.checkins.eventCode(staff, id);
    return fileAnswer(reply, `活动小程序码-${id}.${contentType === 'image/jpeg' ? 'jpg' : 'png'}`, bytes);
  }
}
