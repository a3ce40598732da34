import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Public } from '../common/access/decorators';
import type { Principal } from '../common/access/principal';
import { IdParam } from '../common/http/id-param';
import { Endpoint } from '../common/http/openapi';
import { PublicCampaignQueryDto } from './campaign.dto';
import { CampaignsService } from './campaigns.service';

@ApiTags('campaigns')
@Controller('campaigns')
export class CampaignsController {
  constructor(private readonly campaigns: CampaignsService) {}

  @Endpoint('正在进行、覆盖居民所在区域的宣传活动', ['PublicCampaign'])
  @Get()
  @Public()
  active(@Query() q: PublicCampaignQueryDto, @CurrentPrincipal() who?: Principal) {
    return this.campaigns.active(q.regionId, who);
  }

  @Endpoint('宣传活动详情（居民端）', 'PublicCampaign')
  @Get(':id')
  @Public()
  get(@IdParam() id: number) {
    return this.campaigns.publicGet(id);
  }
}
