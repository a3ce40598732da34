/**
 * Casework as the alert pages show it: the next contact, referral states, the close outcomes a
 * counsellor may choose, the case file's lines, and the indicators' cells and charts. Pure.
 */
import type { ComposeOption } from 'echarts/core';
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import {
  ALERT_COLOUR_LABELS,
  ALERT_STATUS_LABELS,
  BOOKING_KIND_LABELS,
  BOOKING_STATUS_LABELS,
  CLOSE_OUTCOMES,
  CLOSE_OUTCOME_LABELS,
  FOLLOW_UP_METHOD_LABELS,
  HELP_URGENCY_LABELS,
  REFERRAL_STATUS_LABELS,
  chinaDate,
  closeOutcomeLabel,
  planDue,
  type AlertDetail,
  type AlertIndicatorsRow,
  type CaseEntry,
  type CloseOutcome,
  type NextContact,
} from '@xinqiao/shared';

/** "2026-05-12 10:30" / "2026-05-12（全天）", with 今天 / 已逾期 where it applies. */
export function nextContactText(next: NextContact | null, now: Date = new Date()): { text: string; due: 'today' | 'overdue' | 'later' | null } {
  if (!next) return { text: '未安排', due: null };
  const due = planDue(next.date, chinaDate(now));
  const when = `${next.date}${next.time ? ` ${next.time}` : ''}`;
  return { text: due === 'today' ? `今天${next.time ? ` ${next.time}` : ''}` : when, due };
}

/** Close outcomes with whether each may be chosen now: 已转介 needs a referral not declined. */
export function closeOutcomeOptions(alert: Pick<AlertDetail, 'referrals'>): { value: CloseOutcome; label: string; disabled: boolean }[] {
  const referred = alert.referrals.some((r) => r.status !== 'declined');
  return CLOSE_OUTCOMES.map((value) => ({ value, label: CLOSE_OUTCOME_LABELS[value], disabled: value === 'referred' && !referred }));
}

/** What the counsellor can still record on a referral. */
export function referralNextStep(r: AlertDetail['referrals'][number]): 'response' | 'outcome' | null {
  if (r.status === 'sent') return 'response';
  if (r.status === 'accepted' && r.outcome === null) return 'outcome';
  return null;
}

export function referralStatusText(r: AlertDetail['referrals'][number]): string {
  if (r.outcome !== null) return '已完成';
  return REFERRAL_STATUS_LABELS[r.status];
}

/** One line of the case file: a title and what to show under it. */
export function caseEntryText(e: CaseEntry): { title: string; detail: string } {
  switch (e.type) {
    case 'scale':
      return { title: `量表测评：${e.scaleTitle}`, detail: `${e.score} 分（${e.bandLabel}）` };
    case 'alert':
      return {
        title: `预警 #${e.alertId}：${e.title}`,
        detail: [
          ALERT_COLOUR_LABELS[e.colour],
          ALERT_STATUS_LABELS[e.status],
          e.status === 'closed' ? `结案结果：${closeOutcomeLabel(e.closeOutcome)}` : null,
          e.assigneeName ? `跟进人 ${e.assigneeName}` : null,
        ]
          .filter(Boolean)
          .join(' · '),
      };
    case 'follow_up':
      return { title: `跟进（预警 #${e.alertId}）：${FOLLOW_UP_METHOD_LABELS[e.method]} · ${e.counsellorName}`, detail: e.outcome };
    case 'help_request':
      return { title: `求助请求（预警 #${e.alertId}）`, detail: `${HELP_URGENCY_LABELS[e.urgency]}，对应${ALERT_COLOUR_LABELS[e.colour]}` };
    case 'referral':
      return { title: `转介（预警 #${e.alertId}）：${e.stationName}`, detail: e.outcome ? `已完成：${e.outcome}` : REFERRAL_STATUS_LABELS[e.status] };
    case 'booking': {
      const who = e.counsellorName ?? e.lineName;
      return { title: `预约：${BOOKING_KIND_LABELS[e.kind]}`, detail: [BOOKING_STATUS_LABELS[e.status], e.stationName, who].filter(Boolean).join(' · ') };
    }
  }
}

// ---------------------------------------------------------------- indicators

export type IndicatorChartOption = ComposeOption<BarSeriesOption | LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption>;

/** A count or a withheld cell. */
export function countText(v: number | null, minCell: number): string {
  return v === null ? `<${minCell}` : String(v);
}

export function hoursText(v: number | null): string {
  return v === null ? '-' : `${v} 小时`;
}

export function shareText(v: number | null): string {
  return v === null ? '-' : `${(Math.round(v * 1000) / 10).toFixed(1)}%`;
}

/** The region's own rows (its totals), one per month in order. */
export function totalRows(rows: readonly AlertIndicatorsRow[]): AlertIndicatorsRow[] {
  return rows.filter((r) => r.isTotal).sort((a, b) => a.month.localeCompare(b.month));
}

/** Alerts raised per month by colour (stacked bars; a withheld cell is a gap, not a zero). */
export function raisedChartOption(totals: readonly AlertIndicatorsRow[]): IndicatorChartOption {
  const colours = { red: '#f5222d', yellow: '#faad14', green: '#52c41a' } as const;
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 40, right: 16, top: 36, bottom: 24 },
    xAxis: { type: 'category', data: totals.map((r) => r.month) },
    yAxis: { type: 'value', minInterval: 1 },
    series: (['red', 'yellow', 'green'] as const).map((k) => ({
      type: 'bar',
      stack: 'raised',
      name: { red: '红色', yellow: '黄色', green: '绿色' }[k],
      itemStyle: { color: colours[k] },
      data: totals.map((r) => r.raised[k]),
    })),
  };
}

/** Time to first contact (median and P90) per month, in hours. */
export function contactChartOption(totals: readonly AlertIndicatorsRow[]): IndicatorChartOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 48, right: 16, top: 36, bottom: 24 },
    xAxis: { type: 'category', data: totals.map((r) => r.month) },
    yAxis: { type: 'value', name: '小时' },
    series: [
      { type: 'line', name: '首次联系用时中位数', connectNulls: false, data: totals.map((r) => r.firstContactMedianHours) },
      { type: 'line', name: '首次联系用时 P90', connectNulls: false, data: totals.map((r) => r.firstContactP90Hours) },
    ],
  };
}

export function indicatorsFileName(fromMonth: string, toMonth: string): string {
  return `预警处置指标_${fromMonth}_${toMonth}.xlsx`;
}
