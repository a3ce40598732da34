/** When and how someone can be checked in, and what their attendance is. */
import type { AttendanceStatus, EventStatus, RegistrationStatus } from './types';

export interface CheckinWindowPolicy {
  /** Check-in opens this long before the start. */
  opensBeforeMinutes: number;
  /** And closes this long after the end (late arrivals still count as attending). */
  closesAfterMinutes: number;
}

export const DEFAULT_CHECKIN_WINDOW: CheckinWindowPolicy = { opensBeforeMinutes: 60, closesAfterMinutes: 30 };

export function checkinWindow(
  event: { startsAt: Date; endsAt: Date },
  policy: CheckinWindowPolicy = DEFAULT_CHECKIN_WINDOW,
): { opensAt: Date; closesAt: Date } {
  return {
    opensAt: new Date(event.startsAt.getTime() - policy.opensBeforeMinutes * 60_000),
    closesAt: new Date(event.endsAt.getTime() + policy.closesAfterMinutes * 60_000),
  };
}

export const CHECKIN_REFUSALS = ['event_cancelled', 'not_published', 'too_early', 'too_late', 'ticket_revoked', 'full', 'details_required'] as const;
export type CheckinRefusal = (typeof CHECKIN_REFUSALS)[number];
export const CHECKIN_REFUSAL_LABELS: Record<CheckinRefusal, string> = {
  event_cancelled: '活动已取消，无法签到',
  not_published: '活动尚未发布，无法签到',
  too_early: '尚未到签到时间',
  too_late: '签到时间已过',
  ticket_revoked: '该电子票对应的报名已取消或失效',
  full: '活动名额已满，无法现场登记',
  details_required: '本活动需要登记报名信息，请填写后再签到',
};

/**
 * - `check_in`: record attendance on the existing registration; `confirm` when it held an offer
 *   (turning up is accepting it);
 * - `already_checked_in`: nothing to write, answer success (check-in is idempotent, and offline
 *   queues upload the same check-in more than once);
 * - `walk_in`: register the person on the spot as a walk-in (reusing their cancelled, expired or
 *   waiting registration if they have one) and check them in;
 * - `refuse`: with the reason to show.
 */
export type CheckinDecision =
  { kind: 'check_in'; confirm: boolean } | { kind: 'already_checked_in' } | { kind: 'walk_in' } | { kind: 'refuse'; reason: CheckinRefusal };

export interface CheckinDecisionInput {
  event: { status: EventStatus; startsAt: Date; endsAt: Date };
  /** The person's registration for this event, if any. */
  registration: { status: RegistrationStatus; checkedInAt: Date | null } | null;
  /** `ticket`: staff scanned a signed ticket (it names a registration); `screen_code` / `manual`: a person who may not have signed up. */
  via: 'ticket' | 'screen_code' | 'manual';
  /** Seats nobody holds (pending offers count as held), from `seatsLeft`. */
  seatsLeft: number;
  /** When the check-in happened; for queued offline check-ins, when it was scanned, not uploaded. */
  at: Date;
  /**
   * The event asks for details (name, phone) that this person has not given: a walk-in is refused
   * until they do, so someone who never signed up is registered with what the event needs.
   */
  detailsMissing?: boolean;
  policy?: CheckinWindowPolicy;
}

export function decideCheckin(input: CheckinDecisionInput): CheckinDecision {
  const { event, registration } = input;
  if (event.status === 'cancelled') return { kind: 'refuse', reason: 'event_cancelled' };
  if (event.status === 'draft') return { kind: 'refuse', reason: 'not_published' };
  // Idempotent before the time checks: a repeat upload after the window still answers success.
  if (registration?.checkedInAt) return { kind: 'already_checked_in' };
  const { opensAt, closesAt } = checkinWindow(event, input.policy);
  const t = input.at.getTime();
  if (t < opensAt.getTime()) return { kind: 'refuse', reason: 'too_early' };
  if (t > closesAt.getTime()) return { kind: 'refuse', reason: 'too_late' };
  if (registration?.status === 'confirmed') return { kind: 'check_in', confirm: false };
  if (registration?.status === 'offered') return { kind: 'check_in', confirm: true };
  // A ticket whose registration was cancelled or expired has been revoked; it does not make a walk-in.
  if (input.via === 'ticket') return { kind: 'refuse', reason: 'ticket_revoked' };
  if (input.seatsLeft <= 0) return { kind: 'refuse', reason: 'full' };
  return input.detailsMissing ? { kind: 'refuse', reason: 'details_required' } : { kind: 'walk_in' };
}

/** Attendance to show for a registration: only seat holders are expected to come. */
export function attendanceOf(
  registration: { status: RegistrationStatus; checkedInAt: Date | null },
  event: { startsAt: Date; endsAt: Date },
  now: Date,
  policy?: CheckinWindowPolicy,
): AttendanceStatus {
  if (registration.checkedInAt) return 'checked_in';
  if (registration.status !== 'confirmed' && registration.status !== 'offered') return 'none';
  return now.getTime() > checkinWindow(event, policy).closesAt.getTime() ? 'absent' : 'pending';
}

/** Attended / expected as a fraction in [0, 1], or null when nobody was expected. */
export function attendanceRate(attended: number, expected: number): number | null {
  return expected > 0 ? Math.min(1, attended / expected) : null;
}
