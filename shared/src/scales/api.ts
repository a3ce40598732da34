/** What the scale, response and alert endpoints send and accept. */
import type { AlertNoticeStatus } from '../alerts/types';
import type { Hotline } from '../hotlines';
import type { GuardianConsent, HelpUrgency } from '../bookings/types';
import type { PageQuery } from '../common/api';
import type { AgeBand, PopulationGroup } from '../residents';
import type { AlertColour } from '../alerts/rules';
import type { AlertReferral, CloseOutcome, FollowUpDueFilter, FollowUpPlan, FollowUpPlanInput, NextContact } from '../alerts/casework';
import type { ScaleAnswers, ScaleAudience, ScaleBandLevel, ScaleDefinition, ScaleLicence } from './types';

/** A row of the resident's scale list. */
export interface ScaleSummary {
  code: string;
  version: number;
  title: string;
  shortTitle: string;
  description: string;
  timeMinutes: number;
  audience: ScaleAudience;
  minAge: number;
  maxAge: number | null;
  itemCount: number;
}

/**
 * PIPL art. 29 separate consent. `save`: the result is kept in the resident's records; `anonymous`:
 * nothing identifying is stored (no account, no answers), only the result counted in statistics.
 */
export const CONSENT_MODES = ['save', 'anonymous'] as const;
export type ConsentMode = (typeof CONSENT_MODES)[number];

export const GUARDIAN_RELATIONS = ['father', 'mother', 'other_guardian'] as const;
export type GuardianRelation = (typeof GUARDIAN_RELATIONS)[number];
export const GUARDIAN_RELATION_LABELS: Record<GuardianRelation, string> = {
  father: '父亲',
  mother: '母亲',
  other_guardian: '其他监护人',
};

/** Bumped whenever the consent wording shown before a scale changes; stored with each consent. */
export const SCALE_CONSENT_VERSION = 1;
/** How long a saved result is kept unless the resident deletes it earlier (shown in the consent text). */
export const SCALE_RESULT_RETENTION_YEARS = 3;

/** The guardian who agreed for a respondent under 14. */
export interface ScaleGuardianInput {
  name: string;
  relation: GuardianRelation;
}

export interface ScaleConsentInput {
  mode: ConsentMode;
  /** Separate consent for a counsellor of the resident's area to contact them; needs `mode: save`. */
  followUp: boolean;
  /** Required with `followUp`: how the counsellor may reach the resident. */
  contactPhone?: string;
  contactName?: string;
  /** Required when the respondent is under 14 (PIPL art. 31). */
  guardian?: ScaleGuardianInput;
  /** The consent text version the resident saw. */
  version: number;
}

export interface ScaleResponseInput {
  /** The version the client showed; answers for another version are refused. */
  scaleVersion: number;
  answers: ScaleAnswers;
  consent: ScaleConsentInput;
  /** A UUID made once per attempt: a retried submission returns the first result instead of a second record. */
  clientRequestId: string;
  /** Age band of the person the answers describe, when the resident's profile does not say. */
  ageBand?: AgeBand;
  /** For anonymous answers without an account: where the respondent lives, for the hotlines and statistics. */
  regionId?: number;
}

export interface ScaleListQuery {
  /** true: every enabled scale, not only those fitting the signed-in resident. */
  all?: boolean;
}

export interface MyScaleResponseQuery extends PageQuery {
  scaleCode?: string;
}

/** A system admin's import of a definition, validated by `validateScaleDefinition`. */
export interface ScaleImportInput {
  definition: Record<string, unknown>;
}

/** Which stored version of a scale to read; the latest when omitted. */
export interface ScaleVersionQuery {
  version?: number;
}

export interface ScaleResultBandDto {
  label: string;
  level: ScaleBandLevel | null;
  severity: number;
  interpretation: string;
  advice: string;
}

export interface ScaleCrisis {
  triggered: boolean;
  /** zh-CN reasons, e.g. "第 9 题的回答提示需要及时关注". */
  reasons: string[];
  /** 12356 first, then the 24-hour lines for the respondent's region. */
  hotlines: Hotline[];
}

export interface SuggestedArticle {
  id: number;
  title: string;
  summary: string;
}

export interface ScaleResponseResult {
  /** null for an anonymous response: there is nothing to come back to. */
  id: number | null;
  scaleCode: string;
  scaleVersion: number;
  scaleTitle: string;
  score: number;
  minScore: number;
  maxScore: number;
  subscales: { id: string; title: string; score: number }[];
  band: ScaleResultBandDto;
  crisis: ScaleCrisis;
  consentMode: ConsentMode;
  /** A counsellor of the resident's area was asked to follow up. */
  followUpRequested: boolean;
  /**
   * Whether the people on duty were told of the alert this response raised or joined: `sent`,
   * `pending` (queued), `none` (nothing could be sent, or no alert). Say "已通知" only on `sent`.
   */
  noticeStatus: AlertNoticeStatus;
  suggestedArticles: SuggestedArticle[];
  /** The first submission with the same clientRequestId; nothing new was stored. */
  duplicate: boolean;
  submittedAt: string;
  /** Always shown: a screening, not a diagnosis (精神卫生法 art. 23). */
  disclaimer: string;
}

export const SCREENING_DISCLAIMER = '本测评仅用于心理健康筛查和自我了解，不是医学诊断。如果您感到困扰，请及时联系专业机构或拨打心理援助热线。';

/** A row of "我的测评". */
export interface MyScaleResponse {
  id: number;
  scaleCode: string;
  scaleVersion: number;
  scaleTitle: string;
  score: number;
  minScore: number;
  maxScore: number;
  bandLabel: string;
  severity: number;
  crisis: boolean;
  followUpRequested: boolean;
  submittedAt: string;
}

/** Staff's view of a scale definition. */
export interface AdminScale {
  code: string;
  version: number;
  title: string;
  audience: ScaleAudience;
  itemCount: number;
  builtIn: boolean;
  enabled: boolean;
  licence: ScaleLicence;
  /** Other stored versions of this code, newest first. */
  versions: number[];
  importedBy: string | null;
  createdAt: string;
}

export interface ScaleImportResult {
  scale: AdminScale;
}

export interface ScaleEnableInput {
  enabled: boolean;
  /** Enabling a scale whose licence is not marked free for public service needs this confirmation. */
  licenceConfirmed?: boolean;
}

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

export const SCALE_STATS_DIMENSIONS = ['region', 'group', 'month', 'scale'] as const;
export type ScaleStatsDimension = (typeof SCALE_STATS_DIMENSIONS)[number];
export const SCALE_STATS_DIMENSION_LABELS: Record<ScaleStatsDimension, string> = {
  region: '区域',
  group: '人群',
  month: '月份',
  scale: '量表',
};

export interface ScaleStatsQuery {
  dimension: ScaleStatsDimension;
  scaleCode?: string;
  regionId?: number;
  from?: string;
  to?: string;
}

export interface ScaleStatsRow {
  key: string;
  label: string;
  /** One count per band in `ScaleStats.bands`; null = suppressed. */
  counts: (number | null)[];
  total: number | null;
}

export interface ScaleStats {
  dimension: ScaleStatsDimension;
  /** Columns: the scale's bands when one scale is chosen, otherwise the tiers of `STATS_TIERS`. */
  bands: { key: string; label: string }[];
  rows: ScaleStatsRow[];
  minCell: number;
}

export type ScaleDefinitionDto = ScaleDefinition;
