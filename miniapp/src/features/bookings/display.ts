import {
  BOOKING_KIND_LABELS,
  CHINA_UTC_OFFSET_MINUTES,
  WEEKDAY_LABELS,
  addChinaDays,
  chinaDate,
  chinaDaysBetween,
  chinaWeekday,
  formatChinaDateTime,
  type GeoPoint,
  type MyBooking,
  type Slot,
  type StationSummary,
  type TimeRange,
  type Weekday,
  type WeeklyHours,
} from '@xinqiao/shared';

/**
 * Booking times in words. Slots, stations and bookings are in China time whatever the phone's time
 * zone: a resident abroad, or a phone set to UTC, still sees the hours posted on the station's wall.
 */

const OFFSET_MS = CHINA_UTC_OFFSET_MINUTES * 60_000;
const pad = (n: number) => String(n).padStart(2, '0');

/** `HH:mm` of an instant in China time. */
export function chinaClock(iso: string): string {
  const d = new Date(Date.parse(iso) + OFFSET_MS);
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** `6月4日 周四` of a China date. */
export function chinaDateLabel(date: string): string {
  const [, m, d] = date.split('-').map(Number);
  return `${m}月${d}日 ${WEEKDAY_LABELS[chinaWeekday(date)]}`;
}

/** 今天 / 明天 / 后天, else the weekday: the top line of a day tab. */
export function relativeDayName(date: string, today: string): string {
  const days = chinaDaysBetween(today, date);
  if (days === 0) return '今天';
  if (days === 1) return '明天';
  if (days === 2) return '后天';
  return WEEKDAY_LABELS[chinaWeekday(date)];
}

/** `6/4`: the bottom line of a day tab. */
export function shortDate(date: string): string {
  const [, m, d] = date.split('-').map(Number);
  return `${m}/${d}`;
}

/** `09:00-09:50` */
export function slotRange(slot: Pick<Slot, 'start' | 'end'>): string {
  return `${chinaClock(slot.start)}-${chinaClock(slot.end)}`;
}

/** `6月4日 周四 09:00-09:50`, with the year when it is not this (China) year. */
export function bookingWhen(b: Pick<MyBooking, 'start' | 'end'>, now: Date): string {
  const date = chinaDate(new Date(b.start));
  const year = date.slice(0, 4) === chinaDate(now).slice(0, 4) ? '' : `${date.slice(0, 4)}年`;
  return `${year}${chinaDateLabel(date)} ${slotRange(b)}`;
}

/** `6月3日 09:00` (deadlines such as the cancellation cut-off). */
export function chinaMoment(iso: string): string {
  const [date, time] = formatChinaDateTime(new Date(iso)).split(' ');
  const [, m, d] = date.split('-').map(Number);
  return `${m}月${d}日 ${time}`;
}

export interface DayGroup<T> {
  /** China date `YYYY-MM-DD`. */
  date: string;
  slots: T[];
}

const byStart = (a: Pick<Slot, 'start'>, b: Pick<Slot, 'start'>) => Date.parse(a.start) - Date.parse(b.start);

/** Slots by China date (dates ascending, slots by start within a day). */
export function groupSlotsByDay<T extends Pick<Slot, 'start'>>(slots: readonly T[]): DayGroup<T>[] {
  const days = new Map<string, T[]>();
  for (const slot of [...slots].sort(byStart)) {
    const date = chinaDate(new Date(slot.start));
    const list = days.get(date);
    if (list) list.push(slot);
    else days.set(date, [slot]);
  }
  return [...days.entries()].map(([date, list]) => ({ date, slots: list }));
}

export interface CounsellorGroup<T> {
  counsellorId: number | null;
  slots: T[];
}

/** One day's slots by counsellor: the counsellor with the earliest slot first (then by id), slots by start. */
export function groupSlotsByCounsellor<T extends Pick<Slot, 'start' | 'counsellorId'>>(slots: readonly T[]): CounsellorGroup<T>[] {
  const groups = new Map<number | null, T[]>();
  const ordered = [...slots].sort((a, b) => byStart(a, b) || (a.counsellorId ?? 0) - (b.counsellorId ?? 0));
  for (const slot of ordered) {
    const list = groups.get(slot.counsellorId);
    if (list) list.push(slot);
    else groups.set(slot.counsellorId, [slot]);
  }
  return [...groups.entries()].map(([counsellorId, list]) => ({ counsellorId, slots: list }));
}

/** The China dates a slot query covers: today and the next `days - 1`. */
export function slotQueryRange(now: Date, days: number): { from: string; to: string } {
  const from = chinaDate(now);
  return { from, to: addChinaDays(from, Math.max(days, 1) - 1) };
}

export interface Countdown {
  secondsLeft: number;
  /** `m:ss` */
  text: string;
  expired: boolean;
}

/** Time left on a hold, rounded down to whole seconds; never negative. */
export function holdCountdown(expiresAt: string, now: Date): Countdown {
  const secondsLeft = Math.max(0, Math.floor((Date.parse(expiresAt) - now.getTime()) / 1000));
  return { secondsLeft, text: `${Math.floor(secondsLeft / 60)}:${pad(secondsLeft % 60)}`, expired: secondsLeft === 0 };
}

/** `850 米` (to 10 m), `1.2 公里`, `35 公里` from 10 km on. */
export function distanceText(metres: number | null): string {
  if (metres === null || !Number.isFinite(metres) || metres < 0) return '';
  if (metres < 1000) return `${Math.max(10, Math.round(metres / 10) * 10)} 米`;
  if (metres < 10_000) return `${(metres / 1000).toFixed(1)} 公里`;
  return `${Math.round(metres / 1000)} 公里`;
}

/** `09:00-12:00、14:00-17:30`; empty when closed. */
export function rangesText(ranges: readonly TimeRange[]): string {
  return ranges.map((r) => `${r.start}-${r.end}`).join('、');
}

/** `今日 09:00-12:00、14:00-17:30`, or `今日休息`. */
export function todayHoursText(ranges: readonly TimeRange[]): string {
  return ranges.length ? `今日 ${rangesText(ranges)}` : '今日休息';
}

/** 营业中 / 已休息, and when it opens next (`明天 09:00 开门`) while closed. */
export function openState(s: Pick<StationSummary, 'openNow' | 'nextOpenAt'>, now: Date): { label: '营业中' | '已休息'; note: string | null } {
  if (s.openNow) return { label: '营业中', note: null };
  if (!s.nextOpenAt) return { label: '已休息', note: null };
  const date = chinaDate(new Date(s.nextOpenAt));
  const today = chinaDate(now);
  const day = chinaDaysBetween(today, date) <= 2 ? relativeDayName(date, today) : chinaDateLabel(date);
  return { label: '已休息', note: `${day} ${chinaClock(s.nextOpenAt)} 开门` };
}

/** Monday to Sunday with their hours, `休息` for a closed day. */
export function weekRows(weekly: WeeklyHours): { weekday: Weekday; label: string; text: string }[] {
  return ([1, 2, 3, 4, 5, 6, 7] as Weekday[]).map((weekday) => {
    const ranges = weekly[weekday] ?? [];
    return { weekday, label: WEEKDAY_LABELS[weekday], text: ranges.length ? rangesText(ranges) : '休息' };
  });
}

/**
 * 高德 "marker" page for the H5 (a page the browser navigates to, nothing loaded into ours).
 * Positions are GCJ-02, which is 高德's own datum.
 */
export function amapMarkerUrl(point: GeoPoint, name: string): string {
  return `https://uri.amap.com/marker?position=${point.lng},${point.lat}&name=${encodeURIComponent(name)}&src=xinqiao&coordinate=gaode&callnative=1`;
}

type BookingHead = Pick<MyBooking, 'kind' | 'counsellor' | 'line' | 'station'>;

/** `到站面询 · 王敏`, `热线回电 · 永川区心理援助热线`. */
export function bookingTitle(b: BookingHead): string {
  const who = b.counsellor?.name ?? b.line?.name;
  return who ? `${BOOKING_KIND_LABELS[b.kind]} · ${who}` : BOOKING_KIND_LABELS[b.kind];
}

/** Where the session happens, in words. */
export function bookingPlace(b: BookingHead): string {
  if (b.kind === 'in_person') return b.station ? `${b.station.name}（${b.station.address}）` : '到站面询';
  if (b.kind === 'phone') return '咨询师将在预约时间拨打您留下的联系电话';
  return b.line ? `${b.line.name}（${b.line.number}）将在此时段内回电` : '热线值班人员将在此时段内回电';
}

/**
 * What the cancel dialog says: on time until the cut-off (inclusive, as the server counts it),
 * recorded as 逾期取消 after it.
 */
export function cancelConfirmation(b: Pick<MyBooking, 'cutoffAt'>, now: Date): { title: string; content: string; late: boolean } {
  const late = now.getTime() > Date.parse(b.cutoffAt);
  return late
    ? {
        title: '逾期取消',
        content: `已过取消截止时间（${chinaMoment(b.cutoffAt)}），现在取消将记为“逾期取消”。如确实无法前往，仍请取消，把时间留给其他居民。确定取消吗？`,
        late,
      }
    : {
        title: '取消预约',
        content: `在 ${chinaMoment(b.cutoffAt)} 前取消不计为逾期。取消后该时段将开放给其他居民。确定取消这次预约吗？`,
        late,
      };
}

/** wx.addPhoneCalendar's option: Unix seconds, an alarm two hours before (as the reminder). */
export function phoneCalendarEvent(b: BookingHead & Pick<MyBooking, 'start' | 'end'>): {
  title: string;
  startTime: number;
  endTime: string;
  description: string;
  location?: string;
  alarm: boolean;
  alarmOffset: number;
} {
  const event = {
    title: bookingTitle(b),
    startTime: Math.floor(Date.parse(b.start) / 1000),
    endTime: String(Math.floor(Date.parse(b.end) / 1000)),
    description: `${bookingPlace(b)}。如需改期或取消，请在心桥小程序“我的预约”中操作。`,
    alarm: true,
    alarmOffset: 2 * 3600,
  };
  return b.kind === 'in_person' && b.station ? { ...event, location: `${b.station.name} ${b.station.address}` } : event;
}
