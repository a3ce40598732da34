import { Body, Controller, Delete, Get, HttpCode, Patch, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentResident, ResidentOnly } from '../common/access/decorators';
import type { ResidentPrincipal } from '../common/access/principal';
import { Audited } from '../audit/audited.decorator';
import { UpdateResidentDto } from './resident.dto';
import { ResidentsService } from './residents.service';

@ApiTags('residents')
@Controller('me')
export class ResidentsController {
  constructor(private readonly residents: ResidentsService) {}

  @Get()
  @ResidentOnly()
  profile(@CurrentResident() me: ResidentPrincipal) {
    return this.residents.profile(me.id);
  }

  @Patch()
  @ResidentOnly()
  update(@CurrentResident() me: ResidentPrincipal, @Body() dto: UpdateResidentDto) {
    return this.residents.update(me.id, dto);
  }

  /** The same partial update: wx.request cannot send PATCH. */
  @Put()
  @ResidentOnly()
  updateByPut(@CurrentResident() me: ResidentPrincipal, @Body() dto: UpdateResidentDto) {
    return this.residents.update(me.id, dto);
  }

  /** Residents' own exports and deletions are processing records too (PIPL art. 55-56). */
  @Get('export')
  @ResidentOnly()
  @Audited('resident.export', 'resident')
  export(@CurrentResident() me: ResidentPrincipal) {
    return this.residents.export(me.id);
  }

  @Delete()
  @HttpCode(204)
  @ResidentOnly()
  @Audited('resident.delete', 'resident')
  delete(@CurrentResident() me: ResidentPrincipal) {
    return this.residents.delete(me.id);
  }
}
