import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  EVENT_MINIAPP_PAGE,
  EVENT_TEMPLATE_SLOTS,
  MAX_UNUSED_GRANTS_PER_TEMPLATE,
  REMINDER_HOURS_BEFORE,
  TEMPLATE_SLOT_OF,
  eventMessageFields,
  templateData,
  type EventNotificationKind,
  type EventNotificationRow,
  type EventNotificationTemplates,
  type EventTemplateSlot,
  type NotificationReason,
  type NotificationStatus,
  type Page,
  type SubscriptionStatus,
} from '@xinqiao/shared';
import { In, IsNull, Repository } from 'typeorm';
import { APP_CONFIG, type AppConfig, type TemplateConfig } from '../common/config/env';
import { pageOf, paging } from '../common/http/page-query.dto';
import { JobsService } from '../common/jobs/jobs.service';
import { Resident } from '../residents/resident.entity';
import { WechatClient } from '../wechat/wechat.client';
import type { EventNotificationQueryDto } from './event.dto';
import { EventNotification } from './event-notification.entity';
import { EventRegistration } from './event-registration.entity';
import { OutreachEvent } from './event.entity';
import { SubscribeGrant } from './subscribe-grant.entity';

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

const JOB_KIND = 'events.notify';
const MAX_ATTEMPTS = 4;
const HOUR_MS = 3_600_000;

const TEMPLATE_ENV: Record<EventTemplateSlot, 'WECHAT_TEMPLATE_EVENT_SIGNUP' | 'WECHAT_TEMPLATE_EVENT_REMINDER' | 'WECHAT_TEMPLATE_EVENT_OFFER' | 'WECHAT_TEMPLATE_EVENT_CHANGE'> = {
  signup: 'WECHAT_TEMPLATE_EVENT_SIGNUP',
  reminder: 'WECHAT_TEMPLATE_EVENT_REMINDER',
  offer: 'WECHAT_TEMPLATE_EVENT_OFFER',
  change: 'WECHAT_TEMPLATE_EVENT_CHANGE',
};

/**
 * Subscribe messages about events. Each message is a delivery row, sent by a background job: the
 * job checks the message still makes sense (a reminder for a seat given back is not sent), uses up
 * one of the resident's accepts of the template, and records what WeChat answered. Temporary
 * failures are retried by the job queue; an accept is only used up by a send WeChat took or refused
 * for lack of permission.
 */
@Injectable()
export class EventNotificationsService implements OnModuleInit {
  constructor(
    @InjectRepository(EventNotification) private readonly repo: Repository<EventNotification>,
    @InjectRepository(SubscribeGrant) private readonly grants: Repository<SubscribeGrant>,
    @InjectRepository(EventRegistration) private readonly registrations: Repository<EventRegistration>,
    @InjectRepository(OutreachEvent) private readonly events: Repository<OutreachEvent>,
    @InjectRepository(Resident) private readonly residents: Repository<Resident>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jobs: JobsService,
    private readonly wechat: WechatClient,
  ) {}

  onModuleInit(): void {
    this.jobs.register<{ deliveryId: number }>(JOB_KIND, (ctx) => this.deliver(ctx.params.deliveryId, ctx.attempt), [10_000, 60_000, 300_000]);
  }

  templates(): EventNotificationTemplates {
    const id = (slot: EventTemplateSlot) => this.template(slot)?.id ?? null;
    const templates = Object.fromEntries(EVENT_TEMPLATE_SLOTS.map((slot) => [slot, id(slot)])) as Record<EventTemplateSlot, string | null>;
    const present = (ids: (string | null)[]) => [...new Set(ids.filter((x): x is string => x !== null))];
    return {
      templates,
      signUp: present([templates.signup, templates.reminder, templates.change]),
      waitlist: present([templates.offer, templates.signup, templates.change]),
    };
  }

  /** Records the templates a resident accepted; ids of templates not configured here are ignored. */
  async subscribe(residentId: number, templateIds: string[]): Promise<SubscriptionStatus> {
    const configured = new Set(EVENT_TEMPLATE_SLOTS.map((s) => this.template(s)?.id).filter(Boolean));
    for (const templateId of new Set(templateIds)) {
      if (!configured.has(templateId)) continue;
      const unused = await this.grants.count({ where: { residentId, templateId, usedAt: IsNull() } });
      if (unused < MAX_UNUSED_GRANTS_PER_TEMPLATE) await this.grants.insert({ residentId, templateId, usedAt: null });
    }
    return this.subscriptions(residentId);
  }

  async subscriptions(residentId: number): Promise<SubscriptionStatus> {
    const templates: SubscriptionStatus['templates'] = [];
    for (const slot of EVENT_TEMPLATE_SLOTS) {
      const template = this.template(slot);
      if (!template) continue;
      // Two slots may share a template: report it once.
      if (templates.some((t) => t.templateId === template.id)) continue;
      const available = await this.grants.count({ where: { residentId, templateId: template.id, usedAt: IsNull() } });
      templates.push({ slot, templateId: template.id, available });
    }
    return { templates };
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
    for (const n of notices) {
      const reg = regs.get(n.registrationId);
      const event = reg && events.get(reg.eventId);
      if (!reg || !event) continue;
      const runAfter = n.kind === 'reminder' ? new Date(event.startsAt.getTime() - REMINDER_HOURS_BEFORE * HOUR_MS) : now;
      if (n.kind === 'reminder' && runAfter.getTime() <= now.getTime()) continue;
      const template = this.template(TEMPLATE_SLOT_OF[n.kind]);
      const row = await this.repo.save(
        this.repo.create({
          kind: n.kind,
          eventId: event.id,
          registrationId: reg.id,
          residentId: reg.residentId,
          status: template ? 'queued' : 'skipped',
          reason: template ? null : 'no_template',
          templateId: template?.id ?? null,
          eventStartsAt: event.startsAt,
          promoted: n.promoted ?? false,
          runAfter,
        }),
      );
      if (template) await this.jobs.enqueue(JOB_KIND, { deliveryId: row.id }, { runAfter, maxAttempts: MAX_ATTEMPTS });
    }
  }

  async list(eventId: number, q: EventNotificationQueryDto): Promise<Page<EventNotificationRow>> {
    const p = paging(q);
    const [rows, total] = await this.repo.findAndCount({
      where: { eventId, ...(q.kind ? { kind: q.kind } : {}), ...(q.status ? { status: q.status } : {}) },
      order: { createdAt: 'DESC', id: 'DESC' },
      skip: p.skip,
      take: p.pageSize,
    });
    const regIds = [...new Set(rows.map((r) => r.registrationId))];
    const names = new Map(
      (regIds.length ? await this.registrations.find({ select: { id: true, name: true }, where: { id: In(regIds) } }) : []).map((r) => [r.id, r.name]),
    );
    return pageOf(
      rows.map((r) => ({
        id: r.id,
        kind: r.kind,
        status: r.status,
        reason: r.reason,
        name: names.get(r.registrationId) ?? null,
        runAfter: r.runAfter.toISOString(),
        sentAt: r.sentAt?.toISOString() ?? null,
        createdAt: r.createdAt.toISOString(),
      })),
      total,
      p,
    );
  }

  async exportFor(residentId: number) {
    const messages = await this.repo.find({ where: { residentId }, order: { id: 'ASC' } });
    const grants = await this.grants.find({ where: { residentId }, order: { id: 'ASC' } });
    return {
      messages: messages.map((m) => ({ kind: m.kind, eventId: m.eventId, status: m.status, reason: m.reason, createdAt: m.createdAt.toISOString(), sentAt: m.sentAt?.toISOString() ?? null })),
      subscriptions: grants.map((g) => ({ templateId: g.templateId, acceptedAt: g.createdAt.toISOString(), usedAt: g.usedAt?.toISOString() ?? null })),
    };
  }

  private template(slot: EventTemplateSlot): TemplateConfig | undefined {
    return this.config[TEMPLATE_ENV[slot]];
  }

  private async deliver(deliveryId: number, attempt: number): Promise<void> {
    const d = await this.repo.findOneBy({ id: deliveryId });
    if (!d || d.status !== 'queued') return;
    const now = new Date();
    const [reg, event, resident] = await Promise.all([
      this.registrations.findOneBy({ id: d.registrationId }),
      this.events.findOneBy({ id: d.eventId }),
      this.residents.findOneBy({ id: d.residentId }),
    ]);
    if (!reg || !event || !resident || this.obsolete(d, reg, event, now)) return this.finish(d.id, 'skipped', 'obsolete', attempt);
    const template = this.template(TEMPLATE_SLOT_OF[d.kind]);
    if (!template) return this.finish(d.id, 'skipped', 'no_template', attempt);
    if (!this.wechat.isConfigured()) return this.finish(d.id, 'skipped', 'wechat_not_configured', attempt);
    const grantId = await this.claimGrant(d.residentId, template.id, now);
    if (grantId === null) return this.finish(d.id, 'skipped', 'no_subscription', attempt);

    const fields = eventMessageFields({
      kind: d.kind,
      event: { title: event.title, startsAt: event.startsAt, venueName: event.venueName },
      promoted: d.promoted,
      offerExpiresAt: reg.offerExpiresAt,
      reason: event.cancelReason,
    });
    const result = await this.wechat.sendSubscribeMessage({
      touser: resident.openid,
      templateId: template.id,
      page: `${EVENT_MINIAPP_PAGE}?id=${event.id}`,
      data: templateData(fields, template.keys),
    });
    if (result.ok) {
      await this.repo.update({ id: d.id }, { status: 'sent', reason: null, error: null, msgid: result.msgid, sentAt: new Date(), attempts: attempt, templateId: template.id });
      return;
    }
    // 43101 means WeChat holds no permission: the accept on record was spent elsewhere. Otherwise it is still good.
    if (result.reason !== 'refused') await this.grants.update({ id: grantId }, { usedAt: null });
    const error = `${result.errcode ?? ''} ${result.errmsg}`.trim().slice(0, 300);
    if (result.retryable && attempt < MAX_ATTEMPTS) {
      await this.repo.update({ id: d.id }, { attempts: attempt, error });
      throw new Error(error);
    }
    const reason: NotificationReason = result.reason === 'not_configured' ? 'wechat_not_configured' : result.reason;
    await this.repo.update({ id: d.id }, { status: reason === 'wechat_not_configured' ? 'skipped' : 'failed', reason, error, attempts: attempt });
  }

  /** The situation the message was about has passed. */
  private obsolete(d: EventNotification, reg: EventRegistration, event: OutreachEvent, now: Date): boolean {
    switch (d.kind) {
      case 'signup_confirmed':
        return reg.status !== 'confirmed' || event.status === 'cancelled';
      case 'reminder':
        return reg.status !== 'confirmed' || event.status !== 'published' || event.startsAt.getTime() !== d.eventStartsAt.getTime();
      case 'waitlist_offer':
        return reg.status !== 'offered' || !reg.offerExpiresAt || reg.offerExpiresAt.getTime() <= now.getTime();
      case 'event_changed':
        return event.status !== 'published';
      case 'event_cancelled':
        return false;
    }
  }

  private async finish(id: number, status: NotificationStatus, reason: NotificationReason, attempt: number): Promise<void> {
    await this.repo.update({ id }, { status, reason, attempts: attempt });
  }

  /** Takes the oldest unused accept with a conditional update, so two sends never use the same one. */
  private async claimGrant(residentId: number, templateId: string, now: Date): Promise<number | null> {
    for (;;) {
      const next = await this.grants.findOne({ select: { id: true }, where: { residentId, templateId, usedAt: IsNull() }, order: { id: 'ASC' } });
      if (!next) return null;
      const taken = await this.grants
        .createQueryBuilder()
        .update(SubscribeGrant)
        .set({ usedAt: now })
        .where('id = :id AND usedAt IS NULL', { id: next.id })
        .execute();
      if (taken.affected) return next.id;
    }
  }
}
