import { Injectable } from '@nestjs/common';
import { templateData } from '@xinqiao/shared';
import { ResidentsService } from '../../residents/residents.service';
import { WechatClient } from '../../wechat/wechat.client';
import type { ChannelSender, SendOutcome } from './channel-sender';
import { NotificationTopics, type DueDelivery, type NotificationRecipient, type TopicHandler } from './notification-topics';
import { SubscriptionsService } from './subscriptions.service';

/**
 * WeChat subscribe messages to residents. A send needs a configured template, WeChat credentials
 * and one of the resident's accepts; an accept is used up only by a send WeChat took or refused for
 * lack of permission (43101, never retried), and never for a long-term template.
 */
@Injectable()
export class WechatSubscribeSender implements ChannelSender {
  readonly channel = 'wechat_subscribe' as const;
  readonly audiences = ['resident'] as const;
  readonly retryDelaysMs = [10_000, 60_000, 300_000];
  readonly maxAttempts = 4;

  constructor(
    private readonly topics: NotificationTopics,
    private readonly subscriptions: SubscriptionsService,
    private readonly residents: ResidentsService,
    private readonly client: WechatClient,
  ) {}

  plan(topic: string, handler: TopicHandler, recipient: NotificationRecipient): { templateId: string | null } | { skip: 'no_template' } {
    if (!handler.wechat) throw new Error(`notification topic ${topic} has no WeChat message`);
    if (!('residentId' in recipient)) throw new Error(`WeChat subscribe messages go to residents, not ${JSON.stringify(recipient)}`);
    const template = this.topics.template(handler.wechat.template);
    return template ? { templateId: template.id } : { skip: 'no_template' };
  }

  async send(d: DueDelivery, handler: TopicHandler, now: Date): Promise<SendOutcome> {
    // The topic's declaration may have changed since the message was recorded (a new release).
    if (!handler.wechat || !('residentId' in d.recipient)) return { status: 'failed', reason: 'error', error: `${d.topic} cannot be sent as a WeChat subscribe message` };
    const template = this.topics.template(handler.wechat.template);
    if (!template) return { status: 'skipped', reason: 'no_template' };
    if (!this.client.isConfigured()) return { status: 'skipped', reason: 'wechat_not_configured' };
    const residentId = d.recipient.residentId;
    const openid = await this.residents.openidOf(residentId);
    if (!openid) return { status: 'skipped', reason: 'obsolete' };
    const message = await handler.wechat.render(d, now);
    const permit = await this.subscriptions.take(residentId, template.id, now);
    if (!permit) return { status: 'skipped', reason: 'no_subscription', templateId: template.id };

    const result = await this.client.sendSubscribeMessage({
      touser: openid,
      templateId: template.id,
      page: message.page,
      data: templateData(message.values, template.keys),
    });
    if (result.ok) return { status: 'sent', providerMessageId: result.msgid, templateId: template.id };
    if (result.reason === 'refused') await this.subscriptions.withdrawn(permit, now);
    else await this.subscriptions.giveBack(permit);
    const error = `${result.errcode ?? ''} ${result.errmsg}`.trim();
    if (result.retryable) return { status: 'retry', reason: 'unavailable', error };
    if (result.reason === 'not_configured') return { status: 'skipped', reason: 'wechat_not_configured', error };
    return { status: 'failed', reason: result.reason, error, templateId: template.id };
  }
}
