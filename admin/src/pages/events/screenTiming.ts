/**
 * When the check-in screen fetches its next rotating code, and the countdown it shows. The times in
 * a `ScreenCodeDto` are the server's; the screen's clock may be off, so its offset is estimated from
 * the fact that the server issued the code inside the code's window.
 */
import { CHECKIN_CODE_WINDOW_SECONDS, type ScreenCodeDto } from '@xinqiao/shared';

/** Never wait longer than this between fetches (also catches a code the server changed early). */
export const SCREEN_MAX_REFRESH_MS = 25_000;
/** Nor less: a clock far off must not turn into a request loop. */
export const SCREEN_MIN_REFRESH_MS = 2_000;
/** After a failed fetch. */
export const SCREEN_RETRY_MS = 5_000;

type CodeTimes = Pick<ScreenCodeDto, 'windowEndsAt' | 'refreshAt'>;

/**
 * This clock minus the server's, in ms, as far as one answer tells: 0 while the local time lies in
 * the code's window (the server was in it when it answered), else the distance to the window.
 */
export function clockOffsetMs(code: CodeTimes, receivedAt: number, windowSeconds = CHECKIN_CODE_WINDOW_SECONDS): number {
  const end = Date.parse(code.windowEndsAt);
  const start = end - windowSeconds * 1000;
  if (receivedAt > end) return receivedAt - end;
  if (receivedAt < start) return receivedAt - start;
  return 0;
}

/** How long to wait before fetching the next code: until its `refreshAt`, in local time, within bounds. */
export function nextRefreshDelayMs(code: CodeTimes, now: number, offsetMs: number): number {
  const due = Date.parse(code.refreshAt) + offsetMs - now;
  return Math.min(SCREEN_MAX_REFRESH_MS, Math.max(SCREEN_MIN_REFRESH_MS, due));
}

/** Whole seconds until the code's window ends, for the countdown. */
export function secondsLeft(code: CodeTimes, now: number, offsetMs: number): number {
  return Math.max(0, Math.ceil((Date.parse(code.windowEndsAt) + offsetMs - now) / 1000));
}
