/**
 * The rules of a booking once made: the cancellation cut-off, what the resident may still do,
 * when reminders are due, and what an intake form must contain. Phone numbers shown masked use
 * `maskPhone` of the events module (138****8000, 010****5678).
 */
import { needsGuardianConsent } from '../residents';
import { BOOKING_CONSENT_VERSION, type BookingKind, type BookingKindSettings, type BookingNoticeKind, type BookingStatus, type IntakeInput } from './types';

const HOUR_MS = 3_600_000;

/** Until when cancelling counts as on time (and rescheduling is allowed): start − cancelCutoffHours. */
export function cutoffAt(start: Date, settings: Pick<BookingKindSettings, 'cancelCutoffHours'>): Date {
  return new Date(start.getTime() - settings.cancelCutoffHours * HOUR_MS);
}

/** Whether the resident can still cancel: a confirmed booking that has not started. */
export function canCancel(status: BookingStatus, start: Date, now: Date): boolean {
  return status === 'confirmed' && now.getTime() < start.getTime();
}

/** The status a resident's cancellation records: on time up to and including the cut-off, late after it. */
export function cancellationStatus(now: Date, start: Date, settings: Pick<BookingKindSettings, 'cancelCutoffHours'>): 'cancelled' | 'late_cancelled' {
  return now.getTime() <= cutoffAt(start, settings).getTime() ? 'cancelled' : 'late_cancelled';
}

/** Whether the resident can move the booking: confirmed, and the cut-off not passed (later it is refused). */
export function canReschedule(status: BookingStatus, start: Date, now: Date, settings: Pick<BookingKindSettings, 'cancelCutoffHours'>): boolean {
  return status === 'confirmed' && now.getTime() <= cutoffAt(start, settings).getTime();
}

/** Whether the resident can rate (满意度): attended, ended, and not rated yet (one rating per booking). */
export function canRate(status: BookingStatus, end: Date, now: Date, rated: boolean): boolean {
  return status === 'attended' && now.getTime() >= end.getTime() && !rated;
}

export interface ReminderDue {
  kind: Extract<BookingNoticeKind, 'reminder_day_before' | 'reminder_two_hours'>;
  dueAt: Date;
}

/**
 * Reminders of a booking made (or moved) at `bookedAt` for `start`:
 * - `reminder_day_before` at start − 24 h, only if that is after `bookedAt`;
 * - `reminder_two_hours` at start − 2 h, or at `bookedAt` when the booking is made less than two
 *   hours ahead and the start is still ahead;
 * nothing for a start not after `bookedAt`.
 */
export function reminderPlan(bookedAt: Date, start: Date): ReminderDue[] {
  const booked = bookedAt.getTime();
  const at = start.getTime();
  if (at <= booked) return [];
  const plan: ReminderDue[] = [];
  const dayBefore = at - 24 * HOUR_MS;
  if (dayBefore > booked) plan.push({ kind: 'reminder_day_before', dueAt: new Date(dayBefore) });
  plan.push({ kind: 'reminder_two_hours', dueAt: new Date(Math.max(at - 2 * HOUR_MS, booked)) });
  return plan;
}

/** Mainland mobile (11 digits from 13-19) or landline with its area code (010-12345678, 057187654321). */
export const CONTACT_PHONE_PATTERN = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;

export function isContactPhone(phone: string): boolean {
  return CONTACT_PHONE_PATTERN.test(phone);
}

/** The intake's free text: a few lines, not a case history. */
export const INTAKE_NOTE_MAX_CHARS = 500;

export const INTAKE_PROBLEM_CODES = [
  'phone_required',
  'phone_invalid',
  'guardian_required',
  'sensitive_consent_required',
  'booking_consent_required',
  'consent_outdated',
  'note_too_long',
] as const;
export type IntakeProblemCode = (typeof INTAKE_PROBLEM_CODES)[number];

/** The one wording of intake problems, for the server's 400 answers and the mini-program's form. */
export const INTAKE_PROBLEM_MESSAGES: Record<IntakeProblemCode, string> = {
  phone_required: '请填写联系电话，以便咨询师或热线人员联系您',
  phone_invalid: '联系电话格式不正确：请填写 11 位手机号，或带区号的固定电话（如 010-12345678）',
  guardian_required: '未满 14 周岁需经监护人同意，请填写监护人姓名及与您的关系',
  sensitive_consent_required: '填写咨询主题或情况说明，需同意处理敏感个人信息；不同意也可不填，直接预约',
  booking_consent_required: '请阅读并同意预约服务的个人信息处理规则',
  consent_outdated: '个人信息处理规则已更新，请重新阅读并同意',
  note_too_long: `情况说明最多 ${INTAKE_NOTE_MAX_CHARS} 字`,
};

export interface IntakeProblem {
  code: IntakeProblemCode;
  /** The intake field at fault, as named in `IntakeInput`. */
  field: 'contactPhone' | 'guardian' | 'consent' | 'consent.sensitive' | 'note';
}

const blank = (value: string | null | undefined): boolean => (value ?? '').trim() === '';

/**
 * Problems of an intake form for a booking of `kind`, in form order (empty: acceptable):
 * - contact phone: required for phone sessions and call-backs, and when given a mainland mobile or
 *   landline number;
 * - a guardian (name and relation) for an age band under 14 (`needsGuardianConsent`);
 * - the separate sensitive-information consent when a topic or a non-blank note is given;
 * - booking consent given, of the current `BOOKING_CONSENT_VERSION`;
 * - a note of at most `INTAKE_NOTE_MAX_CHARS` characters.
 */
export function validateIntake(input: IntakeInput, kind: BookingKind): IntakeProblem[] {
  const problems: IntakeProblem[] = [];
  const phone = input.contactPhone ?? '';
  if (blank(phone)) {
    if (kind !== 'in_person') problems.push({ code: 'phone_required', field: 'contactPhone' });
  } else if (!isContactPhone(phone)) {
    problems.push({ code: 'phone_invalid', field: 'contactPhone' });
  }
  if (needsGuardianConsent(input.ageBand) && (!input.guardian || blank(input.guardian.name) || blank(input.guardian.relation))) {
    problems.push({ code: 'guardian_required', field: 'guardian' });
  }
  if ((input.topic !== null && input.topic !== undefined) || !blank(input.note)) {
    if (input.consent?.sensitive !== true) problems.push({ code: 'sensitive_consent_required', field: 'consent.sensitive' });
  }
  if (input.consent?.booking !== true) problems.push({ code: 'booking_consent_required', field: 'consent' });
  else if (input.consent.version !== BOOKING_CONSENT_VERSION) problems.push({ code: 'consent_outdated', field: 'consent' });
  if ([...(input.note ?? '')].length > INTAKE_NOTE_MAX_CHARS) problems.push({ code: 'note_too_long', field: 'note' });
  return problems;
}

export const BOOKING_MARK_MESSAGES = {
  not_confirmed: '只能标记已预约的预约',
  not_started: '预约开始后才能标记到场情况',
} as const;
export type BookingMarkCode = keyof typeof BOOKING_MARK_MESSAGES;

/** Why staff cannot mark the booking attended or no-show (yet): null once a confirmed booking has started. */
export function bookingMarkProblem(status: BookingStatus, start: Date, now: Date): BookingMarkCode | null {
  if (status !== 'confirmed') return 'not_confirmed';
  return now.getTime() < start.getTime() ? 'not_started' : null;
}
