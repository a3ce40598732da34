/** The holiday calendar page: entry labels and the problems of an entry before it is saved. */
import { HOLIDAY_KIND_LABELS, HOLIDAY_PROBLEM_MESSAGES, WEEKDAY_LABELS, chinaWeekday, holidayProblems, type HolidayDay } from '@xinqiao/shared';

/** "放假", or "调休上班（按周五）"; a 调休 day without a weekday follows Monday. */
export function holidayKindText(day: Pick<HolidayDay, 'kind' | 'worksAs'>): string {
  if (day.kind === 'holiday') return HOLIDAY_KIND_LABELS.holiday;
  return `${HOLIDAY_KIND_LABELS.workday}（按${WEEKDAY_LABELS[day.worksAs ?? 1]}）`;
}

/** "2026-10-01 周四". */
export function dateWithWeekday(date: string): string {
  return `${date} ${WEEKDAY_LABELS[chinaWeekday(date)]}`;
}

/** The server's checks, in its words, before saving. */
export function holidayFormProblems(day: Pick<HolidayDay, 'date' | 'kind' | 'worksAs'>): string[] {
  return holidayProblems(day).map((p) => HOLIDAY_PROBLEM_MESSAGES[p]);
}

/** Years offered: last year to two years ahead (the State Council publishes the next year's calendar in autumn). */
export function yearOptions(currentYear: number): number[] {
  return [currentYear - 1, currentYear, currentYear + 1, currentYear + 2];
}
