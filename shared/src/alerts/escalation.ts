/**
 * Who is on duty, who an alert goes to, and when it goes further up. Pure functions of the roster,
 * the region chain and an instant; China time throughout (UTC+8, no daylight saving).
 */
import type { AlertStatus } from './api';
import type { AlertColour } from './rules';
import type { Weekday } from '../stations/types';
import { addChinaDays, chinaDate, chinaInstant, chinaMinuteOfDay, chinaWeekday } from '../common/time';
import type { DutyRole, EscalationReason, EscalationStepKind } from './types';

const MINUTE_MS = 60_000;
const DAY_MINUTES = 1440;
const HM = /^(?:([01]\d|2[0-3]):([0-5]\d)|(24):(00))$/;

/** Minutes after midnight of `HH:mm` (`24:00` is 1440), or null when it is not such a time. */
export function parseHm(value: string): number | null {
  const m = HM.exec(value);
  if (!m) return null;
  return m[3] ? DAY_MINUTES : Number(m[1]) * 60 + Number(m[2]);
}

/** What the on-duty rules need of a roster entry. */
export interface RosterShift {
  regionId: number;
  staffId: number;
  weekday: Weekday | null;
  date: string | null;
  start: string;
  end: string;
  role: DutyRole;
}

/**
 * The instants a shift covers when it starts on the China date `date`: [from, to). An end at or
 * before the start is on the next day (22:00-08:00), so a shift lasts at most 24 hours.
 */
export function shiftWindow(shift: Pick<RosterShift, 'start' | 'end'>, date: string): { from: Date; to: Date } {
  const start = parseHm(shift.start);
  const end = parseHm(shift.end);
  if (start === null || end === null || start === DAY_MINUTES) throw new RangeError(`not a shift: ${shift.start}-${shift.end}`);
  return { from: chinaInstant(date, start), to: chinaInstant(date, end > start ? end : end + DAY_MINUTES) };
}

/** Whether a shift starts on the China date `date`, given the dated shifts of its region that day. */
function startsOn(shift: RosterShift, date: string, datedRegions: ReadonlySet<number>): boolean {
  if (shift.date !== null) return shift.date === date;
  return shift.weekday === chinaWeekday(date) && !datedRegions.has(shift.regionId);
}

/**
 * The shifts covering the instant `at`, each with the instant it ends. A shift is counted on the
 * date it starts: an overnight shift of Monday still covers Tuesday 03:00. A region's dated shifts
 * of a date replace its weekly shifts starting that date (not those of the day before).
 */
export function shiftsAt<T extends RosterShift>(shifts: readonly T[], at: Date): { shift: T; until: Date }[] {
  const today = chinaDate(at);
  const out: { shift: T; until: Date }[] = [];
  // A shift lasts at most 24 hours: only those starting yesterday or today can cover `at`.
  for (const date of [addChinaDays(today, -1), today]) {
    const datedRegions = new Set(shifts.filter((s) => s.date === date).map((s) => s.regionId));
    for (const shift of shifts) {
      if (!startsOn(shift, date, datedRegions)) continue;
      const { from, to } = shiftWindow(shift, date);
      if (from.getTime() <= at.getTime() && at.getTime() < to.getTime()) out.push({ shift, until: to });
    }
  }
  return out;
}

/** Someone on duty, as the ladder sees them. */
export interface OnDuty {
  staffId: number;
  regionId: number;
  role: DutyRole;
}

/** One region of the chain from the alert's region (first) up to the root (last). */
export interface LadderRegion {
  id: number;
  /** The region admins of exactly this region (active accounts). */
  adminIds: readonly number[];
}

export interface LadderStep {
  level: number;
  kind: EscalationStepKind;
  regionId: number;
  staffIds: number[];
}

const unique = (ids: number[]) => [...new Set(ids)].sort((a, b) => a - b);
const onDutyIn = (onDuty: readonly OnDuty[], regionId: number, role: DutyRole) =>
  unique(onDuty.filter((p) => p.regionId === regionId && p.role === role).map((p) => p.staffId));

/**
 * The region whose roster takes the alert: the alert's own region, or, when nobody is on duty
 * there, the nearest region above with someone on duty. `passed` are the regions gone through with
 * nobody on duty. When nobody is on duty anywhere up to the root, the alert's region (index 0)
 * keeps it, and its ladder starts with nobody on duty (region admins next).
 */
export function homeRegion(chain: readonly LadderRegion[], onDuty: readonly OnDuty[]): { home: number; passed: number[] } {
  const home = chain.findIndex((r) => onDuty.some((p) => p.regionId === r.id));
  if (home < 0) return { home: 0, passed: [] };
  return { home, passed: chain.slice(0, home).map((r) => r.id) };
}

/**
 * Step `level` of the escalation ladder of an alert kept by `chain[home]`:
 * 0 its on-duty primary, 1 its on-duty backup, 2 its region admins, 3 the parent region's centre
 * (its on-duty primary, else backup, else its region admins), 4 the grandparent's centre, and so on
 * up to the root. null past the root. A step may have nobody (`staffIds` empty).
 */
export function ladderStep(level: number, chain: readonly LadderRegion[], home: number, onDuty: readonly OnDuty[]): LadderStep | null {
  const region = chain[home];
  if (!region || level < 0) return null;
  if (level === 0) return { level, kind: 'primary', regionId: region.id, staffIds: onDutyIn(onDuty, region.id, 'primary') };
  if (level === 1) return { level, kind: 'backup', regionId: region.id, staffIds: onDutyIn(onDuty, region.id, 'backup') };
  if (level === 2) return { level, kind: 'region_admin', regionId: region.id, staffIds: unique([...region.adminIds]) };
  const centre = chain[home + level - 2];
  if (!centre) return null;
  const primaries = onDutyIn(onDuty, centre.id, 'primary');
  const onDutyThere = primaries.length ? primaries : onDutyIn(onDuty, centre.id, 'backup');
  if (onDutyThere.length) return { level, kind: 'centre_on_duty', regionId: centre.id, staffIds: onDutyThere };
  return { level, kind: 'centre_admin', regionId: centre.id, staffIds: unique([...centre.adminIds]) };
}

/** The highest level of the ladder of an alert kept by `chain[home]` (the root's centre). */
export function topLevel(chainLength: number, home: number): number {
  return 2 + (chainLength - 1 - home);
}

/**
 * The first step at `from` or above with someone to notify, and the empty steps passed over on the
 * way; `step` null when every step from `from` up is empty (the ladder is used up).
 */
export function nextStep(
  from: number,
  chain: readonly LadderRegion[],
  home: number,
  onDuty: readonly OnDuty[],
): { step: LadderStep | null; skipped: LadderStep[] } {
  const skipped: LadderStep[] = [];
  for (let level = Math.max(0, from); ; level++) {
    const step = ladderStep(level, chain, home, onDuty);
    if (!step) return { step: null, skipped };
    if (step.staffIds.length) return { step, skipped };
    skipped.push(step);
  }
}

/** The escalation state of an alert, as the next-step rule needs it. */
export interface EscalationState {
  colour: AlertColour;
  status: AlertStatus;
  /** The first follow-up deadline (red alerts). */
  dueAt: Date | null;
  firstFollowUpAt: Date | null;
  /** When the last step was notified. */
  lastStepAt: Date;
  /** Every step has been notified. */
  done: boolean;
}

/**
 * When the next step of a red alert is due, and why: `claimEscalateMinutes` after the last step
 * while nobody has claimed it; once claimed, not before its first follow-up deadline, and only if
 * no follow-up was recorded by then (each further step again `claimEscalateMinutes` later). null:
 * no further step (not red, closed, followed up, or the ladder is used up).
 */
export function nextEscalation(s: EscalationState, claimEscalateMinutes: number): { at: Date; reason: EscalationReason } | null {
  if (s.colour !== 'red' || s.status === 'closed' || s.done) return null;
  const afterLast = s.lastStepAt.getTime() + claimEscalateMinutes * MINUTE_MS;
  if (s.status === 'open') return { at: new Date(afterLast), reason: 'unclaimed' };
  if (s.firstFollowUpAt || !s.dueAt) return null;
  return { at: new Date(Math.max(afterLast, s.dueAt.getTime())), reason: 'overdue' };
}

/** Quiet hours in China wall-clock minutes; `end` before `start` spans midnight. */
export interface QuietHours {
  start: number;
  end: number;
}

/** `22:00-07:00` as QuietHours; null for an empty value (no quiet hours). Throws on anything else. */
export function parseQuietHours(value: string): QuietHours | null {
  const text = value.trim();
  if (!text) return null;
  const [a, b, ...rest] = text.split('-');
  const start = parseHm(a?.trim() ?? '');
  const end = parseHm(b?.trim() ?? '');
  if (rest.length || start === null || end === null || start === DAY_MINUTES || start === end % DAY_MINUTES) {
    throw new RangeError(`quiet hours must be HH:mm-HH:mm with different times, e.g. 22:00-07:00: ${value}`);
  }
  return { start, end: end % DAY_MINUTES };
}

/** When the quiet hours `at` falls in end; null when `at` is not in quiet hours. */
export function quietHoursEnd(at: Date, quiet: QuietHours | null): Date | null {
  if (!quiet) return null;
  const minute = chinaMinuteOfDay(at);
  const date = chinaDate(at);
  if (quiet.start < quiet.end) return minute >= quiet.start && minute < quiet.end ? chinaInstant(date, quiet.end) : null;
  if (minute >= quiet.start) return chinaInstant(addChinaDays(date, 1), quiet.end);
  if (minute < quiet.end) return chinaInstant(date, quiet.end);
  return null;
}

/** When a new alert's notice may go out: yellow waits for the end of quiet hours, red (and anything else) never waits. */
export function noticeTime(colour: AlertColour, at: Date, quiet: QuietHours | null): Date {
  return (colour === 'yellow' ? quietHoursEnd(at, quiet) : null) ?? at;
}
