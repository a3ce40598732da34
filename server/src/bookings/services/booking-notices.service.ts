import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { BOOKING_KIND_LABELS, BOOKING_NOTICE_KINDS, formatChinaDateTime, reminderPlan, wechatThing, type BookingNoticeKind } from '@xinqiao/shared';
import { Repository, type EntityManager } from 'typeorm';
import type { DueDelivery, TemplateEnvName, TopicHandler, WechatMessage } from '../../notifications/services/notification-topics';
import { NotificationsService, type NotifyInput } from '../../notifications/services/notifications.service';
import { CounsellorsService } from '../../stations/services/counsellors.service';
import { StationsService } from '../../stations/services/stations.service';
import { Booking } from '../entities/booking.entity';
import { CallbackLinesService } from './callback-lines.service';

const OWNER = 'bookings';
const SUBJECT = 'booking';
/** The mini-program page of one booking. */
export const BOOKING_MINIAPP_PAGE = 'packageBookings/pages/booking/index';

type TemplateSlot = 'booking_confirmed' | 'booking_reminder' | 'booking_changed';
const TEMPLATE_ENV: Record<TemplateSlot, TemplateEnvName> = {
  booking_confirmed: 'WECHAT_TEMPLATE_BOOKING_CONFIRMED',
  booking_reminder: 'WECHAT_TEMPLATE_BOOKING_REMINDER',
  booking_changed: 'WECHAT_TEMPLATE_BOOKING_CHANGED',
};
const SLOT_OF: Record<BookingNoticeKind, TemplateSlot> = {
  confirmed: 'booking_confirmed',
  reminder_day_before: 'booking_reminder',
  reminder_two_hours: 'booking_reminder',
  rescheduled: 'booking_changed',
  cancelled: 'booking_changed',
};

const topicOf = (kind: BookingNoticeKind) => `${OWNER}.${kind}`;

/**
 * Subscribe messages about bookings, through the notifications module: recorded in the same
 * transaction as the change that calls for them, reminders due the day before and two hours
 * before (`reminderPlan`). When one falls due it is sent only if the booking is still as it was:
 * a reminder of a moved or cancelled booking is recorded as skipped (obsolete), never sent.
 */
@Injectable()
export class BookingNoticesService implements OnModuleInit {
  constructor(
    @InjectRepository(Booking) private readonly bookings: Repository<Booking>,
    private readonly notifications: NotificationsService,
    private readonly counsellors: CounsellorsService,
    private readonly stations: StationsService,
    private readonly lines: CallbackLinesService,
  ) {}

  onModuleInit(): void {
    const topic = (kind: BookingNoticeKind): TopicHandler => ({
      stillDue: async (d, now) => {
        const b = await this.bookings.findOneBy({ id: d.subject.id });
        return b !== null && stillDue(kind, d, b, now);
      },
      wechat: { template: SLOT_OF[kind], render: (d) => this.render(kind, d) },
    });
    this.notifications.register(OWNER, {
      templates: TEMPLATE_ENV,
      topics: Object.fromEntries(BOOKING_NOTICE_KINDS.map((kind) => [kind, topic(kind)])),
    });
  }

  /**
   * Records the messages a change calls for inside its transaction: `confirmed` or `rescheduled`
   * with the reminders of the (new) start, or `cancelled`.
   */
  async notify(
    tx: EntityManager,
    booking: Booking,
    kind: 'confirmed' | 'rescheduled' | 'cancelled',
    now: Date,
    params?: Record<string, string>,
  ): Promise<void> {
    const base = {
      channel: 'wechat_subscribe' as const,
      recipient: { residentId: booking.residentId },
      subject: { type: SUBJECT, id: booking.id },
      group: `${SUBJECT}:${booking.id}`,
      subjectAt: booking.start,
    };
    const messages: NotifyInput[] = [{ ...base, topic: topicOf(kind), dueAt: now, params }];
    if (kind !== 'cancelled') {
      for (const r of reminderPlan(now, booking.start)) messages.push({ ...base, topic: topicOf(r.kind), dueAt: r.dueAt });
    }
    await this.notifications.notify(tx, messages, now);
  }

  private async render(kind: BookingNoticeKind, d: DueDelivery): Promise<WechatMessage> {
    const b = await this.bookings.findOneBy({ id: d.subject.id });
    if (!b) throw new Error(`booking ${d.subject.id} is gone`);
    const [counsellor, station, line] = await Promise.all([
      b.counsellorId === null ? null : (await this.counsellors.forBookings([b.counsellorId])).get(b.counsellorId),
      b.stationId === null ? null : (await this.stations.forBookings([b.stationId])).get(b.stationId),
      b.lineId === null ? null : (await this.lines.byIds([b.lineId])).get(b.lineId),
    ]);
    const what = `${BOOKING_KIND_LABELS[b.kind]}${counsellor ? `（${counsellor.name}）` : line ? `（${line.name}）` : ''}`;
    const where = b.kind === 'in_person' ? (station?.name ?? '服务站点') : b.kind === 'phone' ? '电话咨询：咨询师将致电您' : '热线回电：请保持电话畅通';
    const note = {
      confirmed: '预约成功，如需改期请提前操作',
      reminder_day_before: '明天有预约，请按时参加',
      reminder_two_hours: '预约即将开始，请准时参加',
      rescheduled: typeof d.params.reason === 'string' ? d.params.reason : '预约有变更，请查看详情',
      cancelled: typeof d.params.reason === 'string' ? `预约已取消：${d.params.reason}` : '预约已取消',
    }[kind];
    return {
      page: `${BOOKING_MINIAPP_PAGE}?id=${b.id}`,
      values: [wechatThing(what), formatChinaDateTime(b.start), wechatThing(where), wechatThing(note)],
    };
  }
}

/** Still as it was when the message was made for it. */
function stillDue(kind: BookingNoticeKind, d: DueDelivery, b: Booking, now: Date): boolean {
  const sameStart = b.start.getTime() === d.subjectAt?.getTime();
  switch (kind) {
    case 'confirmed':
    case 'rescheduled':
      return b.status === 'confirmed' && sameStart;
    case 'reminder_day_before':
    case 'reminder_two_hours':
      return b.status === 'confirmed' && sameStart && now.getTime() < b.start.getTime();
    case 'cancelled':
      return b.status === 'cancelled' || b.status === 'late_cancelled' || b.status === 'staff_cancelled';
  }
}
