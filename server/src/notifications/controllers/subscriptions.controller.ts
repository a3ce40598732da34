import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentResident, ResidentOnly } from '../../common/access/decorators';
import type { ResidentPrincipal } from '../../common/access/principal';
import { SubscriptionInputDto } from '../dto/subscription.dto';
import { SubscriptionsService } from '../services/subscriptions.service';
import { Endpoint } from '../../common/http/openapi';

@ApiTags('notifications')
@Controller('me/subscriptions')
export class SubscriptionsController {
  constructor(private readonly subscriptions: SubscriptionsService) {}

  @Endpoint('订阅消息授权情况', 'SubscriptionStatus')
  @Get()
  @ResidentOnly()
  get(@CurrentResident() me: ResidentPrincipal) {
    return this.subscriptions.status(me.id);
  }

  /** The ids wx.requestSubscribeMessage answered `accept` for: each allows one message (a long-term template: every message). */
  @Endpoint('记录订阅消息授权', 'SubscriptionStatus')
  @Post()
  @HttpCode(200)
  @ResidentOnly()
  subscribe(@CurrentResident() me: ResidentPrincipal, @Body() dto: SubscriptionInputDto) {
    return this.subscriptions.subscribe(me.id, dto.templateIds);
  }
}
