import { Body, Controller, Delete, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Audited } from '../audit/audited.decorator';
import { CurrentStaff, StaffOnly } from '../common/access/decorators';
import type { StaffPrincipal } from '../common/access/principal';
import { IdParam } from '../common/http/id-param';
import { Endpoint } from '../common/http/openapi';
import { HotlineInputDto, HotlineQueryDto } from './hotline.dto';
import { HotlinesService } from './hotlines.service';

@ApiTags('hotlines')
@Controller('admin/hotlines')
export class AdminHotlinesController {
  constructor(private readonly hotlines: HotlinesService) {}

  @Endpoint('热线管理列表', ['Hotline'])
  @Get()
  @StaffOnly('hotlines.manage')
  list(@CurrentStaff() staff: StaffPrincipal, @Query() q: HotlineQueryDto) {
    return this.hotlines.listForStaff(staff, q.regionId);
  }

  @Endpoint('新增热线', 'Hotline')
  @Post()
  @StaffOnly('hotlines.manage')
  @Audited('hotline.create', 'hotline')
  create(@CurrentStaff() staff: StaffPrincipal, @Body() dto: HotlineInputDto) {
    return this.hotlines.create(staff, dto);
  }

  @Endpoint('修改热线', 'Hotline')
  @Put(':id')
  @StaffOnly('hotlines.manage')
  @Audited('hotline.update', 'hotline')
  update(@CurrentStaff() staff: StaffPrincipal, @IdParam('id', { signed: true }) id: number, @Body() dto: HotlineInputDto) {
    return this.hotlines.update(staff, id, dto);
  }

  @Endpoint('删除热线', null)
  @Delete(':id')
  @HttpCode(204)
  @StaffOnly('hotlines.manage')
  @Audited('hotline.delete', 'hotline')
  remove(@CurrentStaff() staff: StaffPrincipal, @IdParam('id', { signed: true }) id: number) {
    return this.hotlines.remove(staff, id);
  }
}
