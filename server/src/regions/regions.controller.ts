import { Body, Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { IdParam } from '../common/http/id-param';
import { ApiTags } from '@nestjs/swagger';
import { CurrentStaff, Public, StaffOnly } from '../common/access/decorators';
import type { StaffPrincipal } from '../common/access/principal';
import { Audited } from '../audit/audited.decorator';
import { CreateRegionDto, UpdateRegionDto } from './region.dto';
import { RegionsService } from './regions.service';
import { Endpoint } from '../common/http/openapi';
import { ConditionalGet, publicAnswer } from '../common/cache/conditional-get';

@ApiTags('regions')
@Controller()
export class RegionsController {
  constructor(private readonly regions: RegionsService) {}

  @Endpoint('全部区域', ['RegionDto'])
  @Get('regions')
  @Public()
  @ConditionalGet({ varyOnCaller: false })
  async listAll() {
    return publicAnswer(await this.regions.publicTree());
  }

  @Endpoint('本辖区内的区域', ['RegionDto'])
  @Get('admin/regions')
  @StaffOnly()
  listInScope(@CurrentStaff() staff: StaffPrincipal) {
    return this.regions.listInScope(staff);
  }

  @Endpoint('新增下级区域', 'RegionDto')
  @Post('admin/regions')
  @StaffOnly('regions.manage')
  @Audited('region.create', 'region')
  create(@CurrentStaff() staff: StaffPrincipal, @Body() dto: CreateRegionDto) {
    return this.regions.create(staff, dto);
  }

  @Endpoint('修改区域', 'RegionDto')
  @Patch('admin/regions/:id')
  @StaffOnly('regions.manage')
  @Audited('region.update', 'region')
  update(@CurrentStaff() staff: StaffPrincipal, @IdParam() id: number, @Body() dto: UpdateRegionDto) {
    return this.regions.update(staff, id, dto);
  }

  @Endpoint('删除区域', null)
  @Delete('admin/regions/:id')
  @HttpCode(204)
  @StaffOnly('regions.manage')
  @Audited('region.delete', 'region')
  remove(@CurrentStaff() staff: StaffPrincipal, @IdParam() id: number) {
    return this.regions.remove(staff, id);
  }
}
