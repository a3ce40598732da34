import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentStaff, StaffOnly } from '../../common/access/decorators';
import type { StaffPrincipal } from '../../common/access/principal';
import { IdParam } from '../../common/http/id-param';
import { ApiConflicts, Endpoint } from '../../common/http/openapi';
import { Audited, AuditedRead } from '../../audit/audited.decorator';
import { AlertQueryDto, CloseAlertDto, FollowUpDto } from '../dto/alert.dto';
import { AlertsService } from '../services/alerts.service';

@ApiTags('alerts')
@Controller('admin/alerts')
export class AlertsController {
  constructor(private readonly alerts: AlertsService) {}

  @Endpoint('预警列表', { page: 'AlertRow' })
  @Get()
  @StaffOnly('alerts.oversee')
  list(@CurrentStaff() staff: StaffPrincipal, @Query() q: AlertQueryDto) {
    return this.alerts.list(staff, q);
  }

  @Endpoint('预警概况（按等级与状态计数）', 'AlertSummary')
  @Get('summary')
  @StaffOnly('alerts.oversee')
  summary(@CurrentStaff() staff: StaffPrincipal) {
    return this.alerts.summary(staff);
  }

  /** The resident's answers and contact: only counsellors, and every read is recorded. */
  @Endpoint('预警详情（含答卷与联系方式，读取留痕）', 'AlertDetail')
  @Get(':id')
  @StaffOnly('alerts.handle')
  @AuditedRead('alert.read', 'alert')
  get(@CurrentStaff() staff: StaffPrincipal, @IdParam() id: number) {
    return this.alerts.detail(staff, id);
  }

  @Endpoint('认领预警', 'AlertDetail')
  @ApiConflicts('CONFLICT', 'INVALID_STATE')
  @Post(':id/claim')
  @HttpCode(200)
  @StaffOnly('alerts.handle')
  @Audited('alert.claim', 'alert')
  claim(@CurrentStaff() staff: StaffPrincipal, @IdParam() id: number) {
    return this.alerts.claim(staff, id);
  }

  @Endpoint('记录一次跟进', 'AlertDetail')
  @ApiConflicts('INVALID_STATE')
  @Post(':id/follow-ups')
  @StaffOnly('alerts.handle')
  @Audited('alert.follow_up', 'alert')
  followUp(@CurrentStaff() staff: StaffPrincipal, @IdParam() id: number, @Body() dto: FollowUpDto) {
    return this.alerts.addFollowUp(staff, id, dto);
  }

  @Endpoint('结案', 'AlertDetail')
  @ApiConflicts('INVALID_STATE', 'REFERRAL_REQUIRED')
  @Post(':id/close')
  @HttpCode(200)
  @StaffOnly('alerts.handle')
  @Audited('alert.close', 'alert')
  close(@CurrentStaff() staff: StaffPrincipal, @IdParam() id: number, @Body() dto: CloseAlertDto) {
    return this.alerts.close(staff, id, dto);
  }
}
