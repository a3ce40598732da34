import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { AlertDispatchEvent } from '@xinqiao/shared';
import { CurrentStaff, StaffOnly } from '../../../common/access/decorators';
import type { StaffPrincipal } from '../../../common/access/principal';
import { IdParam } from '../../../common/http/id-param';
import { Endpoint } from '../../../common/http/openapi';
import { AlertDispatchService } from '../services/alert-dispatch.service';

/** An alert's dispatch timeline: who was notified at which step (staff names only, nothing of the resident). */
@ApiTags('alerts')
@Controller('admin/alerts')
export class AlertDispatchController {
  constructor(private readonly dispatch: AlertDispatchService) {}

  @Endpoint('预警通知与升级记录', ['AlertDispatchEvent'])
  @Get(':id/dispatch')
  @StaffOnly('alerts.oversee')
  timeline(@CurrentStaff() staff: StaffPrincipal, @IdParam() id: number): Promise<AlertDispatchEvent[]> {
    return this.dispatch.timeline(staff, id);
  }
}
