import { chinaDay, chinaMonth } from './china-time';

describe('china time', () => {
  it('counts an instant late on the last UTC day of a month in the next month, as Beijing sees it', () => {
    expect(chinaMonth(new Date('2026-05-31T17:30:00Z'))).toBe('2026-06');
    expect(chinaMonth(new Date('2026-05-31T15:59:59Z'))).toBe('2026-05');
  });

  it('keeps only the China date, as midnight China time', () => {
    expect(chinaDay(new Date('2026-05-31T17:30:00Z')).toISOString()).toBe('2026-05-31T16:00:00.000Z');
    expect(chinaDay(new Date('2026-05-31T03:10:00Z')).toISOString()).toBe('2026-05-30T16:00:00.000Z');
  });
});
