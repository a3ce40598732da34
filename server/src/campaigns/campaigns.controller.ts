import { Body, Controller, Delete, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, CurrentStaff, Public, StaffOnly, StaffWithAny } from '../common/access/decorators';
import type { Principal, StaffPrincipal } from '../common/access/principal';
import { IdParam } from '../common/http/id-param';
import { PageQueryDto } from '../common/http/page-query.dto';
import { Audited } from '../audit/audited.decorator';
import { CampaignInputDto, PublicCampaignQueryDto } from './campaign.dto';
import { CampaignsService } from './campaigns.service';

@ApiTags('campaigns')
@Controller('campaigns')
export class CampaignsController {
  constructor(private readonly campaigns: CampaignsService) {}

  @Get()
  @Public()
  active(@Query() q: PublicCampaignQueryDto, @CurrentPrincipal() who?: Principal) {
    return this.campaigns.active(q.regionId, who);
  }

  @Get(':id')
  @Public()
  get(@IdParam() id: number) {
    return this.campaigns.publicGet(id);
  }
}

@ApiTags('campaigns')
@Controller('admin/campaigns')
export class AdminCampaignsController {
  constructor(private readonly campaigns: CampaignsService) {}

  @Get()
  @StaffOnly('campaigns.manage')
  list(@CurrentStaff() staff: StaffPrincipal, @Query() q: PageQueryDto) {
    return this.campaigns.list(staff, q);
  }

  @Get(':id')
  @StaffOnly('campaigns.manage')
  get(@CurrentStaff() staff: StaffPrincipal, @IdParam() id: number) {
    return this.campaigns.get(staff, id);
  }

  @Get(':id/dashboard')
  @StaffWithAny('campaigns.manage', 'awareness.read')
  dashboard(@CurrentStaff() staff: StaffPrincipal, @IdParam() id: number) {
    return this.campaigns.dashboard(staff, id);
  }

  @Post()
  @StaffOnly('campaigns.manage')
  @Audited('campaign.create', 'campaign')
  create(@CurrentStaff() staff: StaffPrincipal, @Body() dto: CampaignInputDto) {
    return this.campaigns.create(staff, dto);
  }

  @Put(':id')
  @StaffOnly('campaigns.manage')
  @Audited('campaign.update', 'campaign')
  update(@CurrentStaff() staff: StaffPrincipal, @IdParam() id: number, @Body() dto: CampaignInputDto) {
    return this.campaigns.update(staff, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @StaffOnly('campaigns.manage')
  @Audited('campaign.delete', 'campaign')
  remove(@CurrentStaff() staff: StaffPrincipal, @IdParam() id: number) {
    return this.campaigns.remove(staff, id);
  }
}
