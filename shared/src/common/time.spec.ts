import {
  addChinaDays,
  chinaDate,
  chinaDay,
  chinaDayStart,
  chinaDaysBetween,
  chinaInstant,
  chinaMinuteOfDay,
  chinaMonth,
  chinaWeekday,
  chinaYear,
  chinaYearRange,
  formatChinaDateTime,
  isChinaDate,
} from './time';

describe('China-time calendar', () => {
  it('counts years and months at UTC+8', () => {
    expect(chinaYear(new Date('2025-12-31T15:59:59Z'))).toBe(2025);
    expect(chinaYear(new Date('2025-12-31T16:00:00Z'))).toBe(2026);
    expect(chinaMonth(new Date('2026-03-31T16:00:00Z'))).toBe('2026-04');
    expect(chinaMonth(new Date('2026-03-31T15:59:59Z'))).toBe('2026-03');
    expect(chinaYearRange(2026)).toEqual({ from: new Date('2025-12-31T16:00:00Z'), to: new Date('2026-12-31T16:00:00Z') });
  });

  it('names the day, and keeps only the day as China midnight', () => {
    expect(chinaDate(new Date('2026-05-31T16:30:00Z'))).toBe('2026-06-01');
    expect(chinaDate(new Date('2026-05-31T15:59:00Z'))).toBe('2026-05-31');
    expect(chinaDay(new Date('2026-05-31T17:30:00Z')).toISOString()).toBe('2026-05-31T16:00:00.000Z');
    expect(chinaDay(new Date('2026-05-31T03:10:00Z')).toISOString()).toBe('2026-05-30T16:00:00.000Z');
  });

  it('writes the China-time wall clock', () => {
    expect(formatChinaDateTime(new Date('2026-06-10T06:00:00Z'))).toBe('2026-06-10 14:00');
    expect(formatChinaDateTime(new Date(Date.UTC(2025, 11, 31, 16, 5)))).toBe('2026-01-01 00:05');
  });

  it('reads a China date as the instant its day starts, and refuses what is not a date', () => {
    // China midnight is 16:00 UTC the day before.
    expect(chinaDayStart('2026-03-01')?.toISOString()).toBe('2026-02-28T16:00:00.000Z');
    expect(chinaDayStart('2028-02-29')?.toISOString()).toBe('2028-02-28T16:00:00.000Z');
    expect(chinaDayStart('2026-02-29')).toBeNull();
    expect(chinaDayStart('2026-13-01')).toBeNull();
    expect(chinaDayStart('2026-03-01T00:00:00+08:00')).toBeNull();
    expect(chinaDayStart('2026-3-1')).toBeNull();
  });
});

describe('China dates as values', () => {
  it('accepts only real dates written YYYY-MM-DD', () => {
    expect(isChinaDate('2028-02-29')).toBe(true); // 2028 is a leap year
    expect(isChinaDate('2026-02-29')).toBe(false);
    expect(isChinaDate('2026-6-1')).toBe(false);
    expect(isChinaDate('2026-13-01')).toBe(false);
  });

  it('counts days across months and years', () => {
    expect(addChinaDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addChinaDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addChinaDays('2026-12-31', 1)).toBe('2027-01-01');
    // 2026-06-01 + 30 days: June has 30 days, so the 30th day after the 1st is 1 July.
    expect(addChinaDays('2026-06-01', 30)).toBe('2026-07-01');
    expect(chinaDaysBetween('2026-06-01', '2026-07-01')).toBe(30);
    expect(chinaDaysBetween('2026-07-01', '2026-06-01')).toBe(-30);
    expect(() => addChinaDays('2026-02-30', 1)).toThrow(RangeError);
  });

  it('names the ISO weekday', () => {
    // 2026-01-01 is a Thursday; +31 days (Jan) +28 (Feb) +31 (Mar) +30 (Apr) +31 (May) = 151 days
    // = 21 weeks + 4 days, so 1 June is Thursday + 4 = Monday.
    expect(chinaWeekday('2026-01-01')).toBe(4);
    expect(chinaWeekday('2026-06-01')).toBe(1);
    expect(chinaWeekday('2026-06-06')).toBe(6);
    expect(chinaWeekday('2026-06-07')).toBe(7);
  });

  it('turns a China wall-clock time into an instant and back', () => {
    // 09:30 China = 01:30 UTC the same day; 07:00 China = 23:00 UTC the day before.
    expect(chinaInstant('2026-06-02', 9 * 60 + 30).toISOString()).toBe('2026-06-02T01:30:00.000Z');
    expect(chinaInstant('2026-06-02', 7 * 60).toISOString()).toBe('2026-06-01T23:00:00.000Z');
    // 24:00 is the next day's midnight: 2026-06-03 00:00 China = 2026-06-02T16:00Z.
    expect(chinaInstant('2026-06-02', 1440).toISOString()).toBe('2026-06-02T16:00:00.000Z');
    expect(chinaInstant('2026-06-02').toISOString()).toBe('2026-06-01T16:00:00.000Z');
    // 15:59Z is 23:59 China: 1439 minutes; 16:00Z is 00:00 China.
    expect(chinaMinuteOfDay(new Date('2026-06-01T15:59:30Z'))).toBe(1439);
    expect(chinaMinuteOfDay(new Date('2026-06-01T16:00:00Z'))).toBe(0);
    expect(chinaMinuteOfDay(new Date('2026-06-02T01:30:00Z'))).toBe(570);
  });
});
