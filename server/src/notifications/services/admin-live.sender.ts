import { Injectable } from '@nestjs/common';
import { regionTargetId } from '@xinqiao/shared';
import { RegionsService } from '../../regions/regions.service';
import type { ChannelSender, SendOutcome } from './channel-sender';
import type { DueDelivery, NotificationRecipient, TopicHandler } from './notification-topics';
import { LiveHub } from './live-hub.service';

/**
 * The admin console's live notice: pushed to the open streams of the staff member, or of every
 * staff member on alerts whose region covers the region, on whichever instance they are open (see
 * LiveHub). `sent` (`streams:<n>`) only when at least one stream was confirmed to get it; otherwise
 * skipped (`not_connected`), never retried (a notice shown minutes late is no live notice; the other
 * channels carry it).
 */
@Injectable()
export class AdminLiveSender implements ChannelSender {
  readonly channel = 'admin_live' as const;
  readonly audiences = ['staff', 'region'] as const;
  readonly retryDelaysMs = [1_000];
  readonly maxAttempts = 1;

  constructor(
    private readonly hub: LiveHub,
    private readonly regions: RegionsService,
  ) {}

  plan(topic: string, handler: TopicHandler, recipient: NotificationRecipient): { templateId: null } {
    if (!handler.staff) throw new Error(`notification topic ${topic} has no staff notice`);
    if ('residentId' in recipient) throw new Error('the admin live notice goes to staff, not residents');
    return { templateId: null };
  }

  async send(d: DueDelivery, handler: TopicHandler, now: Date): Promise<SendOutcome> {
    if (!handler.staff || 'residentId' in d.recipient) return { status: 'failed', reason: 'error', error: `${d.topic} cannot be sent as a live notice` };
    const m = await handler.staff.render(d, now);
    const notice = {
      deliveryId: d.id,
      topic: d.topic,
      subject: d.subject,
      title: m.title,
      text: m.text,
      link: m.link,
      colour: m.colour ?? null,
      region: m.region,
    };
    let reached: number;
    if ('staffId' in d.recipient) reached = await this.hub.toStaff(d.recipient.staffId, notice);
    else {
      const regionId = regionTargetId(d.recipient.target);
      const region = regionId === null ? null : await this.regions.find(regionId);
      if (!region) return { status: 'failed', reason: 'error', error: `unknown target ${d.recipient.target}` };
      reached = await this.hub.toRegion(region.path, notice);
    }
    return reached ? { status: 'sent', providerMessageId: `streams:${reached}` } : { status: 'skipped', reason: 'not_connected' };
  }
}
