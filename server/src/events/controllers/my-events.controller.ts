import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentResident, ResidentOnly } from '../../common/access/decorators';
import type { ResidentPrincipal } from '../../common/access/principal';
import { PageQueryDto } from '../../common/http/page-query.dto';
import { RegistrationsService } from '../services/registrations.service';
import { Endpoint } from '../../common/http/openapi';

@ApiTags('events')
@Controller('me/events')
export class MyEventsController {
  constructor(private readonly registrations: RegistrationsService) {}

  @Endpoint('我报名的活动', { page: 'MyEventItem' })
  @Get()
  @ResidentOnly()
  list(@CurrentResident() me: ResidentPrincipal, @Query() q: PageQueryDto) {
    return this.registrations.myEvents(me.id, q);
  }
}
