import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import {
  ALERT_SOURCE_LABELS,
  addChinaDays,
  caseTimeline,
  chinaDate,
  chinaInstant,
  hmMinutes,
  type AlertCase,
  type AlertReferral as AlertReferralDto,
  type CaseEntry,
  type FollowUpPlan as FollowUpPlanDto,
  type FollowUpPlanInput,
  type NextContact,
  type ReferralTarget,
} from '@xinqiao/shared';
import { DataSource, In, IsNull, LessThanOrEqual, Not, Repository, type EntityManager } from 'typeorm';
import type { StaffPrincipal } from '../../../common/access/principal';
import { assertFound } from '../../../common/access/region-scope';
import { AppException } from '../../../common/errors/app-exception';
import { JobsService } from '../../../common/jobs/jobs.service';
import { BookingsService } from '../../../bookings/services/bookings.service';
import type { DueDelivery, StaffMessage } from '../../../notifications/services/notification-topics';
import { NotificationsService } from '../../../notifications/services/notifications.service';
import { RegionsService } from '../../../regions/regions.service';
import { StationsService } from '../../../stations/services/stations.service';
import { Alert } from '../../entities/alert.entity';
import { ScaleResults } from '../../services/scale-results';
import { AlertFollowUp } from '../../entities/alert-follow-up.entity';
import { HelpRequest } from '../../entities/help-request.entity';
import type { ReferralDto, ReferralOutcomeDto, ReferralResponseDto } from '../dto/casework.dto';
import { AlertFollowUpPlan } from '../entities/follow-up-plan.entity';
import { AlertReferral } from '../entities/referral.entity';

export const CASEWORK_OWNER = 'alert_casework';
export const FOLLOW_UP_DUE_TOPIC = `${CASEWORK_OWNER}.follow_up_due`;
const REMINDER_JOB = 'alert_casework.follow_up_due';
const REMINDER_EVERY_MS = 10 * 60_000;
/** A plan's reminder goes out from 08:00 China time on its day, or at its time when that is earlier. */
const REMINDER_FROM_MINUTES = 8 * 60;
/** How far ahead a contact may be planned. */
const PLAN_HORIZON_DAYS = 366;

const bad = (field: string, message: string) => AppException.badRequest(message, { fields: [{ field, constraint: 'casework', message }] }, 'VALIDATION_FAILED');

/**
 * The assignee's work on an alert: throws unless the caller holds it (and, unless `evenClosed`,
 * it is still open). Follow-ups, plans, referrals and closing go through this.
 */
export function requireAssignee(alert: Alert, staff: StaffPrincipal, evenClosed = false): void {
  if (!evenClosed && alert.status === 'closed') throw AppException.invalidState('该预警已结案');
  if (alert.assigneeId !== staff.id) throw AppException.invalidState(alert.assigneeId ? `该预警由 ${alert.assigneeName} 负责跟进` : '请先认领该预警');
}

/**
 * Casework after the first contact (issue 13): the next contact the assignee plans and its due-day
 * reminder, referral to an institution of the station directory, and the resident's file (一户一档)
 * gathered from the scales and bookings modules through their services.
 */
@Injectable()
export class CaseworkService implements OnModuleInit {
  private readonly logger = new Logger('Casework');

  constructor(
    @InjectRepository(Alert) private readonly alerts: Repository<Alert>,
    @InjectRepository(AlertFollowUpPlan) private readonly plans: Repository<AlertFollowUpPlan>,
    @InjectRepository(AlertReferral) private readonly referrals: Repository<AlertReferral>,
    @InjectRepository(AlertFollowUp) private readonly followUps: Repository<AlertFollowUp>,
    @InjectRepository(HelpRequest) private readonly helpRequests: Repository<HelpRequest>,
    @InjectDataSource() private readonly db: DataSource,
    private readonly notifications: NotificationsService,
    private readonly jobs: JobsService,
    private readonly regions: RegionsService,
    private readonly stations: StationsService,
    private readonly scales: ScaleResults,
    private readonly bookings: BookingsService,
  ) {}

  onModuleInit(): void {
    this.notifications.register(CASEWORK_OWNER, {
      topics: {
        follow_up_due: {
          stillDue: (d) => this.reminderStillDue(d),
          staff: { render: (d) => this.renderReminder(d) },
        },
      },
    });
    this.jobs.schedule(REMINDER_JOB, REMINDER_EVERY_MS, async (now) => {
      await this.sendDueReminders(now);
    });
  }

  // ------------------------------------------------------------ plans

  async setPlan(staff: StaffPrincipal, alertId: number, input: FollowUpPlanInput, now = new Date()): Promise<void> {
    const alert = await this.find(staff, alertId);
    requireAssignee(alert, staff);
    this.checkPlan(input, now);
    await this.db.transaction((tx) => this.replacePlan(tx, alert.id, staff, input, now));
  }

  /** Checks a plan's date (today .. a year ahead) and time; a 400 naming the field otherwise. */
  checkPlan(input: FollowUpPlanInput, now: Date, prefix = ''): void {
    const today = chinaDate(now);
    if (input.date < today) throw bad(`${prefix}date`, '下次随访日期不能早于今天');
    if (input.date > addChinaDays(today, PLAN_HORIZON_DAYS)) throw bad(`${prefix}date`, '下次随访日期最多可安排在一年内');
    if (!input.purpose.trim()) throw bad(`${prefix}purpose`, '请填写随访目的');
  }

  /** Ends the alert's current plan and makes `input` the current one, inside `tx`. */
  async replacePlan(tx: EntityManager, alertId: number, staff: StaffPrincipal, input: FollowUpPlanInput, now: Date): Promise<void> {
    await this.endPlan(tx, alertId, now);
    await tx.getRepository(AlertFollowUpPlan).insert({
      alertId,
      currentKey: alertId,
      date: input.date,
      time: input.time ?? null,
      purpose: input.purpose.trim(),
      setById: staff.id,
      setByName: staff.displayName,
    });
  }

  /** The current plan stops being current (a contact fulfilled it, or the alert was closed). */
  async endPlan(tx: EntityManager, alertId: number, now: Date, ifCreatedBy?: Date): Promise<void> {
    const qb = tx.createQueryBuilder().update(AlertFollowUpPlan).set({ currentKey: null, endedAt: now }).where('currentKey = :id', { id: alertId });
    // A contact recorded for a time before the plan was made does not fulfil it.
    if (ifCreatedBy) qb.andWhere('createdAt <= :at', { at: tx.connection.driver.preparePersistentValue(ifCreatedBy, { type: 'datetime' } as never) });
    await qb.execute();
  }

  async currentPlan(alertId: number): Promise<FollowUpPlanDto | null> {
    const p = await this.plans.findOne({ where: { currentKey: alertId } });
    return p ? planDto(p) : null;
  }

  /** Next contacts of these alerts (the queue's rows). */
  async nextContacts(alertIds: number[]): Promise<Map<number, NextContact>> {
    if (!alertIds.length) return new Map();
    const rows = await this.plans.find({ select: { alertId: true, date: true, time: true }, where: { currentKey: In(alertIds) } });
    return new Map(rows.map((p) => [p.alertId, { date: p.date, time: p.time }]));
  }

  /** SQL for the queue's filter: alerts whose current plan is due today, or overdue, on `today`. */
  dueCondition(alias: string, due: 'today' | 'overdue', today: string): [string, Record<string, string>] {
    const op = due === 'today' ? '=' : '<';
    return [
      `${alias}.id IN (SELECT p.currentKey FROM alert_follow_up_plans p WHERE p.currentKey IS NOT NULL AND p.date ${op} :planToday)`,
      { planToday: today },
    ];
  }

  /**
   * The due-day reminders (the recurring job): each current plan whose day has come gets one notice
   * to the assignee. The plan is marked in the same transaction as the notice is recorded, with a
   * conditional update, so a second run (or a second instance) never sends it again.
   */
  async sendDueReminders(now = new Date()): Promise<number> {
    const today = chinaDate(now);
    const due = await this.plans.find({ where: { currentKey: Not(IsNull()), remindedAt: IsNull(), date: LessThanOrEqual(today) }, order: { id: 'ASC' } });
    let sent = 0;
    for (const plan of due) {
      const time = plan.time === null ? null : hmMinutes(plan.time);
      const from = chinaInstant(plan.date, Math.min(REMINDER_FROM_MINUTES, time ?? REMINDER_FROM_MINUTES));
      if (now < from) continue;
      const alert = await this.alerts.findOneBy({ id: plan.alertId });
      if (!alert || alert.status === 'closed' || alert.assigneeId === null) continue;
      const assigneeId = alert.assigneeId;
      const done = await this.db.transaction(async (tx) => {
        const marked = await tx
          .createQueryBuilder()
          .update(AlertFollowUpPlan)
          .set({ remindedAt: now })
          .where('id = :id AND remindedAt IS NULL AND currentKey IS NOT NULL', { id: plan.id })
          .execute();
        if (!marked.affected) return false;
        await this.notifications.notifyStaff(
          tx,
          {
            topic: FOLLOW_UP_DUE_TOPIC,
            subject: { type: 'alert', id: alert.id },
            staffIds: [assigneeId],
            group: `alert:${alert.id}`,
            dueAt: now,
            params: { planId: plan.id },
          },
          now,
        );
        return true;
      });
      if (done) sent++;
    }
    if (sent) this.logger.log(`recorded ${sent} follow-up reminder(s)`);
    return sent;
  }

  private async reminderStillDue(d: DueDelivery): Promise<boolean> {
    const plan = await this.plans.findOneBy({ id: Number(d.params.planId) });
    if (!plan || plan.currentKey === null) return false;
    const alert = await this.alerts.findOneBy({ id: d.subject.id });
    return !!alert && alert.status !== 'closed';
  }

  /** No names, no answers: the region, the time, and a link to the alert. */
  private async renderReminder(d: DueDelivery): Promise<StaffMessage> {
    const alert = await this.alerts.findOneByOrFail({ id: d.subject.id });
    const plan = await this.plans.findOneBy({ id: Number(d.params.planId) });
    const region = (await this.regions.names([alert.regionId])).get(alert.regionId) ?? '';
    const when = plan?.time ? `今天 ${plan.time}` : '今天';
    return {
      title: '随访提醒',
      text: `${region}的一条预警（编号 ${alert.id}）计划${when}随访，请按时联系`,
      link: `/alerts/${alert.id}`,
      colour: alert.colour,
      region,
    };
  }

  // ------------------------------------------------------------ referral

  /** The directory's referral institutions, those around the caller's region first (see StationsService.referralTargets). */
  referralTargets(staff: StaffPrincipal): Promise<ReferralTarget[]> {
    return this.stations.referralTargets(staff.regionPath);
  }

  async refer(staff: StaffPrincipal, alertId: number, dto: ReferralDto, now = new Date()): Promise<void> {
    const alert = await this.find(staff, alertId);
    requireAssignee(alert, staff);
    const target = (await this.stations.referralTargets(null)).find((s) => s.id === dto.stationId);
    if (!target) throw bad('stationId', '请选择机构目录中的转介接收机构');
    await this.referrals.insert({
      alertId: alert.id,
      stationId: target.id,
      stationName: target.name,
      reason: dto.reason.trim(),
      note: dto.note?.trim() || null,
      status: 'sent',
      sentAt: now,
      counsellorId: staff.id,
      counsellorName: staff.displayName,
    });
  }

  /** Acceptance as the institution reported it; also after closing (the answer often comes later). */
  async respond(staff: StaffPrincipal, alertId: number, referralId: number, dto: ReferralResponseDto, now = new Date()): Promise<void> {
    const r = await this.referralOf(staff, alertId, referralId);
    if (r.status !== 'sent') throw AppException.invalidState('该转介的接收情况已登记');
    if (dto.date < chinaDate(r.sentAt)) throw bad('date', '日期不能早于转介日期');
    if (dto.date > chinaDate(now)) throw bad('date', '日期不能晚于今天');
    const { affected } = await this.referrals.update({ id: r.id, status: 'sent' }, { status: dto.status, respondedOn: dto.date });
    if (!affected) throw AppException.invalidState('该转介的接收情况已登记');
  }

  async recordOutcome(staff: StaffPrincipal, alertId: number, referralId: number, dto: ReferralOutcomeDto, now = new Date()): Promise<void> {
    const r = await this.referralOf(staff, alertId, referralId);
    if (r.status !== 'accepted') throw AppException.invalidState('对方接收后才能登记转介结果');
    if (r.outcome !== null) throw AppException.invalidState('该转介的结果已登记');
    if (r.respondedOn && dto.date < r.respondedOn) throw bad('date', '日期不能早于接收日期');
    if (dto.date > chinaDate(now)) throw bad('date', '日期不能晚于今天');
    await this.referrals.update({ id: r.id }, { outcome: dto.outcome.trim(), outcomeOn: dto.date });
  }

  async referralsOf(alertId: number): Promise<AlertReferralDto[]> {
    const rows = await this.referrals.find({ where: { alertId }, order: { sentAt: 'ASC', id: 'ASC' } });
    return rows.map(referralDto);
  }

  /** Closing as `referred` needs a referral the institution has not declined. */
  async hasLiveReferral(tx: EntityManager, alertId: number): Promise<boolean> {
    return (await tx.getRepository(AlertReferral).count({ where: { alertId, status: In(['sent', 'accepted']) } })) > 0;
  }

  private async referralOf(staff: StaffPrincipal, alertId: number, referralId: number): Promise<AlertReferral> {
    const alert = await this.find(staff, alertId);
    requireAssignee(alert, staff, true);
    const r = await this.referrals.findOneBy({ id: referralId, alertId: alert.id });
    if (!r) throw AppException.notFound('转介记录');
    return r;
  }

  /** For the resident's PIPL export: each alert's plans and referrals as recorded. */
  async exportFor(alertIds: number[]) {
    if (!alertIds.length) return { plans: [], referrals: [] };
    const plans = await this.plans.find({ where: { alertId: In(alertIds) }, order: { id: 'ASC' } });
    const referrals = await this.referrals.find({ where: { alertId: In(alertIds) }, order: { id: 'ASC' } });
    return {
      plans: plans.map((p) => ({ alertId: p.alertId, date: p.date, time: p.time, purpose: p.purpose, createdAt: p.createdAt.toISOString() })),
      referrals: referrals.map((r) => ({ alertId: r.alertId, ...referralDto(r) })),
    };
  }

  // ------------------------------------------------------------ the case view

  /**
   * The resident's file, for the counsellor who claimed this alert only (another counsellor: 403;
   * outside the caller's region: 404, like the detail). Scale results and bookings come from their
   * modules' services; answers, intakes and session notes are not part of it.
   */
  async caseOf(staff: StaffPrincipal, alertId: number): Promise<AlertCase> {
    const alert = await this.find(staff, alertId);
    if (alert.assigneeId !== staff.id) throw AppException.forbidden('只有认领该预警的咨询师可以查看个案档案');
    const residentId = alert.residentId;
    const alerts = await this.alerts.find({ where: { residentId }, order: { createdAt: 'DESC', id: 'DESC' } });
    const ids = alerts.map((a) => a.id);
    const [titles, results, bookings, followUps, helps, referrals] = await Promise.all([
      this.scales.titles(),
      this.scales.savedResultsOf(residentId),
      this.bookings.caseViewOf(residentId),
      this.followUps.find({ where: { alertId: In(ids) }, order: { at: 'DESC', id: 'DESC' } }),
      this.helpRequests.find({ where: { alertId: In(ids) }, order: { submittedAt: 'DESC', id: 'DESC' } }),
      this.referrals.find({ where: { alertId: In(ids) }, order: { sentAt: 'DESC', id: 'DESC' } }),
    ]);
    const parts: CaseEntry[][] = [
      results.map((r) => ({
        type: 'scale',
        at: r.submittedAt.toISOString(),
        responseId: r.id,
        scaleCode: r.scaleCode,
        scaleTitle: r.scaleTitle,
        score: r.score,
        bandLabel: r.bandLabel,
      })),
      alerts.map((a) => ({
        type: 'alert',
        at: a.createdAt.toISOString(),
        alertId: a.id,
        source: a.source,
        title: a.scaleCode === null ? ALERT_SOURCE_LABELS[a.source] : (titles.get(a.scaleCode) ?? a.scaleCode),
        colour: a.colour,
        status: a.status,
        closedAt: a.closedAt?.toISOString() ?? null,
        closeOutcome: a.closeOutcome,
        assigneeName: a.assigneeName,
      })),
      followUps.map((f) => ({
        type: 'follow_up',
        at: f.at.toISOString(),
        alertId: f.alertId,
        method: f.method,
        outcome: f.outcome,
        counsellorName: f.counsellorName,
      })),
      helps.map((h) => ({ type: 'help_request', at: h.submittedAt.toISOString(), alertId: h.alertId, urgency: h.urgency, colour: h.colour })),
      referrals.map((r) => ({
        type: 'referral',
        at: r.sentAt.toISOString(),
        alertId: r.alertId,
        stationName: r.stationName,
        status: r.status,
        outcome: r.outcome,
      })),
      bookings.map((b) => ({
        type: 'booking',
        at: b.start.toISOString(),
        end: b.end.toISOString(),
        bookingId: b.id,
        kind: b.kind,
        status: b.status,
        stationName: b.stationName,
        counsellorName: b.counsellorName,
        lineName: b.lineName,
      })),
    ];
    return { alertId: alert.id, entries: caseTimeline(parts) };
  }

  private async find(staff: StaffPrincipal, id: number): Promise<Alert> {
    return assertFound(await this.alerts.findOne({ where: { id } }), staff, '预警');
  }
}

function planDto(p: AlertFollowUpPlan): FollowUpPlanDto {
  return {
    id: p.id,
    date: p.date,
    time: p.time,
    purpose: p.purpose,
    setByName: p.setByName,
    createdAt: p.createdAt.toISOString(),
    remindedAt: p.remindedAt?.toISOString() ?? null,
  };
}

function referralDto(r: AlertReferral): AlertReferralDto {
  return {
    id: r.id,
    stationId: r.stationId,
    stationName: r.stationName,
    reason: r.reason,
    note: r.note,
    status: r.status,
    sentAt: r.sentAt.toISOString(),
    respondedOn: r.respondedOn,
    outcome: r.outcome,
    outcomeOn: r.outcomeOn,
    counsellorName: r.counsellorName,
  };
}
