import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import {
  ALERT_SOURCE_LABELS,
  chinaDate,
  followUpTimeProblems,
  FOLLOW_UP_TIME_MESSAGES,
  hasPermission,
  phoneShownTo,
  type AlertDetail,
  type AlertSummary,
  type AlertRow,
  type Page,
} from '@xinqiao/shared';
import { Brackets, DataSource, In, Repository, type SelectQueryBuilder } from 'typeorm';
import type { StaffPrincipal } from '../../common/access/principal';
import { assertFound, scopeCondition, subtree } from '../../common/access/region-scope';
import { AppException } from '../../common/errors/app-exception';
import { pageOf, paging } from '../../common/http/page-query.dto';
import { RegionsService } from '../../regions/regions.service';
import { PersonalDataRegistry } from '../../residents/personal-data.registry';
import type { AlertQueryDto, CloseAlertDto, FollowUpDto } from '../dto/alert.dto';
import { Alert, priorityOf } from '../entities/alert.entity';
import { AlertFollowUp } from '../entities/alert-follow-up.entity';
import { AlertResponse } from '../entities/alert-response.entity';
import { HelpRequest } from '../entities/help-request.entity';
import { CaseworkService, requireAssignee } from '../casework/services/casework.service';
import { ScaleResults } from './scale-results';

/** The counsellors' queue of 三色预警 alerts, scoped to their region. */
@Injectable()
export class AlertsService implements OnModuleInit {
  constructor(
    @InjectRepository(Alert) private readonly repo: Repository<Alert>,
    @InjectRepository(AlertFollowUp) private readonly followUps: Repository<AlertFollowUp>,
    @InjectRepository(AlertResponse) private readonly submissions: Repository<AlertResponse>,
    @InjectRepository(HelpRequest) private readonly helpRequests: Repository<HelpRequest>,
    @InjectDataSource() private readonly db: DataSource,
    private readonly regions: RegionsService,
    private readonly scales: ScaleResults,
    private readonly personalData: PersonalDataRegistry,
    private readonly casework: CaseworkService,
  ) {}

  onModuleInit(): void {
    this.personalData.register({ key: 'alerts', export: (id) => this.exportFor(id) });
  }

  /** Unclosed alerts by default; red first, then oldest first, so the most urgent is on top. */
  async list(staff: StaffPrincipal, q: AlertQueryDto): Promise<Page<AlertRow>> {
    const p = paging(q);
    const qb = this.repo.createQueryBuilder('a').where(...scopeCondition('a', staff));
    if (q.regionId !== undefined) {
      const region = await this.regions.requireInScope(q.regionId, staff);
      qb.andWhere({ regionPath: subtree(region.path) });
    }
    if (q.status) qb.andWhere('a.status = :status', { status: q.status });
    else qb.andWhere("a.status <> 'closed'");
    if (q.colour) qb.andWhere('a.colour = :colour', { colour: q.colour });
    if (q.overdue) this.whereOverdue(qb);
    if (q.due) {
      // A counsellor's casework lists are their own alerts; an overseer sees the region's.
      if (hasPermission(staff.role, 'alerts.handle')) qb.andWhere('a.assigneeId = :me', { me: staff.id });
      qb.andWhere(...this.casework.dueCondition('a', q.due, chinaDate(new Date())));
    }
    const [rows, total] = await qb
      .orderBy('a.priority', 'ASC')
      .addOrderBy('a.createdAt', 'ASC')
      .addOrderBy('a.id', 'ASC')
      .skip(p.skip)
      .take(p.pageSize)
      .getManyAndCount();
    return pageOf(await this.toRows(rows), total, p);
  }

  async summary(staff: StaffPrincipal): Promise<AlertSummary> {
    const base = () =>
      this.repo
        .createQueryBuilder('a')
        .where(...scopeCondition('a', staff))
        .andWhere("a.status <> 'closed'");
    const byStatus = await base().select('a.status', 'k').addSelect('COUNT(*)', 'n').groupBy('a.status').getRawMany<{ k: string; n: string }>();
    const byColour = await base().select('a.colour', 'k').addSelect('COUNT(*)', 'n').groupBy('a.colour').getRawMany<{ k: string; n: string }>();
    const overdue = await this.whereOverdue(base()).getCount();
    const count = (rows: { k: string; n: string }[], k: string) => Number(rows.find((r) => r.k === k)?.n ?? 0);
    return {
      open: count(byStatus, 'open'),
      claimed: count(byStatus, 'claimed'),
      overdue,
      red: count(byColour, 'red'),
      yellow: count(byColour, 'yellow'),
      green: count(byColour, 'green'),
    };
  }

  async detail(staff: StaffPrincipal, id: number): Promise<AlertDetail> {
    const alert = await this.find(staff, id);
    const followUps = await this.followUps.find({ where: { alertId: alert.id }, order: { at: 'ASC', id: 'ASC' } });
    const [row] = await this.toRows([alert]);
    const common = {
      ...row,
      followUps: followUps.map((f) => ({
        id: f.id,
        at: f.at.toISOString(),
        method: f.method,
        outcome: f.outcome,
        nextColour: f.nextColour,
        counsellorName: f.counsellorName,
        createdAt: f.createdAt.toISOString(),
      })),
      closeNote: alert.closeNote,
      followUpPlan: alert.status === 'closed' ? null : await this.casework.currentPlan(alert.id),
      referrals: await this.casework.referralsOf(alert.id),
    };
    // In full only to the counsellor who claimed the alert: the one who calls.
    const phone = (p: string | null | undefined) => phoneShownTo(staff, { kind: 'alert', assigneeId: alert.assigneeId }, p);
    if (alert.source === 'help_request') {
      const requests = await this.helpRequests.find({ where: { alertId: alert.id }, order: { submittedAt: 'ASC', id: 'ASC' } });
      // The counsellor calls the contact the resident gave last.
      const latest = requests.at(-1);
      return {
        ...common,
        contactName: latest?.contactName ?? null,
        contactPhone: phone(latest?.contactPhone),
        guardian: null,
        criticalItems: [],
        answers: [],
        submissions: [],
        helpRequests: requests.map((r) => ({
          id: r.id,
          submittedAt: r.submittedAt.toISOString(),
          urgency: r.urgency,
          colour: r.colour,
          note: r.sensitiveConsent ? r.note : null,
          guardian: r.guardianName && r.guardianRelation ? { name: r.guardianName, relation: r.guardianRelation } : null,
        })),
      };
    }
    const submissions = await this.submissions.find({ where: { alertId: alert.id }, order: { submittedAt: 'ASC', id: 'ASC' } });
    // The counsellor acts on the latest answers and contact the resident gave.
    const latest = submissions.at(-1)?.responseId ?? alert.responseId!;
    const response = await this.scales.alertedResponse(latest);
    return {
      ...common,
      ...response,
      contactPhone: phone(response.contactPhone),
      submissions: submissions.map((x) => ({
        responseId: x.responseId,
        submittedAt: x.submittedAt.toISOString(),
        score: x.score,
        bandLabel: x.bandLabel,
        colour: x.colour,
        crisis: Boolean(x.crisis),
      })),
      helpRequests: [],
    };
  }

  /** One atomic conditional update, so two counsellors claiming at once cannot both win. */
  async claim(staff: StaffPrincipal, id: number): Promise<AlertDetail> {
    const alert = await this.find(staff, id);
    const result = await this.repo
      .createQueryBuilder()
      .update(Alert)
      .set({ status: 'claimed', assigneeId: staff.id, assigneeName: staff.displayName, claimedAt: new Date() })
      .where('id = :id AND status = :open', { id: alert.id, open: 'open' })
      .execute();
    if (!result.affected) {
      const now = await this.repo.findOneByOrFail({ id: alert.id });
      if (now.status === 'closed') throw AppException.invalidState('该预警已结案');
      if (now.assigneeId !== staff.id) throw AppException.conflict(`该预警已由 ${now.assigneeName ?? '其他咨询师'} 认领`);
    }
    return this.detail(staff, id);
  }

  async addFollowUp(staff: StaffPrincipal, id: number, dto: FollowUpDto): Promise<AlertDetail> {
    const alert = await this.mine(staff, id);
    const at = new Date(dto.at);
    const now = new Date();
    if (dto.nextPlan) this.casework.checkPlan(dto.nextPlan, now, 'nextPlan.');
    const timeProblems = followUpTimeProblems(at, alert.createdAt, now);
    if (timeProblems.length) throw AppException.ruleProblems(timeProblems, FOLLOW_UP_TIME_MESSAGES);
    await this.db.transaction(async (tx) => {
      await tx.getRepository(AlertFollowUp).insert({
        alertId: alert.id,
        at,
        method: dto.method,
        outcome: dto.outcome.trim(),
        nextColour: dto.nextColour ?? null,
        counsellorId: staff.id,
        counsellorName: staff.displayName,
      });
      const changes: Partial<Alert> = {};
      if (!alert.firstFollowUpAt || at < alert.firstFollowUpAt) changes.firstFollowUpAt = at;
      if (dto.nextColour && dto.nextColour !== alert.colour) {
        changes.colour = dto.nextColour;
        changes.priority = priorityOf(dto.nextColour);
      }
      if (Object.keys(changes).length) await tx.getRepository(Alert).update({ id: alert.id }, changes);
      // The contact fulfils the plan it was made under; a next plan given with it becomes current.
      if (dto.nextPlan) await this.casework.replacePlan(tx, alert.id, staff, dto.nextPlan, now);
      else await this.casework.endPlan(tx, alert.id, now, at);
    });
    return this.detail(staff, id);
  }

  async close(staff: StaffPrincipal, id: number, dto: CloseAlertDto): Promise<AlertDetail> {
    const alert = await this.mine(staff, id);
    if (!alert.firstFollowUpAt) throw AppException.invalidState('请先记录至少一次跟进，再结案');
    const now = new Date();
    await this.db.transaction(async (tx) => {
      if (dto.outcome === 'referred' && !(await this.casework.hasLiveReferral(tx, alert.id))) {
        throw new AppException(409, 'REFERRAL_REQUIRED', '结案结果为“已转介”时，须先登记转介（且对方未拒绝接收）');
      }
      // Clearing openKey lets the resident's next result with follow-up consent raise a new alert.
      const { affected } = await tx
        .getRepository(Alert)
        .update(
          { id: alert.id, status: alert.status },
          { status: 'closed', openKey: null, closedAt: now, closeNote: dto.note.trim(), closeOutcome: dto.outcome },
        );
      if (!affected) throw AppException.invalidState('该预警已结案');
      await this.casework.endPlan(tx, alert.id, now);
    });
    return this.detail(staff, id);
  }

  private whereOverdue<T extends SelectQueryBuilder<Alert>>(qb: T): T {
    return qb.andWhere(
      new Brackets((w) => w.where('a.dueAt IS NOT NULL').andWhere('a.firstFollowUpAt IS NULL').andWhere('a.dueAt < :now', { now: new Date() })),
    ) as T;
  }

  private async find(staff: StaffPrincipal, id: number): Promise<Alert> {
    return assertFound(await this.repo.findOne({ where: { id } }), staff, '预警');
  }

  /** An open alert the caller holds; follow-ups and closing are the assignee's. */
  private async mine(staff: StaffPrincipal, id: number): Promise<Alert> {
    const alert = await this.find(staff, id);
    requireAssignee(alert, staff);
    return alert;
  }

  private async toRows(alerts: Alert[]): Promise<AlertRow[]> {
    const titles = await this.scales.titles();
    const names = await this.regions.names(alerts.map((a) => a.regionId));
    const now = Date.now();
    const next = await this.casework.nextContacts(alerts.filter((a) => a.status !== 'closed').map((a) => a.id));
    return alerts.map((a) => ({
      id: a.id,
      colour: a.colour,
      status: a.status,
      source: a.source,
      scaleCode: a.scaleCode,
      scaleTitle: a.scaleCode === null ? ALERT_SOURCE_LABELS[a.source] : (titles.get(a.scaleCode) ?? a.scaleCode),
      score: a.score,
      bandLabel: a.bandLabel,
      helpUrgency: a.helpUrgency,
      // MySQL hands booleans back as 1/0 in some paths.
      crisis: Boolean(a.crisis),
      regionId: a.regionId,
      regionName: names.get(a.regionId) ?? '',
      populationGroup: a.populationGroup,
      ageBand: a.ageBand,
      assigneeId: a.assigneeId,
      assigneeName: a.assigneeName,
      createdAt: a.createdAt.toISOString(),
      dueAt: a.dueAt?.toISOString() ?? null,
      firstFollowUpAt: a.firstFollowUpAt?.toISOString() ?? null,
      overdue: a.status !== 'closed' && !!a.dueAt && !a.firstFollowUpAt && a.dueAt.getTime() < now,
      closedAt: a.closedAt?.toISOString() ?? null,
      closeOutcome: a.closeOutcome,
      nextContact: next.get(a.id) ?? null,
    }));
  }

  private async exportFor(residentId: number) {
    const alerts = await this.repo.find({ where: { residentId }, order: { id: 'ASC' } });
    const ids = alerts.map((a) => a.id);
    const followUps = alerts.length ? await this.followUps.find({ where: { alertId: In(ids) }, order: { at: 'ASC' } }) : [];
    const submissions = alerts.length ? await this.submissions.find({ where: { alertId: In(ids) }, order: { submittedAt: 'ASC', id: 'ASC' } }) : [];
    const casework = await this.casework.exportFor(ids);
    return alerts.map((a) => ({
      source: a.source,
      responseId: a.responseId,
      responseIds: submissions.filter((x) => x.alertId === a.id).map((x) => x.responseId),
      colour: a.colour,
      status: a.status,
      createdAt: a.createdAt.toISOString(),
      counsellor: a.assigneeName,
      followUps: followUps.filter((f) => f.alertId === a.id).map((f) => ({ at: f.at.toISOString(), method: f.method, outcome: f.outcome })),
      closedAt: a.closedAt?.toISOString() ?? null,
      closeOutcome: a.closeOutcome,
      followUpPlans: casework.plans.filter((p) => p.alertId === a.id).map(({ alertId: _, ...p }) => p),
      referrals: casework.referrals.filter((r) => r.alertId === a.id).map(({ alertId: _, ...r }) => r),
    }));
  }
}
