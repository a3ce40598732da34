import { CHINA_UTC_OFFSET_MINUTES, POPULATION_GROUP_LABELS, type EventSummary, type PopulationGroup } from '@xinqiao/shared';

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
const pad = (n: number) => String(n).padStart(2, '0');

interface ChinaParts {
  year: number;
  month: number;
  day: number;
  weekday: string;
  time: string;
}

/** Calendar parts in China time, where the events take place, whatever the phone's time zone. */
function chinaParts(at: Date): ChinaParts {
  const c = new Date(at.getTime() + CHINA_UTC_OFFSET_MINUTES * 60_000);
  return {
    year: c.getUTCFullYear(),
    month: c.getUTCMonth() + 1,
    day: c.getUTCDate(),
    weekday: WEEKDAYS[c.getUTCDay()],
    time: `${pad(c.getUTCHours())}:${pad(c.getUTCMinutes())}`,
  };
}

function parse(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** `11月25日`, with the year when it is not this year's. */
function dayLabel(p: ChinaParts, now: Date): string {
  const year = p.year === chinaParts(now).year ? '' : `${p.year}年`;
  return `${year}${p.month}月${p.day}日`;
}

/** `11月25日 周三 14:00-16:00`, or `11月25日 14:00 至 11月26日 16:00` across days. */
export function formatEventTime(startsAt: string, endsAt: string, now: Date): string {
  const start = parse(startsAt);
  const end = parse(endsAt);
  if (!start) return '';
  const s = chinaParts(start);
  if (!end) return `${dayLabel(s, now)} ${s.weekday} ${s.time}`;
  const e = chinaParts(end);
  if (s.year === e.year && s.month === e.month && s.day === e.day) return `${dayLabel(s, now)} ${s.weekday} ${s.time}-${e.time}`;
  return `${dayLabel(s, now)} ${s.time} 至 ${dayLabel(e, now)} ${e.time}`;
}

/** `11月25日 14:00` (deadlines, sign-up windows). */
export function formatMoment(iso: string | null | undefined, now: Date): string {
  const at = parse(iso);
  if (!at) return '';
  const p = chinaParts(at);
  return `${dayLabel(p, now)} ${p.time}`;
}

export type SeatsTone = 'open' | 'waitlist' | 'full';

/** The seat line of a card: the waiting list counts as full, since nobody gets a seat ahead of the queue. */
export function seatsState(e: Pick<EventSummary, 'seatsLeft' | 'waitlistOpen'>): { text: string; tone: SeatsTone } {
  if (e.waitlistOpen) return { text: '已满，可候补', tone: 'waitlist' };
  if (e.seatsLeft > 0) return { text: `剩余 ${e.seatsLeft} 个名额`, tone: 'open' };
  return { text: '名额已满', tone: 'full' };
}

/** `即日起至 11月24日 18:00`; sign-up closes at the start unless set earlier. */
export function signupWindowText(e: Pick<EventSummary, 'signupOpensAt' | 'signupClosesAt' | 'startsAt'>, now: Date): string {
  const from = e.signupOpensAt ? `${formatMoment(e.signupOpensAt, now)} 起` : '即日起';
  return `${from}至 ${formatMoment(e.signupClosesAt ?? e.startsAt, now)}`;
}

/** `学生、家长`, or everyone when the event names no group. */
export function audiencesText(audiences: readonly PopulationGroup[]): string {
  return audiences.length ? audiences.map((a) => POPULATION_GROUP_LABELS[a] ?? a).join('、') : '所有居民';
}
