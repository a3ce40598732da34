import { CHECKIN_CODE_REFUSAL_LABELS, CHECKIN_REFUSAL_LABELS, SIGN_UP_REFUSAL_LABELS, type CheckinRefusal, type SignUpRefusal } from '@xinqiao/shared';

/** The parts of a failed call (RequestError) these decisions look at. */
export interface ApiFailure {
  code: string;
  message: string;
  details?: unknown;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** `details.reason` of a refusal, if it has one. */
export function refusalReason(details: unknown): string | null {
  return isObject(details) && typeof details.reason === 'string' ? details.reason : null;
}

const has = <K extends string>(labels: Record<K, string>, key: string | null): key is K => key !== null && Object.prototype.hasOwnProperty.call(labels, key);

/** What the screen says when a check-in code has rotated away: scan the screen again. */
export const EXPIRED_CODE_MESSAGE = '二维码已过期，请重新扫描现场大屏上的二维码';

export type CheckinFailure =
  /** A walk-in at an event that needs name/phone: ask, then post again. */
  | { kind: 'details_required'; message: string }
  /** The code was not usable (expired, not a check-in code): scan again. */
  | { kind: 'rescan'; message: string }
  /** The check-in itself was refused (too early, full, cancelled…), or the call failed. */
  | { kind: 'refused'; message: string };

export function checkinFailure(err: ApiFailure): CheckinFailure {
  const reason = refusalReason(err.details);
  if (err.code === 'CHECKIN_REFUSED' && reason === 'details_required') return { kind: 'details_required', message: CHECKIN_REFUSAL_LABELS.details_required };
  if (err.code === 'CHECKIN_CODE_EXPIRED') {
    return { kind: 'rescan', message: reason === 'not_yet_valid' ? CHECKIN_CODE_REFUSAL_LABELS.not_yet_valid : EXPIRED_CODE_MESSAGE };
  }
  if (err.code === 'CHECKIN_TOKEN_INVALID') {
    // The server's text also covers a ticket scanned by mistake ("请出示给工作人员扫描").
    return {
      kind: 'rescan',
      message: err.message || (has(CHECKIN_CODE_REFUSAL_LABELS, reason) ? CHECKIN_CODE_REFUSAL_LABELS[reason] : CHECKIN_CODE_REFUSAL_LABELS.malformed),
    };
  }
  if (err.code === 'CHECKIN_REFUSED' && has<CheckinRefusal>(CHECKIN_REFUSAL_LABELS, reason))
    return { kind: 'refused', message: CHECKIN_REFUSAL_LABELS[reason] };
  return { kind: 'refused', message: err.message };
}

export type SignUpFailure =
  /** Full, but the waiting list would take the resident: offer it. */
  | { kind: 'waitlist_open'; message: string }
  /** Something in the form (missing details, outdated consent): keep the form open. */
  | { kind: 'form'; message: string }
  /** The event no longer takes this sign-up (full, closed, already registered…): reload it. */
  | { kind: 'refused'; message: string }
  /** Network or server trouble: the same attempt can be sent again. */
  | { kind: 'retry'; message: string };

export function signUpFailure(err: ApiFailure & { statusCode?: number }): SignUpFailure {
  const reason = refusalReason(err.details);
  if (err.code === 'EVENT_FULL') {
    return isObject(err.details) && err.details.waitlistOpen === true
      ? { kind: 'waitlist_open', message: '名额刚刚报满，可以加入候补名单：有人取消时按顺序为你保留名额，并通知你确认。' }
      : { kind: 'refused', message: SIGN_UP_REFUSAL_LABELS.full };
  }
  if (err.code === 'VALIDATION_FAILED' || err.code === 'CONSENT_REQUIRED') return { kind: 'form', message: err.message };
  if (err.code === 'REGISTRATION_REFUSED')
    return { kind: 'refused', message: has<SignUpRefusal>(SIGN_UP_REFUSAL_LABELS, reason) ? SIGN_UP_REFUSAL_LABELS[reason] : err.message };
  if (err.code === 'NOT_FOUND' || err.statusCode === 404) return { kind: 'refused', message: '活动不存在或已下线' };
  return { kind: 'retry', message: err.message };
}
