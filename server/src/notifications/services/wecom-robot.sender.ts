import { Inject, Injectable } from '@nestjs/common';
import { regionTargetId, wecomMarkdown } from '@xinqiao/shared';
import { APP_CONFIG, type AppConfig } from '../../common/config/env';
import type { ChannelSender, SendOutcome } from './channel-sender';
import type { DueDelivery, NotificationRecipient, TopicHandler } from './notification-topics';
import { callJson } from './notice-http';
import { StaffContactsService } from './staff-contacts.service';

/** 企业微信 errcodes a later try may get past: system busy, and the robot's 20-a-minute limit. */
const RETRYABLE = new Set([-1, 45009, 45033]);

/**
 * A region's 企业微信 group robot: a markdown message to the webhook of the region or of its nearest
 * ancestor that has one. The delivery names the region (`region:<id>`), never the URL.
 */
@Injectable()
export class WecomRobotSender implements ChannelSender {
  readonly channel = 'wecom_robot' as const;
  readonly audiences = ['region'] as const;
  readonly retryDelaysMs = [10_000, 60_000, 300_000];
  readonly maxAttempts = 4;

  constructor(
    private readonly contacts: StaffContactsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  plan(topic: string, handler: TopicHandler, recipient: NotificationRecipient): { templateId: null } {
    if (!handler.staff) throw new Error(`notification topic ${topic} has no staff notice`);
    if (!('target' in recipient) || regionTargetId(recipient.target) === null)
      throw new Error(`a group robot message goes to a region, not ${JSON.stringify(recipient)}`);
    return { templateId: null };
  }

  async send(d: DueDelivery, handler: TopicHandler, now: Date): Promise<SendOutcome> {
    const regionId = 'target' in d.recipient ? regionTargetId(d.recipient.target) : null;
    if (!handler.staff || regionId === null) return { status: 'failed', reason: 'error', error: `${d.topic} cannot be sent to a group robot` };
    const robot = await this.contacts.robotFor(regionId);
    if (!robot) return { status: 'skipped', reason: 'no_webhook' };
    const m = await handler.staff.render(d, now);
    const answer = await callJson(
      robot.url,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ msgtype: 'markdown', markdown: { content: wecomMarkdown(m, this.config.ADMIN_PUBLIC_URL) } }),
      },
      this.config.NOTIFY_HTTP_TIMEOUT_MS,
    );
    const via = `robot of region:${robot.regionId}`;
    if (!answer.ok) return { status: 'retry', reason: 'unavailable', error: `${via}: ${answer.error}` };
    const errcode = Number(answer.body.errcode ?? NaN);
    if (errcode === 0) return { status: 'sent', providerMessageId: `region:${robot.regionId}` };
    const error = `${via}: ${Number.isNaN(errcode) ? `HTTP ${answer.status}` : errcode} ${String(answer.body.errmsg ?? '')}`.trim();
    if (RETRYABLE.has(errcode) || Number.isNaN(errcode)) return { status: 'retry', reason: 'unavailable', error };
    return { status: 'failed', reason: 'rejected', error };
  }
}
