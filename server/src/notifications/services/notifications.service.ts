import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { NotificationChannel, NotificationReason, NotificationStatus, Page, PageQuery } from '@xinqiao/shared';
import { In, type EntityManager, type FindOptionsWhere, Repository } from 'typeorm';
import type { TemplateConfig } from '../../common/config/env';
import { pageOf, paging } from '../../common/http/page-query.dto';
import { JobsService } from '../../common/jobs/jobs.service';
import { PersonalDataRegistry } from '../../residents/personal-data.registry';
import { NotificationDelivery } from '../entities/notification-delivery.entity';
import type { ChannelSender, SendOutcome } from './channel-sender';
import {
  NotificationTopics,
  type DueDelivery,
  type NotificationOwner,
  type NotificationParams,
  type NotificationRecipient,
  type NotificationSubject,
} from './notification-topics';
import { SubscriptionsService } from './subscriptions.service';
import { AdminLiveSender } from './admin-live.sender';
import { SmsSender } from './sms.sender';
import { StaffContactsService } from './staff-contacts.service';
import { STAFF_ALERT_SLOT, WechatSubscribeSender } from './wechat-subscribe.sender';
import { WecomRobotSender } from './wecom-robot.sender';

/** One message to record and send. */
export interface NotifyInput {
  channel: NotificationChannel;
  recipient: NotificationRecipient;
  /** `<owner>.<kind>`, registered by the owner with `register`. */
  topic: string;
  subject: NotificationSubject;
  /** What the owner lists its messages by (e.g. `event:17`). */
  group?: string | null;
  /** The subject's time the message is made for, for the still-due check (e.g. the start a reminder is for). */
  subjectAt?: Date | null;
  /** Not sent before this time; default: now. */
  dueAt?: Date;
  params?: NotificationParams;
}

/**
 * A notice for staff (a new alert, an escalation, a follow-up falling due): it goes to each person
 * through every channel that can reach staff, and to each region through every channel that reaches
 * a region (its group robot). A channel the person has not set up is recorded as skipped with its
 * reason, so the alert's timeline can say who was reached and how.
 */
export interface StaffNoticeInput {
  topic: string;
  subject: NotificationSubject;
  staffIds: readonly number[];
  regionIds?: readonly number[];
  group?: string | null;
  subjectAt?: Date | null;
  dueAt?: Date;
  params?: NotificationParams;
}

export interface NotifyResult {
  id: number;
  /** `queued`, or `skipped` at once (e.g. `no_template`). */
  status: NotificationStatus;
  reason: NotificationReason | null;
}

/** A delivery record as owners read it back. */
export interface DeliveryRecord extends DueDelivery {
  templateId: string | null;
  status: NotificationStatus;
  reason: NotificationReason | null;
  attempts: number;
  sentAt: Date | null;
  providerMessageId: string | null;
  error: string | null;
}

export interface DeliveryQuery extends PageQuery {
  group?: string;
  subject?: NotificationSubject;
  /** Any of these topics. */
  topics?: string[];
  status?: NotificationStatus;
}

const ERROR_MAX = 300;

/** The job kind that sends one channel's messages. */
export const jobKindOf = (channel: NotificationChannel) => `notify.${channel}`;

/**
 * Messages the server sends on its own, for every owner module (events, bookings, alerts …). An
 * owner registers its topics (how each message looks, and whether it is still wanted when due),
 * then calls `notify`: each message becomes a delivery record and a job on the queue at its due
 * time. The job checks the message is still due, sends it through its channel and records what
 * happened; temporary failures are retried with back-off, and one message's failure never holds
 * up another (each is its own job).
 */
@Injectable()
export class NotificationsService implements OnModuleInit {
  private readonly logger = new Logger('Notifications');
  private readonly senders: Map<NotificationChannel, ChannelSender>;

  constructor(
    @InjectRepository(NotificationDelivery) private readonly repo: Repository<NotificationDelivery>,
    private readonly topics: NotificationTopics,
    private readonly subscriptions: SubscriptionsService,
    private readonly jobs: JobsService,
    private readonly personalData: PersonalDataRegistry,
    private readonly contacts: StaffContactsService,
    wechat: WechatSubscribeSender,
    live: AdminLiveSender,
    robot: WecomRobotSender,
    sms: SmsSender,
  ) {
    // Each channel is its own job kind: a slow or failing channel never holds up another.
    this.senders = new Map<NotificationChannel, ChannelSender>([live, wechat, robot, sms].map((s) => [s.channel, s]));
  }

  onModuleInit(): void {
    // The staff alert template is the channels' own: every topic with a staff notice uses it on WeChat.
    this.topics.register('notifications', {
      templates: { [STAFF_ALERT_SLOT]: 'WECHAT_TEMPLATE_STAFF_ALERT' },
      topics: {
        test: {
          staff: {
            render: async (d) => ({
              title: '测试提醒',
              text: '这是一条测试提醒：收到即说明该渠道可以把值班提醒送到您这里。',
              link: '/notifications',
              region: typeof d.params.region === 'string' ? d.params.region : '',
            }),
          },
        },
      },
    });
    for (const sender of this.senders.values()) {
      this.jobs.register<{ deliveryId: number }>(
        jobKindOf(sender.channel),
        (ctx) => this.deliver(sender, ctx.params.deliveryId, ctx.attempt, ctx.now),
        sender.retryDelaysMs,
        { urgent: true },
      );
    }
    this.personalData.register({ key: 'notifications', export: (id) => this.exportFor(id) });
  }

  /** Declares an owner's template slots and topics (`<owner>.<kind>`); call it in onModuleInit. */
  register(owner: string, def: NotificationOwner): void {
    this.topics.register(owner, def);
  }

  /** The template configured for a slot (for the template ids the mini-program asks the resident to accept). */
  template(slot: string): TemplateConfig | undefined {
    return this.topics.template(slot);
  }

  /**
   * Records messages and queues their sending at their due time. Given `tx`, both are part of that
   * transaction: the messages exist exactly when the change that calls for them commits, and are
   * picked up by the next poll of the queue. Without, they are written in a transaction of their
   * own and sending starts at once.
   */
  async notify(tx: EntityManager | null, input: NotifyInput | NotifyInput[], now = new Date()): Promise<NotifyResult[]> {
    const inputs = Array.isArray(input) ? input : [input];
    const planned = inputs.map((n) => ({ n, plan: this.plan(n) }));
    if (!planned.length) return [];
    const work = async (manager: EntityManager) => {
      const results: NotifyResult[] = [];
      for (const { n, plan } of planned) {
        const dueAt = n.dueAt ?? now;
        const skip = 'skip' in plan ? plan.skip : null;
        const row = await manager.getRepository(NotificationDelivery).save(
          this.repo.create({
            channel: n.channel,
            topic: n.topic,
            ...recipientColumns(n.recipient),
            subjectType: n.subject.type,
            subjectId: n.subject.id,
            groupKey: n.group ?? null,
            subjectAt: n.subjectAt ?? null,
            params: n.params && Object.keys(n.params).length ? JSON.stringify(n.params) : null,
            templateId: 'templateId' in plan ? plan.templateId : null,
            status: skip ? 'skipped' : 'queued',
            reason: skip,
            dueAt,
          }),
        );
        if (!skip) {
          const sender = this.senders.get(n.channel)!;
          await this.jobs.enqueue(jobKindOf(n.channel), { deliveryId: row.id }, { runAfter: dueAt, maxAttempts: sender.maxAttempts, manager });
        }
        results.push({ id: row.id, status: row.status, reason: row.reason });
      }
      return results;
    };
    if (tx) return work(tx);
    const results = await this.repo.manager.transaction(work);
    if (results.some((r) => r.status === 'queued')) {
      setImmediate(() => this.jobs.tick().catch((err: unknown) => this.logger.error({ err }, 'job poll failed')));
    }
    return results;
  }

  /** Records and queues a staff notice on every staff and region channel (see StaffNoticeInput). */
  async notifyStaff(tx: EntityManager | null, input: StaffNoticeInput, now = new Date()): Promise<NotifyResult[]> {
    const inputs: NotifyInput[] = [];
    const common = { topic: input.topic, subject: input.subject, group: input.group, subjectAt: input.subjectAt, dueAt: input.dueAt, params: input.params };
    for (const sender of this.senders.values()) {
      if (sender.audiences.includes('staff'))
        for (const staffId of new Set(input.staffIds)) inputs.push({ ...common, channel: sender.channel, recipient: { staffId } });
      if (sender.audiences.includes('region'))
        for (const regionId of new Set(input.regionIds ?? [])) inputs.push({ ...common, channel: sender.channel, recipient: { target: `region:${regionId}` } });
    }
    return this.notify(tx, inputs, now);
  }

  /** Delivery records, newest first. */
  async list(q: DeliveryQuery): Promise<Page<DeliveryRecord>> {
    const p = paging(q);
    const where: FindOptionsWhere<NotificationDelivery> = {
      ...(q.group !== undefined ? { groupKey: q.group } : {}),
      ...(q.subject ? { subjectType: q.subject.type, subjectId: q.subject.id } : {}),
      ...(q.topics ? { topic: In(q.topics) } : {}),
      ...(q.status ? { status: q.status } : {}),
    };
    const [rows, total] = await this.repo.findAndCount({ where, order: { createdAt: 'DESC', id: 'DESC' }, skip: p.skip, take: p.pageSize });
    return pageOf(rows.map(record), total, p);
  }

  /** What the resident's PIPL export shows: their accepts, every message meant for them, and a binding to a staff account. */
  async exportFor(residentId: number) {
    const rows = await this.repo.find({ where: { residentId }, order: { id: 'ASC' } });
    const binding = await this.contacts.bindingOf(residentId);
    return {
      subscriptions: await this.subscriptions.exportFor(residentId),
      staffBinding: binding ? { boundAt: binding.boundAt?.toISOString() ?? null } : null,
      deliveries: rows.map((r) => ({
        channel: r.channel,
        topic: r.topic,
        subject: { type: r.subjectType, id: r.subjectId },
        status: r.status,
        reason: r.reason,
        dueAt: r.dueAt.toISOString(),
        createdAt: r.createdAt.toISOString(),
        sentAt: r.sentAt?.toISOString() ?? null,
      })),
    };
  }

  private plan(n: NotifyInput): { templateId: string | null } | { skip: NotificationReason } {
    const handler = this.topics.handler(n.topic);
    if (!handler) throw new Error(`notification topic ${n.topic} is not registered`);
    const sender = this.senders.get(n.channel);
    if (!sender) throw new Error(`no sender for notification channel ${n.channel}`);
    return sender.plan(n.topic, handler, n.recipient);
  }

  /**
   * The job of one message: still due? then send and record the outcome. A temporary failure is
   * recorded and thrown, so the queue tries again after its back-off; the last try records it as failed.
   */
  private async deliver(sender: ChannelSender, deliveryId: number, attempt: number, now: Date): Promise<void> {
    const row = await this.repo.findOneBy({ id: deliveryId });
    if (!row || row.status !== 'queued') return;
    const d = record(row);
    const handler = this.topics.handler(row.topic);
    let outcome: SendOutcome;
    try {
      if (!handler) outcome = { status: 'failed', reason: 'error', error: `notification topic ${row.topic} is not registered` };
      else if (handler.stillDue && !(await handler.stillDue(d, now))) outcome = { status: 'skipped', reason: 'obsolete' };
      else outcome = await sender.send(d, handler, now);
    } catch (e) {
      outcome = { status: 'retry', reason: 'error', error: e instanceof Error ? e.message : String(e) };
    }
    const error = 'error' in outcome && outcome.error ? outcome.error.slice(0, ERROR_MAX) : null;
    const templateId = 'templateId' in outcome && outcome.templateId ? { templateId: outcome.templateId } : {};
    const where = { id: row.id, status: 'queued' as const };
    switch (outcome.status) {
      case 'sent':
        await this.repo.update(where, {
          status: 'sent',
          reason: null,
          error: null,
          attempts: attempt,
          sentAt: now,
          providerMessageId: outcome.providerMessageId,
          ...templateId,
        });
        return;
      case 'retry':
        if (attempt < sender.maxAttempts) {
          await this.repo.update(where, { attempts: attempt, error });
          throw new Error(error ?? outcome.reason);
        }
        await this.repo.update(where, { status: 'failed', reason: outcome.reason, error, attempts: attempt });
        return;
      default:
        await this.repo.update(where, { status: outcome.status, reason: outcome.reason, attempts: attempt, ...(error ? { error } : {}), ...templateId });
    }
  }
}

function recipientColumns(r: NotificationRecipient): Pick<NotificationDelivery, 'recipientType' | 'residentId' | 'staffId' | 'target'> {
  if ('residentId' in r) return { recipientType: 'resident', residentId: r.residentId, staffId: null, target: null };
  if ('staffId' in r) return { recipientType: 'staff', residentId: null, staffId: r.staffId, target: null };
  return { recipientType: 'target', residentId: null, staffId: null, target: r.target };
}

function recipientOf(row: NotificationDelivery): NotificationRecipient {
  if (row.recipientType === 'resident') return { residentId: row.residentId! };
  if (row.recipientType === 'staff') return { staffId: row.staffId! };
  return { target: row.target! };
}

function record(row: NotificationDelivery): DeliveryRecord {
  return {
    id: row.id,
    channel: row.channel,
    topic: row.topic,
    recipient: recipientOf(row),
    subject: { type: row.subjectType, id: row.subjectId },
    group: row.groupKey,
    subjectAt: row.subjectAt,
    params: row.params ? (JSON.parse(row.params) as NotificationParams) : {},
    dueAt: row.dueAt,
    createdAt: row.createdAt,
    templateId: row.templateId,
    status: row.status,
    reason: row.reason,
    attempts: row.attempts,
    sentAt: row.sentAt,
    providerMessageId: row.providerMessageId,
    error: row.error,
  };
}
