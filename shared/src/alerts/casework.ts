/**
 * Casework on an alert after the first contact: the next contact (随访计划), referral to an
 * institution (转介), the coded outcome of closing it, the resident's whole file (一户一档), and the
 * region's indicators (预警处置指标). Types of the API and the pure statistics behind the indicators.
 */
import type { BookingKind, BookingStatus, HelpUrgency } from '../bookings/types';
import type { AlertColour } from './rules';
import type { AlertSource, AlertStatus, FollowUpMethod } from './api';
import { STATS_MIN_CELL, suppressLinked } from '../scales/stats';
import type { StationType } from '../stations/types';

// ---------------------------------------------------------------- closing outcomes

/** Why an alert was closed; every close names one (`referred` only with a recorded referral). */
export const CLOSE_OUTCOMES = ['resolved', 'referred', 'declined', 'lost_contact', 'moved_away'] as const;
export type CloseOutcome = (typeof CLOSE_OUTCOMES)[number];
export const CLOSE_OUTCOME_LABELS: Record<CloseOutcome, string> = {
  resolved: '已好转/问题解决',
  referred: '已转介',
  declined: '拒绝帮助',
  lost_contact: '失联',
  moved_away: '迁出',
};
/** Alerts closed before outcomes were coded have none (null). */
export const CLOSE_OUTCOME_UNRECORDED_LABEL = '未记录';

export function closeOutcomeLabel(outcome: CloseOutcome | null): string {
  return outcome === null ? CLOSE_OUTCOME_UNRECORDED_LABEL : CLOSE_OUTCOME_LABELS[outcome];
}

// ---------------------------------------------------------------- follow-up plans

/** The next contact the assigned counsellor plans: a China date, optionally a time, and what it is for. */
export interface FollowUpPlan {
  id: number;
  /** `YYYY-MM-DD`, China time. */
  date: string;
  /** `HH:mm`, China time; null = some time that day. */
  time: string | null;
  purpose: string;
  setByName: string;
  createdAt: string;
  /** When the reminder went to the assignee's notice channels (recorded once per plan); null = not yet. */
  remindedAt: string | null;
}

export interface FollowUpPlanInput {
  date: string;
  time?: string | null;
  purpose: string;
}

/** The queue's casework tabs: plans due today, and plans whose day has passed without a contact. */
export const FOLLOW_UP_DUE_FILTERS = ['today', 'overdue'] as const;
export type FollowUpDueFilter = (typeof FOLLOW_UP_DUE_FILTERS)[number];
export const FOLLOW_UP_DUE_FILTER_LABELS: Record<FollowUpDueFilter, string> = { today: '今日待随访', overdue: '已逾期' };

/** The next contact as the queue shows it (no purpose: the queue carries nothing about the resident). */
export interface NextContact {
  date: string;
  time: string | null;
}

/** Where a plan stands on `today` (a China date): due today, overdue (its day has passed), or later. */
export function planDue(date: string, today: string): FollowUpDueFilter | 'later' {
  if (date === today) return 'today';
  return date < today ? 'overdue' : 'later';
}

// ---------------------------------------------------------------- referral

export const REFERRAL_STATUSES = ['sent', 'accepted', 'declined'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];
export const REFERRAL_STATUS_LABELS: Record<ReferralStatus, string> = { sent: '已转出，待接收', accepted: '对方已接收', declined: '对方未接收' };

/** A receiving institution in the station directory (a station of REFERRAL_STATION_TYPES). */
export interface ReferralTarget {
  id: number;
  name: string;
  type: StationType;
  regionName: string;
  address: string;
  phone: string | null;
}

export interface AlertReferral {
  id: number;
  stationId: number;
  /** As it was named when the referral was made. */
  stationName: string;
  reason: string;
  note: string | null;
  status: ReferralStatus;
  sentAt: string;
  /** The day the institution answered (`YYYY-MM-DD`), as the counsellor entered it. */
  respondedOn: string | null;
  /** What came of it, once known; a referral with an outcome is complete. */
  outcome: string | null;
  outcomeOn: string | null;
  counsellorName: string;
}

export interface ReferralInput {
  stationId: number;
  reason: string;
  note?: string | null;
}

export interface ReferralResponseInput {
  status: 'accepted' | 'declined';
  /** `YYYY-MM-DD`. */
  date: string;
}

export interface ReferralOutcomeInput {
  outcome: string;
  date: string;
}

// ---------------------------------------------------------------- the case view (一户一档)

interface CaseEntryBase {
  /** ISO instant; the timeline is sorted on it, newest first. */
  at: string;
}

export type CaseEntry =
  | (CaseEntryBase & { type: 'scale'; responseId: number; scaleCode: string; scaleTitle: string; score: number; bandLabel: string })
  | (CaseEntryBase & {
      type: 'alert';
      alertId: number;
      source: AlertSource;
      title: string;
      colour: AlertColour;
      status: AlertStatus;
      closedAt: string | null;
      closeOutcome: CloseOutcome | null;
      assigneeName: string | null;
    })
  | (CaseEntryBase & { type: 'follow_up'; alertId: number; method: FollowUpMethod; outcome: string; counsellorName: string })
  | (CaseEntryBase & { type: 'help_request'; alertId: number; urgency: HelpUrgency; colour: AlertColour })
  | (CaseEntryBase & { type: 'referral'; alertId: number; stationName: string; status: ReferralStatus; outcome: string | null })
  | (CaseEntryBase & {
      type: 'booking';
      bookingId: number;
      kind: BookingKind;
      status: BookingStatus;
      end: string;
      stationName: string | null;
      counsellorName: string | null;
      lineName: string | null;
    });

export type CaseEntryType = CaseEntry['type'];
export const CASE_ENTRY_TYPE_LABELS: Record<CaseEntryType, string> = {
  scale: '量表测评',
  alert: '预警',
  follow_up: '跟进记录',
  help_request: '求助请求',
  referral: '转介',
  booking: '预约',
};

/** One resident's file, for the counsellor holding one of their alerts: reading it is audited. */
export interface AlertCase {
  alertId: number;
  entries: CaseEntry[];
}

/** Merges parts of a file into one timeline, newest first (ties: the order given, kept stable). */
export function caseTimeline(parts: readonly (readonly CaseEntry[])[]): CaseEntry[] {
  return parts
    .flat()
    .map((e, i) => ({ e, i, t: Date.parse(e.at) }))
    .sort((a, b) => b.t - a.t || a.i - b.i)
    .map((x) => x.e);
}

// ---------------------------------------------------------------- indicators (预警处置指标)

export interface AlertIndicatorsQuery {
  regionId?: number;
  /** `YYYY-MM`. */
  fromMonth: string;
  toMonth: string;
}

/** Counts per colour with their total; null = withheld (a small cell). */
export interface ColourCounts {
  red: number | null;
  yellow: number | null;
  green: number | null;
  total: number | null;
}

export interface AlertIndicatorsRow {
  month: string;
  regionId: number;
  regionName: string;
  /** true: the chosen region itself (all its children together). */
  isTotal: boolean;
  /** Alerts raised in the month, by their colour when raised. */
  raised: ColourCounts;
  /** Hours from raising to the first follow-up, of the month's alerts that have one; null below the small-cell threshold. */
  firstContactMedianHours: number | null;
  firstContactP90Hours: number | null;
  /** Share (0..1) of the month's red alerts with a first follow-up within 24 h; null below the threshold. */
  redContactedWithin24h: number | null;
  /** Escalation steps in the month (a red alert not claimed in time, or without a first follow-up by its due time). */
  escalations: number | null;
  /** Referrals made in the month, answered "accepted" in the month, and given an outcome in the month. */
  referralsMade: number | null;
  referralsAccepted: number | null;
  referralsCompleted: number | null;
  /** Alerts closed in the month by outcome (`unrecorded`: closed before outcomes were coded). */
  outcomes: Record<CloseOutcome | 'unrecorded', number | null>;
}

export interface AlertIndicators {
  regionId: number;
  regionName: string;
  months: string[];
  rows: AlertIndicatorsRow[];
  minCell: number;
}

/**
 * The p-th percentile (0..100) by linear interpolation between closest ranks, as Excel's
 * PERCENTILE.INC (so an exported figure can be checked in the sheet): position (n-1)·p/100 in the
 * sorted values. null for no values.
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const pos = ((sorted.length - 1) * Math.min(100, Math.max(0, p))) / 100;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

export function median(values: readonly number[]): number | null {
  return percentile(values, 50);
}

/** part / whole, or null when `whole` is below `min` (a share of one or two people says what they did). */
export function shareOf(part: number, whole: number, min = STATS_MIN_CELL): number | null {
  return whole >= min && whole > 0 ? part / whole : null;
}

/** A count, or null when it counts 1..min-1 (0 says nothing about anyone). */
export function withheld(count: number, min = STATS_MIN_CELL): number | null {
  return count > 0 && count < min ? null : count;
}

/** Rounded to one decimal, for hours shown and exported. */
export function oneDecimal(value: number | null): number | null {
  return value === null ? null : Math.round(value * 10) / 10;
}

/**
 * One count table of a region: its children's rows, and what was filed at the region itself (not
 * shown on its own), each split in columns whose sum is the row's total, with the region's row the
 * sum of all. Hides cells so that no count of 1..min-1 can be read or worked out from the others
 * (`suppressLinked`: a lone hidden cell in a row or column takes another with it).
 * Answers the children's rows and the region's row, each with its total last.
 */
export function suppressBreakdown(
  children: readonly (readonly number[])[],
  own: readonly number[],
  min = STATS_MIN_CELL,
): { children: (number | null)[][]; total: (number | null)[] } {
  const width = own.length;
  const withTotal = (r: readonly number[]) => [...r, r.reduce((a, b) => a + b, 0)];
  const rows = [...children.map(withTotal), withTotal(own)];
  const parent = Array.from({ length: width + 1 }, (_, c) => rows.reduce((s, r) => s + r[c], 0));
  rows.push(parent);
  const values = rows.flat();
  const ownIndex = children.length;
  const shown = rows.flatMap((r, i) => r.map(() => i !== ownIndex));
  const at = (row: number, col: number) => row * (width + 1) + col;
  const lines: { margin: number; parts: number[]; row?: boolean }[] = [];
  rows.forEach((_, i) => lines.push({ margin: at(i, width), parts: Array.from({ length: width }, (_, c) => at(i, c)), row: true }));
  const parentIndex = rows.length - 1;
  for (let c = 0; c <= width; c++) lines.push({ margin: at(parentIndex, c), parts: Array.from({ length: parentIndex }, (_, i) => at(i, c)) });
  const hidden = suppressLinked({ values, shown, lines }, min);
  const read = (i: number) => rows[i].map((v, c) => (hidden[at(i, c)] ? null : v));
  return { children: children.map((_, i) => read(i)), total: read(parentIndex) };
}
