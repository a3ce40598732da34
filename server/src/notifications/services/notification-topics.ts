import { Inject, Injectable } from '@nestjs/common';
import type { NotificationChannel } from '@xinqiao/shared';
import { APP_CONFIG, type AppConfig, type TemplateConfig } from '../../common/config/env';

/** The environment variables that configure a subscribe-message template (`WECHAT_TEMPLATE_*`). */
export type TemplateEnvName = {
  [K in keyof AppConfig]-?: Exclude<AppConfig[K], undefined> extends TemplateConfig ? K : never;
}[keyof AppConfig];

export type NotificationRecipient = { residentId: number } | { staffId: number } | { target: string };

/** What a message is about, in the owner's terms (`event_registration` 42, `booking` 7 …). */
export interface NotificationSubject {
  type: string;
  id: number;
}

/** Values the owner keeps with a message to render it later; small, JSON. */
export type NotificationParams = Record<string, string | number | boolean | null>;

/** A recorded message as the owner's hooks see it when it falls due. */
export interface DueDelivery {
  readonly id: number;
  readonly channel: NotificationChannel;
  readonly topic: string;
  readonly recipient: NotificationRecipient;
  readonly subject: NotificationSubject;
  readonly group: string | null;
  /** The subject's time the message was made for (e.g. the start it reminds of). */
  readonly subjectAt: Date | null;
  readonly params: NotificationParams;
  readonly dueAt: Date;
  readonly createdAt: Date;
}

/** A subscribe message's content: its values in the order of the template's keys, and the page it opens. */
export interface WechatMessage {
  values: string[];
  /** Mini-program page with query, e.g. `pages/events/index?id=7`. */
  page?: string;
}

/**
 * A notice to staff, the same on every staff channel (the admin's live notice, a staff member's
 * WeChat, a region's group robot, SMS). It carries no answers and no names: what kind of thing it is,
 * its colour, the region, and a link into the admin.
 */
export interface StaffMessage {
  /** e.g. 红色预警. */
  title: string;
  /** One short line, e.g. 胜利路街道萱花社区有一条新的红色预警，请尽快处理. */
  text: string;
  /** The admin page it opens, from the admin's root, e.g. `/alerts/17`. */
  link: string;
  colour?: 'red' | 'yellow' | 'green';
  /** Region name as shown in the notice. */
  region: string;
}

/** What an owner declares for one kind of message. */
export interface TopicHandler {
  /**
   * Asked when the message falls due, before anything is sent: false records it as skipped
   * (`obsolete`), e.g. a reminder for a booking that was moved or cancelled. Missing: always due.
   */
  stillDue?(delivery: DueDelivery, now: Date): Promise<boolean>;
  /** The message as a WeChat subscribe message: the template slot it uses, and its content. */
  wechat?: {
    template: string;
    render(delivery: DueDelivery, now: Date): Promise<WechatMessage>;
  };
  /** The message as a staff notice (for `notifyStaff`); every staff and region channel renders it. */
  staff?: {
    render(delivery: DueDelivery, now: Date): Promise<StaffMessage>;
  };
}

/** An owner module's messages: its template slots and its kinds of message (topic `<owner>.<kind>`). */
export interface NotificationOwner {
  /** Slot name -> the variable configuring its template. Slot names are unique across owners. */
  templates?: Record<string, TemplateEnvName>;
  topics: Record<string, TopicHandler>;
}

const NAME = /^[a-z][a-z0-9_]*$/;
const TOPIC_MAX = 48;

/**
 * The topic registry: each owner module registers its kinds of message at start (onModuleInit),
 * so the notifications module renders and checks them without knowing any owner.
 */
@Injectable()
export class NotificationTopics {
  private readonly topics = new Map<string, TopicHandler>();
  /** Slot -> variable, in registration order (the order /me/subscriptions lists them in). */
  private readonly slots = new Map<string, TemplateEnvName>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Throws on a mistake in the declaration, so it shows at start rather than at the first send. */
  register(owner: string, def: NotificationOwner): void {
    if (!NAME.test(owner)) throw new Error(`notification owner "${owner}" must be lower-case letters, digits and _`);
    for (const [slot, env] of Object.entries(def.templates ?? {})) {
      if (this.slots.has(slot)) throw new Error(`template slot "${slot}" is registered twice`);
      this.slots.set(slot, env);
    }
    for (const [kind, handler] of Object.entries(def.topics)) {
      const topic = `${owner}.${kind}`;
      if (!NAME.test(kind) || topic.length > TOPIC_MAX)
        throw new Error(`notification topic "${topic}" must be ${TOPIC_MAX} characters at most, kind in lower-case letters, digits and _`);
      if (this.topics.has(topic)) throw new Error(`notification topic "${topic}" is registered twice`);
      if (handler.wechat && !this.slots.has(handler.wechat.template))
        throw new Error(`notification topic "${topic}" uses the unknown template slot "${handler.wechat.template}"`);
      this.topics.set(topic, handler);
    }
  }

  handler(topic: string): TopicHandler | undefined {
    return this.topics.get(topic);
  }

  /** The template configured for a slot; undefined when its variable is unset. */
  template(slot: string): TemplateConfig | undefined {
    const env = this.slots.get(slot);
    return env ? this.config[env] : undefined;
  }

  /** The configured templates by slot, in registration order. */
  configured(): { slot: string; template: TemplateConfig }[] {
    return [...this.slots.keys()].flatMap((slot) => {
      const template = this.template(slot);
      return template ? [{ slot, template }] : [];
    });
  }

  /** A long-term template's accept allows every later message, so a send does not use it up. */
  isLongTerm(templateId: string): boolean {
    return this.config.WECHAT_LONG_TERM_TEMPLATES.includes(templateId);
  }
}
