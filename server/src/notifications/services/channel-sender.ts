import type { NotificationChannel, NotificationReason } from '@xinqiao/shared';
import type { DueDelivery, NotificationRecipient, TopicHandler } from './notification-topics';

/**
 * What became of one try: sent; skipped or failed for good with the reason; or `retry` (a
 * temporary failure: tried again after a back-off, recorded with `reason` once the tries run out).
 */
export type SendOutcome =
  | { status: 'sent'; providerMessageId: string | null; templateId?: string }
  | { status: 'skipped' | 'failed'; reason: NotificationReason; error?: string; templateId?: string }
  | { status: 'retry'; reason: NotificationReason; error: string };

/**
 * One way of sending messages (a WeChat subscribe message now; the admin's live notice, a group
 * robot and SMS later). Each channel is one job kind on the queue, with its own back-off.
 */
/** Who a channel can reach: residents, staff members, or a region (its group robot). */
export type ChannelAudience = 'resident' | 'staff' | 'region';

export interface ChannelSender {
  readonly channel: NotificationChannel;
  /** `notifyStaff` fans a staff notice out to every channel serving `staff` (per person) and `region` (per region). */
  readonly audiences: readonly ChannelAudience[];
  /** Back-off before retry n (1-based), the last value repeating. */
  readonly retryDelaysMs: number[];
  /** Tries in all, the first included. */
  readonly maxAttempts: number;
  /**
   * Checked when a message is recorded: the template it will use (null: the channel has none), or
   * why it can never go out (recorded as skipped at once). Throws when the owner asks for something
   * the channel cannot do (a programming error, e.g. a topic with no content for this channel).
   */
  plan(topic: string, handler: TopicHandler, recipient: NotificationRecipient): { templateId: string | null } | { skip: NotificationReason };
  send(delivery: DueDelivery, handler: TopicHandler, now: Date): Promise<SendOutcome>;
}
