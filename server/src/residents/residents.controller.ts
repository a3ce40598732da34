import { Body, Controller, Delete, Get, HttpCode, Patch, Put, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentResident, ResidentOnly } from '../common/access/decorators';
import type { AuthedRequest, ResidentPrincipal } from '../common/access/principal';
import { AuditService } from '../audit/audit.service';
import { UpdateResidentDto } from './resident.dto';
import { ResidentsService } from './residents.service';

@ApiTags('residents')
@Controller('me')
export class ResidentsController {
  constructor(
    private readonly residents: ResidentsService,
    private readonly audit: AuditService,
  ) {}

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

  @Get('export')
  @ResidentOnly()
  async export(@CurrentResident() me: ResidentPrincipal, @Req() req: AuthedRequest) {
    const data = await this.residents.export(me.id);
    await this.recordOwnAction(me, req, 'resident.export', 200);
    return data;
  }

  @Delete()
  @HttpCode(204)
  @ResidentOnly()
  async delete(@CurrentResident() me: ResidentPrincipal, @Req() req: AuthedRequest) {
    await this.residents.delete(me.id);
    await this.recordOwnAction(me, req, 'resident.delete', 204);
  }

  /** Residents' own exports and deletions are processing records too (PIPL art. 55-56). */
  private recordOwnAction(me: ResidentPrincipal, req: AuthedRequest, action: string, statusCode: number) {
    return this.audit.recordResidentAction(me.id, req.ip, action, 'resident', me.id, statusCode);
  }
}
