/**
 * Rotating check-in codes for the event screen: a resident scans the screen's mini-program code and
 * the code's `scene` is sent to the server to check in.
 *
 * Format: `c<eventId base36>.<window base36>.<tag>`, where window = floor(unix seconds / 30) and tag
 * is HMAC(eventKey, "screen:<eventId>:<window>") truncated to 96 bits in base64url. Unlike TOTP the
 * window is written into the code, so an old but genuine code is told apart from a forged one and
 * the resident gets "this code has expired, scan the screen again". 96 bits are plenty for a code
 * that lives 60 seconds and can only be tried online. The whole code stays within WeChat's 32
 * characters for `scene` (event ids up to 36^6 - 1, about 2.1 billion).
 */
import { base64UrlDecode, base64UrlEncode, constantTimeEqual, utf8, type HmacSha256 } from './crypto';
import { deriveEventKey, type SecretInput } from './tickets';

export const CHECKIN_CODE_PREFIX = 'c';
/**
 * Largest event id a code can carry: 6 base36 digits. With a window of up to 6 digits (until the
 * year 4000) the code is at most 31 characters; a fixed bound keeps it from failing later in time.
 */
export const CHECKIN_CODE_MAX_EVENT_ID = 36 ** 6 - 1;
export const CHECKIN_CODE_WINDOW_SECONDS = 30;
const CHECKIN_TAG_BYTES = 12;
const BASE36_RE = /^[1-9a-z][0-9a-z]*$/;

/** Limits of the `scene` parameter of wxa/getwxacodeunlimit. */
export const WXA_SCENE_MAX_LENGTH = 32;
const WXA_SCENE_RE = /^[0-9a-zA-Z!#$&'()*+,/:;=?@\-._~]+$/;

/** True when `scene` may be sent to getwxacodeunlimit: 1-32 visible characters of WeChat's set, no `%`. */
export function isValidWxaScene(scene: string): boolean {
  return scene.length > 0 && scene.length <= WXA_SCENE_MAX_LENGTH && WXA_SCENE_RE.test(scene);
}

export interface CheckinCodeOptions {
  /** Length of one window in seconds (default 30). */
  windowSeconds?: number;
  /** How many windows before the current one are still accepted (default 1: scan delay, clock skew). */
  acceptPrevious?: number;
}

export const CHECKIN_CODE_REFUSALS = ['malformed', 'wrong_event', 'bad_signature', 'expired', 'not_yet_valid'] as const;
export type CheckinCodeRefusal = (typeof CHECKIN_CODE_REFUSALS)[number];
export const CHECKIN_CODE_REFUSAL_LABELS: Record<CheckinCodeRefusal, string> = {
  malformed: '无法识别的签到码，请重新扫描活动现场的签到码',
  wrong_event: '这个签到码不是本场活动的',
  bad_signature: '签到码校验失败，请扫描活动现场屏幕上的签到码',
  expired: '签到码已过期，请重新扫描现场屏幕上最新的签到码',
  not_yet_valid: '签到码时间异常，请稍后重新扫描',
};

export type CheckinCodeVerification = { ok: true; eventId: number; window: number } | { ok: false; reason: CheckinCodeRefusal };

export interface IssuedCheckinCode {
  /** The `scene` to put in the mini-program code. */
  code: string;
  window: number;
  windowStartsAt: Date;
  /** When the screen should show the next code. */
  windowEndsAt: Date;
}

function windowSecondsOf(options?: CheckinCodeOptions): number {
  const s = options?.windowSeconds ?? CHECKIN_CODE_WINDOW_SECONDS;
  if (!Number.isInteger(s) || s < 1) throw new RangeError(`invalid window length ${s}`);
  return s;
}

/** The window `at` falls in. */
export function checkinCodeWindow(at: Date, options?: CheckinCodeOptions): number {
  return Math.floor(at.getTime() / 1000 / windowSecondsOf(options));
}

async function codeTag(hmac: HmacSha256, eventKey: Uint8Array, eventId: number, window: number): Promise<Uint8Array> {
  return (await hmac(eventKey, utf8(`screen:${eventId}:${window}`))).slice(0, CHECKIN_TAG_BYTES);
}

/** The code for the window `now` falls in. */
export async function issueCheckinCode(
  hmac: HmacSha256,
  eventKey: Uint8Array,
  eventId: number,
  now: Date,
  options?: CheckinCodeOptions,
): Promise<IssuedCheckinCode> {
  if (!Number.isSafeInteger(eventId) || eventId < 1) throw new RangeError(`invalid event id ${eventId}`);
  if (eventId > CHECKIN_CODE_MAX_EVENT_ID) throw new RangeError(`event id ${eventId} is too large for a mini-program code scene`);
  const seconds = windowSecondsOf(options);
  const window = checkinCodeWindow(now, options);
  const tag = await codeTag(hmac, eventKey, eventId, window);
  const code = `${CHECKIN_CODE_PREFIX}${eventId.toString(36)}.${window.toString(36)}.${base64UrlEncode(tag)}`;
  if (!isValidWxaScene(code)) throw new RangeError(`check-in code ${code} does not fit a mini-program code scene`);
  return {
    code,
    window,
    windowStartsAt: new Date(window * seconds * 1000),
    windowEndsAt: new Date((window + 1) * seconds * 1000),
  };
}

/** Splits a check-in code without checking its signature; null if it is not shaped like one. */
export function parseCheckinCode(code: string): { eventId: number; window: number; tag: Uint8Array } | null {
  const text = code.trim();
  if (!text.startsWith(CHECKIN_CODE_PREFIX) || text.length > WXA_SCENE_MAX_LENGTH) return null;
  const parts = text.slice(CHECKIN_CODE_PREFIX.length).split('.');
  if (parts.length !== 3 || !BASE36_RE.test(parts[0]) || !(parts[1] === '0' || BASE36_RE.test(parts[1]))) return null;
  const eventId = parseInt(parts[0], 36);
  const window = parseInt(parts[1], 36);
  if (!Number.isSafeInteger(eventId) || !Number.isSafeInteger(window)) return null;
  const tag = base64UrlDecode(parts[2]);
  if (!tag || tag.length !== CHECKIN_TAG_BYTES) return null;
  return { eventId, window, tag };
}

/**
 * Accepts a code of the current window or of up to `acceptPrevious` windows before it. The
 * signature is checked before the age, so "expired" is only ever said of a genuine code.
 */
export async function verifyCheckinCode(
  hmac: HmacSha256,
  eventKey: Uint8Array,
  code: string,
  expectedEventId: number,
  now: Date,
  options?: CheckinCodeOptions,
): Promise<CheckinCodeVerification> {
  const parsed = parseCheckinCode(code);
  if (!parsed) return { ok: false, reason: 'malformed' };
  if (parsed.eventId !== expectedEventId) return { ok: false, reason: 'wrong_event' };
  const expected = await codeTag(hmac, eventKey, parsed.eventId, parsed.window);
  if (!constantTimeEqual(expected, parsed.tag)) return { ok: false, reason: 'bad_signature' };
  const current = checkinCodeWindow(now, options);
  const acceptPrevious = options?.acceptPrevious ?? 1;
  if (parsed.window > current) return { ok: false, reason: 'not_yet_valid' };
  if (parsed.window < current - acceptPrevious) return { ok: false, reason: 'expired' };
  return { ok: true, eventId: parsed.eventId, window: parsed.window };
}

/** Checks a code with only the master secret (the server): the event comes from the code. */
export async function verifyCheckinCodeWithSecret(
  hmac: HmacSha256,
  secret: SecretInput,
  code: string,
  now: Date,
  options?: CheckinCodeOptions,
): Promise<CheckinCodeVerification> {
  const parsed = parseCheckinCode(code);
  if (!parsed) return { ok: false, reason: 'malformed' };
  const key = await deriveEventKey(hmac, secret, parsed.eventId);
  return verifyCheckinCode(hmac, key, code, parsed.eventId, now, options);
}

/** What a scanned or posted text is: a ticket (`t1.`), a screen check-in code (`c…`), or neither. */
export function checkinTokenKind(token: string): 'ticket' | 'screen_code' | null {
  const text = token.trim();
  if (text.startsWith('t1.')) return 'ticket';
  if (parseCheckinCode(text)) return 'screen_code';
  return null;
}

/**
 * The mini-program page that mini-program codes of events open. It reads `scene`: a screen check-in
 * code (`c…`, see `parseCheckinCode`) is posted to /checkins, an event scene (`e…`) opens the event.
 * The events tab page is used because it exists in every released version (getwxacodeunlimit
 * checks the page by default).
 */
export const EVENT_MINIAPP_PAGE = 'pages/events/index';

export const EVENT_SCENE_PREFIX = 'e';
const EVENT_SCENE_RE = /^e([1-9a-z][0-9a-z]{0,10})$/;

/** The `scene` of an event's own mini-program code (posters, sharing): `e<event id base36>`. */
export function eventScene(eventId: number): string {
  if (!Number.isSafeInteger(eventId) || eventId < 1) throw new RangeError(`invalid event id ${eventId}`);
  return `${EVENT_SCENE_PREFIX}${eventId.toString(36)}`;
}

/** The event id of an event scene, or null if `scene` is not one. */
export function parseEventScene(scene: string): number | null {
  const m = EVENT_SCENE_RE.exec(scene.trim());
  if (!m) return null;
  const id = parseInt(m[1], 36);
  return Number.isSafeInteger(id) ? id : null;
}
