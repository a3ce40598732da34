import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentStaff, StaffOnly } from '../common/access/decorators';
import type { StaffPrincipal } from '../common/access/principal';
import { IdParam } from '../common/http/id-param';
import { Audited, AuditedRead } from '../audit/audited.decorator';
import { AlertQueryDto, CloseAlertDto, FollowUpDto } from './alert.dto';
import { AlertsService } from './alerts.service';

@ApiTags('alerts')
@Controller('admin/alerts')
export class AlertsController {
  constructor(private readonly alerts: AlertsService) {}

  @Get()
  @StaffOnly('alerts.oversee')
  list(@CurrentStaff() staff: StaffPrincipal, @Query() q: AlertQueryDto) {
    return this.alerts.list(staff, q);
  }

  @Get('summary')
  @StaffOnly('alerts.oversee')
  summary(@CurrentStaff() staff: StaffPrincipal) {
    return this.alerts.summary(staff);
  }

  /** The resident's answers and contact: only counsellors, and every read is recorded. */
  @Get(':id')
  @StaffOnly('alerts.handle')
  @AuditedRead('alert.read', 'alert')
  get(@CurrentStaff() staff: StaffPrincipal, @IdParam() id: number) {
    return this.alerts.detail(staff, id);
  }

  @Post(':id/claim')
  @HttpCode(200)
  @StaffOnly('alerts.handle')
  @Audited('alert.claim', 'alert')
  claim(@CurrentStaff() staff: StaffPrincipal, @IdParam() id: number) {
    return this.alerts.claim(staff, id);
  }

  @Post(':id/follow-ups')
  @StaffOnly('alerts.handle')
  @Audited('alert.follow_up', 'alert')
  followUp(@CurrentStaff() staff: StaffPrincipal, @IdParam() id: number, @Body() dto: FollowUpDto) {
    return this.alerts.addFollowUp(staff, id, dto);
  }

  @Post(':id/close')
  @HttpCode(200)
  @StaffOnly('alerts.handle')
  @Audited('alert.close', 'alert')
  close(@CurrentStaff() staff: StaffPrincipal, @IdParam() id: number, @Body() dto: CloseAlertDto) {
    return this.alerts.close(staff, id, dto);
  }
}
