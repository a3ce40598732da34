import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Audited } from '../../audit/audited.decorator';
import { CurrentPrincipal, ResidentOrStaff } from '../../common/access/decorators';
import type { Principal } from '../../common/access/principal';
import { CheckinsService } from '../services/checkins.service';
import { CheckinInputDto } from '../dto/checkin.dto';
import { Endpoint } from '../../common/http/openapi';

@ApiTags('events')
@Controller('checkins')
export class CheckinsController {
  constructor(private readonly checkins: CheckinsService) {}

  /** A resident posts the screen code's scene; check-in staff post a scanned ticket. */
  @Endpoint('签到（居民扫现场码或工作人员扫电子票）', 'CheckinResult')
  @Post()
  @HttpCode(200)
  @ResidentOrStaff('events.checkin')
  @Audited('event.checkin', 'event')
  checkIn(@CurrentPrincipal() who: Principal, @Body() dto: CheckinInputDto) {
    return who.kind === 'resident' ? this.checkins.residentCheckin(who.id, dto) : this.checkins.staffCheckin(who, dto);
  }
}
