/** The station editor's form values and their conversion to and from `StationInput` / `AdminStation`. */
import {
  WEEKDAY_LABELS,
  hoursProblemMessage,
  validateTimeRanges,
  validateWeeklyHours,
  type AdminStation,
  type StationExceptionInput,
  type StationInput,
  type StationService,
  type StationType,
  type TimeRange,
  type WeeklyHours,
} from '@xinqiao/shared';
import { WEEKDAYS } from './stationHours';

/** One range as the editor holds it: either end may still be unpicked. */
export interface RangeFormValue {
  start?: string;
  end?: string;
}

/** Ranges per weekday, keyed '1' (Monday) … '7' (Sunday); an empty list is a closed day. */
export type WeeklyFormValue = Record<string, RangeFormValue[]>;

export interface StationFormValues {
  name: string;
  type: StationType;
  regionId?: number;
  address: string;
  /** Both or neither: the map point is optional. */
  lat?: number | null;
  lng?: number | null;
  phone?: string | null;
  services: StationService[];
  accessibility?: string | null;
  description?: string | null;
  photoUrl: string | null;
  weekly: WeeklyFormValue;
  published: boolean;
}

const range = (start: string, end: string): RangeFormValue => ({ start, end });
/** A new station starts with 40.5 hours: Mon-Fri 08:30-12:00 and 14:00-18:00 (7.5 h x 5), Sat 09:00-12:00. */
const DEFAULT_DAY = [range('08:30', '12:00'), range('14:00', '18:00')];

export function weeklyToForm(weekly: WeeklyHours): WeeklyFormValue {
  return Object.fromEntries(WEEKDAYS.map((d) => [String(d), (weekly[d] ?? []).map((r) => ({ start: r.start, end: r.end }))]));
}

export function emptyStationForm(regionId: number): StationFormValues {
  return {
    name: '',
    type: 'service_station',
    regionId,
    address: '',
    lat: null,
    lng: null,
    phone: '',
    services: ['counselling'],
    accessibility: '',
    description: '',
    photoUrl: null,
    weekly: { ...weeklyToForm({}), 1: DEFAULT_DAY, 2: DEFAULT_DAY, 3: DEFAULT_DAY, 4: DEFAULT_DAY, 5: DEFAULT_DAY, 6: [range('09:00', '12:00')] },
    published: false,
  };
}

export function stationToForm(s: AdminStation): StationFormValues {
  return {
    name: s.name,
    type: s.type,
    regionId: s.regionId,
    address: s.address,
    lat: s.location?.lat ?? null,
    lng: s.location?.lng ?? null,
    phone: s.phone ?? '',
    services: s.services,
    accessibility: s.accessibility ?? '',
    description: s.description ?? '',
    photoUrl: s.photoUrl,
    weekly: weeklyToForm(s.weeklyHours),
    published: s.published,
  };
}

/** Ranges with both ends picked; an unfinished one is reported by `weeklyFormProblems`. */
function picked(ranges: RangeFormValue[] | undefined): TimeRange[] {
  return (ranges ?? []).filter((r): r is TimeRange => Boolean(r.start && r.end));
}

export function formToWeekly(weekly: WeeklyFormValue): WeeklyHours {
  const out: WeeklyHours = {};
  for (const d of WEEKDAYS) {
    const ranges = picked(weekly[String(d)]);
    if (ranges.length) out[d] = ranges;
  }
  return out;
}

/** Every problem of the week, worded as the server words them ("周二第2段：开始时间须早于结束时间"). */
export function weeklyFormProblems(weekly: WeeklyFormValue): string[] {
  const unfinished = WEEKDAYS.flatMap((d) =>
    (weekly[String(d)] ?? []).flatMap((r, i) => (r.start && r.end ? [] : [`${WEEKDAY_LABELS[d]}第${i + 1}段：请选择开始和结束时间`])),
  );
  return [...unfinished, ...validateWeeklyHours(formToWeekly(weekly)).map(hoursProblemMessage)];
}

/** What keeps the form from being saved, all at once. */
export function stationFormProblems(v: StationFormValues): string[] {
  const problems = weeklyFormProblems(v.weekly);
  if ((v.lat === null || v.lat === undefined) !== (v.lng === null || v.lng === undefined)) problems.push('地图位置须同时填写纬度和经度，或都不填');
  return problems;
}

const blankToNull = (s: string | null | undefined) => (s?.trim() ? s.trim() : null);

/** Validated form values -> `StationInput`. */
export function toStationInput(v: StationFormValues): StationInput {
  if (v.regionId === undefined) throw new Error('regionId is required');
  return {
    name: v.name.trim(),
    type: v.type,
    regionId: v.regionId,
    address: v.address.trim(),
    location: v.lat === null || v.lat === undefined || v.lng === null || v.lng === undefined ? null : { lat: v.lat, lng: v.lng },
    phone: blankToNull(v.phone),
    services: v.services ?? [],
    accessibility: blankToNull(v.accessibility),
    description: blankToNull(v.description),
    photoUrl: v.photoUrl ?? null,
    weeklyHours: formToWeekly(v.weekly),
    published: v.published,
  };
}

/** A dated exception as its modal holds it. */
export interface ExceptionFormValues {
  date: string;
  /** Closed all day, or open at `ranges`. */
  closed: boolean;
  ranges: RangeFormValue[];
  note?: string | null;
}

export function exceptionFormProblems(v: ExceptionFormValues): string[] {
  if (v.closed) return [];
  const ranges = v.ranges ?? [];
  if (!ranges.length) return ['请添加至少一个开放时间段，或选择“全天闭站”'];
  const unfinished = ranges.flatMap((r, i) => (r.start && r.end ? [] : [`第${i + 1}段：请选择开始和结束时间`]));
  return [...unfinished, ...validateTimeRanges(picked(ranges)).map(hoursProblemMessage)];
}

export function toExceptionInput(v: ExceptionFormValues): StationExceptionInput {
  return { date: v.date, hours: v.closed ? [] : picked(v.ranges), note: blankToNull(v.note) };
}
