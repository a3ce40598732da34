import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal, CurrentResident, CurrentStaff, Public, ResidentOnly, StaffOnly } from '../common/access/decorators';
import type { Principal, ResidentPrincipal, StaffPrincipal } from '../common/access/principal';
import { IdParam } from '../common/http/id-param';
import { fileAnswer } from '../common/http/send-file';
import { Audited, AuditedRead } from '../audit/audited.decorator';
import { ResidentsService } from '../residents/residents.service';
import { ResponsesService } from './responses.service';
import { MyResponsesQueryDto, ScaleEnableDto, ScaleImportDto, ScaleListQueryDto, ScaleResponseDto, ScaleStatsQueryDto, ScaleVersionQueryDto } from './scale.dto';
import { ScaleStatsService } from './scale-stats.service';
import { ScalesService } from './scales.service';
import { SubmitThrottle } from '../common/http/submit-throttle';

@ApiTags('scales')
@Controller('scales')
export class ScalesController {
  constructor(
    private readonly scales: ScalesService,
    private readonly responses: ResponsesService,
    private readonly residents: ResidentsService,
  ) {}

  @Get()
  @Public()
  async list(@Query() q: ScaleListQueryDto, @CurrentPrincipal() who?: Principal) {
    if (who?.kind !== 'resident' || q.all) return this.scales.listEnabled();
    const me = await this.residents.get(who.id);
    return this.scales.listEnabled({ ageBand: me.ageBand, populationGroup: me.populationGroup });
  }

  @Get(':code')
  @Public()
  async get(@Param('code') code: string) {
    return (await this.scales.currentEnabled(code)).def;
  }

  /** 201 for a new result, 200 when the same clientRequestId was already stored. */
  @Post(':code/responses')
  @Public()
  @SubmitThrottle()
  async submit(@Param('code') code: string, @Body() dto: ScaleResponseDto, @CurrentPrincipal() who: Principal | undefined, @Res({ passthrough: true }) reply: FastifyReply) {
    const result = await this.responses.submit(code, dto, who);
    reply.status(result.duplicate ? 200 : 201);
    return result;
  }
}

@ApiTags('scales')
@Controller('me/responses')
export class MyResponsesController {
  constructor(private readonly responses: ResponsesService) {}

  @Get()
  @ResidentOnly()
  list(@CurrentResident() me: ResidentPrincipal, @Query() q: MyResponsesQueryDto) {
    return this.responses.listMine(me.id, q);
  }

  @Get(':id')
  @ResidentOnly()
  get(@CurrentResident() me: ResidentPrincipal, @IdParam() id: number) {
    return this.responses.getMine(me.id, id);
  }

  @Delete(':id')
  @HttpCode(204)
  @ResidentOnly()
  @Audited('scale_response.delete', 'scale_response')
  remove(@CurrentResident() me: ResidentPrincipal, @IdParam() id: number) {
    return this.responses.deleteMine(me.id, id);
  }
}

@ApiTags('scales')
@Controller('admin/scales')
export class AdminScalesController {
  constructor(
    private readonly scales: ScalesService,
    private readonly stats: ScaleStatsService,
  ) {}

  @Get()
  @StaffOnly('scales.manage')
  list() {
    return this.scales.adminList();
  }

  @Get('alert-rules')
  @StaffOnly('scales.manage')
  alertRules() {
    return this.scales.alertRules();
  }

  /** The body is the `AlertRules` object itself, checked by `validateAlertRules` for precise errors. */
  @Put('alert-rules')
  @StaffOnly('scales.manage')
  @Audited('alert_rules.update', 'alert_rules')
  setAlertRules(@CurrentStaff() staff: StaffPrincipal, @Body() rules: unknown) {
    return this.scales.setAlertRules(staff, rules);
  }

  @Get('stats')
  @StaffOnly('scales.stats')
  statistics(@CurrentStaff() staff: StaffPrincipal, @Query() q: ScaleStatsQueryDto) {
    return this.stats.table(staff, q, q.dimension ?? 'region');
  }

  @Get('stats/export')
  @StaffOnly('scales.stats')
  @AuditedRead('scale_stats.export', 'scale_stats')
  async exportStatistics(@CurrentStaff() staff: StaffPrincipal, @Query() q: ScaleStatsQueryDto, @Res({ passthrough: true }) reply: FastifyReply) {
    return fileAnswer(reply, '测评统计.xlsx', await this.stats.workbook(staff, q));
  }

  @Post('import')
  @StaffOnly('scales.manage')
  @Audited('scale.import', 'scale')
  import(@CurrentStaff() staff: StaffPrincipal, @Body() dto: ScaleImportDto) {
    return this.scales.import(staff, dto.definition);
  }

  @Get(':code')
  @StaffOnly('scales.manage')
  get(@Param('code') code: string, @Query() q: ScaleVersionQueryDto) {
    return this.scales.adminGet(code, q.version);
  }

  @Put(':code/enabled')
  @StaffOnly('scales.manage')
  @Audited('scale.enable', 'scale')
  setEnabled(@Param('code') code: string, @Body() dto: ScaleEnableDto) {
    return this.scales.setEnabled(code, dto);
  }
}
