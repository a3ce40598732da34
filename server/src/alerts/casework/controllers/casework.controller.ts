import { Body, Controller, Get, HttpCode, Post, Put, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { AlertCase, AlertDetail, AlertIndicators, ReferralTarget } from '@xinqiao/shared';
import type { FastifyReply } from 'fastify';
import { Audited, AuditedRead } from '../../../audit/audited.decorator';
import { CurrentStaff, StaffOnly } from '../../../common/access/decorators';
import type { StaffPrincipal } from '../../../common/access/principal';
import { IdParam } from '../../../common/http/id-param';
import { ApiConflicts, Endpoint } from '../../../common/http/openapi';
import { fileAnswer } from '../../../common/http/send-file';
import { AlertsService } from '../../services/alerts.service';
import { AlertIndicatorsQueryDto, FollowUpPlanDto, ReferralDto, ReferralOutcomeDto, ReferralResponseDto } from '../dto/casework.dto';
import { CaseworkService } from '../services/casework.service';
import { AlertIndicatorsService } from '../services/indicators.service';

/** Casework on the alert queue: plans, referral, the resident's file, and the region's indicators. */
@ApiTags('alerts')
@Controller('admin/alerts')
export class CaseworkController {
  constructor(
    private readonly casework: CaseworkService,
    private readonly alerts: AlertsService,
    private readonly indicatorsService: AlertIndicatorsService,
  ) {}

  /** The station directory's referral institutions: places, not people. */
  @Endpoint('转介接收机构目录', ['ReferralTarget'])
  @Get('referral-targets')
  @StaffOnly('alerts.handle')
  referralTargets(@CurrentStaff() staff: StaffPrincipal): Promise<ReferralTarget[]> {
    return this.casework.referralTargets(staff);
  }

  /** Counts and times by month and region, small cells withheld: nothing about any one resident. */
  @Endpoint('预警处置指标（按月份与区域，小样本不显示）', 'AlertIndicators')
  @Get('indicators')
  @StaffOnly('alerts.oversee')
  indicators(@CurrentStaff() staff: StaffPrincipal, @Query() q: AlertIndicatorsQueryDto): Promise<AlertIndicators> {
    return this.indicatorsService.indicators(staff, q);
  }

  @Endpoint('导出预警处置指标（Excel）', { file: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' })
  @Get('indicators/export')
  @StaffOnly('alerts.oversee')
  @AuditedRead('alert_indicators.export', 'alert_indicators')
  async exportIndicators(@CurrentStaff() staff: StaffPrincipal, @Query() q: AlertIndicatorsQueryDto, @Res({ passthrough: true }) reply: FastifyReply) {
    return fileAnswer(reply, '预警处置指标.xlsx', await this.indicatorsService.workbook(staff, q));
  }

  /** 一户一档: the resident's results, alerts, contacts, referrals and bookings; the assignee only, every read recorded. */
  @Endpoint('一户一档（仅认领人，读取留痕）', 'AlertCase')
  @Get(':id/case')
  @StaffOnly('alerts.handle')
  @AuditedRead('alert.case.read', 'alert')
  caseView(@CurrentStaff() staff: StaffPrincipal, @IdParam() id: number): Promise<AlertCase> {
    return this.casework.caseOf(staff, id);
  }

  @Endpoint('设定下次随访计划', 'AlertDetail')
  @ApiConflicts('INVALID_STATE')
  @Put(':id/plan')
  @StaffOnly('alerts.handle')
  @Audited('alert.plan', 'alert')
  async plan(@CurrentStaff() staff: StaffPrincipal, @IdParam() id: number, @Body() dto: FollowUpPlanDto): Promise<AlertDetail> {
    await this.casework.setPlan(staff, id, dto);
    return this.alerts.detail(staff, id);
  }

  @Endpoint('登记转介', 'AlertDetail')
  @ApiConflicts('INVALID_STATE')
  @Post(':id/referrals')
  @StaffOnly('alerts.handle')
  @Audited('alert.referral', 'alert')
  async refer(@CurrentStaff() staff: StaffPrincipal, @IdParam() id: number, @Body() dto: ReferralDto): Promise<AlertDetail> {
    await this.casework.refer(staff, id, dto);
    return this.alerts.detail(staff, id);
  }

  @Endpoint('登记转介接收情况', 'AlertDetail')
  @ApiConflicts('INVALID_STATE')
  @Post(':id/referrals/:referralId/response')
  @HttpCode(200)
  @StaffOnly('alerts.handle')
  @Audited('alert.referral.response', 'alert')
  async respond(
    @CurrentStaff() staff: StaffPrincipal,
    @IdParam() id: number,
    @IdParam('referralId') referralId: number,
    @Body() dto: ReferralResponseDto,
  ): Promise<AlertDetail> {
    await this.casework.respond(staff, id, referralId, dto);
    return this.alerts.detail(staff, id);
  }

  @Endpoint('登记转介结果', 'AlertDetail')
  @ApiConflicts('INVALID_STATE')
  @Post(':id/referrals/:referralId/outcome')
  @HttpCode(200)
  @StaffOnly('alerts.handle')
  @Audited('alert.referral.outcome', 'alert')
  async outcome(
    @CurrentStaff() staff: StaffPrincipal,
    @IdParam() id: number,
    @IdParam('referralId') referralId: number,
    @Body() dto: ReferralOutcomeDto,
  ): Promise<AlertDetail> {
    await this.casework.recordOutcome(staff, id, referralId, dto);
    return this.alerts.detail(staff, id);
  }
}
