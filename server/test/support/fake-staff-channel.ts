import type { NotificationChannel } from '@xinqiao/shared';
import { JobsService } from '../../src/common/jobs/jobs.service';
import type { ChannelSender, SendOutcome } from '../../src/notifications/services/channel-sender';
import type { DueDelivery, NotificationRecipient, StaffMessage, TopicHandler } from '../../src/notifications/services/notification-topics';
import { jobKindOf, NotificationsService } from '../../src/notifications/services/notifications.service';
import type { TestApp } from './test-app';

/**
 * A staff and region channel that records what it would send: it renders every staff notice
 * exactly as a real channel does, so owners of staff notices (alerts) can test what reaches whom
 * and that a notice counts as sent. Installed into a running app's NotificationsService (which has
 * no public way to add a sender: real channels are providers of the notifications module).
 */
export class FakeStaffChannel implements ChannelSender {
  readonly channel = 'test_staff' as NotificationChannel;
  readonly audiences = ['staff', 'region'] as const;
  readonly retryDelaysMs = [1_000];
  readonly maxAttempts = 2;
  readonly sent: { recipient: NotificationRecipient; topic: string; message: StaffMessage }[] = [];

  static install(t: TestApp): FakeStaffChannel {
    const fake = new FakeStaffChannel();
    const notifications = t.app.get(NotificationsService) as unknown as {
      senders: Map<NotificationChannel, ChannelSender>;
      deliver(sender: ChannelSender, deliveryId: number, attempt: number, now: Date): Promise<void>;
    };
    notifications.senders.set(fake.channel, fake);
    t.app.get(JobsService).register<{ deliveryId: number }>(jobKindOf(fake.channel), (ctx) => notifications.deliver(fake, ctx.params.deliveryId, ctx.attempt, ctx.now), fake.retryDelaysMs);
    return fake;
  }

  plan(_topic: string, handler: TopicHandler): { templateId: string | null } {
    if (!handler.staff) throw new Error('not a staff notice');
    return { templateId: null };
  }

  async send(d: DueDelivery, handler: TopicHandler, now: Date): Promise<SendOutcome> {
    this.sent.push({ recipient: d.recipient, topic: d.topic, message: await handler.staff!.render(d, now) });
    return { status: 'sent', providerMessageId: null };
  }
}
