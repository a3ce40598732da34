/**
 * When a follow-up may be dated: not in the future and not before the alert was raised, each with a
 * few minutes' slack for clocks that drift (a phone's, the browser's, the minute-precision picker).
 * Checked by the admin's follow-up form and by the server, with the same codes and words.
 */
import type { RuleProblem } from '../common/rules';

/** How far a follow-up time may stray past either end of its window. */
export const FOLLOW_UP_CLOCK_SKEW_MS = 5 * 60_000;

export const FOLLOW_UP_TIME_MESSAGES = {
  follow_up_in_future: '跟进时间不能晚于当前时间',
  follow_up_before_alert: '跟进时间不能早于预警产生时间',
} as const;
export type FollowUpTimeCode = keyof typeof FOLLOW_UP_TIME_MESSAGES;

export function followUpTimeProblems(at: Date, alertCreatedAt: Date, now: Date): RuleProblem<FollowUpTimeCode>[] {
  if (at.getTime() > now.getTime() + FOLLOW_UP_CLOCK_SKEW_MS) return [{ code: 'follow_up_in_future', field: 'at' }];
  if (at.getTime() < alertCreatedAt.getTime() - FOLLOW_UP_CLOCK_SKEW_MS) return [{ code: 'follow_up_before_alert', field: 'at' }];
  return [];
}
