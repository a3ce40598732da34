/** What the scale and response endpoints send and accept. */
import type { AlertNoticeStatus } from '../alerts/types';
import type { Hotline } from '../hotlines';
import type { PageQuery } from '../common/api';
import type { AgeBand } from '../residents';
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
