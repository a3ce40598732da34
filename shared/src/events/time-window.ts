/**
 * An event's times must make sense together: checked by the admin's event form before sending and by
 * the server on every save, with the same codes and words.
 */
import type { RuleProblem } from '../common/rules';

export const EVENT_WINDOW_MESSAGES = {
  ends_not_after_start: '结束时间必须晚于开始时间',
  signup_opens_too_late: '报名开始时间必须早于报名截止时间（未设置时为活动开始时间）',
  signup_closes_after_end: '报名截止时间不能晚于活动结束时间',
  cancel_closes_after_start: '取消报名截止时间不能晚于活动开始时间',
} as const;
export type EventWindowCode = keyof typeof EVENT_WINDOW_MESSAGES;

export interface EventWindow {
  startsAt: Date;
  endsAt: Date;
  signupOpensAt: Date | null;
  /** Unset: sign-up closes when the event starts. */
  signupClosesAt: Date | null;
  cancelClosesAt: Date | null;
}

export function eventWindowProblems(w: EventWindow): RuleProblem<EventWindowCode>[] {
  const problems: RuleProblem<EventWindowCode>[] = [];
  if (w.endsAt <= w.startsAt) problems.push({ code: 'ends_not_after_start', field: 'endsAt' });
  if (w.signupOpensAt && w.signupOpensAt >= (w.signupClosesAt ?? w.startsAt)) problems.push({ code: 'signup_opens_too_late', field: 'signupOpensAt' });
  if (w.signupClosesAt && w.signupClosesAt > w.endsAt) problems.push({ code: 'signup_closes_after_end', field: 'signupClosesAt' });
  if (w.cancelClosesAt && w.cancelClosesAt > w.startsAt) problems.push({ code: 'cancel_closes_after_start', field: 'cancelClosesAt' });
  return problems;
}
