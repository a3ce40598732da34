import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  ALERT_COLOURS,
  CLOSE_OUTCOMES,
  CLOSE_OUTCOME_LABELS,
  CLOSE_OUTCOME_UNRECORDED_LABEL,
  STATS_MIN_CELL,
  chinaInstant,
  chinaMonth,
  isWithin,
  median,
  oneDecimal,
  percentile,
  shareOf,
  suppressBreakdown,
  withheld,
  type AlertColour,
  type AlertIndicators,
  type AlertIndicatorsRow,
} from '@xinqiao/shared';
import ExcelJS from 'exceljs';
import { Brackets, In, Repository } from 'typeorm';
import { subtree, subtreeCondition } from '../../../common/access/region-scope';
import type { StaffPrincipal } from '../../../common/access/principal';
import { AppException } from '../../../common/errors/app-exception';
import { RegionsService } from '../../../regions/regions.service';
import { Alert } from '../../entities/alert.entity';
import { AlertResponse } from '../../entities/alert-response.entity';
import { HelpRequest } from '../../entities/help-request.entity';
import type { AlertIndicatorsQueryDto } from '../dto/casework.dto';
import { AlertDispatchService } from '../../duty/services/alert-dispatch.service';
import { AlertReferral } from '../entities/referral.entity';

const MAX_MONTHS = 24;
const HOUR_MS = 3_600_000;
const OUTCOME_KEYS = [...CLOSE_OUTCOMES, 'unrecorded'] as const;
type OutcomeKey = (typeof OUTCOME_KEYS)[number];

/** What one region (a child, or what was filed at the chosen region itself) did in one month. */
interface Cell {
  raised: Record<AlertColour, number>;
  firstContactHours: number[];
  red: number;
  redWithin24h: number;
  escalations: number;
  referralsMade: number;
  referralsAccepted: number;
  referralsCompleted: number;
  outcomes: Record<OutcomeKey, number>;
}

const emptyCell = (): Cell => ({
  raised: { red: 0, yellow: 0, green: 0 },
  firstContactHours: [],
  red: 0,
  redWithin24h: 0,
  escalations: 0,
  referralsMade: 0,
  referralsAccepted: 0,
  referralsCompleted: 0,
  outcomes: { resolved: 0, referred: 0, declined: 0, lost_contact: 0, moved_away: 0, unrecorded: 0 },
});

function merge(cells: Cell[]): Cell {
  const out = emptyCell();
  for (const c of cells) {
    for (const k of ALERT_COLOURS) out.raised[k] += c.raised[k];
    out.firstContactHours.push(...c.firstContactHours);
    out.red += c.red;
    out.redWithin24h += c.redWithin24h;
    out.escalations += c.escalations;
    out.referralsMade += c.referralsMade;
    out.referralsAccepted += c.referralsAccepted;
    out.referralsCompleted += c.referralsCompleted;
    for (const k of OUTCOME_KEYS) out.outcomes[k] += c.outcomes[k];
  }
  return out;
}

/**
 * 预警处置指标 for a region admin: by month and by the region's children. Each figure is counted in
 * the month of its own event: alerts raised (by the colour they were raised with), first contact and
 * red-within-24-h by the month the alert was raised, referrals by the day they were made, accepted,
 * completed, outcomes by the month of closing. Small cells are withheld (`suppressBreakdown`,
 * `withheld`, and times and shares only from STATS_MIN_CELL alerts up).
 */
@Injectable()
export class AlertIndicatorsService {
  constructor(
    @InjectRepository(Alert) private readonly alerts: Repository<Alert>,
    @InjectRepository(AlertResponse) private readonly submissions: Repository<AlertResponse>,
    @InjectRepository(HelpRequest) private readonly helpRequests: Repository<HelpRequest>,
    @InjectRepository(AlertReferral) private readonly referrals: Repository<AlertReferral>,
    private readonly regions: RegionsService,
    private readonly dispatch: AlertDispatchService,
  ) {}

  async indicators(staff: StaffPrincipal, q: AlertIndicatorsQueryDto): Promise<AlertIndicators> {
    if (q.fromMonth > q.toMonth)
      throw AppException.badRequest(
        '结束月份不能早于起始月份',
        { fields: [{ field: 'toMonth', constraint: 'order', message: '结束月份不能早于起始月份' }] },
        'VALIDATION_FAILED',
      );
    const months = monthsBetween(q.fromMonth, q.toMonth);
    if (months.length > MAX_MONTHS)
      throw AppException.badRequest(
        `一次最多统计 ${MAX_MONTHS} 个月`,
        { fields: [{ field: 'toMonth', constraint: 'range', message: `一次最多统计 ${MAX_MONTHS} 个月` }] },
        'VALIDATION_FAILED',
      );
    const region = await this.regions.requireInScope(q.regionId ?? staff.regionId, staff);
    const children = (await this.regions.listAll()).filter((r) => r.parentId === region.id).sort((a, b) => a.id - b.id);
    const from = sqlTime(this.alerts, chinaInstant(`${q.fromMonth}-01`));
    const to = sqlTime(this.alerts, chinaInstant(`${monthAfter(q.toMonth)}-01`));
    const fromDay = `${q.fromMonth}-01`;
    const toDay = `${monthAfter(q.toMonth)}-01`;

    // Each event lands in (month, place): place = index of the child holding it, or -1 for the region itself.
    const cells = new Map<string, Cell>();
    const placeOf = (path: string) => children.findIndex((c) => isWithin(path, c.path));
    const cell = (month: string, path: string) => {
      const key = `${month}|${placeOf(path)}`;
      if (!cells.has(key)) cells.set(key, emptyCell());
      return cells.get(key)!;
    };
    const inWindow = (month: string) => month >= q.fromMonth && month <= q.toMonth;

    const alerts = await this.alerts
      .createQueryBuilder('a')
      .select(['a.id', 'a.colour', 'a.regionPath', 'a.createdAt', 'a.firstFollowUpAt', 'a.closedAt', 'a.closeOutcome', 'a.status'])
      .where({ regionPath: subtree(region.path) })
      .andWhere(
        new Brackets((w) =>
          w.where('a.createdAt >= :from AND a.createdAt < :to', { from, to }).orWhere('a.closedAt >= :from AND a.closedAt < :to', { from, to }),
        ),
      )
      .getMany();
    const raisedColour = await this.raisedColours(alerts);
    for (const a of alerts) {
      const created = chinaMonth(a.createdAt);
      if (inWindow(created)) {
        const c = cell(created, a.regionPath);
        const colour = raisedColour.get(a.id) ?? a.colour;
        c.raised[colour]++;
        const hours = a.firstFollowUpAt ? Math.max(0, a.firstFollowUpAt.getTime() - a.createdAt.getTime()) / HOUR_MS : null;
        if (hours !== null) c.firstContactHours.push(hours);
        if (colour === 'red') {
          c.red++;
          if (hours !== null && hours <= 24) c.redWithin24h++;
        }
      }
      if (a.status === 'closed' && a.closedAt && inWindow(chinaMonth(a.closedAt)))
        cell(chinaMonth(a.closedAt), a.regionPath).outcomes[a.closeOutcome ?? 'unrecorded']++;
    }

    const referrals = await this.referrals
      .createQueryBuilder('r')
      .innerJoin('r.alert', 'a')
      .select(['r.id', 'r.sentAt', 'r.status', 'r.respondedOn', 'r.outcomeOn', 'a.id', 'a.regionPath'])
      .where(...subtreeCondition('a', region.path))
      .andWhere(
        new Brackets((w) =>
          w
            .where('r.sentAt >= :from AND r.sentAt < :to', { from, to })
            .orWhere('r.respondedOn >= :fromDay AND r.respondedOn < :toDay', { fromDay, toDay })
            .orWhere('r.outcomeOn >= :fromDay AND r.outcomeOn < :toDay', { fromDay, toDay }),
        ),
      )
      .getMany();
    for (const r of referrals) {
      const path = r.alert!.regionPath;
      const sent = chinaMonth(r.sentAt);
      if (inWindow(sent)) cell(sent, path).referralsMade++;
      if (r.status === 'accepted' && r.respondedOn && inWindow(r.respondedOn.slice(0, 7))) cell(r.respondedOn.slice(0, 7), path).referralsAccepted++;
      if (r.outcomeOn && inWindow(r.outcomeOn.slice(0, 7))) cell(r.outcomeOn.slice(0, 7), path).referralsCompleted++;
    }

    // Escalation steps (not claimed in time, or no first follow-up by the due time), by the month they happened.
    for (const e of await this.dispatch.escalationsIn(region.path, chinaInstant(`${q.fromMonth}-01`), chinaInstant(`${monthAfter(q.toMonth)}-01`))) {
      const month = chinaMonth(e.at);
      if (inWindow(month)) cell(month, e.regionPath).escalations++;
    }

    const rows: AlertIndicatorsRow[] = [];
    for (const month of months) {
      const childCells = children.map((_, i) => cells.get(`${month}|${i}`) ?? emptyCell());
      const own = cells.get(`${month}|-1`) ?? emptyCell();
      const raised = suppressBreakdown(
        childCells.map((c) => ALERT_COLOURS.map((k) => c.raised[k])),
        ALERT_COLOURS.map((k) => own.raised[k]),
      );
      const outcomes = suppressBreakdown(
        childCells.map((c) => OUTCOME_KEYS.map((k) => c.outcomes[k])),
        OUTCOME_KEYS.map((k) => own.outcomes[k]),
      );
      const row = (c: Cell, raisedRow: (number | null)[], outcomeRow: (number | null)[], id: number, name: string, isTotal: boolean): AlertIndicatorsRow => {
        const timed = c.firstContactHours.length >= STATS_MIN_CELL;
        return {
          month,
          regionId: id,
          regionName: name,
          isTotal,
          raised: { red: raisedRow[0], yellow: raisedRow[1], green: raisedRow[2], total: raisedRow[3] },
          firstContactMedianHours: timed ? oneDecimal(median(c.firstContactHours)) : null,
          firstContactP90Hours: timed ? oneDecimal(percentile(c.firstContactHours, 90)) : null,
          redContactedWithin24h: shareOf(c.redWithin24h, c.red),
          escalations: withheld(c.escalations),
          referralsMade: withheld(c.referralsMade),
          referralsAccepted: withheld(c.referralsAccepted),
          referralsCompleted: withheld(c.referralsCompleted),
          outcomes: Object.fromEntries(OUTCOME_KEYS.map((k, i) => [k, outcomeRow[i]])) as Record<OutcomeKey, number | null>,
        };
      };
      childCells.forEach((c, i) => rows.push(row(c, raised.children[i], outcomes.children[i], children[i].id, children[i].name, false)));
      rows.push(row(merge([...childCells, own]), raised.total, outcomes.total, region.id, region.name, true));
    }
    return { regionId: region.id, regionName: region.name, months, rows, minCell: STATS_MIN_CELL };
  }

  async workbook(staff: StaffPrincipal, q: AlertIndicatorsQueryDto): Promise<Buffer> {
    const s = await this.indicators(staff, q);
    const wb = new ExcelJS.Workbook();
    wb.creator = '心桥';
    wb.created = new Date();
    const hidden = `<${s.minCell}`;
    const n = (v: number | null) => (v === null ? hidden : v);
    const pct = (v: number | null) => (v === null ? hidden : `${Math.round(v * 1000) / 10}%`);
    const ws = wb.addWorksheet('按月份和区域');
    ws.addRow([
      '月份',
      '区域',
      '红色预警',
      '黄色预警',
      '绿色预警',
      '预警合计',
      '首次联系用时中位数（小时）',
      '首次联系用时 P90（小时）',
      '红色预警 24 小时内联系占比',
      '升级通知',
      '发起转介',
      '转介被接收',
      '转介完成',
      ...CLOSE_OUTCOMES.map((k) => `结案：${CLOSE_OUTCOME_LABELS[k]}`),
      `结案：${CLOSE_OUTCOME_UNRECORDED_LABEL}`,
    ]).font = { bold: true };
    for (const r of s.rows) {
      const line = ws.addRow([
        r.month,
        r.isTotal ? `${r.regionName}（合计）` : r.regionName,
        n(r.raised.red),
        n(r.raised.yellow),
        n(r.raised.green),
        n(r.raised.total),
        n(r.firstContactMedianHours),
        n(r.firstContactP90Hours),
        pct(r.redContactedWithin24h),
        n(r.escalations),
        n(r.referralsMade),
        n(r.referralsAccepted),
        n(r.referralsCompleted),
        ...OUTCOME_KEYS.map((k: OutcomeKey) => n(r.outcomes[k])),
      ]);
      if (r.isTotal) line.font = { bold: true };
    }
    ws.columns.forEach((c, i) => (c.width = i === 1 ? 24 : 14));
    const note = wb.addWorksheet('说明');
    note.addRows([
      ['范围', s.regionName],
      ['时间', `${q.fromMonth} 至 ${q.toMonth}（按北京时间统计）`],
      [
        '口径',
        '预警按产生月份及产生时的等级计数；首次联系 = 第一条跟进记录的时间，按预警产生月份统计；转介按发起、接收、登记结果的日期分别计入当月；结案结果按结案月份计数，“未记录”为启用结案结果编码前结案的预警。',
      ],
      ['小格保护', `人数少于 ${s.minCell} 的格子显示为“${hidden}”，并同时隐去可据以推算的其他格子；用时和占比在所依据的预警少于 ${s.minCell} 条时不显示。`],
      ['导出时间', new Date().toISOString()],
    ]);
    note.getColumn(1).width = 12;
    note.getColumn(2).width = 90;
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  /** The colour each alert was raised with: that of its first result or first help request. */
  private async raisedColours(alerts: Alert[]): Promise<Map<number, AlertColour>> {
    const ids = alerts.map((a) => a.id);
    const out = new Map<number, AlertColour>();
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      const subs = await this.submissions.find({
        select: { alertId: true, colour: true, submittedAt: true, id: true },
        where: { alertId: In(chunk) },
        order: { submittedAt: 'ASC', id: 'ASC' },
      });
      const helps = await this.helpRequests.find({
        select: { alertId: true, colour: true, submittedAt: true, id: true },
        where: { alertId: In(chunk) },
        order: { submittedAt: 'ASC', id: 'ASC' },
      });
      for (const s of [...subs, ...helps]) if (s.alertId !== null && !out.has(s.alertId)) out.set(s.alertId, s.colour);
    }
    return out;
  }
}

/** A Date as a query-builder parameter in the column's stored form (better-sqlite3 binds no Date). */
function sqlTime(repo: Repository<object>, at: Date): unknown {
  return repo.manager.connection.driver.preparePersistentValue(at, { type: 'datetime' } as never);
}

function monthAfter(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = from; m <= to && out.length <= MAX_MONTHS; m = monthAfter(m)) out.push(m);
  return out;
}
