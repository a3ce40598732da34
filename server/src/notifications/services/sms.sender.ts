import { Injectable } from '@nestjs/common';
import { smsParams } from '@xinqiao/shared';
import type { ChannelSender, SendOutcome } from './channel-sender';
import type { DueDelivery, NotificationRecipient, TopicHandler } from './notification-topics';
import { SmsClient } from './sms.client';
import { StaffContactsService } from './staff-contacts.service';

/** SMS to the mobile number a staff member set for notices. */
@Injectable()
export class SmsSender implements ChannelSender {
  readonly channel = 'sms' as const;
  readonly audiences = ['staff'] as const;
  readonly retryDelaysMs = [10_000, 60_000, 300_000];
  readonly maxAttempts = 4;

  constructor(
    private readonly client: SmsClient,
    private readonly contacts: StaffContactsService,
  ) {}

  plan(topic: string, handler: TopicHandler, recipient: NotificationRecipient): { templateId: null } | { skip: 'sms_not_configured' } {
    if (!handler.staff) throw new Error(`notification topic ${topic} has no staff notice`);
    if (!('staffId' in recipient)) throw new Error(`SMS notices go to staff members, not ${JSON.stringify(recipient)}`);
    return this.client.isConfigured() ? { templateId: null } : { skip: 'sms_not_configured' };
  }

  async send(d: DueDelivery, handler: TopicHandler, now: Date): Promise<SendOutcome> {
    if (!handler.staff || !('staffId' in d.recipient)) return { status: 'failed', reason: 'error', error: `${d.topic} cannot be sent as an SMS` };
    if (!this.client.isConfigured()) return { status: 'skipped', reason: 'sms_not_configured' };
    const mobile = (await this.contacts.contactOf(d.recipient.staffId))?.mobile;
    if (!mobile) return { status: 'skipped', reason: 'no_mobile' };
    const m = await handler.staff.render(d, now);
    const result = await this.client.send(mobile, smsParams(m), now);
    if (result.ok) return { status: 'sent', providerMessageId: result.id?.slice(0, 64) ?? null };
    return result.retry ? { status: 'retry', reason: 'unavailable', error: result.error } : { status: 'failed', reason: 'rejected', error: result.error };
  }
}
