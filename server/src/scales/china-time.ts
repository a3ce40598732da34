/** Calendar dates as residents and officials in China see them (UTC+8, no daylight saving). */
const OFFSET_MS = 8 * 3_600_000;

/** `YYYY-MM` of an instant in China time. */
export function chinaMonth(at: Date): string {
  return new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 7);
}

/** Midnight (China time) of the day of an instant: keeps only the date of an anonymous answer. */
export function chinaDay(at: Date): Date {
  const shifted = new Date(at.getTime() + OFFSET_MS);
  return new Date(Date.UTC(shifted.getUTCFullYear(), shifted.getUTCMonth(), shifted.getUTCDate()) - OFFSET_MS);
}
