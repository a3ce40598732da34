import dayjs from 'dayjs';
import { displayPhone, timeRangeText } from './eventView';

describe('displayPhone', () => {
  it('masks a full number and leaves an already masked one as it is', () => {
    expect(displayPhone('13800138000')).toBe('138****8000');
    expect(displayPhone('138****8000')).toBe('138****8000');
    expect(displayPhone(null)).toBe('-');
  });
});

describe('timeRangeText', () => {
  it('writes the date once for a one-day event', () => {
    const start = dayjs('2026-05-20T09:00');
    expect(timeRangeText(start.toISOString(), start.add(2, 'hour').toISOString())).toBe('2026-05-20 09:00 - 11:00');
    expect(timeRangeText(start.toISOString(), start.add(1, 'day').toISOString())).toBe('2026-05-20 09:00 - 2026-05-21 09:00');
  });
});
