import { Body, Controller, Delete, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { AdminStation, Page, StationException } from '@xinqiao/shared';
import { CurrentStaff, StaffOnly } from '../../common/access/decorators';
import type { StaffPrincipal } from '../../common/access/principal';
import { IdParam } from '../../common/http/id-param';
import { Audited } from '../../audit/audited.decorator';
import { AdminStationQueryDto, StationExceptionInputDto, StationExceptionQueryDto, StationInputDto } from '../dto/station.dto';
import { StationsService } from '../services/stations.service';

/** Stations of the caller's region, their hours and dated exceptions. */
@ApiTags('stations')
@Controller('admin/stations')
export class AdminStationsController {
  constructor(private readonly stations: StationsService) {}

  @Get()
  @StaffOnly('stations.manage')
  list(@CurrentStaff() staff: StaffPrincipal, @Query() q: AdminStationQueryDto): Promise<Page<AdminStation>> {
    return this.stations.list(staff, q);
  }

  @Post()
  @StaffOnly('stations.manage')
  @Audited('station.create', 'station')
  create(@CurrentStaff() staff: StaffPrincipal, @Body() dto: StationInputDto): Promise<AdminStation> {
    return this.stations.create(staff, dto);
  }

  @Get(':id')
  @StaffOnly('stations.manage')
  get(@CurrentStaff() staff: StaffPrincipal, @IdParam() id: number): Promise<AdminStation> {
    return this.stations.get(staff, id);
  }

  @Put(':id')
  @StaffOnly('stations.manage')
  @Audited('station.update', 'station')
  update(@CurrentStaff() staff: StaffPrincipal, @IdParam() id: number, @Body() dto: StationInputDto): Promise<AdminStation> {
    return this.stations.update(staff, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @StaffOnly('stations.manage')
  @Audited('station.delete', 'station')
  remove(@CurrentStaff() staff: StaffPrincipal, @IdParam() id: number): Promise<void> {
    return this.stations.remove(staff, id);
  }

  @Get(':id/exceptions')
  @StaffOnly('stations.manage')
  exceptions(@CurrentStaff() staff: StaffPrincipal, @IdParam() id: number, @Query() q: StationExceptionQueryDto): Promise<StationException[]> {
    return this.stations.exceptions(staff, id, q);
  }

  /** Sets the exception of `date` (replacing one already set for that date). */
  @Post(':id/exceptions')
  @StaffOnly('stations.manage')
  @Audited('station.exception.put', 'station')
  putException(@CurrentStaff() staff: StaffPrincipal, @IdParam() id: number, @Body() dto: StationExceptionInputDto): Promise<StationException> {
    return this.stations.putException(staff, id, dto);
  }

  @Delete(':id/exceptions/:exceptionId')
  @HttpCode(204)
  @StaffOnly('stations.manage')
  @Audited('station.exception.delete', 'station')
  removeException(@CurrentStaff() staff: StaffPrincipal, @IdParam() id: number, @IdParam('exceptionId') exceptionId: number): Promise<void> {
    return this.stations.removeException(staff, id, exceptionId);
  }
}
