import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { CounsellorProfile, CounsellorSummary, Page } from '@xinqiao/shared';
import { Public } from '../../common/access/decorators';
import { IdParam } from '../../common/http/id-param';
import { CounsellorListQueryDto } from '../dto/counsellor.dto';
import { CounsellorsService } from '../services/counsellors.service';
import { Endpoint } from '../../common/http/openapi';

/** Published counsellor profiles. */
@ApiTags('stations')
@Controller('counsellors')
export class CounsellorsController {
  constructor(private readonly counsellors: CounsellorsService) {}

  @Endpoint('咨询师列表', { page: 'CounsellorSummary' })
  @Get()
  @Public()
  list(@Query() q: CounsellorListQueryDto): Promise<Page<CounsellorSummary>> {
    return this.counsellors.listPublic(q);
  }

  @Endpoint('咨询师详情', 'CounsellorProfile')
  @Get(':id')
  @Public()
  get(@IdParam() id: number): Promise<CounsellorProfile> {
    return this.counsellors.getPublic(id);
  }
}
