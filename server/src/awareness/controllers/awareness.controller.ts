import { Body, Controller, Delete, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentStaff, StaffOnly } from '../../common/access/decorators';
import type { StaffPrincipal } from '../../common/access/principal';
import { IdParam } from '../../common/http/id-param';
import { jobDto } from '../../common/jobs/jobs.service';
import { Audited } from '../../audit/audited.decorator';
import { AwarenessQueryDto, AwarenessFiltersDto, AwarenessTargetInputDto, ReportInputDto, TrendQueryDto, UpliftQueryDto } from '../dto/awareness.dto';
import { AwarenessReportJob } from '../services/awareness-report';
import { AwarenessService } from '../services/awareness.service';
import { Endpoint } from '../../common/http/openapi';

@ApiTags('awareness')
@Controller('admin/awareness')
export class AwarenessController {
  constructor(
    private readonly awareness: AwarenessService,
    private readonly reports: AwarenessReportJob,
  ) {}

  @Endpoint('知晓率报表（按维度分组，含置信区间与目标对比）', 'AwarenessReport')
  @Get()
  @StaffOnly('awareness.read')
  report(@CurrentStaff() staff: StaffPrincipal, @Query() q: AwarenessQueryDto) {
    return this.awareness.report(staff, q, q.dimension ?? 'region');
  }

  @Endpoint('各知识点答错率排名及推荐文章', 'KnowledgePointReport')
  @Get('knowledge-points')
  @StaffOnly('awareness.read')
  knowledgePoints(@CurrentStaff() staff: StaffPrincipal, @Query() q: AwarenessFiltersDto) {
    return this.awareness.knowledgePoints(staff, q);
  }

  @Endpoint('历次知晓率调查的趋势', ['AwarenessTrendPoint'])
  @Get('trend')
  @StaffOnly('awareness.read')
  trend(@CurrentStaff() staff: StaffPrincipal, @Query() q: TrendQueryDto) {
    return this.awareness.trend(staff, q);
  }

  @Endpoint('前测与后测的知晓率提升', 'UpliftReport')
  @Get('uplift')
  @StaffOnly('awareness.read')
  uplift(@CurrentStaff() staff: StaffPrincipal, @Query() q: UpliftQueryDto) {
    return this.awareness.uplift(staff, q.postQuizId);
  }

  @Endpoint('知晓率目标列表', ['AwarenessTargetDto'])
  @Get('targets')
  @StaffOnly('awareness.read')
  targets(@CurrentStaff() staff: StaffPrincipal) {
    return this.awareness.listTargets(staff);
  }

  @Endpoint('新增知晓率目标', 'AwarenessTargetDto')
  @Post('targets')
  @StaffOnly('awareness.read', 'regions.manage')
  @Audited('awareness_target.create', 'awareness_target')
  createTarget(@CurrentStaff() staff: StaffPrincipal, @Body() dto: AwarenessTargetInputDto) {
    return this.awareness.createTarget(staff, dto);
  }

  @Endpoint('删除知晓率目标', null)
  @Delete('targets/:id')
  @HttpCode(204)
  @StaffOnly('awareness.read', 'regions.manage')
  @Audited('awareness_target.delete', 'awareness_target')
  removeTarget(@CurrentStaff() staff: StaffPrincipal, @IdParam() id: number) {
    return this.awareness.removeTarget(staff, id);
  }

  /** 202: the report is built in the background; poll GET /admin/jobs/:id. */
  @Endpoint('生成知晓率报表文件（后台任务）', 'JobDto')
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
