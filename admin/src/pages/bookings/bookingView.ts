/**
 * How bookings read in the console: the calendar's visible days and query range, blocks laid out in
 * a day/week time grid (overlaps side by side), the station's opening hours behind them, labels, and
 * which actions a booking offers. Pure functions on China time, so the console may run anywhere.
 */
import {
  BOOKING_KIND_LABELS,
  BOOKING_MARK_MESSAGES,
  bookingMarkProblem,
  addChinaDays,
  chinaDate,
  chinaInstant,
  chinaMinuteOfDay,
  chinaWeekday,
  chinaDaysBetween,
  formatChinaDateTime,
  hmMinutes,
  type BookingDetail,
  type BookingRow,
  type BookingStatus,
  type StationDay,
  type WeeklyHours,
} from '@xinqiao/shared';

export type CalendarView = 'day' | 'week';

/** The grid shows 07:00-22:00 China time; sessions outside it are pinned to its edge. */
export const GRID_START_MINUTES = 7 * 60;
export const GRID_END_MINUTES = 22 * 60;
/** The shortest block drawn, so a 10-minute call-back window is still clickable. */
export const MIN_BLOCK_MINUTES = 20;

/** Tag colours (antd presets) and the calendar block's fill per status. */
export const STATUS_TAG_COLOURS: Record<BookingStatus, string> = {
  confirmed: 'blue',
  attended: 'green',
  no_show: 'orange',
  cancelled: 'default',
  late_cancelled: 'gold',
  staff_cancelled: 'red',
};
export const STATUS_BLOCK_COLOURS: Record<BookingStatus, { background: string; border: string }> = {
  confirmed: { background: '#e6f0ff', border: '#2f6fd6' },
  attended: { background: '#e8f7ee', border: '#389e0d' },
  no_show: { background: '#fff4e6', border: '#d46b08' },
  cancelled: { background: '#f5f5f5', border: '#bfbfbf' },
  late_cancelled: { background: '#fffbe6', border: '#d4b106' },
  staff_cancelled: { background: '#fff1f0', border: '#cf1322' },
};

/** The China dates shown: the day itself, or Monday to Sunday of its week. */
export function visibleDays(anchor: string, view: CalendarView): string[] {
  if (view === 'day') return [anchor];
  const monday = addChinaDays(anchor, 1 - chinaWeekday(anchor));
  return Array.from({ length: 7 }, (_, i) => addChinaDays(monday, i));
}

/** The anchor moved by one view (a day or a week) forwards or backwards. */
export function shiftAnchor(anchor: string, view: CalendarView, direction: 1 | -1): string {
  return addChinaDays(anchor, direction * (view === 'day' ? 1 : 7));
}

/** `from`/`to` of AdminBookingQuery for the visible days: China midnight of the first day to that after the last. */
export function rangeQuery(days: readonly string[]): { from: string; to: string } {
  return { from: chinaInstant(days[0]).toISOString(), to: chinaInstant(addChinaDays(days[days.length - 1], 1)).toISOString() };
}

/** "12月8日 周一"-style column title, and "2026年12月8日 - 12月14日" for the toolbar. */
export function dayTitle(date: string): string {
  const [, m, d] = date.split('-').map(Number);
  return `${m}月${d}日 ${['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'][chinaWeekday(date)]}`;
}
export function rangeTitle(days: readonly string[]): string {
  const [y, m, d] = days[0].split('-').map(Number);
  if (days.length === 1) return `${y}年${m}月${d}日`;
  const [y2, m2, d2] = days[days.length - 1].split('-').map(Number);
  return y2 === y ? `${y}年${m}月${d}日 - ${m2}月${d2}日` : `${y}年${m}月${d}日 - ${y2}年${m2}月${d2}日`;
}

/** `HH:mm` of an instant in China time. */
export function chinaTime(iso: string): string {
  return formatChinaDateTime(new Date(iso)).slice(11);
}

/** "2026-12-08 周二 09:00-09:50" in China time. */
export function sessionTimeText(b: Pick<BookingRow, 'start' | 'end'>): string {
  const day = chinaDate(new Date(b.start));
  return `${day} ${dayTitle(day).split(' ')[1]} ${chinaTime(b.start)}-${chinaTime(b.end)}`;
}

/** Where or with whom: the station (in person), the line (call-back), or 电话. */
export function placeText(b: Pick<BookingRow, 'kind' | 'stationName' | 'lineName'>): string {
  if (b.kind === 'callback') return b.lineName ?? '热线回电';
  if (b.kind === 'phone') return '电话咨询';
  return b.stationName ?? '-';
}

/** The short line on a calendar block: "09:00 王老师 · 到站面询". */
export function blockLabel(b: Pick<BookingRow, 'start' | 'kind' | 'counsellorName' | 'lineName'>): string {
  const who = b.kind === 'callback' ? (b.lineName ?? '热线回电') : (b.counsellorName ?? '未指定咨询师');
  return `${chinaTime(b.start)} ${who} · ${BOOKING_KIND_LABELS[b.kind]}`;
}

export interface PlacedBooking<T> {
  booking: T;
  /** Index into the visible days. */
  dayIndex: number;
  /** Minutes from the grid's top (07:00) and the block's length in minutes. */
  top: number;
  height: number;
  /** Side-by-side position among overlapping bookings of the same day: lane of lanes. */
  lane: number;
  lanes: number;
  /** Starts before 07:00 or ends after 22:00: drawn cut at the edge. */
  clipped: boolean;
}

/**
 * Lay bookings out in the grid: each in the column of its start's China date (bookings of other
 * days are left out), cut to 07:00-22:00, and overlapping ones (within a day) in side-by-side lanes,
 * each taking the first lane free at its start; a cluster of chained overlaps shares one lane count.
 */
export function layoutBookings<T extends Pick<BookingRow, 'start' | 'end'>>(
  bookings: readonly T[],
  days: readonly string[],
  gridStart = GRID_START_MINUTES,
  gridEnd = GRID_END_MINUTES,
): PlacedBooking<T>[] {
  const span = gridEnd - gridStart;
  const placed: PlacedBooking<T>[] = [];
  const byDay = new Map<number, { booking: T; start: number; end: number; clipped: boolean }[]>();
  for (const booking of bookings) {
    const startAt = new Date(booking.start);
    const dayIndex = days.indexOf(chinaDate(startAt));
    if (dayIndex < 0) continue;
    const rawStart = chinaMinuteOfDay(startAt);
    // Minutes from the start's midnight, so a session running past midnight ends below the grid.
    const rawEnd = rawStart + Math.max(0, Math.round((Date.parse(booking.end) - startAt.getTime()) / 60_000));
    let start = Math.min(Math.max(rawStart - gridStart, 0), span);
    let end = Math.min(Math.max(rawEnd - gridStart, 0), span);
    if (end - start < MIN_BLOCK_MINUTES) {
      end = Math.min(start + MIN_BLOCK_MINUTES, span);
      start = Math.min(start, end - MIN_BLOCK_MINUTES);
    }
    const list = byDay.get(dayIndex) ?? [];
    list.push({ booking, start, end, clipped: rawStart < gridStart || rawEnd > gridEnd });
    byDay.set(dayIndex, list);
  }
  for (const [dayIndex, list] of [...byDay.entries()].sort((a, b) => a[0] - b[0])) {
    list.sort((a, b) => a.start - b.start || a.end - b.end);
    let cluster: PlacedBooking<T>[] = [];
    let laneEnds: number[] = [];
    let clusterEnd = -1;
    const close = () => {
      for (const p of cluster) p.lanes = laneEnds.length;
      cluster = [];
      laneEnds = [];
    };
    for (const item of list) {
      if (item.start >= clusterEnd) close();
      let lane = laneEnds.findIndex((e) => e <= item.start);
      if (lane < 0) {
        lane = laneEnds.length;
        laneEnds.push(item.end);
      } else laneEnds[lane] = item.end;
      clusterEnd = Math.max(clusterEnd, item.end);
      const p: PlacedBooking<T> = { booking: item.booking, dayIndex, top: item.start, height: item.end - item.start, lane, lanes: 1, clipped: item.clipped };
      cluster.push(p);
      placed.push(p);
    }
    close();
  }
  return placed;
}

/** A station's hours from GET /api/v1/stations/:id: the resolved days it lists, its weekly pattern for the others. */
export interface StationHoursSource {
  days: readonly StationDay[];
  weeklyHours: WeeklyHours;
}

/**
 * The open bands to shade behind each visible day, in minutes from the grid's top, cut to the grid.
 * The station answers 14 days of resolved hours (exceptions and holidays applied); days outside
 * them (the past, further ahead) fall back to the weekly pattern, marked `approximate`.
 */
export function openingBands(
  days: readonly string[],
  hours: StationHoursSource,
  gridStart = GRID_START_MINUTES,
  gridEnd = GRID_END_MINUTES,
): { date: string; approximate: boolean; holiday: string | null; bands: { top: number; height: number }[] }[] {
  const resolved = new Map(hours.days.map((d) => [d.date, d]));
  return days.map((date) => {
    const day = resolved.get(date);
    const ranges = day ? day.hours : (hours.weeklyHours[chinaWeekday(date)] ?? []);
    const bands = ranges.flatMap((r) => {
      const s = hmMinutes(r.start);
      const e = hmMinutes(r.end);
      if (s === null || e === null) return [];
      const top = Math.max(s, gridStart) - gridStart;
      const bottom = Math.min(e, gridEnd) - gridStart;
      return bottom > top ? [{ top, height: bottom - top }] : [];
    });
    return { date, approximate: !day, holiday: day?.holiday ?? null, bands };
  });
}

/** Today's China date. */
export function chinaToday(now = new Date()): string {
  return chinaDate(now);
}

/** Whether a date is in the visible days (to draw the now-line). */
export function isVisible(date: string, days: readonly string[]): boolean {
  return days.length > 0 && chinaDaysBetween(days[0], date) >= 0 && chinaDaysBetween(date, days[days.length - 1]) >= 0;
}

/** The server masks the phone for everyone but the assigned counsellor ("138****1234"). */
export function isMaskedPhone(phone: string): boolean {
  return phone.includes('*');
}

export interface BookingActions {
  /** 标记已到场 / 标记未到场: once the session has started. */
  mark: boolean;
  /** Why marking is not offered yet, for a disabled button's tooltip. */
  markHint: string | null;
  /** 机构取消: a confirmed booking not yet ended. */
  cancel: boolean;
  /** 转交同事: a counsellor session not yet started. */
  handover: boolean;
  /** 咨询记录: the assigned counsellor only. */
  notes: boolean;
}

/**
 * What the drawer offers. `assigned`: the caller is the booking's counsellor (or, for a call-back,
 * a counsellor of the line's region); the server gives such callers the intake, so a non-null intake
 * also counts. Overseers (station managers at the desk) mark, cancel and hand over too; notes stay
 * with the assigned counsellor. The server checks again; this only avoids offering what it refuses.
 */
export function bookingActions(
  b: Pick<BookingDetail, 'kind' | 'status' | 'start' | 'end' | 'intake' | 'counsellorId'>,
  who: { handle: boolean; oversee: boolean; myCounsellorId: number | null },
  now: Date,
): BookingActions {
  const assigned = who.handle && (b.intake !== null || (who.myCounsellorId !== null && b.counsellorId === who.myCounsellorId));
  const may = assigned || who.oversee;
  const confirmed = b.status === 'confirmed';
  const started = Date.parse(b.start) <= now.getTime();
  const ended = Date.parse(b.end) <= now.getTime();
  const markProblem = bookingMarkProblem(b.status, new Date(b.start), now);
  return {
    mark: may && !markProblem,
    markHint: may && markProblem === 'not_started' ? BOOKING_MARK_MESSAGES.not_started : null,
    cancel: may && confirmed && !ended,
    handover: may && confirmed && !started && b.kind !== 'callback' && b.counsellorId !== null,
    notes: assigned,
  };
}

/** Labels of the history entries the server writes; an unknown action is shown as sent. */
export const HISTORY_ACTION_LABELS: Record<string, string> = {
  booked: '居民预约',
  created: '居民预约',
  confirmed: '预约成功',
  rescheduled: '居民改约',
  cancelled: '居民取消',
  late_cancelled: '居民逾期取消',
  staff_cancelled: '机构取消',
  attended: '标记已到场',
  no_show: '标记未到场',
  handover: '转交同事',
  handed_over: '转交同事',
  rated: '居民评价',
  reminded: '已发送提醒',
};

export function historyActionText(action: string): string {
  return HISTORY_ACTION_LABELS[action] ?? action;
}

/** The kind's word for "attended" (a call-back is "called back", not "came"). */
export function markLabels(kind: BookingRow['kind']): { attended: string; noShow: string } {
  return kind === 'callback' ? { attended: '标记已回电', noShow: '标记未接通' } : { attended: '标记已到场', noShow: '标记未到场' };
}
