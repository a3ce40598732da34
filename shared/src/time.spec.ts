import { chinaDate, chinaDay, chinaDayStart, chinaMonth, chinaYear, chinaYearRange, formatChinaDateTime } from './time';

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
