import { Body, Controller, Delete, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Audited } from '../../audit/audited.decorator';
import { CurrentStaff, StaffOnly } from '../../common/access/decorators';
import type { StaffPrincipal } from '../../common/access/principal';
import { IdParam } from '../../common/http/id-param';
import { HostUnitInputDto, HostUnitQueryDto } from '../dto/host-unit.dto';
import { HostUnitsService } from '../services/host-units.service';
import { Endpoint } from '../../common/http/openapi';

@ApiTags('events')
@Controller('admin/host-units')
export class HostUnitsController {
  constructor(private readonly units: HostUnitsService) {}

  @Endpoint('承办单位列表', { page: 'HostUnitDto' })
  @Get()
  @StaffOnly('events.manage')
  list(@CurrentStaff() staff: StaffPrincipal, @Query() q: HostUnitQueryDto) {
    return this.units.list(staff, q);
  }

  @Endpoint('新增承办单位', 'HostUnitDto')
  @Post()
  @StaffOnly('events.manage')
  @Audited('host_unit.create', 'host_unit')
  create(@CurrentStaff() staff: StaffPrincipal, @Body() dto: HostUnitInputDto) {
    return this.units.create(staff, dto);
  }

  @Endpoint('修改承办单位', 'HostUnitDto')
  @Put(':id')
  @StaffOnly('events.manage')
  @Audited('host_unit.update', 'host_unit')
  update(@CurrentStaff() staff: StaffPrincipal, @IdParam() id: number, @Body() dto: HostUnitInputDto) {
    return this.units.update(staff, id, dto);
  }

  @Endpoint('删除承办单位', null)
  @Delete(':id')
  @HttpCode(204)
  @StaffOnly('events.manage')
  @Audited('host_unit.delete', 'host_unit')
  async remove(@CurrentStaff() staff: StaffPrincipal, @IdParam() id: number) {
    await this.units.remove(staff, id);
  }
}
