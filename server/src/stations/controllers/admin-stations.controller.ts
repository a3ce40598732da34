import { Body, Controller, Delete, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { AdminStation, Page, StationException } from '@xinqiao/shared';
import { CurrentStaff, StaffOnly } from '../../common/access/decorators';
import type { StaffPrincipal } from '../../common/access/principal';
import { IdParam } from '../../common/http/id-param';
import { Audited } from '../../audit/audited.decorator';
import { AdminStationQueryDto, StationExceptionInputDto, StationExceptionQueryDto, StationInputDto } from '../dto/station.dto';
import { StationsService } from '../services/stations.service';
import { ApiConflicts, Endpoint } from '../../common/http/openapi';

/** Stations of the caller's region, their hours and dated exceptions. */
@ApiTags('stations')
@Controller('admin/stations')
export class AdminStationsController {
  constructor(private readonly stations: StationsService) {}

  @Endpoint('站点管理列表', { page: 'AdminStation' })
  @Get()
  @StaffOnly('stations.manage')
  list(@CurrentStaff() staff: StaffPrincipal, @Query() q: AdminStationQueryDto): Promise<Page<AdminStation>> {
    return this.stations.list(staff, q);
  }

  @Endpoint('新建站点', 'AdminStation')
  @Post()
  @StaffOnly('stations.manage')
  @Audited('station.create', 'station')
  create(@CurrentStaff() staff: StaffPrincipal, @Body() dto: StationInputDto): Promise<AdminStation> {
    return this.stations.create(staff, dto);
  }

  @Endpoint('站点详情（管理端）', 'AdminStation')
  @Get(':id')
  @StaffOnly('stations.manage')
  get(@CurrentStaff() staff: StaffPrincipal, @IdParam() id: number): Promise<AdminStation> {
    return this.stations.get(staff, id);
  }

  @Endpoint('修改站点', 'AdminStation')
  @Put(':id')
  @StaffOnly('stations.manage')
  @Audited('station.update', 'station')
  update(@CurrentStaff() staff: StaffPrincipal, @IdParam() id: number, @Body() dto: StationInputDto): Promise<AdminStation> {
    return this.stations.update(staff, id, dto);
  }

  @Endpoint('删除站点', null)
  @ApiConflicts('CONFLICT')
  @Delete(':id')
  @HttpCode(204)
  @StaffOnly('stations.manage')
  @Audited('station.delete', 'station')
  remove(@CurrentStaff() staff: StaffPrincipal, @IdParam() id: number): Promise<void> {
    return this.stations.remove(staff, id);
  }

  @Endpoint('站点特殊开放安排', ['StationException'])
  @Get(':id/exceptions')
  @StaffOnly('stations.manage')
  exceptions(@CurrentStaff() staff: StaffPrincipal, @IdParam() id: number, @Query() q: StationExceptionQueryDto): Promise<StationException[]> {
    return this.stations.exceptions(staff, id, q);
  }

  /** Sets the exception of `date` (replacing one already set for that date). */
  @Endpoint('设置站点某日特殊开放安排', 'StationException')
  @Post(':id/exceptions')
  @StaffOnly('stations.manage')
  @Audited('station.exception.put', 'station')
  putException(@CurrentStaff() staff: StaffPrincipal, @IdParam() id: number, @Body() dto: StationExceptionInputDto): Promise<StationException> {
    return this.stations.putException(staff, id, dto);
  }

  @Endpoint('删除站点某日特殊开放安排', null)
  @Delete(':id/exceptions/:exceptionId')
  @HttpCode(204)
  @StaffOnly('stations.manage')
  @Audited('station.exception.delete', 'station')
  removeException(@CurrentStaff() staff: StaffPrincipal, @IdParam() id: number, @IdParam('exceptionId') exceptionId: number): Promise<void> {
    return this.stations.removeException(staff, id, exceptionId);
  }
}
