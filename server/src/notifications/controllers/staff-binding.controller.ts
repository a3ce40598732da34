import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { StaffBindingResult } from '@xinqiao/shared';
import { CurrentResident, ResidentOnly } from '../../common/access/decorators';
import type { ResidentPrincipal } from '../../common/access/principal';
import { Audited } from '../../audit/audited.decorator';
import { StaffBindingDto } from '../dto/staff-notices.dto';
import { StaffNoticesService } from '../services/staff-notices.service';
import { Endpoint } from '../../common/http/openapi';

/** The mini-program side of binding: a signed-in WeChat user binds itself to a staff account. */
@ApiTags('notifications')
@Controller('me/staff-binding')
export class StaffBindingController {
  constructor(private readonly notices: StaffNoticesService) {}

  @Endpoint('小程序绑定工作人员账号', 'StaffBindingResult')
  @Post()
  @HttpCode(200)
  @ResidentOnly()
  @Audited('notifications.bind', 'staff')
  bind(@CurrentResident() me: ResidentPrincipal, @Body() dto: StaffBindingDto): Promise<StaffBindingResult> {
    return this.notices.bind(me.id, dto.code);
  }
}
