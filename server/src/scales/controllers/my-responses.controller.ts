import { Controller, Delete, Get, HttpCode, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Audited } from '../../audit/audited.decorator';
import { CurrentResident, ResidentOnly } from '../../common/access/decorators';
import type { ResidentPrincipal } from '../../common/access/principal';
import { IdParam } from '../../common/http/id-param';
import { Endpoint } from '../../common/http/openapi';
import { MyResponsesQueryDto } from '../dto/scale.dto';
import { ResponsesService } from '../services/responses.service';

@ApiTags('scales')
@Controller('me/responses')
export class MyResponsesController {
  constructor(private readonly responses: ResponsesService) {}

  @Endpoint('我保存的测评结果', { page: 'MyScaleResponse' })
  @Get()
  @ResidentOnly()
  list(@CurrentResident() me: ResidentPrincipal, @Query() q: MyResponsesQueryDto) {
    return this.responses.listMine(me.id, q);
  }

  @Endpoint('我的一次测评结果', 'ScaleResponseResult')
  @Get(':id')
  @ResidentOnly()
  get(@CurrentResident() me: ResidentPrincipal, @IdParam() id: number) {
    return this.responses.getMine(me.id, id);
  }

  @Endpoint('删除我的一次测评结果', null)
  @Delete(':id')
  @HttpCode(204)
  @ResidentOnly()
  @Audited('scale_response.delete', 'scale_response')
  remove(@CurrentResident() me: ResidentPrincipal, @IdParam() id: number) {
    return this.responses.deleteMine(me.id, id);
  }
}
