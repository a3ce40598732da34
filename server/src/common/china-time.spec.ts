import { chinaDateTime, chinaDay, chinaToday } from './china-time';

describe('china time', () => {
  it('keeps only the China date, as midnight China time', () => {
    expect(chinaDay(new Date('2026-05-31T17:30:00Z')).toISOString()).toBe('2026-05-31T16:00:00.000Z');
    expect(chinaDay(new Date('2026-05-31T03:10:00Z')).toISOString()).toBe('2026-05-30T16:00:00.000Z');
  });

  it('names the day and time as seen in Beijing', () => {
    expect(chinaToday(new Date('2026-05-31T16:30:00Z'))).toBe('2026-06-01');
    expect(chinaToday(new Date('2026-05-31T15:59:00Z'))).toBe('2026-05-31');
    expect(chinaDateTime(new Date('2026-05-31T16:30:00Z'))).toBe('2026-06-01 00:30');
  });
});
