import { Body, Controller, Delete, Get, HttpCode, Patch, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentResident, ResidentOnly } from '../common/access/decorators';
import type { ResidentPrincipal } from '../common/access/principal';
import { Audited } from '../audit/audited.decorator';
import { UpdateResidentDto } from './resident.dto';
import { ResidentsService } from './residents.service';
import { Endpoint } from '../common/http/openapi';

@ApiTags('residents')
@Controller('me')
export class ResidentsController {
  constructor(private readonly residents: ResidentsService) {}

  @Endpoint('本人资料', 'ResidentProfile')
  @Get()
  @ResidentOnly()
  profile(@CurrentResident() me: ResidentPrincipal) {
    return this.residents.profile(me.id);
  }

  @Endpoint('修改本人资料', 'ResidentProfile')
  @Patch()
  @ResidentOnly()
  update(@CurrentResident() me: ResidentPrincipal, @Body() dto: UpdateResidentDto) {
    return this.residents.update(me.id, dto);
  }

  /** The same partial update: wx.request cannot send PATCH. */
  @Endpoint('修改本人资料（PUT）', 'ResidentProfile')
  @Put()
  @ResidentOnly()
  updateByPut(@CurrentResident() me: ResidentPrincipal, @Body() dto: UpdateResidentDto) {
    return this.residents.update(me.id, dto);
  }

  /** Residents' own exports and deletions are processing records too (PIPL art. 55-56). */
  @Endpoint('导出本人全部个人信息', 'ResidentDataExport')
  @Get('export')
  @ResidentOnly()
  @Audited('resident.export', 'resident')
  export(@CurrentResident() me: ResidentPrincipal) {
    return this.residents.export(me.id);
  }

  @Endpoint('注销账号并删除个人信息', null)
  @Delete()
  @HttpCode(204)
  @ResidentOnly()
  @Audited('resident.delete', 'resident')
  delete(@CurrentResident() me: ResidentPrincipal) {
    return this.residents.delete(me.id);
  }
}
