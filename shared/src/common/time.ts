/**
 * Dates and times as residents and officials in China see them. China has a single time zone
 * without daylight saving (UTC+8): years, months and days are counted in it, so a lecture at 07:00
 * on 1 January is not booked to the previous year.
 */
export const CHINA_UTC_OFFSET_MINUTES = 480;
const OFFSET_MS = CHINA_UTC_OFFSET_MINUTES * 60_000;

/** Calendar year of an instant in China time. */
export function chinaYear(at: Date): number {
  return new Date(at.getTime() + OFFSET_MS).getUTCFullYear();
}

/** Calendar month of an instant in China time, as `YYYY-MM`. */
export function chinaMonth(at: Date): string {
  const d = new Date(at.getTime() + OFFSET_MS);
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** The first instant of a China-time year, and of the next one: events of `year` start in [from, to). */
export function chinaYearRange(year: number): { from: Date; to: Date } {
  return { from: new Date(Date.UTC(year, 0, 1) - OFFSET_MS), to: new Date(Date.UTC(year + 1, 0, 1) - OFFSET_MS) };
}

/** `YYYY-MM-DD HH:mm` in China time, a format WeChat's `time` values accept. */
export function formatChinaDateTime(at: Date): string {
  const d = new Date(at.getTime() + OFFSET_MS);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`;
}

/** Midnight (China time) of the day of an instant, e.g. to keep only the date of an anonymous answer. */
export function chinaDay(at: Date): Date {
  const shifted = new Date(at.getTime() + OFFSET_MS);
  return new Date(Date.UTC(shifted.getUTCFullYear(), shifted.getUTCMonth(), shifted.getUTCDate()) - OFFSET_MS);
}

/** The China date of an instant, `YYYY-MM-DD`. */
export function chinaDate(at: Date): string {
  return new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

const DAY_MS = 86_400_000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Midnight UTC of a `YYYY-MM-DD` date's calendar day, or NaN when it is not a real date. */
function dateUtcMs(date: string): number {
  const m = DATE_PATTERN.exec(date);
  if (!m) return NaN;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  // Date.UTC rolls 2026-02-30 over to 2026-03-02; a real date survives the round trip.
  return new Date(ms).toISOString().slice(0, 10) === date ? ms : NaN;
}

function requireDate(date: string): number {
  const ms = dateUtcMs(date);
  if (Number.isNaN(ms)) throw new RangeError(`not a date (YYYY-MM-DD): ${date}`);
  return ms;
}

/** Whether a string is a real calendar date written `YYYY-MM-DD` (2026-02-29 is not). */
export function isChinaDate(value: string): boolean {
  return !Number.isNaN(dateUtcMs(value));
}

/** The China date `days` after `date` (before it when negative), `YYYY-MM-DD`. */
export function addChinaDays(date: string, days: number): string {
  return new Date(requireDate(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (China dates; negative when `to` is earlier). */
export function chinaDaysBetween(from: string, to: string): number {
  return Math.round((requireDate(to) - requireDate(from)) / DAY_MS);
}

/** ISO weekday of a China date: 1 = Monday … 7 = Sunday. */
export function chinaWeekday(date: string): 1 | 2 | 3 | 4 | 5 | 6 | 7 {
  const day = new Date(requireDate(date)).getUTCDay();
  return (day === 0 ? 7 : day) as 1 | 2 | 3 | 4 | 5 | 6 | 7;
}

/** The instant of a China wall-clock time: `minutes` after midnight of `date` (1440 is the next midnight). */
export function chinaInstant(date: string, minutes = 0): Date {
  return new Date(requireDate(date) - OFFSET_MS + minutes * 60_000);
}

/** Minutes since China midnight of an instant, 0-1439. */
export function chinaMinuteOfDay(at: Date): number {
  const ms = at.getTime() + OFFSET_MS;
  return Math.floor((((ms % DAY_MS) + DAY_MS) % DAY_MS) / 60_000);
}

/** The first instant of the China calendar day `YYYY-MM-DD`; null when it is not a real date. */
export function chinaDayStart(day: string): Date | null {
  const ms = dateUtcMs(day);
  return Number.isNaN(ms) ? null : new Date(ms - OFFSET_MS);
}
