import { Body, Controller, Get, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBody, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Audited, AuditedRead } from '../../audit/audited.decorator';
import { CurrentStaff, StaffOnly } from '../../common/access/decorators';
import type { StaffPrincipal } from '../../common/access/principal';
import { ApiConflicts, Endpoint, schemaRef } from '../../common/http/openapi';
import { fileAnswer } from '../../common/http/send-file';
import { ScaleEnableDto, ScaleImportDto, ScaleStatsQueryDto, ScaleVersionQueryDto } from '../dto/scale.dto';
import { ScaleStatsService } from '../services/scale-stats.service';
import { ScalesService } from '../services/scales.service';

@ApiTags('scales')
@Controller('admin/scales')
export class AdminScalesController {
  constructor(
    private readonly scales: ScalesService,
    private readonly stats: ScaleStatsService,
  ) {}

  @Endpoint('量表管理列表', ['AdminScale'])
  @Get()
  @StaffOnly('scales.manage')
  list() {
    return this.scales.adminList();
  }

  @Endpoint('预警规则', 'AlertRules')
  @Get('alert-rules')
  @StaffOnly('scales.manage')
  alertRules() {
    return this.scales.alertRules();
  }

  /** The body is the `AlertRules` object itself, checked by `validateAlertRules` for precise errors. */
  @Endpoint('修改预警规则', 'AlertRules')
  @ApiBody({ schema: schemaRef('AlertRules') })
  @Put('alert-rules')
  @StaffOnly('scales.manage')
  @Audited('alert_rules.update', 'alert_rules')
  setAlertRules(@CurrentStaff() staff: StaffPrincipal, @Body() rules: unknown) {
    return this.scales.setAlertRules(staff, rules);
  }

  @Endpoint('测评统计（小样本不显示）', 'ScaleStats')
  @Get('stats')
  @StaffOnly('scales.stats')
  statistics(@CurrentStaff() staff: StaffPrincipal, @Query() q: ScaleStatsQueryDto) {
    return this.stats.table(staff, q, q.dimension ?? 'region');
  }

  @Endpoint('导出测评统计（Excel）', { file: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' })
  @Get('stats/export')
  @StaffOnly('scales.stats')
  @AuditedRead('scale_stats.export', 'scale_stats')
  async exportStatistics(@CurrentStaff() staff: StaffPrincipal, @Query() q: ScaleStatsQueryDto, @Res({ passthrough: true }) reply: FastifyReply) {
    return fileAnswer(reply, '测评统计.xlsx', await this.stats.workbook(staff, q));
  }

  @Endpoint('导入量表定义', 'AdminScale')
  @ApiConflicts('CONFLICT')
  @Post('import')
  @StaffOnly('scales.manage')
  @Audited('scale.import', 'scale')
  import(@CurrentStaff() staff: StaffPrincipal, @Body() dto: ScaleImportDto) {
    return this.scales.import(staff, dto.definition);
  }

  @Endpoint('量表定义（默认最新版本）', 'ScaleDefinition')
  @Get(':code')
  @StaffOnly('scales.manage')
  get(@Param('code') code: string, @Query() q: ScaleVersionQueryDto) {
    return this.scales.adminGet(code, q.version);
  }

  @Endpoint('启用或停用量表', 'AdminScale')
  @Put(':code/enabled')
  @StaffOnly('scales.manage')
  @Audited('scale.enable', 'scale')
  setEnabled(@Param('code') code: string, @Body() dto: ScaleEnableDto) {
    return this.scales.setEnabled(code, dto);
  }
}
