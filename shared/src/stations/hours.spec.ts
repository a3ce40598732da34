import {
  holidayProblems,
  hoursBetween,
  hoursOn,
  hoursProblemMessage,
  hmMinutes,
  nextOpening,
  normalizeWeeklyHours,
  openAt,
  openMinutes,
  validateTimeRanges,
  validateWeeklyHours,
  weeklyHoursShortfall,
  weeklyOpenHours,
  type DatedHours,
  type HolidayCalendar,
} from './hours';
import type { WeeklyHours } from './types';

// June 2026: Monday 1, Friday 5, Saturday 6, Sunday 7 (see time.spec.ts for the weekday arithmetic).
const r = (start: string, end: string) => ({ start, end });
const WEEKLY: WeeklyHours = {
  1: [r('09:00', '12:00'), r('14:00', '17:30')],
  2: [r('09:00', '12:00'), r('14:00', '17:30')],
  3: [r('09:00', '12:00'), r('14:00', '17:30')],
  4: [r('09:00', '12:00'), r('14:00', '17:30')],
  5: [r('09:00', '12:00')],
  6: [r('09:00', '12:00')],
};
/** Test data, not an official notice: Fri 19 and Sat 20 off; Sun 14 worked as Monday, Sun 28 as Friday. */
const CALENDAR: HolidayCalendar = [
  { date: '2026-06-14', kind: 'workday', name: '端午节', worksAs: null },
  { date: '2026-06-19', kind: 'holiday', name: '端午节', worksAs: null },
  { date: '2026-06-20', kind: 'holiday', name: '端午节', worksAs: null },
  { date: '2026-06-28', kind: 'workday', name: '端午节', worksAs: 5 },
];
const EXCEPTIONS: DatedHours[] = [
  { date: '2026-06-03', hours: [] }, // closed on a Wednesday
  { date: '2026-06-07', hours: [r('15:00', '16:00'), r('08:00', '09:00')] }, // open on a Sunday, given out of order
  { date: '2026-06-20', hours: [r('10:00', '12:00')] }, // open on a holiday
];
const on = (date: string) => hoursOn(date, WEEKLY, EXCEPTIONS, CALENDAR);
const open = (iso: string) => openAt(new Date(iso), WEEKLY, EXCEPTIONS, CALENDAR);
const next = (iso: string, horizonDays = 14) => nextOpening(new Date(iso), WEEKLY, EXCEPTIONS, CALENDAR, horizonDays)?.toISOString() ?? null;

describe('hoursOn', () => {
  it('follows the weekday, and an exception wins (closed, or other hours, sorted)', () => {
    expect(on('2026-06-01')).toEqual([r('09:00', '12:00'), r('14:00', '17:30')]);
    expect(on('2026-06-05')).toEqual([r('09:00', '12:00')]);
    expect(on('2026-06-03')).toEqual([]);
    expect(on('2026-06-07')).toEqual([r('08:00', '09:00'), r('15:00', '16:00')]);
    expect(on('2026-06-21')).toEqual([]); // a plain Sunday
  });

  it('closes on a holiday unless the station opens it, and works a 调休 weekend day as worksAs (default Monday)', () => {
    expect(on('2026-06-19')).toEqual([]);
    expect(on('2026-06-20')).toEqual([r('10:00', '12:00')]);
    expect(on('2026-06-14')).toEqual(WEEKLY[1]);
    expect(on('2026-06-28')).toEqual(WEEKLY[5]);
  });

  it('lists a range of dates with the calendar entry named', () => {
    expect(hoursBetween('2026-06-18', '2026-06-20', WEEKLY, EXCEPTIONS, CALENDAR)).toEqual([
      { date: '2026-06-18', hours: WEEKLY[4], holiday: null },
      { date: '2026-06-19', hours: [], holiday: '端午节放假' },
      { date: '2026-06-20', hours: [r('10:00', '12:00')], holiday: '端午节放假' },
    ]);
    expect(hoursBetween('2026-06-28', '2026-06-28', WEEKLY, EXCEPTIONS, CALENDAR)).toEqual([
      { date: '2026-06-28', hours: WEEKLY[5], holiday: '端午节调休上班' },
    ]);
  });
});

describe('openAt and nextOpening (China time = UTC+8)', () => {
  it('is open from the opening minute up to, not including, the closing minute', () => {
    expect(open('2026-06-01T01:00:00Z')).toBe(true); // Mon 09:00
    expect(open('2026-06-01T00:59:59Z')).toBe(false); // Mon 08:59:59
    expect(open('2026-06-01T04:00:00Z')).toBe(false); // Mon 12:00, closing
    expect(open('2026-06-01T09:29:00Z')).toBe(true); // Mon 17:29
    expect(open('2026-06-19T02:00:00Z')).toBe(false); // holiday Fri 10:00
    expect(open('2026-06-14T07:00:00Z')).toBe(true); // 调休 Sun 15:00, Monday's hours
  });

  it('is the instant itself when open, else the next opening', () => {
    expect(next('2026-06-01T02:00:00Z')).toBe('2026-06-01T02:00:00.000Z');
    // Mon 12:30 -> Mon 14:00 China = 06:00Z.
    expect(next('2026-06-01T04:30:00Z')).toBe('2026-06-01T06:00:00.000Z');
    // Fri 13:00 (Friday has no afternoon) -> Sat 09:00 China = Sat 01:00Z.
    expect(next('2026-06-05T05:00:00Z')).toBe('2026-06-06T01:00:00.000Z');
    // Sat 12:00 -> the Sunday exception's first range, 08:00 China = Sun 00:00Z.
    expect(next('2026-06-06T04:00:00Z')).toBe('2026-06-07T00:00:00.000Z');
  });

  it('gives up beyond the horizon', () => {
    // Thu 18 at 18:00 China (10:00Z): Fri 19 is a holiday, Sat 20 opens 10:00 China = 02:00Z,
    // 40 hours later: inside a 2-day (48 h) horizon, outside a 1-day (24 h) one.
    expect(next('2026-06-18T10:00:00Z', 2)).toBe('2026-06-20T02:00:00.000Z');
    expect(next('2026-06-18T10:00:00Z', 1)).toBeNull();
    expect(nextOpening(new Date('2026-06-01T00:00:00Z'), {}, [], [], 14)).toBeNull();
  });
});

describe('weeklyOpenHours', () => {
  it('adds the week up, counting overlaps once', () => {
    // Mon-Thu 3 + 3.5 = 6.5 h each = 26; Fri 3; Sat 3: 32.
    expect(weeklyOpenHours(WEEKLY)).toBe(32);
    // 09:00-12:00 and 11:00-13:00 cover 09:00-13:00 = 4 h; 20 min = 0.333… -> 0.33; a whole day = 24.
    expect(weeklyOpenHours({ 1: [r('09:00', '12:00'), r('11:00', '13:00')] })).toBe(4);
    expect(weeklyOpenHours({ 2: [r('09:00', '09:20')] })).toBe(0.33);
    expect(weeklyOpenHours({ 7: [r('00:00', '24:00')] })).toBe(24);
  });
});

describe('normalizeWeeklyHours', () => {
  it('keeps weekdays with ranges, in order, each sorted by start and without extra fields', () => {
    const given = { 3: [r('14:00', '17:00'), { start: '09:00', end: '12:00', note: 'x' }], 1: [], 6: [r('09:00', '12:00')] } as unknown as WeeklyHours;
    const out = normalizeWeeklyHours(given);
    expect(out).toEqual({ 3: [r('09:00', '12:00'), r('14:00', '17:00')], 6: [r('09:00', '12:00')] });
    expect(Object.keys(out)).toEqual(['3', '6']);
  });
});

describe('weeklyHoursShortfall', () => {
  it('measures a street station against the 40 hours a week of the seeds, and nothing else', () => {
    // WEEKLY is open 32 h: 40 - 32 = 8 h short, for a 心灵驿站 as for a 心理服务站.
    expect(weeklyHoursShortfall('heart_station', WEEKLY)).toBe(8);
    expect(weeklyHoursShortfall('service_station', WEEKLY)).toBe(8);
    // Mon-Fri 08:30-12:00 and 13:30-18:00 = 3.5 + 4.5 = 8 h a day, 40 h: enough.
    const full = Object.fromEntries([1, 2, 3, 4, 5].map((d) => [d, [r('08:30', '12:00'), r('13:30', '18:00')]])) as WeeklyHours;
    expect(weeklyHoursShortfall('heart_station', full)).toBe(0);
    // 09:00-09:20 once: 40 - 0.333… = 39.666… -> 39.67.
    expect(weeklyHoursShortfall('heart_station', { 2: [r('09:00', '09:20')] })).toBe(39.67);
    // A hospital clinic has no minimum.
    expect(weeklyHoursShortfall('hospital_clinic', {})).toBe(0);
  });
});

describe('time ranges as minutes', () => {
  it('reads HH:mm from 00:00 to 24:00', () => {
    expect(hmMinutes('00:00')).toBe(0);
    expect(hmMinutes('17:30')).toBe(1050); // 17 × 60 + 30
    expect(hmMinutes('24:00')).toBe(1440);
    expect(hmMinutes('24:01')).toBeNull();
    expect(hmMinutes('12:60')).toBeNull();
    expect(hmMinutes('9:00')).toBeNull();
  });

  it('merges ranges that overlap or touch, and leaves out invalid ones', () => {
    // 09:00-12:00 + 12:00-14:00 -> 540-840; 08:00-08:30 stays apart; 15:00-14:00 is invalid.
    expect(openMinutes([r('12:00', '14:00'), r('09:00', '12:00'), r('08:00', '08:30'), r('15:00', '14:00')])).toEqual([
      [480, 510],
      [540, 840],
    ]);
  });
});

describe('validating hours', () => {
  it('reports each range by position with a stable code', () => {
    const ranges = [
      r('09:00', '12:00'),
      r('11:30', '13:00'), // starts before 12:00, the end of range 0
      r('9:00', '10:00'),
      r('14:00', '14:00'),
      r('13:00', '24:00'), // touches range 1 at 13:00: fine
      r('12:60', '13:00'),
      r('25:00', '26:00'),
    ];
    expect(validateTimeRanges(ranges)).toEqual([
      { code: 'overlap', index: 1 },
      { code: 'bad_time_format', index: 2 },
      { code: 'start_not_before_end', index: 3 },
      { code: 'bad_time_format', index: 5 },
      { code: 'out_of_day', index: 6 },
    ]);
    expect(validateTimeRanges([r('09:00', '12:00'), r('12:00', '24:00')])).toEqual([]);
    expect(validateTimeRanges([r('24:00', '24:00')])).toEqual([{ code: 'start_not_before_end', index: 0 }]);
    expect(validateTimeRanges('09:00-12:00' as never)).toEqual([{ code: 'bad_time_format' }]);
    expect(validateTimeRanges([{ start: 9, end: '12:00' } as never])).toEqual([{ code: 'bad_time_format', index: 0 }]);
  });

  it('checks a weekly pattern day by day, and its keys', () => {
    const weekly = { 1: [r('09:00', '12:00')], 3: [r('14:00', '13:00')], 8: [r('09:00', '10:00')] } as WeeklyHours;
    expect(validateWeeklyHours(weekly)).toEqual([{ code: 'bad_weekday' }, { code: 'start_not_before_end', weekday: 3, index: 0 }]);
    expect(validateWeeklyHours(WEEKLY)).toEqual([]);
  });

  it('words a problem with its day and position', () => {
    expect(hoursProblemMessage({ code: 'start_not_before_end', weekday: 2, index: 1 })).toBe('周二第2段：开始时间须早于结束时间');
    expect(hoursProblemMessage({ code: 'overlap', index: 0 })).toBe('第1段：与当天的其他时间段重叠');
    expect(hoursProblemMessage({ code: 'bad_weekday' })).toBe('星期须为 1（周一）到 7（周日）');
  });
});

describe('holidayProblems', () => {
  it('accepts a day off without a weekday and a worked weekend day following Monday to Friday', () => {
    // June 2026: Friday 19, Saturday 20, Sunday 28 (see the calendar above).
    expect(holidayProblems({ date: '2026-06-19', kind: 'holiday', worksAs: null })).toEqual([]);
    expect(holidayProblems({ date: '2026-06-28', kind: 'workday', worksAs: 5 })).toEqual([]);
    expect(holidayProblems({ date: '2026-06-20', kind: 'workday', worksAs: null })).toEqual([]);
  });

  it('names what is wrong', () => {
    expect(holidayProblems({ date: '2026-06-19', kind: 'holiday', worksAs: 1 })).toEqual(['holiday_works_as']);
    expect(holidayProblems({ date: '2026-06-19', kind: 'workday', worksAs: 6 })).toEqual(['workday_not_weekend', 'works_as_not_weekday']);
    expect(holidayProblems({ date: '2026-02-30', kind: 'holiday', worksAs: null })).toEqual(['bad_date']);
  });
});
