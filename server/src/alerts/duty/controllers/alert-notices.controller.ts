import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { AlertNoticeAnswer } from '@xinqiao/shared';
import { CurrentResident, ResidentOnly } from '../../../common/access/decorators';
import type { ResidentPrincipal } from '../../../common/access/principal';
import { IdParam } from '../../../common/http/id-param';
import { Endpoint } from '../../../common/http/openapi';
import { AlertDispatchService } from '../services/alert-dispatch.service';

/** A resident's view of whether the people on duty were told of their request (the help page polls it). */
@ApiTags('alerts')
@Controller('me/alert-notices')
export class AlertNoticesController {
  constructor(private readonly dispatch: AlertDispatchService) {}

  @Endpoint('我的求助是否已通知值班人员', 'AlertNoticeAnswer')
  @Get(':id')
  @ResidentOnly()
  async get(@CurrentResident() me: ResidentPrincipal, @IdParam() id: number): Promise<AlertNoticeAnswer> {
    return { alertId: id, noticeStatus: await this.dispatch.noticeForResident(me.id, id) };
  }
}
