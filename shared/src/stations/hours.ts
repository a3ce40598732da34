/**
 * Opening hours in China time: a weekly pattern, dated exceptions of the station, and the national
 * 放假/调休 calendar. Used for stations, call-back lines and (through `scheduleWeekday`) counsellors'
 * weekly availability, so that a holiday closes all of them the same way.
 */
import { addChinaDays, chinaDate, chinaInstant, chinaMinuteOfDay, chinaWeekday, isChinaDate } from '../common/time';
import {
  HOLIDAY_KIND_LABELS,
  WEEKDAY_LABELS,
  type HolidayDay,
  type StationDay,
  type StationException,
  type StationType,
  type TimeRange,
  type Weekday,
  type WeeklyHours,
} from './types';

export const MINUTES_PER_DAY = 1440;

/** A dated change of hours: the station's exceptions (empty `hours`: closed that day). */
export type DatedHours = Pick<StationException, 'date' | 'hours'>;

/** Entries of the national calendar; only dates in the range of interest are needed. */
export type HolidayCalendar = readonly Pick<HolidayDay, 'date' | 'kind' | 'name' | 'worksAs'>[];

const HM_PATTERN = /^(\d{2}):(\d{2})$/;

/** Minutes after midnight of an `HH:mm` time between 00:00 and 24:00, or null when it is not one. */
export function hmMinutes(value: string): number | null {
  const m = HM_PATTERN.exec(value);
  if (!m) return null;
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  return Number(m[2]) < 60 && minutes <= MINUTES_PER_DAY ? minutes : null;
}

/**
 * Ranges as `[start, end)` minutes after midnight, sorted and merged where they overlap or touch
 * (09:00-12:00 and 12:00-14:00 are open 09:00-14:00 without a break); invalid ranges are left out.
 */
export function openMinutes(ranges: readonly TimeRange[]): [number, number][] {
  const valid: [number, number][] = [];
  for (const r of ranges) {
    const start = hmMinutes(r.start);
    const end = hmMinutes(r.end);
    if (start !== null && end !== null && start < end) valid.push([start, end]);
  }
  valid.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const r of valid) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

function byDate<T extends { date: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((item) => [item.date, item]));
}

/**
 * Whose weekly pattern a date follows: its own weekday; none on a `holiday` (closed); on a `workday`
 * (调休, a weekend day worked in exchange) the pattern of `worksAs`, Monday when not given.
 */
export function scheduleWeekday(date: string, calendar: HolidayCalendar | ReadonlyMap<string, HolidayCalendar[number]>): Weekday | null {
  const day = calendar instanceof Map ? calendar.get(date) : (calendar as HolidayCalendar).find((d) => d.date === date);
  if (!day) return chinaWeekday(date);
  return day.kind === 'holiday' ? null : (day.worksAs ?? 1);
}

const sortedCopy = (ranges: readonly TimeRange[]): TimeRange[] => [...ranges].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));

/**
 * `hoursOn` for many dates: indexes the exceptions and the calendar once (a month of slots asks
 * for the same station's hours for every counsellor).
 */
export function hoursOnFor(weekly: WeeklyHours, exceptions: readonly DatedHours[], calendar: HolidayCalendar): (date: string) => TimeRange[] {
  const exceptionOf = byDate(exceptions);
  const calendarOf = byDate(calendar);
  return (date) => {
    const exception = exceptionOf.get(date);
    if (exception) return sortedCopy(exception.hours);
    const weekday = scheduleWeekday(date, calendarOf);
    return weekday === null ? [] : sortedCopy(weekly[weekday] ?? []);
  };
}

/**
 * The ranges open on a China date, sorted by start: the station's exception for that date wins;
 * otherwise a `holiday` closes, a `workday` (调休) follows the hours of `worksAs` (default Monday),
 * and any other day follows its weekday.
 */
export function hoursOn(date: string, weekly: WeeklyHours, exceptions: readonly DatedHours[], calendar: HolidayCalendar): TimeRange[] {
  return hoursOnFor(weekly, exceptions, calendar)(date);
}

/** Every date in [from, to] (China dates, inclusive) with its hours as `hoursOn` gives them. */
export function hoursBetween(from: string, to: string, weekly: WeeklyHours, exceptions: readonly DatedHours[], calendar: HolidayCalendar): StationDay[] {
  const hoursOf = hoursOnFor(weekly, exceptions, calendar);
  const calendarOf = byDate(calendar);
  const days: StationDay[] = [];
  for (let date = from; date <= to; date = addChinaDays(date, 1)) {
    const entry = calendarOf.get(date);
    days.push({ date, hours: hoursOf(date), holiday: entry ? `${entry.name}${HOLIDAY_KIND_LABELS[entry.kind]}` : null });
  }
  return days;
}

/** Whether the station is open at an instant (ranges are [start, end), so it is closed at the closing minute). */
export function openAt(instant: Date, weekly: WeeklyHours, exceptions: readonly DatedHours[], calendar: HolidayCalendar): boolean {
  const minute = chinaMinuteOfDay(instant);
  return openMinutes(hoursOn(chinaDate(instant), weekly, exceptions, calendar)).some(([start, end]) => start <= minute && minute < end);
}

/**
 * The first instant at or after `instant` when the station is open: `instant` itself when it is
 * open then, otherwise the start of its next opening; null when that is more than `horizonDays`
 * days (of 24 hours) after `instant`.
 */
export function nextOpening(
  instant: Date,
  weekly: WeeklyHours,
  exceptions: readonly DatedHours[],
  calendar: HolidayCalendar,
  horizonDays: number,
): Date | null {
  const at = instant.getTime();
  const limit = at + horizonDays * MINUTES_PER_DAY * 60_000;
  const hoursOf = hoursOnFor(weekly, exceptions, calendar);
  const today = chinaDate(instant);
  for (let i = 0; i <= horizonDays; i++) {
    const date = addChinaDays(today, i);
    const midnight = chinaInstant(date).getTime();
    for (const [start, end] of openMinutes(hoursOf(date))) {
      if (midnight + end * 60_000 <= at) continue;
      const opens = Math.max(at, midnight + start * 60_000);
      return opens <= limit ? new Date(opens) : null;
    }
  }
  return null;
}

/** Open hours per week by the weekly pattern (overlaps counted once), to two decimals. */
export function weeklyOpenHours(weekly: WeeklyHours): number {
  let minutes = 0;
  for (const ranges of Object.values(weekly)) {
    for (const [start, end] of openMinutes(ranges ?? [])) minutes += end - start;
  }
  return Math.round((minutes / 60) * 100) / 100;
}

/** Ranges as stored: only `start` and `end`, sorted by start (the caller has validated them). */
export function normalizeRanges(ranges: readonly TimeRange[]): TimeRange[] {
  return sortedCopy(ranges.map((r) => ({ start: r.start, end: r.end })));
}

/** A validated weekly pattern as stored: weekdays 1-7 in order, closed days left out, each day's ranges normalized. */
export function normalizeWeeklyHours(weekly: WeeklyHours): WeeklyHours {
  const out: WeeklyHours = {};
  for (const weekday of [1, 2, 3, 4, 5, 6, 7] as Weekday[]) {
    const ranges = weekly[weekday];
    if (ranges?.length) out[weekday] = normalizeRanges(ranges);
  }
  return out;
}

/**
 * Opening hours a week the seeds ask of a street's station: 004 wants the 社会心理服务站 open at
 * least 40 hours a week, and 003 builds the 心灵驿站 to the same station standard.
 */
export const MIN_WEEKLY_OPEN_HOURS: Partial<Record<StationType, number>> = { service_station: 40, heart_station: 40 };

/** Hours a week the pattern falls short of its type's minimum (0 when it meets it or the type has none), to two decimals. */
export function weeklyHoursShortfall(type: StationType, weekly: WeeklyHours): number {
  const minimum = MIN_WEEKLY_OPEN_HOURS[type];
  if (minimum === undefined) return 0;
  return Math.max(0, Math.round((minimum - weeklyOpenHours(weekly)) * 100) / 100);
}

export const HOURS_PROBLEM_CODES = ['bad_weekday', 'bad_time_format', 'out_of_day', 'start_not_before_end', 'overlap'] as const;
export type HoursProblemCode = (typeof HOURS_PROBLEM_CODES)[number];
/** The one wording of these problems, for the server's 400 answers and the admin's forms. */
export const HOURS_PROBLEM_MESSAGES: Record<HoursProblemCode, string> = {
  bad_weekday: '星期须为 1（周一）到 7（周日）',
  bad_time_format: '时间须为 HH:mm 格式，如 09:00',
  out_of_day: '时间须在 00:00 到 24:00 之间',
  start_not_before_end: '开始时间须早于结束时间',
  overlap: '与当天的其他时间段重叠',
};

export interface HoursProblem {
  code: HoursProblemCode;
  /** The day, for a weekly pattern (absent for a key that is not a weekday, and for a single day's ranges). */
  weekday?: Weekday;
  /** Position of the range in its day's list (0-based); absent when the day as a whole is wrong. */
  index?: number;
}

/** e.g. "周二第2段：开始时间须早于结束时间". */
export function hoursProblemMessage(problem: HoursProblem): string {
  const where = `${problem.weekday ? WEEKDAY_LABELS[problem.weekday] : ''}${problem.index !== undefined ? `第${problem.index + 1}段` : ''}`;
  return where ? `${where}：${HOURS_PROBLEM_MESSAGES[problem.code]}` : HOURS_PROBLEM_MESSAGES[problem.code];
}

function timeProblem(value: unknown): HoursProblemCode | null {
  if (typeof value !== 'string') return 'bad_time_format';
  const m = HM_PATTERN.exec(value);
  if (!m || Number(m[2]) >= 60) return 'bad_time_format';
  return hmMinutes(value) === null ? 'out_of_day' : null;
}

/**
 * Problems of one day's ranges (a station exception, a call-back line's day, a counsellor's blocks
 * on one weekday): each `HH:mm` within 00:00-24:00, start before end, no two overlapping (touching
 * is fine). Values that are not ranges at all (from JSON) are reported, not thrown on.
 */
export function validateTimeRanges(ranges: readonly TimeRange[]): HoursProblem[] {
  if (!Array.isArray(ranges)) return [{ code: 'bad_time_format' }];
  const problems: HoursProblem[] = [];
  const valid: { index: number; start: number; end: number }[] = [];
  ranges.forEach((range: unknown, index) => {
    const r = (typeof range === 'object' && range !== null ? range : {}) as Partial<Record<'start' | 'end', unknown>>;
    const code = timeProblem(r.start) ?? timeProblem(r.end);
    if (code) {
      problems.push({ code, index });
      return;
    }
    const start = hmMinutes(r.start as string)!;
    const end = hmMinutes(r.end as string)!;
    if (start < end) valid.push({ index, start, end });
    else problems.push({ code: 'start_not_before_end', index });
  });
  valid.sort((a, b) => a.start - b.start || a.index - b.index);
  let latestEnd = -1;
  for (const r of valid) {
    if (r.start < latestEnd) problems.push({ code: 'overlap', index: r.index });
    latestEnd = Math.max(latestEnd, r.end);
  }
  return problems.sort((a, b) => (a.index ?? -1) - (b.index ?? -1));
}

/** Problems of a weekly pattern: keys 1-7 only, and each day's ranges as `validateTimeRanges` checks them. */
export function validateWeeklyHours(weekly: WeeklyHours): HoursProblem[] {
  const problems: HoursProblem[] = [];
  if (typeof weekly !== 'object' || weekly === null || Array.isArray(weekly)) return [{ code: 'bad_weekday' }];
  for (const [key, ranges] of Object.entries(weekly)) {
    if (!/^[1-7]$/.test(key)) {
      problems.push({ code: 'bad_weekday' });
      continue;
    }
    const weekday = Number(key) as Weekday;
    for (const p of validateTimeRanges(ranges ?? [])) problems.push({ ...p, weekday });
  }
  return problems.sort((a, b) => (a.weekday ?? 0) - (b.weekday ?? 0));
}

export const HOLIDAY_PROBLEM_CODES = ['bad_date', 'holiday_works_as', 'workday_not_weekend', 'works_as_not_weekday'] as const;
export type HolidayProblemCode = (typeof HOLIDAY_PROBLEM_CODES)[number];
/** The one wording of these problems, for the server's 400 answers and the admin's form. */
export const HOLIDAY_PROBLEM_MESSAGES: Record<HolidayProblemCode, string> = {
  bad_date: '日期须为 YYYY-MM-DD 格式的真实日期',
  holiday_works_as: '放假日不开放，不需要指定按星期几上班',
  workday_not_weekend: '调休上班日须为周六或周日',
  works_as_not_weekday: '调休上班须按周一至周五中某一天的时间开放',
};

/**
 * Problems of a calendar entry: a day off follows no weekday; a 调休 day is a Saturday or Sunday
 * worked in exchange, following the hours of a day from Monday to Friday (none given: Monday).
 */
export function holidayProblems(day: Pick<HolidayDay, 'date' | 'kind' | 'worksAs'>): HolidayProblemCode[] {
  if (!isChinaDate(day.date)) return ['bad_date'];
  if (day.kind === 'holiday') return day.worksAs === null ? [] : ['holiday_works_as'];
  const problems: HolidayProblemCode[] = [];
  if (chinaWeekday(day.date) < 6) problems.push('workday_not_weekend');
  if (day.worksAs !== null && !(day.worksAs >= 1 && day.worksAs <= 5)) problems.push('works_as_not_weekday');
  return problems;
}
