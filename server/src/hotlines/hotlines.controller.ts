import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Public } from '../common/access/decorators';
import type { Principal } from '../common/access/principal';
import { answerFor, ConditionalGet } from '../common/cache/conditional-get';
import { Endpoint } from '../common/http/openapi';
import { HotlineQueryDto } from './hotline.dto';
import { HotlinesService } from './hotlines.service';

@ApiTags('hotlines')
@Controller('hotlines')
export class HotlinesController {
  constructor(private readonly hotlines: HotlinesService) {}

  @Endpoint('居民所在区域适用的求助热线', ['Hotline'])
  @Get()
  @Public()
  @ConditionalGet({ varyOnCaller: true })
  async list(@Query() q: HotlineQueryDto, @CurrentPrincipal() who?: Principal) {
    // The caller's own region decides the answer only when no region is asked for.
    const perCaller = q.regionId === undefined && who?.kind === 'resident';
    const own = perCaller ? who.regionPath : null;
    return answerFor(perCaller, await this.hotlines.forRegionId(q.regionId, own));
  }
}
