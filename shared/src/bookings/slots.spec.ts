import { formatChinaDateTime } from '../common/time';
import type { HolidayCalendar } from '../stations/hours';
import type { TimeRange, WeeklyHours } from '../stations/types';
import { computeSlots, computeWindows, slotIsOffered, type CallbackWindowInput, type CounsellorAvailabilityInput, type SessionSlotInput } from './slots';
import type { Slot } from './types';

// June 2026 begins on a Monday (time.spec.ts): Mon 1, 8, 15, 22, 29; Fri 5, 12, 19, 26; Sun 7, 14, 21, 28.
const r = (start: string, end: string): TimeRange => ({ start, end });
const STATION_7: WeeklyHours = {
  1: [r('09:00', '12:00'), r('14:00', '17:00')],
  2: [r('09:00', '12:00'), r('14:00', '17:00')],
  3: [r('09:00', '12:00'), r('14:00', '17:00')],
  4: [r('09:00', '12:00'), r('14:00', '17:00')],
  5: [r('09:00', '12:00'), r('14:00', '16:50')],
  6: [r('09:00', '12:00')],
};
/** Test data, not an official notice: Fri 19 and Sat 20 off; Sun 14 worked as Monday, Sun 28 as Friday. */
const CALENDAR: HolidayCalendar = [
  { date: '2026-06-14', kind: 'workday', name: '端午节', worksAs: null },
  { date: '2026-06-19', kind: 'holiday', name: '端午节', worksAs: null },
  { date: '2026-06-20', kind: 'holiday', name: '端午节', worksAs: null },
  { date: '2026-06-28', kind: 'workday', name: '端午节', worksAs: 5 },
];
const STATIONS: SessionSlotInput['stations'] = [
  // Station 7 opens on the holiday Saturday 20th, 10:00-12:00.
  { stationId: 7, weekly: STATION_7, exceptions: [{ date: '2026-06-20', hours: [r('10:00', '12:00')] }] },
  { stationId: 8, weekly: { 1: [r('09:00', '10:00')] }, exceptions: [] },
];
const COUNSELLOR_1: CounsellorAvailabilityInput = {
  counsellorId: 1,
  blocks: [
    { weekday: 1, ...r('08:30', '17:00'), mode: 'in_person', stationId: 7 }, // wider than the station's hours
    { weekday: 2, ...r('22:00', '24:00'), mode: 'phone', stationId: null },
    { weekday: 3, ...r('07:00', '08:00'), mode: 'phone', stationId: null },
    { weekday: 4, ...r('16:00', '18:00'), mode: 'phone', stationId: 7 }, // phone from the station: its hours bound it
    { weekday: 4, ...r('09:00', '10:00'), mode: 'in_person', stationId: 9 }, // a station whose hours were not given
    { weekday: 5, ...r('14:00', '18:00'), mode: 'in_person', stationId: 7 },
  ],
  exceptions: [],
  busy: [],
};
const SETTINGS: SessionSlotInput['settings'] = { durationMinutes: 50, bufferMinutes: 10, minNoticeMinutes: 120, maxDaysAhead: 31 };
/** Sunday 31 May 2026, 12:00 China. */
const SUNDAY_NOON = new Date('2026-05-31T04:00:00Z');

function sessions(over: Partial<SessionSlotInput> = {}): SessionSlotInput {
  return {
    kind: 'in_person',
    settings: SETTINGS,
    from: '2026-06-01',
    to: '2026-06-01',
    now: SUNDAY_NOON,
    calendar: CALENDAR,
    stations: STATIONS,
    counsellors: [COUNSELLOR_1],
    ...over,
  };
}
/** China wall clock, counsellor and station of each slot: readable expectations. */
const show = (slots: Slot[]) => slots.map((s) => `${formatChinaDateTime(new Date(s.start))} c${s.counsellorId} s${s.stationId}`);
const times = (slots: Slot[]) => slots.map((s) => formatChinaDateTime(new Date(s.start)).slice(11));

describe('computeSlots', () => {
  it('cuts a block to the station hours and steps by duration + buffer, in UTC instants', () => {
    // Monday block 08:30-17:00 ∩ station 09:00-12:00, 14:00-17:00 -> two ranges; step 50 + 10 = 60:
    // 09:00, 10:00, 11:00 (11:00-11:50 fits; 12:00 does not start a slot) and 14:00, 15:00, 16:00.
    const slots = computeSlots(sessions());
    expect(times(slots)).toEqual(['09:00', '10:00', '11:00', '14:00', '15:00', '16:00']);
    // 09:00 China = 01:00 UTC.
    expect(slots[0]).toEqual({ start: '2026-06-01T01:00:00.000Z', end: '2026-06-01T01:50:00.000Z', counsellorId: 1, stationId: 7, lineId: null, seatsLeft: 1 });
  });

  it('keeps a session ending exactly at closing time, and the buffer can push the last one out', () => {
    // Friday block 14:00-18:00 ∩ station 14:00-16:50: 14:00, 15:00, 16:00-16:50 (ends at closing).
    expect(times(computeSlots(sessions({ from: '2026-06-05', to: '2026-06-05' })))).toEqual(['14:00', '15:00', '16:00']);
    // Buffer 15: step 65: 14:00, 15:05; 16:10 would end 17:00 > 16:50.
    const settings = { ...SETTINGS, bufferMinutes: 15 };
    expect(times(computeSlots(sessions({ settings, from: '2026-06-05', to: '2026-06-05' })))).toEqual(['14:00', '15:05']);
  });

  it('drops slots before now + minimum notice (a slot at exactly that time stays)', () => {
    // Now Mon 09:30 China (01:30Z) + 120 min = 11:30: 09:00, 10:00, 11:00 go.
    expect(times(computeSlots(sessions({ now: new Date('2026-06-01T01:30:00Z') })))).toEqual(['14:00', '15:00', '16:00']);
    // Now Mon 09:00 + 120 min = 11:00: the 11:00 slot stays.
    expect(times(computeSlots(sessions({ now: new Date('2026-06-01T01:00:00Z') })))).toEqual(['11:00', '14:00', '15:00', '16:00']);
  });

  it('offers nothing after today + maxDaysAhead (China dates)', () => {
    // Today Mon 1 June, 7 days ahead: Mon 8 June is the last day; Mon 15 June is out.
    const now = new Date('2026-06-01T04:00:00Z');
    const settings = { ...SETTINGS, maxDaysAhead: 7 };
    const slots = computeSlots(sessions({ now, settings, from: '2026-06-08', to: '2026-06-15' }));
    expect(new Set(show(slots).map((s) => s.slice(0, 10)))).toEqual(new Set(['2026-06-08']));
    expect(slots).toHaveLength(6);
  });

  it('keeps the buffer around existing bookings and live holds', () => {
    // Busy Mon 10:00-10:50 (widened 09:50-11:00) takes only the 10:00 slot: 09:00-09:50 ends at
    // 09:50, 11:00 starts at 11:00. Busy 11:55-12:45 (a phone session; widened 11:45-12:55) takes
    // 11:00-11:50 through the buffer alone (11:50 > 11:45); busy 13:05-13:55 (widened 12:55-14:05)
    // takes 14:00 through the buffer after it (14:00 < 14:05).
    const busy = [
      { start: '2026-06-01T02:00:00Z', end: '2026-06-01T02:50:00Z' },
      { start: new Date('2026-06-01T03:55:00Z'), end: new Date('2026-06-01T04:45:00Z') },
      { start: '2026-06-01T05:05:00Z', end: '2026-06-01T05:55:00Z' },
    ];
    expect(times(computeSlots(sessions({ counsellors: [{ ...COUNSELLOR_1, busy }] })))).toEqual(['09:00', '15:00', '16:00']);
  });

  it('lets a counsellor exception take the day off or set other blocks', () => {
    const exceptions = [
      { date: '2026-06-01', blocks: [] },
      // An extra Saturday: 09:30-11:30 inside the station's 09:00-12:00: 09:30, 10:30 (11:30 would end 12:20).
      { date: '2026-06-06', blocks: [{ ...r('09:30', '11:30'), mode: 'in_person' as const, stationId: 7 }] },
    ];
    const slots = computeSlots(sessions({ to: '2026-06-07', counsellors: [{ ...COUNSELLOR_1, exceptions }] }));
    // Mon off; Fri 5: 14:00, 15:00, 16:00 as above; Sat 6: the exception's two; Tue-Thu have no in-person blocks
    // at a known station.
    expect(show(slots)).toEqual([
      '2026-06-05 14:00 c1 s7',
      '2026-06-05 15:00 c1 s7',
      '2026-06-05 16:00 c1 s7',
      '2026-06-06 09:30 c1 s7',
      '2026-06-06 10:30 c1 s7',
    ]);
  });

  it('closes on holidays unless both the counsellor and the station open the day', () => {
    // Fri 19 (holiday): the weekly Friday block does not apply. Sat 20 (holiday): nothing without an
    // exception; with one (09:00-12:00) it meets the station's holiday opening 10:00-12:00: 10:00, 11:00.
    expect(computeSlots(sessions({ from: '2026-06-19', to: '2026-06-20' }))).toEqual([]);
    const onHoliday = {
      ...COUNSELLOR_1,
      exceptions: [
        { date: '2026-06-19', blocks: [{ ...r('14:00', '17:00'), mode: 'in_person' as const, stationId: 7 }] },
        { date: '2026-06-20', blocks: [{ ...r('09:00', '12:00'), mode: 'in_person' as const, stationId: 7 }] },
      ],
    };
    // The 19th stays empty: the counsellor would work, but the station keeps the holiday.
    expect(show(computeSlots(sessions({ from: '2026-06-19', to: '2026-06-20', counsellors: [onHoliday] })))).toEqual([
      '2026-06-20 10:00 c1 s7',
      '2026-06-20 11:00 c1 s7',
    ]);
    // A weekly Saturday block 09:00-12:00: Sat 13 gives 09:00, 10:00, 11:00; on the holiday Sat 20 the
    // station opens 10:00-12:00, but the counsellor's week does not apply on a holiday.
    const saturdays = { ...COUNSELLOR_1, blocks: [{ weekday: 6 as const, ...r('09:00', '12:00'), mode: 'in_person' as const, stationId: 7 }] };
    expect(show(computeSlots(sessions({ from: '2026-06-13', to: '2026-06-20', counsellors: [saturdays] })))).toEqual([
      '2026-06-13 09:00 c1 s7',
      '2026-06-13 10:00 c1 s7',
      '2026-06-13 11:00 c1 s7',
    ]);
  });

  it('works a 调休 weekend day with the hours of worksAs, Monday by default', () => {
    // Sun 14 works as Monday (counsellor's Monday block, station's Monday hours): 6 slots as on Mon 1.
    // Sun 28 works as Friday: 14:00, 15:00, 16:00.
    const slots = computeSlots(sessions({ from: '2026-06-13', to: '2026-06-28' }));
    const of = (date: string) => times(slots.filter((s) => formatChinaDateTime(new Date(s.start)).startsWith(date)));
    expect(of('2026-06-14')).toEqual(['09:00', '10:00', '11:00', '14:00', '15:00', '16:00']);
    expect(of('2026-06-28')).toEqual(['14:00', '15:00', '16:00']);
    expect(of('2026-06-21')).toEqual([]); // a plain Sunday
  });

  it('counts days from China midnight', () => {
    // Tue 2 June phone block 22:00-24:00: 22:00 and 23:00 China = 14:00Z and 15:00Z on the 2nd;
    // Wed 3 June 07:00 China = 23:00Z on the 2nd, yet it belongs to the 3rd.
    const phone = (from: string, to: string, over: Partial<SessionSlotInput> = {}) => computeSlots(sessions({ kind: 'phone', from, to, ...over }));
    expect(phone('2026-06-02', '2026-06-02').map((s) => s.start)).toEqual(['2026-06-02T14:00:00.000Z', '2026-06-02T15:00:00.000Z']);
    expect(phone('2026-06-03', '2026-06-03').map((s) => s.start)).toEqual(['2026-06-02T23:00:00.000Z']);
    // At 16:30Z on 1 June it is already 00:30 on Tue 2 June in China: with maxDaysAhead 0 the
    // 2nd is the only bookable day (and minNotice 0 lets tonight's slots through).
    const now = new Date('2026-06-01T16:30:00Z');
    const settings = { ...SETTINGS, minNoticeMinutes: 0, maxDaysAhead: 0 };
    expect(show(phone('2026-06-01', '2026-06-03', { now, settings }))).toEqual(['2026-06-02 22:00 c1 snull', '2026-06-02 23:00 c1 snull']);
  });

  it('takes only the kind’s mode, the station asked for, and stations whose hours it has', () => {
    // Thu 4 June, phone: the block at station 7 16:00-18:00 ∩ 14:00-17:00 = 16:00-17:00: one slot.
    // The in-person block at station 9 (no hours given) offers nothing.
    expect(show(computeSlots(sessions({ kind: 'phone', from: '2026-06-04', to: '2026-06-04' })))).toEqual(['2026-06-04 16:00 c1 s7']);
    expect(computeSlots(sessions({ from: '2026-06-04', to: '2026-06-04' }))).toEqual([]);
    const two: CounsellorAvailabilityInput = {
      counsellorId: 2,
      blocks: [
        { weekday: 1, ...r('09:00', '10:00'), mode: 'in_person', stationId: 8 },
        { weekday: 1, ...r('10:00', '12:00'), mode: 'in_person', stationId: 7 },
      ],
      exceptions: [],
      busy: [],
    };
    // Station 7 only: counsellor 2 at 10:00 and 11:00, after counsellor 1 at the same starts.
    expect(show(computeSlots(sessions({ stationId: 7, counsellors: [two, COUNSELLOR_1] })).slice(0, 5))).toEqual([
      '2026-06-01 09:00 c1 s7',
      '2026-06-01 10:00 c1 s7',
      '2026-06-01 10:00 c2 s7',
      '2026-06-01 11:00 c1 s7',
      '2026-06-01 11:00 c2 s7',
    ]);
    expect(show(computeSlots(sessions({ stationId: 8, counsellors: [two, COUNSELLOR_1] })))).toEqual(['2026-06-01 09:00 c2 s8']);
  });

  it('uses station hours given per date as they are (a date not listed is closed)', () => {
    const stations = [{ stationId: 7, days: [{ date: '2026-06-01', hours: [r('10:00', '11:00')] }] }];
    // Mon 1: 10:00-10:50 only; Fri 5 not listed: nothing.
    expect(show(computeSlots(sessions({ stations, to: '2026-06-05' })))).toEqual(['2026-06-01 10:00 c1 s7']);
  });

  it('refuses a duration that could never advance', () => {
    expect(() => computeSlots(sessions({ settings: { ...SETTINGS, durationMinutes: 0 } }))).toThrow(RangeError);
  });

  it('computes a month for a station with 20 counsellors', () => {
    // Each counsellor: Mon-Fri 08:00-12:00 and 13:00-18:00 at a station open 08:00-20:00 every day.
    // Step 60: 08, 09, 10, 11 + 13, 14, 15, 16, 17 (17:00-17:50 fits) = 9 a weekday; June 2026 has
    // 22 weekdays (4 full weeks + Mon 29, Tue 30): 198; each has a booking every Monday 09:00-09:50
    // (5 Mondays), which takes exactly that slot: 193 × 20 counsellors = 3 860.
    const day = [r('08:00', '20:00')];
    const stations = [{ stationId: 1, weekly: { 1: day, 2: day, 3: day, 4: day, 5: day, 6: day, 7: day }, exceptions: [] }];
    const mondays = ['01', '08', '15', '22', '29'].map((d) => ({ start: `2026-06-${d}T01:00:00Z`, end: `2026-06-${d}T01:50:00Z` }));
    const counsellors = Array.from({ length: 20 }, (_, i) => ({
      counsellorId: i + 1,
      blocks: ([1, 2, 3, 4, 5] as const).flatMap((weekday) => [
        { weekday, ...r('08:00', '12:00'), mode: 'in_person' as const, stationId: 1 },
        { weekday, ...r('13:00', '18:00'), mode: 'in_person' as const, stationId: 1 },
      ]),
      exceptions: [],
      busy: mondays,
    }));
    const slots = computeSlots(sessions({ from: '2026-06-01', to: '2026-06-30', calendar: [], stations, counsellors }));
    expect(slots).toHaveLength(3860);
  });
});

const LINE: CallbackWindowInput = {
  kind: 'callback',
  lineId: 3,
  hours: { weekly: { 1: [r('09:00', '12:00')], 5: [r('09:00', '11:30')] }, exceptions: [] },
  calendar: CALENDAR,
  capacityPerWindow: 4,
  settings: { durationMinutes: 60, minNoticeMinutes: 60, maxDaysAhead: 31 },
  from: '2026-06-01',
  to: '2026-06-01',
  // Mon 1 June 08:30 China: the earliest window start is 09:30.
  now: new Date('2026-06-01T00:30:00Z'),
  // Claims at 10:00 (×2), 10:30 and 11:00 China, and 12:00 (the end of the 11:00 window, not in it).
  claims: ['2026-06-01T02:00:00Z', '2026-06-01T02:00:00Z', new Date('2026-06-01T02:30:00Z'), '2026-06-01T03:00:00Z', '2026-06-01T04:00:00Z'],
};

describe('computeWindows', () => {
  it('cuts the line’s hours into windows with the seats left', () => {
    // 09:00 is before 09:30; 10:00: 4 - 3 = 1 seat; 11:00: 4 - 1 = 3 seats.
    expect(computeWindows(LINE)).toEqual([
      { start: '2026-06-01T02:00:00.000Z', end: '2026-06-01T03:00:00.000Z', counsellorId: null, stationId: null, lineId: 3, seatsLeft: 1 },
      { start: '2026-06-01T03:00:00.000Z', end: '2026-06-01T04:00:00.000Z', counsellorId: null, stationId: null, lineId: 3, seatsLeft: 3 },
    ]);
    // With 3 seats a window, 10:00 is full and left out.
    expect(times(computeWindows({ ...LINE, capacityPerWindow: 3 }))).toEqual(['11:00']);
  });

  it('keeps windows whole and follows the holiday calendar', () => {
    // Fri 5: 09:00-11:30 gives 09:00 and 10:00 (11:00-12:00 does not fit). Fri 19 is a holiday.
    expect(times(computeWindows({ ...LINE, from: '2026-06-05', to: '2026-06-05' }))).toEqual(['09:00', '10:00']);
    expect(computeWindows({ ...LINE, from: '2026-06-19', to: '2026-06-19' })).toEqual([]);
  });
});

describe('slotIsOffered', () => {
  it('finds the session slot a hold names, and nothing off the grid, taken or elsewhere', () => {
    const input = sessions();
    // Mon 14:00 China = 06:00Z.
    expect(slotIsOffered(input, { start: '2026-06-01T06:00:00Z', counsellorId: 1, stationId: 7 })).toEqual({
      start: '2026-06-01T06:00:00.000Z',
      end: '2026-06-01T06:50:00.000Z',
      counsellorId: 1,
      stationId: 7,
      lineId: null,
      seatsLeft: 1,
    });
    expect(slotIsOffered(input, { start: '2026-06-01T06:00:00Z', counsellorId: 1 })).not.toBeNull();
    expect(slotIsOffered(input, { start: '2026-06-01T06:30:00Z', counsellorId: 1, stationId: 7 })).toBeNull();
    expect(slotIsOffered(input, { start: '2026-06-01T06:00:00Z', counsellorId: 1, stationId: 8 })).toBeNull();
    expect(slotIsOffered(input, { start: '2026-06-01T06:00:00Z', counsellorId: 2 })).toBeNull();
    expect(slotIsOffered(input, { start: '2026-06-01T06:00:00Z' })).toBeNull();
    expect(slotIsOffered(input, { start: 'not a time', counsellorId: 1 })).toBeNull();
    // Another resident holds 14:00-14:50 meanwhile.
    const held = { ...input, counsellors: [{ ...COUNSELLOR_1, busy: [{ start: '2026-06-01T06:00:00Z', end: '2026-06-01T06:50:00Z' }] }] };
    expect(slotIsOffered(held, { start: '2026-06-01T06:00:00Z', counsellorId: 1, stationId: 7 })).toBeNull();
  });

  it('finds a call-back window while it has a seat', () => {
    expect(slotIsOffered(LINE, { start: '2026-06-01T03:00:00Z' })?.seatsLeft).toBe(3);
    expect(slotIsOffered({ ...LINE, capacityPerWindow: 3 }, { start: '2026-06-01T02:00:00Z' })).toBeNull();
  });
});
