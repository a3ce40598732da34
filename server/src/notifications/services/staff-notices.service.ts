import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { hasPermission, maskMobile, type StaffBindingCode, type StaffBindingResult, type StaffNoticeSettings, type TestNoticeResult } from '@xinqiao/shared';
import { In, Repository } from 'typeorm';
import type { StaffPrincipal } from '../../common/access/principal';
import { JobsService } from '../../common/jobs/jobs.service';
import { RegionsService } from '../../regions/regions.service';
import { StaffService } from '../../staff/staff.service';
import { WechatClient } from '../../wechat/wechat.client';
import { NotificationDelivery } from '../entities/notification-delivery.entity';
import { NotificationsService } from './notifications.service';
import { SmsClient } from './sms.client';
import { StaffContactsService } from './staff-contacts.service';
import { STAFF_ALERT_SLOT } from './wechat-subscribe.sender';

/** How long the test notice waits for its sends before answering with what is known. */
const TEST_WAIT_MS = 8_000;
const TEST_POLL_MS = 150;

/** The 通知设置 screen: one's own channels, binding, and a test notice through all of them. */
@Injectable()
export class StaffNoticesService {
  constructor(
    readonly contacts: StaffContactsService,
    private readonly notifications: NotificationsService,
    private readonly staff: StaffService,
    private readonly regions: RegionsService,
    private readonly wechat: WechatClient,
    private readonly sms: SmsClient,
    private readonly jobs: JobsService,
    @InjectRepository(NotificationDelivery) private readonly deliveries: Repository<NotificationDelivery>,
  ) {}

  async settings(staffId: number): Promise<StaffNoticeSettings> {
    const c = await this.contacts.contactOf(staffId);
    return {
      wechat: { bound: Boolean(c?.residentId), boundAt: c?.residentId && c.boundAt ? c.boundAt.toISOString() : null },
      mobile: maskMobile(c?.mobile),
      smsConfigured: this.sms.isConfigured(),
      wechatConfigured: this.wechat.isConfigured() && Boolean(this.notifications.template(STAFF_ALERT_SLOT)),
    };
  }

  bindingCode(staffId: number): Promise<StaffBindingCode> {
    return this.contacts.issueBindingCode(staffId);
  }

  async bind(residentId: number, code: string): Promise<StaffBindingResult> {
    const staffId = await this.contacts.bind(residentId, code);
    const [account] = await this.staff.byIds([staffId]);
    return { staffName: account?.displayName ?? '', templateId: this.notifications.template(STAFF_ALERT_SLOT)?.id ?? null };
  }

  async unbind(staffId: number): Promise<void> {
    await this.contacts.unbind(staffId);
  }

  async setMobile(staffId: number, mobile: string | null): Promise<StaffNoticeSettings> {
    await this.contacts.setMobile(staffId, mobile);
    return this.settings(staffId);
  }

  /**
   * Records 测试提醒 for oneself on every staff channel (and the own region's group robot for whoever
   * keeps the robots), then waits a few seconds for the sends: what is still queued is reported so.
   */
  async test(me: StaffPrincipal): Promise<TestNoticeResult> {
    const region = await this.regions.find(me.regionId);
    const results = await this.notifications.notifyStaff(null, {
      topic: 'notifications.test',
      subject: { type: 'staff', id: me.id },
      staffIds: [me.id],
      regionIds: hasPermission(me.role, 'regions.manage') ? [me.regionId] : [],
      group: `staff:${me.id}`,
      params: { region: region?.name ?? '' },
    });
    const ids = results.map((r) => r.id);
    const deadline = Date.now() + TEST_WAIT_MS;
    let rows = await this.deliveries.findBy({ id: In(ids) });
    while (rows.some((r) => r.status === 'queued') && Date.now() < deadline) {
      await new Promise((ok) => setTimeout(ok, TEST_POLL_MS));
      // Each channel is its own job: start the next ones now rather than at the queue's next poll.
      await this.jobs.tick().catch(() => undefined);
      rows = await this.deliveries.findBy({ id: In(ids) });
    }
    rows.sort((a, b) => a.id - b.id);
    return {
      deliveries: rows.map((r) => ({ id: r.id, channel: r.channel, target: r.target ?? `staff:${r.staffId}`, status: r.status, reason: r.reason })),
    };
  }
}
