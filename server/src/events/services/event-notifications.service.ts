import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  EVENT_MINIAPP_PAGE,
  EVENT_NOTIFICATION_KINDS,
  EVENT_TEMPLATE_SLOTS,
  REMINDER_HOURS_BEFORE,
  TEMPLATE_SLOT_OF,
  eventMessageFields,
  eventMessageValues,
  type EventNotificationKind,
  type EventNotificationRow,
  type EventNotificationTemplates,
  type EventTemplateSlot,
  type Page,
} from '@xinqiao/shared';
import { In, Repository } from 'typeorm';
import type { DueDelivery, TemplateEnvName, TopicHandler, WechatMessage } from '../../notifications/services/notification-topics';
import { NotificationsService, type NotifyInput } from '../../notifications/services/notifications.service';
import type { EventNotificationQueryDto } from '../dto/attendee.dto';
import { EventRegistration } from '../entities/event-registration.entity';
import { OutreachEvent } from '../entities/event.entity';

/** A message a change of state calls for; sent after the change is committed. */
export interface Notice {
  kind: EventNotificationKind;
  registrationId: number;
  /** The seat came from the waiting list. */
  promoted?: boolean;
}

/** A confirmed seat gets its confirmation now and a reminder before the start. */
export function seatNotices(registrationId: number, promoted: boolean): Notice[] {
  return [
    { kind: 'signup_confirmed', registrationId, promoted },
    { kind: 'reminder', registrationId },
  ];
}

const OWNER = 'event';
/** Every event message is about one registration; the admin lists them by event. */
const SUBJECT = 'event_registration';
const HOUR_MS = 3_600_000;

const topicOf = (kind: EventNotificationKind) => `${OWNER}.${kind}`;
const kindOf = (topic: string) => topic.slice(OWNER.length + 1) as EventNotificationKind;
const groupOf = (eventId: number) => `${OWNER}:${eventId}`;

const TEMPLATE_ENV: Record<EventTemplateSlot, TemplateEnvName> = {
  signup: 'WECHAT_TEMPLATE_EVENT_SIGNUP',
  reminder: 'WECHAT_TEMPLATE_EVENT_REMINDER',
  offer: 'WECHAT_TEMPLATE_EVENT_OFFER',
  change: 'WECHAT_TEMPLATE_EVENT_CHANGE',
};

/**
 * Subscribe messages about events, sent through the notifications module: this service decides
 * which messages a change calls for and when, says whether one is still wanted when it falls due
 * (a reminder for a seat given back or a start that moved is not sent), and renders it.
 */
@Injectable()
export class EventNotificationsService implements OnModuleInit {
  constructor(
    @InjectRepository(EventRegistration) private readonly registrations: Repository<EventRegistration>,
    @InjectRepository(OutreachEvent) private readonly events: Repository<OutreachEvent>,
    private readonly notifications: NotificationsService,
  ) {}

  onModuleInit(): void {
    const topic = (kind: EventNotificationKind): TopicHandler => ({
      stillDue: async (d, now) => {
        const { reg, event } = await this.load(d);
        return reg !== null && event !== null && !obsolete(kind, d, reg, event, now);
      },
      wechat: { template: TEMPLATE_SLOT_OF[kind], render: (d) => this.render(kind, d) },
    });
    this.notifications.register(OWNER, {
      templates: TEMPLATE_ENV,
      topics: Object.fromEntries(EVENT_NOTIFICATION_KINDS.map((kind) => [kind, topic(kind)])),
    });
  }

  templates(): EventNotificationTemplates {
    const id = (slot: EventTemplateSlot) => this.notifications.template(slot)?.id ?? null;
    const templates = Object.fromEntries(EVENT_TEMPLATE_SLOTS.map((slot) => [slot, id(slot)])) as Record<EventTemplateSlot, string | null>;
    const present = (ids: (string | null)[]) => [...new Set(ids.filter((x): x is string => x !== null))];
    return {
      templates,
      signUp: present([templates.signup, templates.reminder, templates.change]),
      waitlist: present([templates.offer, templates.signup, templates.change]),
    };
  }

  /**
   * Records the messages and queues their sending. A reminder due already (sign-up within the last
   * day) is not made: the confirmation has just said it all.
   */
  async dispatch(notices: Notice[], now = new Date()): Promise<void> {
    if (!notices.length) return;
    const regs = new Map((await this.registrations.find({ where: { id: In([...new Set(notices.map((n) => n.registrationId))]) } })).map((r) => [r.id, r]));
    const eventIds = [...new Set([...regs.values()].map((r) => r.eventId))];
    const events = new Map((eventIds.length ? await this.events.find({ where: { id: In(eventIds) } }) : []).map((e) => [e.id, e]));
    const messages: NotifyInput[] = [];
    for (const n of notices) {
      const reg = regs.get(n.registrationId);
      const event = reg && events.get(reg.eventId);
      if (!reg || !event) continue;
      const dueAt = n.kind === 'reminder' ? new Date(event.startsAt.getTime() - REMINDER_HOURS_BEFORE * HOUR_MS) : now;
      if (n.kind === 'reminder' && dueAt.getTime() <= now.getTime()) continue;
      messages.push({
        channel: 'wechat_subscribe',
        recipient: { residentId: reg.residentId },
        topic: topicOf(n.kind),
        subject: { type: SUBJECT, id: reg.id },
        group: groupOf(event.id),
        subjectAt: event.startsAt,
        dueAt,
        params: n.promoted ? { promoted: true } : undefined,
      });
    }
    await this.notifications.notify(null, messages, now);
  }

  async list(eventId: number, q: EventNotificationQueryDto): Promise<Page<EventNotificationRow>> {
    const page = await this.notifications.list({
      group: groupOf(eventId),
      topics: q.kind ? [topicOf(q.kind)] : undefined,
      status: q.status,
      page: q.page,
      pageSize: q.pageSize,
    });
    const regIds = [...new Set(page.items.map((r) => r.subject.id))];
    const names = new Map(
      (regIds.length ? await this.registrations.find({ select: { id: true, name: true }, where: { id: In(regIds) } }) : []).map((r) => [r.id, r.name]),
    );
    return {
      ...page,
      items: page.items.map((r) => ({
        id: r.id,
        kind: kindOf(r.topic),
        status: r.status,
        reason: r.reason,
        name: names.get(r.subject.id) ?? null,
        runAfter: r.dueAt.toISOString(),
        sentAt: r.sentAt?.toISOString() ?? null,
        createdAt: r.createdAt.toISOString(),
      })),
    };
  }

  private async load(d: DueDelivery): Promise<{ reg: EventRegistration | null; event: OutreachEvent | null }> {
    const reg = await this.registrations.findOneBy({ id: d.subject.id });
    return { reg, event: reg && (await this.events.findOneBy({ id: reg.eventId })) };
  }

  private async render(kind: EventNotificationKind, d: DueDelivery): Promise<WechatMessage> {
    const { reg, event } = await this.load(d);
    if (!reg || !event) throw new Error(`registration ${d.subject.id} is gone`);
    const fields = eventMessageFields({
      kind,
      event: { title: event.title, startsAt: event.startsAt, venueName: event.venueName },
      promoted: d.params.promoted === true,
      offerExpiresAt: reg.offerExpiresAt,
      reason: event.cancelReason,
    });
    return { page: `${EVENT_MINIAPP_PAGE}?id=${event.id}`, values: eventMessageValues(fields) };
  }
}

/** The situation the message was about has passed. */
function obsolete(kind: EventNotificationKind, d: DueDelivery, reg: EventRegistration, event: OutreachEvent, now: Date): boolean {
  switch (kind) {
    case 'signup_confirmed':
      return reg.status !== 'confirmed' || event.status === 'cancelled';
    case 'reminder':
      return reg.status !== 'confirmed' || event.status !== 'published' || event.startsAt.getTime() !== d.subjectAt?.getTime();
    case 'waitlist_offer':
      return reg.status !== 'offered' || !reg.offerExpiresAt || reg.offerExpiresAt.getTime() <= now.getTime();
    case 'event_changed':
      return event.status !== 'published';
    case 'event_cancelled':
      return false;
  }
}
