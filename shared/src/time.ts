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

/** The first instant of the China calendar day `YYYY-MM-DD`; null when it is not a real date. */
export function chinaDayStart(day: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return null;
  const [year, month, date] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const utc = new Date(Date.UTC(year, month - 1, date));
  // Date.UTC rolls 2026-02-30 over into March; a real date survives the round trip.
  if (utc.getUTCFullYear() !== year || utc.getUTCMonth() !== month - 1 || utc.getUTCDate() !== date) return null;
  return new Date(utc.getTime() - OFFSET_MS);
}
