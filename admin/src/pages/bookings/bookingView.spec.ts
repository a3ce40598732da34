import type { BookingDetail } from '@xinqiao/shared';
import {
  bookingActions,
  blockLabel,
  dayTitle,
  layoutBookings,
  openingBands,
  rangeQuery,
  rangeTitle,
  sessionTimeText,
  shiftAnchor,
  visibleDays,
} from './bookingView';

// 2026-12-01 is a Tuesday (2026-01-01 was a Thursday, and 334 days later is 5 weekdays on), so the
// week of 2026-12-10 runs from Monday 12-07 to Sunday 12-13. China time is UTC+8.
describe('visible days and query range', () => {
  it('shows Monday to Sunday of the anchor week, or the day alone', () => {
    expect(visibleDays('2026-12-10', 'week')).toEqual(['2026-12-07', '2026-12-08', '2026-12-09', '2026-12-10', '2026-12-11', '2026-12-12', '2026-12-13']);
    expect(visibleDays('2026-12-13', 'week')[0]).toBe('2026-12-07');
    expect(visibleDays('2026-12-10', 'day')).toEqual(['2026-12-10']);
  });

  it('moves by a day or a week, across month ends', () => {
    expect(shiftAnchor('2026-12-31', 'day', 1)).toBe('2027-01-01');
    expect(shiftAnchor('2026-12-03', 'week', -1)).toBe('2026-11-26');
  });

  it('asks from China midnight of the first day to China midnight after the last', () => {
    expect(rangeQuery(visibleDays('2026-12-10', 'week'))).toEqual({ from: '2026-12-06T16:00:00.000Z', to: '2026-12-13T16:00:00.000Z' });
    expect(rangeQuery(['2026-12-10'])).toEqual({ from: '2026-12-09T16:00:00.000Z', to: '2026-12-10T16:00:00.000Z' });
  });

  it('titles days and ranges in Chinese', () => {
    expect(dayTitle('2026-12-08')).toBe('12月8日 周二');
    expect(rangeTitle(visibleDays('2026-12-10', 'week'))).toBe('2026年12月7日 - 12月13日');
    expect(rangeTitle(visibleDays('2026-12-30', 'week'))).toBe('2026年12月28日 - 2027年1月3日');
    expect(rangeTitle(['2026-12-08'])).toBe('2026年12月8日');
  });
});

describe('layoutBookings', () => {
  const week = visibleDays('2026-12-10', 'week');
  const b = (id: string, start: string, end: string) => ({ id, start, end });

  it('places bookings by China date and minute, overlapping ones side by side', () => {
    const placed = layoutBookings(
      [
        // Tuesday 12-08, China time: A 09:00-10:00, B 09:30-10:30, C 10:00-11:00 (A's lane is free again), D 11:00-11:50 alone.
        b('C', '2026-12-08T02:00:00.000Z', '2026-12-08T03:00:00.000Z'),
        b('A', '2026-12-08T01:00:00.000Z', '2026-12-08T02:00:00.000Z'),
        b('D', '2026-12-08T03:00:00.000Z', '2026-12-08T03:50:00.000Z'),
        b('B', '2026-12-08T01:30:00.000Z', '2026-12-08T02:30:00.000Z'),
      ],
      week,
    );
    const view = Object.fromEntries(placed.map((p) => [p.booking.id, [p.dayIndex, p.top, p.height, p.lane, p.lanes, p.clipped]]));
    expect(view).toEqual({
      A: [1, 120, 60, 0, 2, false],
      B: [1, 150, 60, 1, 2, false],
      C: [1, 180, 60, 0, 2, false],
      D: [1, 240, 50, 0, 1, false],
    });
  });

  it('cuts sessions at 07:00 and 22:00, stretches very short ones, and leaves out other days', () => {
    const placed = layoutBookings(
      [
        // Wednesday 12-09 06:30-07:30 China time is 12-08 22:30Z: its China date decides the column.
        b('early', '2026-12-08T22:30:00.000Z', '2026-12-08T23:30:00.000Z'),
        // 21:50-22:00: ten minutes, drawn as twenty ending at the grid's bottom.
        b('short', '2026-12-09T13:50:00.000Z', '2026-12-09T14:00:00.000Z'),
        // Monday 12-14 is next week.
        b('later', '2026-12-14T02:00:00.000Z', '2026-12-14T03:00:00.000Z'),
      ],
      week,
    );
    expect(placed.map((p) => [p.booking.id, p.dayIndex, p.top, p.height, p.clipped])).toEqual([
      ['early', 2, 0, 30, true],
      ['short', 2, 880, 20, false],
    ]);
  });
});

describe('openingBands', () => {
  it('shades the resolved day where given, the weekly pattern elsewhere, cut to the grid', () => {
    const bands = openingBands(['2026-12-07', '2026-12-08', '2026-12-13'], {
      days: [
        {
          date: '2026-12-08',
          hours: [
            { start: '08:30', end: '12:00' },
            { start: '14:00', end: '23:00' },
          ],
          holiday: null,
        },
      ],
      // Monday 06:00-09:00 shows from 07:00: 0 to 120 minutes down the grid.
      weeklyHours: { 1: [{ start: '06:00', end: '09:00' }], 2: [{ start: '09:00', end: '10:00' }] },
    });
    expect(bands).toEqual([
      { date: '2026-12-07', approximate: true, holiday: null, bands: [{ top: 0, height: 120 }] },
      {
        date: '2026-12-08',
        approximate: false,
        holiday: null,
        bands: [
          { top: 90, height: 210 },
          { top: 420, height: 480 },
        ],
      },
      { date: '2026-12-13', approximate: true, holiday: null, bands: [] },
    ]);
  });

  it('keeps a resolved closed day closed (a holiday) rather than using the pattern', () => {
    const [day] = openingBands(['2027-01-01'], {
      days: [{ date: '2027-01-01', hours: [], holiday: '元旦放假' }],
      weeklyHours: { 5: [{ start: '09:00', end: '17:00' }] },
    });
    expect(day).toEqual({ date: '2027-01-01', approximate: false, holiday: '元旦放假', bands: [] });
  });
});

describe('labels', () => {
  it('writes times in China time', () => {
    expect(sessionTimeText({ start: '2026-12-08T01:00:00.000Z', end: '2026-12-08T01:50:00.000Z' })).toBe('2026-12-08 周二 09:00-09:50');
    expect(blockLabel({ start: '2026-12-08T06:30:00.000Z', kind: 'in_person', counsellorName: '王老师', lineName: null })).toBe('14:30 王老师 · 到站面询');
    expect(blockLabel({ start: '2026-12-08T06:30:00.000Z', kind: 'callback', counsellorName: null, lineName: '永川心理援助热线' })).toBe(
      '14:30 永川心理援助热线 · 热线回电',
    );
  });
});

describe('bookingActions', () => {
  // The session runs 11:00-11:50 China time on 12-08; "now" is 10:00.
  const now = new Date('2026-12-08T02:00:00.000Z');
  const detail = (over: Partial<BookingDetail>): Pick<BookingDetail, 'kind' | 'status' | 'start' | 'end' | 'intake' | 'counsellorId'> => ({
    kind: 'in_person',
    status: 'confirmed',
    start: '2026-12-08T03:00:00.000Z',
    end: '2026-12-08T03:50:00.000Z',
    intake: null,
    counsellorId: 7,
    ...over,
  });
  const counsellor = { handle: true, oversee: false, myCounsellorId: 7 };
  const manager = { handle: false, oversee: true, myCounsellorId: null };

  it('lets the assigned counsellor cancel, hand over and write notes before the start, but not mark yet', () => {
    expect(bookingActions(detail({}), counsellor, now)).toEqual({
      mark: false,
      markHint: '预约开始后才能标记到场情况',
      cancel: true,
      handover: true,
      notes: true,
    });
  });

  it('once started: marking and cancelling until the end, no hand-over', () => {
    const running = detail({ start: '2026-12-08T01:30:00.000Z', end: '2026-12-08T02:20:00.000Z' });
    expect(bookingActions(running, counsellor, now)).toEqual({ mark: true, markHint: null, cancel: true, handover: false, notes: true });
    const over = detail({ start: '2026-12-08T01:00:00.000Z', end: '2026-12-08T01:50:00.000Z' });
    expect(bookingActions(over, counsellor, now)).toEqual({ mark: true, markHint: null, cancel: false, handover: false, notes: true });
  });

  it('gives an overseer the handling without the notes, and another counsellor nothing', () => {
    expect(bookingActions(detail({}), manager, now)).toEqual({
      mark: false,
      markHint: '预约开始后才能标记到场情况',
      cancel: true,
      handover: true,
      notes: false,
    });
    expect(bookingActions(detail({ counsellorId: 8 }), counsellor, now)).toEqual({ mark: false, markHint: null, cancel: false, handover: false, notes: false });
  });

  it('treats a counsellor given the intake of a call-back as assigned, without hand-over', () => {
    const intake = { topic: null, note: null, ageBand: '18to34' as const, guardian: null, sensitiveConsent: false };
    expect(bookingActions(detail({ kind: 'callback', counsellorId: null, intake }), { ...counsellor, myCounsellorId: null }, now)).toEqual({
      mark: false,
      markHint: '预约开始后才能标记到场情况',
      cancel: true,
      handover: false,
      notes: true,
    });
  });

  it('keeps only the session notes once a booking is closed', () => {
    expect(bookingActions(detail({ status: 'attended', start: '2026-12-07T03:00:00.000Z', end: '2026-12-07T03:50:00.000Z' }), counsellor, now)).toEqual({
      mark: false,
      markHint: null,
      cancel: false,
      handover: false,
      notes: true,
    });
  });
});
