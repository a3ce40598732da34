import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Page, StationDetail, StationSummary } from '@xinqiao/shared';
import { CurrentPrincipal, Public } from '../../common/access/decorators';
import type { Principal } from '../../common/access/principal';
import { IdParam } from '../../common/http/id-param';
import { StationListQueryDto } from '../dto/station.dto';
import { CounsellorsService } from '../services/counsellors.service';
import { StationsService } from '../services/stations.service';
import { Endpoint } from '../../common/http/openapi';

/** The public directory of service stations. */
@ApiTags('stations')
@Controller('stations')
export class StationsController {
  constructor(
    private readonly stations: StationsService,
    private readonly counsellors: CounsellorsService,
  ) {}

  @Endpoint('站点列表', { page: 'StationSummary' })
  @Get()
  @Public()
  list(@Query() q: StationListQueryDto, @CurrentPrincipal() who?: Principal): Promise<Page<StationSummary>> {
    return this.stations.listPublic(q, who?.kind === 'resident' ? who.id : null);
  }

  @Endpoint('站点详情', 'StationDetail')
  @Get(':id')
  @Public()
  async get(@IdParam() id: number): Promise<StationDetail> {
    const station = await this.stations.detailPublic(id);
    return { ...station, counsellors: await this.counsellors.publishedAt(id) };
  }
}
