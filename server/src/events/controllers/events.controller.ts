import { Body, Controller, Delete, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal, CurrentResident, Public, ResidentOnly } from '../../common/access/decorators';
import type { Principal, ResidentPrincipal } from '../../common/access/principal';
import { answerFor, ConditionalGet } from '../../common/cache/conditional-get';
import { IdParam } from '../../common/http/id-param';
import { EventListQueryDto } from '../dto/event.dto';
import { OfferAnswerDto, RegistrationInputDto } from '../dto/registration.dto';
import { EventNotificationsService } from '../services/event-notifications.service';
import { EventsService } from '../services/events.service';
import { RegistrationsService } from '../services/registrations.service';
import { Endpoint } from '../../common/http/openapi';

const residentIdOf = (who: Principal | undefined) => (who?.kind === 'resident' ? who.id : null);

@ApiTags('events')
@Controller('events')
export class EventsController {
  constructor(
    private readonly events: EventsService,
    private readonly registrations: RegistrationsService,
    private readonly notifications: EventNotificationsService,
  ) {}

  @Endpoint('已发布的活动', { page: 'EventSummary' })
  @Get()
  @Public()
  @ConditionalGet({ varyOnCaller: true })
  async list(@Query() q: EventListQueryDto, @CurrentPrincipal() who?: Principal) {
    const { body, perCaller } = await this.events.cachedList(q, residentIdOf(who));
    return answerFor(perCaller, body);
  }

  /** Template ids for wx.requestSubscribeMessage at the sign-up and waiting-list taps. */
  @Endpoint('报名与候补订阅消息模板', 'EventNotificationTemplates')
  @Get('notification-templates')
  @Public()
  templates() {
    return this.notifications.templates();
  }

  @Endpoint('活动详情', 'EventDetail')
  @Get(':id')
  @Public()
  get(@IdParam() id: number, @CurrentPrincipal() who?: Principal) {
    return this.events.getPublic(id, residentIdOf(who));
  }

  /** 201 for a new sign-up, 200 when the same clientRequestId was already answered. */
  @Endpoint('报名活动（同一请求编号重复提交答 200）', 'MyRegistration')
  @Post(':id/registrations')
  @ResidentOnly()
  async signUp(
    @CurrentResident() me: ResidentPrincipal,
    @IdParam() id: number,
    @Body() dto: RegistrationInputDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { registration, duplicate } = await this.registrations.signUp(me.id, id, dto);
    reply.status(duplicate ? 200 : 201);
    return registration;
  }

  @Endpoint('取消我的报名', 'MyRegistration')
  @Delete(':id/registrations/me')
  @ResidentOnly()
  cancel(@CurrentResident() me: ResidentPrincipal, @IdParam() id: number) {
    return this.registrations.cancelMine(me.id, id);
  }

  @Endpoint('接受或放弃候补名额', 'MyRegistration')
  @Post(':id/registrations/me/offer')
  @HttpCode(200)
  @ResidentOnly()
  answerOffer(@CurrentResident() me: ResidentPrincipal, @IdParam() id: number, @Body() dto: OfferAnswerDto) {
    return this.registrations.answerOffer(me.id, id, dto.accept);
  }
}
