/** What the alert (三色预警) endpoints send and accept. */
import type { GuardianConsent, HelpUrgency } from '../bookings/types';
import type { PageQuery } from '../common/api';
import type { AgeBand, PopulationGroup } from '../residents';
import type { AlertColour } from './rules';
import type { AlertReferral, CloseOutcome, FollowUpDueFilter, FollowUpPlan, FollowUpPlanInput, NextContact } from './casework';
import type { ScaleGuardianInput } from '../scales/api';

export const ALERT_STATUSES = ['open', 'claimed', 'closed'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];
export const ALERT_STATUS_LABELS: Record<AlertStatus, string> = {
  open: '待认领',
  claimed: '跟进中',
  closed: '已结案',
};

export const FOLLOW_UP_METHODS = ['phone', 'visit', 'wechat', 'referral', 'other'] as const;
export type FollowUpMethod = (typeof FOLLOW_UP_METHODS)[number];
export const FOLLOW_UP_METHOD_LABELS: Record<FollowUpMethod, string> = {
  phone: '电话回访',
  visit: '上门/面谈',
  wechat: '微信联系',
  referral: '转介医疗机构',
  other: '其他',
};

/**
 * What raised an alert: a scale result with follow-up consent, or a "请人联系我" help request
 * (POST /api/v1/help-requests). Both go to the same queue and are claimed, followed up and closed alike.
 */
export const ALERT_SOURCES = ['scale', 'help_request'] as const;
export type AlertSource = (typeof ALERT_SOURCES)[number];
export const ALERT_SOURCE_LABELS: Record<AlertSource, string> = { scale: '量表测评', help_request: '求助请求' };

/** A row of the alert queue: no answers, no contact details. */
export interface AlertRow {
  id: number;
  colour: AlertColour;
  status: AlertStatus;
  source: AlertSource;
  /** null for a help request. */
  scaleCode: string | null;
  /** The scale's title, or ALERT_SOURCE_LABELS.help_request ("求助请求"). */
  scaleTitle: string;
  /** null for a help request. */
  score: number | null;
  /** null for a help request. */
  bandLabel: string | null;
  /** Help requests: the most urgent urgency among the alert's requests; null for scale alerts. */
  helpUrgency: HelpUrgency | null;
  /** A result on the crisis path, or a help request with urgency `now`. */
  crisis: boolean;
  regionId: number;
  regionName: string;
  populationGroup: PopulationGroup | null;
  ageBand: AgeBand | null;
  assigneeId: number | null;
  assigneeName: string | null;
  createdAt: string;
  /** When a first follow-up is due (red alerts); null when no deadline applies. */
  dueAt: string | null;
  firstFollowUpAt: string | null;
  /** Due and still without a follow-up. */
  overdue: boolean;
  closedAt: string | null;
  /** Why it was closed; null while open, or for an alert closed before outcomes were coded (未记录). */
  closeOutcome: CloseOutcome | null;
  /** The assigned counsellor's next planned contact while the alert is not closed; null when none is planned. */
  nextContact: NextContact | null;
}

export interface AlertFollowUp {
  id: number;
  at: string;
  method: FollowUpMethod;
  outcome: string;
  nextColour: AlertColour | null;
  counsellorName: string;
  createdAt: string;
}

/**
 * A result with follow-up consent on an alert's timeline: the one that raised the alert, then each
 * later result of the same resident on the same scale while the alert was open.
 */
export interface AlertSubmission {
  responseId: number;
  submittedAt: string;
  score: number;
  bandLabel: string;
  /** The colour this result called for on its own. */
  colour: AlertColour;
  crisis: boolean;
}

/** A help request on an alert's timeline: the one that raised it, then each later one while it was open. */
export interface AlertHelpRequest {
  id: number;
  submittedAt: string;
  urgency: HelpUrgency;
  /** The colour this request called for on its own (HELP_URGENCY_COLOURS). */
  colour: AlertColour;
  /** The resident's own words (shown with their separate sensitive-information consent only). */
  note: string | null;
  guardian: GuardianConsent | null;
}

/** The full alert for the counsellor handling it: reading it is audited. */
export interface AlertDetail extends AlertRow {
  /**
   * Contact, guardian, critical items and answers are those of the latest submission; for a help
   * request, contact is that of the latest request (its guardian is in `helpRequests`).
   */
  contactName: string | null;
  /** In full for the counsellor who claimed the alert, masked (138****8000) for anyone else (phoneShownTo). */
  contactPhone: string | null;
  guardian: ScaleGuardianInput | null;
  criticalItems: string[];
  answers: { itemId: string; text: string; value: number; label: string; critical: boolean }[];
  /** Oldest first; empty for a help request. */
  submissions: AlertSubmission[];
  /** Oldest first; empty for a scale alert. */
  helpRequests: AlertHelpRequest[];
  followUps: AlertFollowUp[];
  closeNote: string | null;
  /** The current plan for the next contact (with its purpose); null when none. */
  followUpPlan: FollowUpPlan | null;
  /** Oldest first. */
  referrals: AlertReferral[];
}

/** Counts of the unclosed alerts in the caller's region, for the queue's header. */
export interface AlertSummary {
  open: number;
  claimed: number;
  overdue: number;
  red: number;
  yellow: number;
  green: number;
}

export interface FollowUpInput {
  at: string;
  method: FollowUpMethod;
  outcome: string;
  /** The colour after this contact; null keeps the current one. */
  nextColour?: AlertColour | null;
  /** Plans the next contact at the same time (replacing the current plan); omitted or null: recording the contact fulfils the current plan. */
  nextPlan?: FollowUpPlanInput | null;
}

/** The alert queue's filters; without `status`, every alert not yet closed. */
export interface AlertQuery extends PageQuery {
  status?: AlertStatus;
  colour?: AlertColour;
  overdue?: boolean;
  regionId?: number;
  /** Planned contacts due today or overdue: the caller's claimed alerts for a counsellor, the region's for an overseer. */
  due?: FollowUpDueFilter;
}

export interface CloseAlertInput {
  /** Required; `referred` needs a referral recorded on the alert. */
  outcome: CloseOutcome;
  note: string;
}
