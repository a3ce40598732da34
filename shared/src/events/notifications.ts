/**
 * WeChat subscribe messages about events. A resident grants one send per accepted template at a tap
 * (wx.requestSubscribeMessage); the server records every message it means to send as a delivery,
 * with what became of it.
 */
import { wechatThing } from '../notifications';
import { formatChinaDateTime } from '../common/time';

export const EVENT_NOTIFICATION_KINDS = ['signup_confirmed', 'reminder', 'waitlist_offer', 'event_changed', 'event_cancelled'] as const;
export type EventNotificationKind = (typeof EVENT_NOTIFICATION_KINDS)[number];
export const EVENT_NOTIFICATION_KIND_LABELS: Record<EventNotificationKind, string> = {
  signup_confirmed: '报名成功通知',
  reminder: '活动开始提醒',
  waitlist_offer: '候补名额通知',
  event_changed: '活动变更通知',
  event_cancelled: '活动取消通知',
};

/**
 * The templates a deployment configures. A change and a cancellation share one template ("活动变更
 * 通知"), so a resident subscribes to four templates at most, within WeChat's limit per request.
 */
export const EVENT_TEMPLATE_SLOTS = ['signup', 'reminder', 'offer', 'change'] as const;
export type EventTemplateSlot = (typeof EVENT_TEMPLATE_SLOTS)[number];
export const TEMPLATE_SLOT_OF: Record<EventNotificationKind, EventTemplateSlot> = {
  signup_confirmed: 'signup',
  reminder: 'reminder',
  waitlist_offer: 'offer',
  event_changed: 'change',
  event_cancelled: 'change',
};

/** The reminder goes out this long before the start. */
export const REMINDER_HOURS_BEFORE = 24;

/**
 * The four values every event message carries, in the order the template's keys are configured:
 * 活动名称, 活动时间, 活动地点, 温馨提示.
 */
export interface EventMessageFields {
  title: string;
  time: string;
  venue: string;
  note: string;
}

export interface EventMessageInput {
  kind: EventNotificationKind;
  event: { title: string; startsAt: Date; venueName: string };
  /** A seat came from the waiting list (the confirmation says so). */
  promoted?: boolean;
  /** Deadline of a waiting-list offer. */
  offerExpiresAt?: Date | null;
  /** Reason given for a cancellation. */
  reason?: string | null;
}

export function eventMessageFields(input: EventMessageInput): EventMessageFields {
  const { event } = input;
  let note: string;
  switch (input.kind) {
    case 'signup_confirmed':
      note = input.promoted ? '候补成功，已为您保留名额' : '报名成功，请按时参加';
      break;
    case 'reminder':
      note = '活动即将开始，请准时参加';
      break;
    case 'waitlist_offer':
      note = input.offerExpiresAt ? `请于${formatChinaDateTime(input.offerExpiresAt).slice(5)}前确认名额` : '有空余名额，请尽快确认';
      break;
    case 'event_changed':
      note = '活动时间或地点有变，请查看详情';
      break;
    case 'event_cancelled':
      note = input.reason ? `活动已取消：${input.reason}` : '活动已取消';
      break;
  }
  return {
    title: wechatThing(event.title),
    time: formatChinaDateTime(event.startsAt),
    venue: wechatThing(event.venueName),
    note: wechatThing(note),
  };
}

/** Default keys of the four values, as in common public templates (活动名称 thing1, 活动时间 time2 …). */
export const DEFAULT_TEMPLATE_KEYS = ['thing1', 'time2', 'thing3', 'thing4'] as const;

/** The four values in the order the template's keys are configured. */
export function eventMessageValues(fields: EventMessageFields): string[] {
  return [fields.title, fields.time, fields.venue, fields.note];
}
