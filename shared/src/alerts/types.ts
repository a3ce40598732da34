/**
 * Duty rosters (值班表), the dispatch of new alerts to the people on duty, escalation, and what a
 * resident is told about it. The pure rules are in ./escalation and ./roster.
 */
import type { AlertColour } from './rules';
import type { Weekday } from '../stations/types';
import type { HelpRequestInput } from '../bookings/types';

/** The title of a staff notice about an alert of each colour. */
export const ALERT_NOTICE_TITLES: Record<AlertColour, string> = { red: '红色预警', yellow: '黄色预警', green: '绿色预警' };

export const DUTY_ROLES = ['primary', 'backup'] as const;
export type DutyRole = (typeof DUTY_ROLES)[number];
export const DUTY_ROLE_LABELS: Record<DutyRole, string> = { primary: '主班', backup: '备班' };

/**
 * One shift of a region's roster: weekly (`weekday`) or on one China date (`date`), exactly one of
 * the two. Times are China wall-clock `HH:mm`; `end` may be `24:00`, and an `end` earlier than
 * `start` ends the next day (an overnight shift). A region's dated shifts of a day replace its
 * weekly shifts starting that day (holiday rosters).
 */
export interface DutyEntryInput {
  regionId: number;
  staffId: number;
  weekday: Weekday | null;
  date: string | null;
  start: string;
  end: string;
  role: DutyRole;
}

/** The roster's filter: one region, or every region the caller oversees. */
export interface DutyQuery {
  regionId?: number;
}

/** Who is on duty in a region now, and who may be put on its roster. */
export interface DutyRegionQuery {
  regionId: number;
}

export interface DutyEntry extends DutyEntryInput {
  id: number;
  regionName: string;
  staffName: string;
  /** The account is disabled or no longer handles alerts: the shift is kept but nobody is reached by it. */
  inactive: boolean;
}

/** A staff member who may be put on a region's roster (alerts.handle, in the region or above). */
export interface DutyCandidate {
  id: number;
  displayName: string;
  regionId: number;
  regionName: string;
}

export interface DutyPerson {
  staffId: number;
  staffName: string;
  role: DutyRole;
  /** When this shift ends (ISO instant). */
  until: string;
}

/** The steps of the escalation ladder (see `ladderStep`). */
export const ESCALATION_STEP_KINDS = ['primary', 'backup', 'region_admin', 'centre_on_duty', 'centre_admin', 'assignee'] as const;
export type EscalationStepKind = (typeof ESCALATION_STEP_KINDS)[number];
export const ESCALATION_STEP_LABELS: Record<EscalationStepKind, string> = {
  primary: '值班主班',
  backup: '值班备班',
  region_admin: '区域管理员',
  centre_on_duty: '上级中心值班人员',
  centre_admin: '上级中心管理员',
  assignee: '认领人',
};

/** Who is on duty in a region now, and who a new alert of the region would reach first. */
export interface DutyNow {
  at: string;
  regionId: number;
  regionName: string;
  onDuty: DutyPerson[];
  /** null: nobody at all (no one on duty up to the root, and no region admin). */
  firstStep: { regionId: number; regionName: string; kind: EscalationStepKind; staff: { id: number; name: string }[] } | null;
}

/** What happened to an alert's notices, oldest first: the alert's dispatch timeline. */
export const ALERT_DISPATCH_EVENT_KINDS = [
  /** The first notice went to a ladder step. */
  'dispatched',
  /** A later step was notified: not claimed in time, or no first follow-up by the due time. */
  'escalated',
  /** Nobody was on duty in a region: the alert went to its parent region's roster. */
  'no_one_on_duty',
  /** A ladder step had nobody to notify and was passed over. */
  'step_empty',
  /** A yellow alert raised in quiet hours: its notice waits for their end. */
  'deferred',
  /** Every step of the ladder has been notified. */
  'ladder_end',
  /** Nobody at all could be notified (no one on duty up to the root, and no region admin). */
  'nobody',
] as const;
export type AlertDispatchEventKind = (typeof ALERT_DISPATCH_EVENT_KINDS)[number];

/** Why a red alert was escalated. */
export type EscalationReason = 'unclaimed' | 'overdue';

export interface AlertDispatchEvent {
  id: number;
  at: string;
  kind: AlertDispatchEventKind;
  colour: AlertColour | null;
  level: number | null;
  step: EscalationStepKind | null;
  regionId: number | null;
  regionName: string | null;
  staff: { id: number; name: string }[];
  reason: EscalationReason | null;
  /** `deferred`: when the notice goes out. */
  until: string | null;
}

/**
 * What a resident is told about the notice of their alert (`noticeStatus` of a scale result and of a
 * help request): `sent` once a notice of the alert reached a staff channel, `pending` while it is
 * queued, `none` when none could be sent (or none was called for). Only `sent` may be shown as
 * "已通知值班心理咨询师".
 */
export const ALERT_NOTICE_STATUSES = ['sent', 'pending', 'none'] as const;
export type AlertNoticeStatus = (typeof ALERT_NOTICE_STATUSES)[number];

export interface AlertNoticeAnswer {
  alertId: number;
  noticeStatus: AlertNoticeStatus;
}

/** The consents given with "请人联系我" (`HelpRequestInput.consent`). */
export type HelpRequestConsent = HelpRequestInput['consent'];
