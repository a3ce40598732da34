import { Injectable } from '@nestjs/common';
import { formatChinaDateTime, templateData, wechatThing } from '@xinqiao/shared';
import { ResidentsService } from '../../residents/residents.service';
import { WechatClient } from '../../wechat/wechat.client';
import type { ChannelSender, SendOutcome } from './channel-sender';
import { NotificationTopics, type DueDelivery, type NotificationRecipient, type TopicHandler } from './notification-topics';
import { StaffContactsService } from './staff-contacts.service';
import { SubscriptionsService } from './subscriptions.service';

/** The template slot of every staff notice sent as a WeChat subscribe message (registered by the notifications module). */
export const STAFF_ALERT_SLOT = 'staff_alert';
/** The mini-program page a staff notice opens: it shows the binding and where to handle the notice. */
export const STAFF_NOTICE_PAGE = 'packageMe/pages/staff-bind/index';

/**
 * WeChat subscribe messages to residents, and to staff members through the WeChat user they bound
 * (that user's accepts of the staff alert template, as a resident's). A send needs a configured template, WeChat credentials
 * and one of the resident's accepts; an accept is used up only by a send WeChat took or refused for
 * lack of permission (43101, never retried), and never for a long-term template.
 */
@Injectable()
export class WechatSubscribeSender implements ChannelSender {
  readonly channel = 'wechat_subscribe' as const;
  readonly audiences = ['resident', 'staff'] as const;
  readonly retryDelaysMs = [10_000, 60_000, 300_000];
  readonly maxAttempts = 4;

  constructor(
    private readonly topics: NotificationTopics,
    private readonly subscriptions: SubscriptionsService,
    private readonly residents: ResidentsService,
    private readonly client: WechatClient,
    private readonly contacts: StaffContactsService,
  ) {}

  plan(topic: string, handler: TopicHandler, recipient: NotificationRecipient): { templateId: string | null } | { skip: 'no_template' } {
    let slot: string;
    if ('staffId' in recipient) {
      if (!handler.staff) throw new Error(`notification topic ${topic} has no staff notice`);
      slot = STAFF_ALERT_SLOT;
    } else {
      if (!handler.wechat) throw new Error(`notification topic ${topic} has no WeChat message`);
      if (!('residentId' in recipient)) throw new Error(`WeChat subscribe messages go to residents or staff, not ${JSON.stringify(recipient)}`);
      slot = handler.wechat.template;
    }
    const template = this.topics.template(slot);
    return template ? { templateId: template.id } : { skip: 'no_template' };
  }

  async send(d: DueDelivery, handler: TopicHandler, now: Date): Promise<SendOutcome> {
    // The topic's declaration may have changed since the message was recorded (a new release).
    const staff = 'staffId' in d.recipient;
    if (staff ? !handler.staff : !handler.wechat || !('residentId' in d.recipient))
      return { status: 'failed', reason: 'error', error: `${d.topic} cannot be sent as a WeChat subscribe message` };
    const template = this.topics.template(staff ? STAFF_ALERT_SLOT : handler.wechat!.template);
    if (!template) return { status: 'skipped', reason: 'no_template' };
    if (!this.client.isConfigured()) return { status: 'skipped', reason: 'wechat_not_configured' };
    let residentId: number;
    if ('staffId' in d.recipient) {
      const bound = (await this.contacts.contactOf(d.recipient.staffId))?.residentId;
      if (!bound) return { status: 'skipped', reason: 'not_bound' };
      residentId = bound;
    } else if ('residentId' in d.recipient) residentId = d.recipient.residentId;
    else return { status: 'failed', reason: 'error', error: 'no WeChat recipient' };
    const openid = await this.residents.openidOf(residentId);
    if (!openid) return { status: 'skipped', reason: staff ? 'not_bound' : 'obsolete' };
    const message = staff ? await staffWechatMessage(d, handler, now) : await handler.wechat!.render(d, now);
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

/** A staff notice as the staff alert template's four values: kind, time, region, the line (the default thing1,time2,thing3,thing4). */
async function staffWechatMessage(d: DueDelivery, handler: TopicHandler, now: Date) {
  const m = await handler.staff!.render(d, now);
  return {
    values: [wechatThing(m.title), formatChinaDateTime(d.subjectAt ?? d.createdAt), wechatThing(m.region), wechatThing(m.text)],
    page: STAFF_NOTICE_PAGE,
  };
}
