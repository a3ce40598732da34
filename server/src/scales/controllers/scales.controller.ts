import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal, Public } from '../../common/access/decorators';
import type { Principal } from '../../common/access/principal';
import { answerFor, ConditionalGet } from '../../common/cache/conditional-get';
import { ApiConflicts, Endpoint } from '../../common/http/openapi';
import { SubmitThrottle } from '../../common/http/submit-throttle';
import { ResidentsService } from '../../residents/residents.service';
import { ScaleListQueryDto, ScaleResponseDto } from '../dto/scale.dto';
import { ResponsesService } from '../services/responses.service';
import { ScalesService } from '../services/scales.service';

@ApiTags('scales')
@Controller('scales')
export class ScalesController {
  constructor(
    private readonly scales: ScalesService,
    private readonly responses: ResponsesService,
    private readonly residents: ResidentsService,
  ) {}

  @Endpoint('可用的量表（居民登录时只列适合其年龄与人群的）', ['ScaleSummary'])
  @Get()
  @Public()
  @ConditionalGet({ varyOnCaller: true })
  async list(@Query() q: ScaleListQueryDto, @CurrentPrincipal() who?: Principal) {
    if (who?.kind !== 'resident' || q.all) return answerFor(false, await this.scales.enabledList());
    const me = await this.residents.get(who.id);
    return answerFor(true, await this.scales.enabledList({ ageBand: me.ageBand, populationGroup: me.populationGroup }));
  }

  @Endpoint('量表内容（当前启用的版本）', 'ScaleDefinition')
  @Get(':code')
  @Public()
  async get(@Param('code') code: string) {
    return (await this.scales.currentEnabled(code)).def;
  }

  /** 201 for a new result, 200 when the same clientRequestId was already stored. */
  @Endpoint('提交测评答案（同一请求编号重复提交答 200）', 'ScaleResponseResult')
  @ApiConflicts('SCALE_VERSION_MISMATCH', 'CONSENT_REQUIRED', 'CONFLICT')
  @Post(':code/responses')
  @Public()
  @SubmitThrottle()
  async submit(
    @Param('code') code: string,
    @Body() dto: ScaleResponseDto,
    @CurrentPrincipal() who: Principal | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const result = await this.responses.submit(code, dto, who);
    reply.status(result.duplicate ? 200 : 201);
    return result;
  }
}
