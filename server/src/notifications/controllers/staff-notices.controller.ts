import { Body, Controller, Delete, Get, HttpCode, Inject, Post, Put, Res } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiTags } from '@nestjs/swagger';
import type { RegionRobotWebhook, StaffBindingCode, StaffNoticeSettings, TestNoticeResult } from '@xinqiao/shared';
import type { FastifyReply } from 'fastify';
import { CurrentStaff, StaffOnly } from '../../common/access/decorators';
import type { StaffPrincipal } from '../../common/access/principal';
import { APP_CONFIG, type AppConfig } from '../../common/config/env';
import { IdParam } from '../../common/http/id-param';
import { Audited } from '../../audit/audited.decorator';
import { RegionRobotDto, StaffMobileDto } from '../dto/staff-notices.dto';
import { LiveHub } from '../services/live-hub.service';
import { StaffNoticesService } from '../services/staff-notices.service';
import { Endpoint } from '../../common/http/openapi';

/** A staff member's own notice channels, and the live stream of the admin console. */
@ApiTags('notifications')
@Controller('admin')
export class StaffNoticesController {
  constructor(
    private readonly notices: StaffNoticesService,
    private readonly hub: LiveHub,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * The live notices of the signed-in staff member, as server-sent events (`event: notice`, data a
   * LiveNotice), read with fetch and the bearer token. Keep-alive comments every 25 s; the stream ends
   * when the access token would, and the console reconnects with a fresh one. Not in the OpenAPI
   * document: it is an open-ended event stream, not a request/answer operation (tools that walk the
   * document, such as the fuzzer, would wait on it for ever); the README describes it.
   */
  @Endpoint('工作台实时提醒（服务器推送事件流）', { file: 'text/event-stream' })
  @Get('live')
  @StaffOnly()
  @ApiExcludeEndpoint()
  live(@CurrentStaff() me: StaffPrincipal, @Res() reply: FastifyReply): void {
    reply.hijack();
    this.hub.open(me, reply.raw, this.config.JWT_ACCESS_TTL * 1000);
  }

  @Endpoint('本人提醒设置', 'StaffNoticeSettings')
  @Get('me/notice-settings')
  @StaffOnly()
  settings(@CurrentStaff() me: StaffPrincipal): Promise<StaffNoticeSettings> {
    return this.notices.settings(me.id);
  }

  /** A one-time code (10 minutes) to scan or type in the mini-program's 绑定工作微信 page. */
  @Endpoint('生成绑定工作微信的一次性码', 'StaffBindingCode')
  @Post('me/wechat-binding')
  @StaffOnly()
  @Audited('notifications.binding_code', 'staff')
  bindingCode(@CurrentStaff() me: StaffPrincipal): Promise<StaffBindingCode> {
    return this.notices.bindingCode(me.id);
  }

  @Endpoint('解除工作微信绑定', null)
  @Delete('me/wechat-binding')
  @HttpCode(204)
  @StaffOnly()
  @Audited('notifications.unbind', 'staff')
  async unbind(@CurrentStaff() me: StaffPrincipal): Promise<void> {
    await this.notices.unbind(me.id);
  }

  @Endpoint('设置本人接收短信的手机号', 'StaffNoticeSettings')
  @Put('me/mobile')
  @StaffOnly()
  @Audited('notifications.mobile', 'staff')
  mobile(@CurrentStaff() me: StaffPrincipal, @Body() dto: StaffMobileDto): Promise<StaffNoticeSettings> {
    return this.notices.setMobile(me.id, dto.mobile);
  }

  /** Sends 测试提醒 on every channel and answers what became of each (waiting a few seconds for the sends). */
  @Endpoint('发送测试提醒', 'TestNoticeResult')
  @Post('me/test-notice')
  @HttpCode(200)
  @StaffOnly()
  @Audited('notifications.test', 'staff')
  test(@CurrentStaff() me: StaffPrincipal): Promise<TestNoticeResult> {
    return this.notices.test(me);
  }

  /** The 企业微信 group robots of the regions in one's scope (URLs masked: they hold the robot's key). */
  @Endpoint('辖区企业微信群机器人', ['RegionRobotWebhook'])
  @Get('notice-robots')
  @StaffOnly('regions.manage')
  robots(@CurrentStaff() me: StaffPrincipal): Promise<RegionRobotWebhook[]> {
    return this.notices.contacts.listRobots(me);
  }

  @Endpoint('设置区域企业微信群机器人', 'RegionRobotWebhook')
  @Put('notice-robots/:regionId')
  @StaffOnly('regions.manage')
  @Audited('notifications.robot_set', 'region')
  setRobot(@CurrentStaff() me: StaffPrincipal, @IdParam('regionId') regionId: number, @Body() dto: RegionRobotDto): Promise<RegionRobotWebhook> {
    return this.notices.contacts.setRobot(me, regionId, dto.url);
  }

  @Endpoint('删除区域企业微信群机器人', null)
  @Delete('notice-robots/:regionId')
  @HttpCode(204)
  @StaffOnly('regions.manage')
  @Audited('notifications.robot_remove', 'region')
  async removeRobot(@CurrentStaff() me: StaffPrincipal, @IdParam('regionId') regionId: number): Promise<void> {
    await this.notices.contacts.removeRobot(me, regionId);
  }
}
