/**
 * Calendar dates as residents and officials in China see them (UTC+8, no daylight saving).
 * `chinaMonth` and `chinaYear` live in @xinqiao/shared beside the event rules that also use them.
 */
const OFFSET_MS = 8 * 3_600_000;

/** Midnight (China time) of the day of an instant: keeps only the date of an anonymous answer. */
export function chinaDay(at: Date): Date {
  const shifted = new Date(at.getTime() + OFFSET_MS);
  return new Date(Date.UTC(shifted.getUTCFullYear(), shifted.getUTCMonth(), shifted.getUTCDate()) - OFFSET_MS);
}

/** Today's date in China, `YYYY-MM-DD`. */
export function chinaToday(now = new Date()): string {
  return new Date(now.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** `YYYY-MM-DD HH:mm` in China time, for messages. */
export function chinaDateTime(at: Date): string {
  return new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}
