import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import {
  ALERT_COLOURS,
  ALERT_NOTICE_TITLES,
  homeRegion,
  nextEscalation,
  nextStep,
  pathIds,
  quietHoursEnd,
  topLevel,
  type AlertColour,
  type AlertDispatchEvent,
  type AlertNoticeStatus,
  type EscalationReason,
  type EscalationStepKind,
  type LadderStep,
} from '@xinqiao/shared';
import { DataSource, Repository, type EntityManager } from 'typeorm';
import type { StaffPrincipal } from '../../../common/access/principal';
import { assertFound, subtreeCondition } from '../../../common/access/region-scope';
import { APP_CONFIG, type AppConfig } from '../../../common/config/env';
import { AppException } from '../../../common/errors/app-exception';
import { JobsService } from '../../../common/jobs/jobs.service';
import type { DueDelivery, StaffMessage } from '../../../notifications/services/notification-topics';
import { NotificationsService } from '../../../notifications/services/notifications.service';
import { RegionsService } from '../../../regions/regions.service';
import { Alert, priorityOf } from '../../entities/alert.entity';
import { AlertResponse } from '../../entities/alert-response.entity';
import { AlertDispatchEventRow } from '../entities/alert-dispatch-event.entity';
import { AlertEscalation } from '../entities/alert-escalation.entity';
import { DutyRosterService } from './duty-roster.service';

const OWNER = 'alerts';
export const TOPIC_ALERT_NEW = `${OWNER}.alert_new`;
export const TOPIC_ALERT_ESCALATED = `${OWNER}.alert_escalated`;
const NOTICE_TOPICS = [TOPIC_ALERT_NEW, TOPIC_ALERT_ESCALATED];
/** The job that sends the first notice of an alert (or of its colour rising). */
export const ALERT_DISPATCH_JOB = 'alerts.dispatch';
/** The recurring job that moves unclaimed (or overdue) red alerts up the ladder. */
export const ALERT_ESCALATE_JOB = 'alerts.escalate';
const ESCALATE_EVERY_MS = 60_000;
const MINUTE_MS = 60_000;

interface DispatchParams {
  alertId: number;
  colour: AlertColour;
}

/** What the raising transaction hands the notice of an alert to (see `raiseOrJoin`). */
export interface AlertDispatchQueue {
  /** Queues the notice of an alert raised, or whose colour rose, to `colour`, inside the raising transaction. */
  queue(tx: EntityManager, alertId: number, colour: AlertColour): Promise<void>;
}

/** A timeline entry to record: its kind and whichever details it has. */
type EventValues = Pick<AlertDispatchEventRow, 'kind'> &
  Partial<Pick<AlertDispatchEventRow, 'colour' | 'level' | 'step' | 'regionId' | 'reason' | 'until' | 'sendKey'>> & { staffIds?: number[] };

/**
 * Sends new red and yellow alerts to the people on duty and escalates red ones nobody takes.
 *
 * Raising an alert queues a dispatch job in the same transaction (`queue`), so the notice exists
 * exactly when the alert does and survives a restart; the job resolves the ladder at its run time
 * and hands the notice to NotificationsService (every staff channel, and the region's channels).
 * A conditional update of the alert's escalation row lets each dispatch and each step happen once,
 * however often a job runs. Every step is written to the alert's dispatch timeline.
 */
@Injectable()
export class AlertDispatchService implements OnModuleInit, AlertDispatchQueue {
  private readonly logger = new Logger('AlertDispatch');

  constructor(
    @InjectRepository(Alert) private readonly alerts: Repository<Alert>,
    @InjectRepository(AlertEscalation) private readonly states: Repository<AlertEscalation>,
    @InjectRepository(AlertDispatchEventRow) private readonly events: Repository<AlertDispatchEventRow>,
    @InjectRepository(AlertResponse) private readonly submissions: Repository<AlertResponse>,
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jobs: JobsService,
    private readonly notifications: NotificationsService,
    private readonly roster: DutyRosterService,
    private readonly regions: RegionsService,
  ) {}

  onModuleInit(): void {
    this.jobs.register<DispatchParams>(ALERT_DISPATCH_JOB, (ctx) => this.dispatch(ctx.params, ctx.now), [5_000, 15_000, 30_000, 60_000], { urgent: true });
    this.jobs.schedule(ALERT_ESCALATE_JOB, ESCALATE_EVERY_MS, (now) => this.escalateDue(now), undefined, { urgent: true });
    this.notifications.register(OWNER, {
      topics: {
        alert_new: {
          stillDue: async (d) => {
            const alert = await this.alerts.findOneBy({ id: d.subject.id });
            return !!alert && alert.status !== 'closed';
          },
          staff: { render: (d) => this.render(d, 'new') },
        },
        alert_escalated: {
          // An escalation for want of a claim is moot once claimed; one for want of a follow-up, once followed up.
          stillDue: async (d) => {
            const alert = await this.alerts.findOneBy({ id: d.subject.id });
            if (!alert || alert.status === 'closed') return false;
            return d.params.reason === 'overdue' ? !alert.firstFollowUpAt : alert.status === 'open';
          },
          staff: { render: (d) => this.render(d, 'escalated') },
        },
      },
    });
  }

  async queue(tx: EntityManager, alertId: number, colour: AlertColour): Promise<void> {
    if (colour === 'green') return;
    await tx.createQueryBuilder().insert().into(AlertEscalation).values({ alertId, pending: true }).orIgnore().updateEntity(false).execute();
    await tx.getRepository(AlertEscalation).update({ alertId }, { pending: true });
    await this.jobs.enqueue<DispatchParams>(ALERT_DISPATCH_JOB, { alertId, colour }, { manager: tx, maxAttempts: 5 });
  }

  /** After the raising transaction commits: run the queue now rather than at its next poll. */
  kick(): void {
    setImmediate(() => this.jobs.tick().catch((err: unknown) => this.logger.error({ err }, 'job poll failed')));
  }

  /** The first notice of an alert at `colour`: once per alert and colour (a later, more severe colour notifies again). */
  async dispatch(p: DispatchParams, now: Date): Promise<void> {
    const found = await this.alerts.findOneBy({ id: p.alertId });
    if (!found) return;
    const quietEnd = p.colour === 'yellow' ? quietHoursEnd(now, this.config.ALERT_QUIET_HOURS) : null;
    // Read before the transaction, which then stays short: the roster is not part of what it decides.
    const s = quietEnd ? null : await this.roster.situation(found.regionId, found.regionPath, now);
    const sent = await this.db.transaction(async (tx) => {
      const alert = await tx.getRepository(Alert).findOneBy({ id: p.alertId });
      if (!alert) return false;
      const states = tx.getRepository(AlertEscalation);
      await tx.createQueryBuilder().insert().into(AlertEscalation).values({ alertId: alert.id, pending: false }).orIgnore().updateEntity(false).execute();
      if (alert.status === 'closed') {
        await states.update({ alertId: alert.id }, { pending: false });
        return false;
      }
      if (!s) {
        const seen = await tx.getRepository(AlertDispatchEventRow).exists({ where: { alertId: alert.id, kind: 'deferred' } });
        if (!seen) await this.record(tx, alert.id, now, [{ kind: 'deferred', colour: p.colour, until: quietEnd }]);
        // Queued again for the end of quiet hours; a duplicate is harmless (the colour guard below).
        await this.jobs.enqueue<DispatchParams>(ALERT_DISPATCH_JOB, p, { manager: tx, runAfter: quietEnd!, maxAttempts: 5 });
        return false;
      }

      const { home, passed } = homeRegion(s.chain, s.onDuty);
      const top = topLevel(s.chain.length, home);
      const claimed = alert.status === 'claimed' && alert.assigneeId !== null;
      const { step, skipped } = claimed ? { step: null, skipped: [] } : nextStep(0, s.chain, home, s.onDuty);
      const previous = await states.findOneByOrFail({ alertId: alert.id });
      const level = claimed ? (previous.level ?? 0) : (step?.level ?? top);
      // Once per colour: only an alert not yet notified at this colour or a more severe one moves on.
      const lessSevere = ALERT_COLOURS.filter((c) => priorityOf(c) > priorityOf(p.colour));
      const won = await states
        .createQueryBuilder()
        .update(AlertEscalation)
        .set({
          pending: false,
          colour: p.colour,
          homeRegionId: s.chain[home].id,
          level,
          lastStepAt: now,
          done: p.colour !== 'red' || (!claimed && (!step || level >= top)),
        })
        .where('alertId = :id', { id: alert.id })
        .andWhere('(colour IS NULL OR colour IN (:...lessSevere))', { lessSevere: lessSevere.length ? lessSevere : ['-'] })
        .execute();
      if (!won.affected) {
        await states.update({ alertId: alert.id }, { pending: false });
        return false;
      }

      const sendKey = `${alert.id}:${p.colour}:new`;
      if (claimed) {
        // Someone already has it: the rise in colour is for them alone (a group robot must not read "您负责的…").
        const names = new Map([[alert.assigneeId!, alert.assigneeName ?? '']]);
        await this.record(
          tx,
          alert.id,
          now,
          [{ kind: 'dispatched', colour: p.colour, step: 'assignee', regionId: alert.regionId, staffIds: [alert.assigneeId!], sendKey }],
          names,
        );
        await this.notify(tx, alert, TOPIC_ALERT_NEW, [alert.assigneeId!], [], { colour: p.colour, step: 'assignee' }, now);
        return true;
      }
      await this.record(
        tx,
        alert.id,
        now,
        [
          ...passed.map((regionId): EventValues => ({ kind: 'no_one_on_duty', regionId })),
          ...skipped.map((x) => stepEvent('step_empty', p.colour, x)),
          step ? { ...stepEvent('dispatched', p.colour, step), sendKey } : { kind: 'nobody', colour: p.colour, sendKey },
        ],
        s.staffNames,
      );
      await this.notify(tx, alert, TOPIC_ALERT_NEW, step?.staffIds ?? [], [alert.regionId], { colour: p.colour, step: step?.kind ?? null }, now);
      return true;
    });
    if (sent) this.kick();
  }

  /** The recurring sweep: each red alert whose next step is due moves one step up. */
  async escalateDue(now: Date): Promise<void> {
    const cutoff = new Date(now.getTime() - this.config.ALERT_CLAIM_ESCALATE_MINUTES * MINUTE_MS);
    const due = await this.states
      .createQueryBuilder('e')
      .innerJoin(Alert, 'a', 'a.id = e.alertId')
      .select('e.alertId', 'alertId')
      .where('e.done = :no AND e.pending = :no', { no: false })
      .andWhere('e.lastStepAt <= :cutoff', { cutoff })
      .andWhere("a.colour = 'red' AND a.status <> 'closed'")
      .orderBy('e.lastStepAt', 'ASC')
      .getRawMany<{ alertId: number | string }>();
    let escalated = false;
    for (const { alertId } of due) {
      try {
        escalated = (await this.escalate(Number(alertId), now)) || escalated;
      } catch (err) {
        // One alert's trouble must not hold up the others; the next sweep tries it again.
        this.logger.error({ err, alertId }, 'escalation failed');
      }
    }
    if (escalated) this.kick();
  }

  /** One step up the ladder if it is due at `now`; false when it was not (or another run took it). */
  async escalate(alertId: number, now: Date): Promise<boolean> {
    const found = await this.alerts.findOneBy({ id: alertId });
    if (!found) return false;
    const s = await this.roster.situation(found.regionId, found.regionPath, now);
    return this.db.transaction(async (tx) => {
      const alert = await tx.getRepository(Alert).findOneBy({ id: alertId });
      const state = await tx.getRepository(AlertEscalation).findOneBy({ alertId });
      if (!alert || !state || state.level === null || !state.lastStepAt) return false;
      const due = nextEscalation(
        {
          colour: alert.colour,
          status: alert.status,
          dueAt: alert.dueAt,
          firstFollowUpAt: alert.firstFollowUpAt,
          lastStepAt: state.lastStepAt,
          done: state.done,
        },
        this.config.ALERT_CLAIM_ESCALATE_MINUTES,
      );
      if (!due || due.at.getTime() > now.getTime()) return false;

      // The ladder stays that of the region which took the alert first.
      const kept = s.chain.findIndex((r) => r.id === state.homeRegionId);
      const home = kept >= 0 ? kept : homeRegion(s.chain, s.onDuty).home;
      const { step, skipped } = nextStep(state.level + 1, s.chain, home, s.onDuty);
      const top = topLevel(s.chain.length, home);
      const level = step?.level ?? top;
      const won = await tx
        .createQueryBuilder()
        .update(AlertEscalation)
        .set({ level, lastStepAt: now, done: !step || level >= top })
        .where('alertId = :alertId AND level = :old AND done = :no', { alertId, old: state.level, no: false })
        .execute();
      if (!won.affected) return false;

      await this.record(
        tx,
        alertId,
        now,
        [
          ...skipped.map((x) => stepEvent('step_empty', alert.colour, x)),
          step
            ? { ...stepEvent('escalated', alert.colour, step), reason: due.reason, sendKey: `${alertId}:${alert.colour}:${step.level}` }
            : { kind: 'ladder_end', colour: alert.colour, reason: due.reason },
        ],
        s.staffNames,
      );
      if (step)
        await this.notify(tx, alert, TOPIC_ALERT_ESCALATED, step.staffIds, [step.regionId], { level: step.level, step: step.kind, reason: due.reason }, now);
      return true;
    });
  }

  /**
   * Whether the people on duty were told of an alert: `sent` once a notice of it went out on a
   * staff channel, `pending` while its dispatch or a notice is queued, else `none`.
   */
  /** Escalation steps of alerts under a region path, at [from, to): for the region's indicators. */
  async escalationsIn(regionPath: string, from: Date, to: Date): Promise<{ at: Date; regionPath: string }[]> {
    const rows = await this.events
      .createQueryBuilder('e')
      .innerJoin('e.alert', 'a')
      .select(['e.id', 'e.at', 'a.id', 'a.regionPath'])
      .where('e.kind = :kind', { kind: 'escalated' })
      .andWhere(...subtreeCondition('a', regionPath))
      .andWhere('e.at >= :from AND e.at < :to', { from, to })
      .getMany();
    return rows.map((e) => ({ at: e.at, regionPath: e.alert!.regionPath }));
  }

  async noticeStatus(alertId: number): Promise<AlertNoticeStatus> {
    const subject = { type: 'alert', id: alertId };
    if ((await this.notifications.list({ subject, topics: NOTICE_TOPICS, status: 'sent', pageSize: 1 })).total) return 'sent';
    if ((await this.states.findOneBy({ alertId }))?.pending) return 'pending';
    return (await this.notifications.list({ subject, topics: NOTICE_TOPICS, status: 'queued', pageSize: 1 })).total ? 'pending' : 'none';
  }

  /** The notice status of the alert a scale response raised or joined; `none` when it is on none. */
  async noticeForResponse(responseId: number): Promise<AlertNoticeStatus> {
    const link = await this.submissions.findOne({ where: { responseId }, select: { alertId: true } });
    return link ? this.noticeStatus(link.alertId) : 'none';
  }

  /** A resident asking about the notice of their own alert (the help-request page polls this). */
  async noticeForResident(residentId: number, alertId: number): Promise<AlertNoticeStatus> {
    const alert = await this.alerts.findOne({ where: { id: alertId }, select: { id: true, residentId: true } });
    if (!alert || alert.residentId !== residentId) throw AppException.notFound('求助记录');
    return this.noticeStatus(alert.id);
  }

  /** The dispatch timeline of an alert in the caller's region, oldest first. */
  async timeline(staff: StaffPrincipal, alertId: number): Promise<AlertDispatchEvent[]> {
    const alert = assertFound(await this.alerts.findOne({ where: { id: alertId }, select: { id: true, regionPath: true } }), staff, '预警');
    const rows = await this.events.find({ where: { alertId: alert.id }, order: { at: 'ASC', id: 'ASC' } });
    const names = await this.regions.names(rows.map((r) => r.regionId));
    return rows.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      kind: r.kind,
      colour: r.colour,
      level: r.level,
      step: r.step,
      regionId: r.regionId,
      regionName: r.regionId === null ? null : (names.get(r.regionId) ?? null),
      staff: r.staff ? (JSON.parse(r.staff) as { id: number; name: string }[]) : [],
      reason: r.reason,
      until: r.until?.toISOString() ?? null,
    }));
  }

  private async notify(
    tx: EntityManager,
    alert: Alert,
    topic: string,
    staffIds: number[],
    regionIds: number[],
    params: Record<string, string | number | null>,
    now: Date,
  ): Promise<void> {
    await this.notifications.notifyStaff(tx, { topic, subject: { type: 'alert', id: alert.id }, staffIds, regionIds, group: `alert:${alert.id}`, params }, now);
  }

  /** Timeline entries, in order, with the staff names of the moment. */
  private async record(tx: EntityManager, alertId: number, at: Date, entries: EventValues[], names: ReadonlyMap<number, string> = new Map()): Promise<void> {
    const repo = tx.getRepository(AlertDispatchEventRow);
    for (const { staffIds, ...e } of entries) {
      await repo.insert({
        alertId,
        at,
        colour: null,
        level: null,
        step: null,
        regionId: null,
        reason: null,
        until: null,
        sendKey: null,
        ...e,
        staff: staffIds?.length ? JSON.stringify(staffIds.map((id) => ({ id, name: names.get(id) ?? '' }))) : null,
      });
    }
  }

  /** The staff notice: colour, region and a link, never the resident or their answers. */
  private async render(d: DueDelivery, kind: 'new' | 'escalated'): Promise<StaffMessage> {
    const alert = await this.alerts.findOneByOrFail({ id: d.subject.id });
    const colour = (typeof d.params.colour === 'string' ? d.params.colour : alert.colour) as AlertColour;
    const title = ALERT_NOTICE_TITLES[colour];
    const ids = pathIds(alert.regionPath);
    // Street and community ("胜利路街道萱花社区"): enough to place it, nothing about the person.
    const names = await this.regions.names(ids);
    const place =
      ids
        .slice(-2)
        .map((id) => names.get(id) ?? '')
        .join('') || '本辖区';
    const reason = d.params.reason as EscalationReason | undefined;
    const text =
      kind === 'new'
        ? d.params.step === 'assignee'
          ? `您负责的${place}预警已升级为${title}，请尽快跟进`
          : `${place}有一条新的${title}，请尽快认领处理`
        : reason === 'overdue'
          ? `${place}的${title}已过首次跟进时限仍未跟进，现升级通知您，请尽快处理`
          : `${place}的${title}超过 ${this.config.ALERT_CLAIM_ESCALATE_MINUTES} 分钟无人认领，现升级通知您，请尽快处理`;
    return { title, text, link: `/alerts/${alert.id}`, colour, region: place };
  }
}

function stepEvent(kind: 'dispatched' | 'escalated' | 'step_empty', colour: AlertColour, step: LadderStep): EventValues {
  return { kind, colour, level: step.level, step: step.kind as EscalationStepKind, regionId: step.regionId, staffIds: step.staffIds };
}
