/**
 * The slots a resident can book, computed from what the server loaded: counsellors' weekly blocks
 * and dated exceptions, the stations' hours, the national 放假/调休 calendar, and what is already
 * booked or held. All wall-clock times are China time; days begin at China midnight.
 *
 * Work is proportional to the number of slots (plus a sort of the busy intervals), never to minutes,
 * so a month for a station with 20 counsellors is a few thousand steps.
 */
import { addChinaDays, chinaDate, chinaInstant } from '../common/time';
import { hmMinutes, hoursOnFor, openMinutes, scheduleWeekday, type DatedHours, type HolidayCalendar } from '../stations/hours';
import type { TimeRange, WeeklyHours } from '../stations/types';
import type { AvailabilityBlock, AvailabilityException, BookingKindSettings, DayHours, Slot } from './types';

/** An instant as a Date or an ISO 8601 string. */
export type Instant = Date | string;

const ms = (at: Instant): number => (typeof at === 'string' ? Date.parse(at) : at.getTime());
const MINUTE_MS = 60_000;

/**
 * A station's or a call-back line's hours for the dates asked: either already resolved per date
 * (as the stations module's `hoursFor` gives them; a date not listed is closed), or the weekly
 * pattern and dated exceptions, resolved here with the input's holiday calendar.
 */
export type HoursSource = { days: readonly DayHours[] } | { weekly: WeeklyHours; exceptions: readonly DatedHours[] };

export type StationHoursInput = HoursSource & { stationId: number };

export interface CounsellorAvailabilityInput {
  counsellorId: number;
  /** The weekly pattern (all modes and stations; the kind picks its own). */
  blocks: readonly Pick<AvailabilityBlock, 'weekday' | 'start' | 'end' | 'mode' | 'stationId'>[];
  /** Dated exceptions: on such a date only its blocks count (none: off that day), holiday or not. */
  exceptions: readonly Pick<AvailabilityException, 'date' | 'blocks'>[];
  /**
   * The counsellor's confirmed bookings and unexpired holds of any kind and station. Leave out the
   * booking being rescheduled, so that it can move to an overlapping time.
   */
  busy: readonly { start: Instant; end: Instant }[];
}

/** What `computeSlots` needs for counsellor sessions (in person at a station, or by phone). */
export interface SessionSlotInput {
  kind: 'in_person' | 'phone';
  settings: Pick<BookingKindSettings, 'durationMinutes' | 'bufferMinutes' | 'minNoticeMinutes' | 'maxDaysAhead'>;
  /** China dates, inclusive. */
  from: string;
  to: string;
  now: Date;
  /** 放假/调休 entries covering [from, to]; they decide which weekly blocks apply (and station hours given as a pattern). */
  calendar: HolidayCalendar;
  /** Only blocks at this station (required by the API for in-person sessions). */
  stationId?: number;
  /** Hours of every station the blocks name; a block at a station missing here offers nothing. */
  stations: readonly StationHoursInput[];
  counsellors: readonly CounsellorAvailabilityInput[];
}

/** What `computeWindows` needs for a hotline's call-back windows. */
export interface CallbackWindowInput {
  kind: 'callback';
  lineId: number;
  /** The line's service hours; given as a pattern, the holiday calendar applies as for stations. */
  hours: HoursSource;
  calendar: HolidayCalendar;
  capacityPerWindow: number;
  settings: Pick<BookingKindSettings, 'durationMinutes' | 'minNoticeMinutes' | 'maxDaysAhead'>;
  /** China dates, inclusive. */
  from: string;
  to: string;
  now: Date;
  /** Starts of the line's confirmed call-backs and unexpired holds, one entry per seat taken. */
  claims: readonly Instant[];
}

export type SlotInput = SessionSlotInput | CallbackWindowInput;

/** The China dates worth looking at: [from, to] within [today, today + maxDaysAhead]. */
function bookableDates(from: string, to: string, now: Date, maxDaysAhead: number): string[] {
  const today = chinaDate(now);
  const first = from > today ? from : today;
  const lastBookable = addChinaDays(today, maxDaysAhead);
  const last = to < lastBookable ? to : lastBookable;
  const dates: string[] = [];
  for (let date = first; date <= last; date = addChinaDays(date, 1)) dates.push(date);
  return dates;
}

/** Open minutes per date of an hours source, computed once per date. */
function openMinutesOf(source: HoursSource, calendar: HolidayCalendar): (date: string) => [number, number][] {
  let hoursOf: (date: string) => readonly TimeRange[];
  if ('days' in source) {
    const days = new Map(source.days.map((d) => [d.date, d.hours]));
    hoursOf = (date) => days.get(date) ?? [];
  } else {
    hoursOf = hoursOnFor(source.weekly, source.exceptions, calendar);
  }
  const cache = new Map<string, [number, number][]>();
  return (date) => {
    let open = cache.get(date);
    if (!open) cache.set(date, (open = openMinutes(hoursOf(date))));
    return open;
  };
}

/** Index of the first interval whose end is after `at` (intervals sorted and disjoint). */
function firstEndingAfter(intervals: readonly [number, number][], at: number): number {
  let lo = 0;
  let hi = intervals.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (intervals[mid][1] > at) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Busy intervals widened by the buffer on both sides, merged; a slot [s, e) overlapping one is taken. */
function busyCheck(busy: CounsellorAvailabilityInput['busy'], bufferMs: number): (start: number, end: number) => boolean {
  const widened = busy
    .map((b): [number, number] => [ms(b.start) - bufferMs, ms(b.end) + bufferMs])
    .filter(([s, e]) => s < e)
    .sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const w of widened) {
    const last = merged[merged.length - 1];
    if (last && w[0] <= last[1]) last[1] = Math.max(last[1], w[1]);
    else merged.push(w);
  }
  return (start, end) => {
    const i = firstEndingAfter(merged, start);
    return i < merged.length && merged[i][0] < end;
  };
}

/** The parts of [start, end) inside the open intervals (sorted and disjoint). */
function intersect(start: number, end: number, open: readonly [number, number][]): [number, number][] {
  const parts: [number, number][] = [];
  for (const [s, e] of open) {
    const a = Math.max(start, s);
    const b = Math.min(end, e);
    if (a < b) parts.push([a, b]);
  }
  return parts;
}

function requirePositive(name: string, value: number, min: number): void {
  if (!(value >= min)) throw new RangeError(`${name} must be at least ${min}`);
}

const byStart = (a: Slot, b: Slot): number =>
  Date.parse(a.start) - Date.parse(b.start) || (a.counsellorId ?? 0) - (b.counsellorId ?? 0) || (a.stationId ?? 0) - (b.stationId ?? 0);

/**
 * Counsellor session slots in [from, to], sorted by start (then counsellor, then station):
 * - each date's blocks of the kind's mode: the counsellor's exception for the date if any, else the
 *   weekly blocks of the weekday the calendar says (none on a holiday; `worksAs` on a 调休 workday);
 * - a block at a station is cut to the station's open hours that date (in-person blocks need one);
 * - slots start at each resulting range's start and step by duration + buffer; a slot must fit
 *   wholly (ending exactly at closing is fine);
 * - dropped: starting before now + minimum notice, on a date after today + maxDaysAhead, or
 *   overlapping a busy interval widened by the buffer on both sides.
 */
export function computeSlots(input: SessionSlotInput): Slot[] {
  const { durationMinutes, bufferMinutes, minNoticeMinutes, maxDaysAhead } = input.settings;
  requirePositive('durationMinutes', durationMinutes, 1);
  requirePositive('bufferMinutes', bufferMinutes, 0);
  const mode = input.kind;
  const earliest = input.now.getTime() + minNoticeMinutes * MINUTE_MS;
  const calendar = new Map(input.calendar.map((d) => [d.date, d]));
  const stationOpen = new Map(input.stations.map((s) => [s.stationId, openMinutesOf(s, input.calendar)]));
  const dates = bookableDates(input.from, input.to, input.now, maxDaysAhead);
  const slots: Slot[] = [];

  for (const c of input.counsellors) {
    const isBusy = busyCheck(c.busy, bufferMinutes * MINUTE_MS);
    const exceptions = new Map(c.exceptions.map((e) => [e.date, e.blocks]));
    for (const date of dates) {
      const midnight = chinaInstant(date).getTime();
      const weekday = exceptions.has(date) ? null : scheduleWeekday(date, calendar);
      const blocks = exceptions.get(date) ?? (weekday === null ? [] : c.blocks.filter((b) => b.weekday === weekday));
      for (const block of blocks) {
        if (block.mode !== mode) continue;
        if (input.stationId !== undefined && block.stationId !== input.stationId) continue;
        if (mode === 'in_person' && block.stationId === null) continue;
        const start = hmMinutes(block.start);
        const end = hmMinutes(block.end);
        if (start === null || end === null || start >= end) continue;
        let ranges: [number, number][] = [[start, end]];
        if (block.stationId !== null) {
          const open = stationOpen.get(block.stationId);
          if (!open) continue;
          ranges = intersect(start, end, open(date));
        }
        for (const [rangeStart, rangeEnd] of ranges) {
          for (let t = rangeStart; t + durationMinutes <= rangeEnd; t += durationMinutes + bufferMinutes) {
            const slotStart = midnight + t * MINUTE_MS;
            const slotEnd = slotStart + durationMinutes * MINUTE_MS;
            if (slotStart < earliest || isBusy(slotStart, slotEnd)) continue;
            slots.push({
              start: new Date(slotStart).toISOString(),
              end: new Date(slotEnd).toISOString(),
              counsellorId: c.counsellorId,
              stationId: block.stationId,
              lineId: null,
              seatsLeft: 1,
            });
          }
        }
      }
    }
  }
  return slots.sort(byStart);
}

/**
 * Call-back windows in [from, to], sorted by start: consecutive windows of `durationMinutes` from
 * the start of each of the line's open ranges that date (a window must fit wholly), each with
 * `capacityPerWindow` minus the claims starting inside it as `seatsLeft`; full windows, windows
 * starting before now + minimum notice and dates after today + maxDaysAhead are left out.
 */
export function computeWindows(input: CallbackWindowInput): Slot[] {
  const { durationMinutes, minNoticeMinutes, maxDaysAhead } = input.settings;
  requirePositive('durationMinutes', durationMinutes, 1);
  const earliest = input.now.getTime() + minNoticeMinutes * MINUTE_MS;
  const openOn = openMinutesOf(input.hours, input.calendar);
  const claims = input.claims.map(ms).sort((a, b) => a - b);
  const claimsBefore = (at: number): number => {
    let lo = 0;
    let hi = claims.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (claims[mid] < at) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const windows: Slot[] = [];
  for (const date of bookableDates(input.from, input.to, input.now, maxDaysAhead)) {
    const midnight = chinaInstant(date).getTime();
    for (const [rangeStart, rangeEnd] of openOn(date)) {
      for (let t = rangeStart; t + durationMinutes <= rangeEnd; t += durationMinutes) {
        const start = midnight + t * MINUTE_MS;
        const end = start + durationMinutes * MINUTE_MS;
        if (start < earliest) continue;
        const seatsLeft = input.capacityPerWindow - (claimsBefore(end) - claimsBefore(start));
        if (seatsLeft <= 0) continue;
        windows.push({
          start: new Date(start).toISOString(),
          end: new Date(end).toISOString(),
          counsellorId: null,
          stationId: null,
          lineId: input.lineId,
          seatsLeft,
        });
      }
    }
  }
  return windows;
}

/** The slot a hold asks for (as `HoldInput` names it). */
export interface WantedSlot {
  start: Instant;
  /** Sessions: the counsellor (required). */
  counsellorId?: number | null;
  /** Sessions: the station, when the hold names one (a phone slot may have none: pass null). */
  stationId?: number | null;
}

/**
 * The offered slot or window a hold request names, or null when it is not offered (any more): the
 * server's check of `POST /bookings/holds`, with the same input as for listing (only the wanted
 * start's date is computed, and for sessions only the wanted counsellor).
 */
export function slotIsOffered(input: SlotInput, wanted: WantedSlot): Slot | null {
  const at = ms(wanted.start);
  if (Number.isNaN(at)) return null;
  const date = chinaDate(new Date(at));
  if (input.kind === 'callback') {
    return computeWindows({ ...input, from: date, to: date }).find((w) => Date.parse(w.start) === at) ?? null;
  }
  if (wanted.counsellorId === undefined || wanted.counsellorId === null) return null;
  const counsellors = input.counsellors.filter((c) => c.counsellorId === wanted.counsellorId);
  const slots = computeSlots({ ...input, from: date, to: date, counsellors });
  return slots.find((s) => Date.parse(s.start) === at && (wanted.stationId === undefined || s.stationId === wanted.stationId)) ?? null;
}
