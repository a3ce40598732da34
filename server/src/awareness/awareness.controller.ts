import { Body, Controller, Delete, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentStaff, StaffOnly } from '../common/access/decorators';
import type { StaffPrincipal } from '../common/access/principal';
import { IdParam } from '../common/http/id-param';
import { jobDto } from '../common/jobs/jobs.service';
import { Audited } from '../audit/audited.decorator';
import { AwarenessQueryDto, AwarenessFiltersDto, AwarenessTargetInputDto, ReportInputDto, TrendQueryDto, UpliftQueryDto } from './awareness.dto';
import { AwarenessReportJob } from './awareness-report';
import { AwarenessService } from './awareness.service';

@ApiTags('awareness')
@Controller('admin/awareness')
export class AwarenessController {
  constructor(
    private readonly awareness: AwarenessService,
    private readonly reports: AwarenessReportJob,
  ) {}

  @Get()
  @StaffOnly('awareness.read')
  report(@CurrentStaff() staff: StaffPrincipal, @Query() q: AwarenessQueryDto) {
    return this.awareness.report(staff, q, q.dimension ?? 'region');
  }

  @Get('knowledge-points')
  @StaffOnly('awareness.read')
  knowledgePoints(@CurrentStaff() staff: StaffPrincipal, @Query() q: AwarenessFiltersDto) {
    return this.awareness.knowledgePoints(staff, q);
  }

  @Get('trend')
  @StaffOnly('awareness.read')
  trend(@CurrentStaff() staff: StaffPrincipal, @Query() q: TrendQueryDto) {
    return this.awareness.trend(staff, q);
  }

  @Get('uplift')
  @StaffOnly('awareness.read')
  uplift(@CurrentStaff() staff: StaffPrincipal, @Query() q: UpliftQueryDto) {
    return this.awareness.uplift(staff, q.postQuizId);
  }

  @Get('targets')
  @StaffOnly('awareness.read')
  targets(@CurrentStaff() staff: StaffPrincipal) {
    return this.awareness.listTargets(staff);
  }

  @Post('targets')
  @StaffOnly('awareness.read', 'regions.manage')
  @Audited('awareness_target.create', 'awareness_target')
  createTarget(@CurrentStaff() staff: StaffPrincipal, @Body() dto: AwarenessTargetInputDto) {
    return this.awareness.createTarget(staff, dto);
  }

  @Delete('targets/:id')
  @HttpCode(204)
  @StaffOnly('awareness.read', 'regions.manage')
  @Audited('awareness_target.delete', 'awareness_target')
  removeTarget(@CurrentStaff() staff: StaffPrincipal, @IdParam() id: number) {
    return this.awareness.removeTarget(staff, id);
  }

  /** 202: the report is built in the background; poll GET /admin/jobs/:id. */
  @Post('reports')
  @HttpCode(202)
  @StaffOnly('awareness.read')
  @Audited('awareness_report.create', 'job')
  async startReport(@CurrentStaff() staff: StaffPrincipal, @Body() dto: ReportInputDto) {
    // Checked now, so a bad request fails here rather than in the background.
    await this.awareness.report(staff, { quizIds: dto.quizIds, regionId: dto.regionId }, 'region');
    return jobDto(await this.reports.start(staff, dto.quizIds, dto.regionId ?? staff.regionId));
  }
}
