/** How opening hours read in the console: ranges, a week in a few lines, open-now status, the 40-hour rule. */
import {
  MIN_WEEKLY_OPEN_HOURS,
  STATION_TYPE_LABELS,
  WEEKDAY_LABELS,
  formatChinaDateTime,
  weeklyHoursShortfall,
  weeklyOpenHours,
  type StationSummary,
  type StationType,
  type TimeRange,
  type Weekday,
  type WeeklyHours,
} from '@xinqiao/shared';

export const WEEKDAYS: readonly Weekday[] = [1, 2, 3, 4, 5, 6, 7];

/** Times offered in the hours editor: every quarter of an hour, 00:00 to 24:00 (closing at midnight). */
export const TIME_OPTIONS: { label: string; value: string }[] = Array.from({ length: 97 }, (_, i) => {
  const value = `${String(Math.floor(i / 4)).padStart(2, '0')}:${String((i % 4) * 15).padStart(2, '0')}`;
  return { label: value, value };
});

/** "09:00-12:00、14:00-17:30", or 休息 for a closed day. */
export function rangesText(ranges: readonly TimeRange[] | undefined): string {
  return ranges?.length ? ranges.map((r) => `${r.start}-${r.end}`).join('、') : '休息';
}

function daysLabel(run: Weekday[]): string {
  if (run.length === 1) return WEEKDAY_LABELS[run[0]];
  if (run.length === 2) return `${WEEKDAY_LABELS[run[0]]}、${WEEKDAY_LABELS[run[1]]}`;
  return `${WEEKDAY_LABELS[run[0]]}至${WEEKDAY_LABELS[run[run.length - 1]]}`;
}

/** The week in lines, consecutive days with the same hours together: ["周一至周五 09:00-12:00", "周六、周日 休息"]. */
export function weeklySummary(weekly: WeeklyHours): string[] {
  const lines: string[] = [];
  let run: Weekday[] = [];
  let text = '';
  for (const day of WEEKDAYS) {
    const dayText = rangesText(weekly[day]);
    if (run.length && dayText === text) {
      run.push(day);
      continue;
    }
    if (run.length) lines.push(`${daysLabel(run)} ${text}`);
    run = [day];
    text = dayText;
  }
  lines.push(`${daysLabel(run)} ${text}`);
  return lines;
}

/** 开放中, or when it opens next in China time (the console may run in another time zone). */
export function openStatusText(s: Pick<StationSummary, 'openNow' | 'nextOpenAt'>): string {
  if (s.openNow) return '开放中';
  return s.nextOpenAt ? `未开放，${formatChinaDateTime(new Date(s.nextOpenAt)).slice(5)} 开放` : '未开放，14 天内无开放时间';
}

/** A warning when a street station's week is under the seeds' minimum, else null. */
export function minimumHoursWarning(type: StationType, weekly: WeeklyHours): string | null {
  const shortfall = weeklyHoursShortfall(type, weekly);
  if (!shortfall) return null;
  return `${STATION_TYPE_LABELS[type]}每周开放 ${weeklyOpenHours(weekly)} 小时，低于每周至少 ${MIN_WEEKLY_OPEN_HOURS[type]} 小时的要求（还差 ${shortfall} 小时）`;
}
