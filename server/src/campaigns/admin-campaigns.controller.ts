import { Body, Controller, Delete, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Audited } from '../audit/audited.decorator';
import { CurrentStaff, StaffOnly, StaffWithAny } from '../common/access/decorators';
import type { StaffPrincipal } from '../common/access/principal';
import { IdParam } from '../common/http/id-param';
import { Endpoint } from '../common/http/openapi';
import { PageQueryDto } from '../common/http/page-query.dto';
import { CampaignInputDto } from './campaign.dto';
import { CampaignsService } from './campaigns.service';

@ApiTags('campaigns')
@Controller('admin/campaigns')
export class AdminCampaignsController {
  constructor(private readonly campaigns: CampaignsService) {}

  @Endpoint('宣传活动列表', { page: 'CampaignDto' })
  @Get()
  @StaffOnly('campaigns.manage')
  list(@CurrentStaff() staff: StaffPrincipal, @Query() q: PageQueryDto) {
    return this.campaigns.list(staff, q);
  }

  @Endpoint('宣传活动详情', 'CampaignDto')
  @Get(':id')
  @StaffOnly('campaigns.manage')
  get(@CurrentStaff() staff: StaffPrincipal, @IdParam() id: number) {
    return this.campaigns.get(staff, id);
  }

  @Endpoint('宣传活动进度看板', 'CampaignDashboard')
  @Get(':id/dashboard')
  @StaffWithAny('campaigns.manage', 'awareness.read')
  dashboard(@CurrentStaff() staff: StaffPrincipal, @IdParam() id: number) {
    return this.campaigns.dashboard(staff, id);
  }

  @Endpoint('新建宣传活动', 'CampaignDto')
  @Post()
  @StaffOnly('campaigns.manage')
  @Audited('campaign.create', 'campaign')
  create(@CurrentStaff() staff: StaffPrincipal, @Body() dto: CampaignInputDto) {
    return this.campaigns.create(staff, dto);
  }

  @Endpoint('修改宣传活动', 'CampaignDto')
  @Put(':id')
  @StaffOnly('campaigns.manage')
  @Audited('campaign.update', 'campaign')
  update(@CurrentStaff() staff: StaffPrincipal, @IdParam() id: number, @Body() dto: CampaignInputDto) {
    return this.campaigns.update(staff, id, dto);
  }

  @Endpoint('删除宣传活动', null)
  @Delete(':id')
  @HttpCode(204)
  @StaffOnly('campaigns.manage')
  @Audited('campaign.delete', 'campaign')
  remove(@CurrentStaff() staff: StaffPrincipal, @IdParam() id: number) {
    return this.campaigns.remove(staff, id);
  }
}
