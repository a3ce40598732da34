/** Conventions every endpoint follows; see README "HTTP conventions". */

export const API_PREFIX = '/api/v1';

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface PageQuery {
  page?: number;
  pageSize?: number;
}

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** Body of every error answer: `code` is stable for programs, `message` is zh-CN for people. */
export interface ApiError {
  statusCode: number;
  code: ErrorCode;
  message: string;
  details?: unknown;
}

export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'BAD_REQUEST',
  'UNAUTHENTICATED',
  'TOKEN_EXPIRED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'RATE_LIMITED',
  'INVALID_CREDENTIALS',
  'ACCOUNT_DISABLED',
  'PASSWORD_CHANGE_REQUIRED',
  'WEAK_PASSWORD',
  'INVALID_REFRESH_TOKEN',
  'WECHAT_INVALID_CODE',
  'WECHAT_RATE_LIMITED',
  'WECHAT_USER_BLOCKED',
  'WECHAT_UNAVAILABLE',
  'WECHAT_NOT_CONFIGURED',
  'DEV_LOGIN_DISABLED',
  'REGION_OUT_OF_SCOPE',
  'INVALID_STATE',
  'INVALID_ANSWERS',
  'SCALE_VERSION_MISMATCH',
  'CONSENT_REQUIRED',
  'GUARDIAN_CONSENT_REQUIRED',
  /** The action needs a signed-in resident (e.g. answering a survey wave, which counts one answer per person). */
  'SIGN_IN_REQUIRED',
  /** Sign-up to a full event without a waiting list, or without asking to join it (`joinWaitlist`). */
  'EVENT_FULL',
  /** Sign-up, cancellation or an offer answer refused by the event's rules; `details.reason` says which. */
  'REGISTRATION_REFUSED',
  /** Check-in refused (outside the window, cancelled event, revoked ticket …); `details.reason` says which. */
  'CHECKIN_REFUSED',
  /** A ticket or screen code that is malformed, for another event, or forged; `details.reason` says which. */
  'CHECKIN_TOKEN_INVALID',
  /** A genuine screen code past its window: scan the screen again. */
  'CHECKIN_CODE_EXPIRED',
  'SERVICE_UNAVAILABLE',
  /** The database cannot be reached or is too busy (outage, every connection in use, a statement over its time limit): try again shortly. */
  'DB_UNAVAILABLE',
  'INTERNAL',
  /** The audit record of an action could not be written, so the action was not carried out. */
  'AUDIT_UNAVAILABLE',
  /** The file store of uploaded images (a bucket, or the upload directory) did not answer: nothing was stored; try again shortly. */
  'STORAGE_UNAVAILABLE',
  /** Too many failed sign-ins from this address or for this username: wait `details.retryAfterSeconds`. */
  'LOGIN_THROTTLED',
  /** A cookie-based session call without the matching X-CSRF-Token header. */
  'CSRF_FAILED',
  /** Booking: the slot is held or booked by someone else (or no longer offered); pick another. */
  'SLOT_TAKEN',
  /** Booking: the hold ran out before confirming; the slot may be gone. */
  'HOLD_EXPIRED',
  /** Booking: cancellation or rescheduling after the kind's cut-off. */
  'BOOKING_CUTOFF_PASSED',
  /** Booking: the resident already has the most open bookings of this kind. */
  'BOOKING_LIMIT_REACHED',
  /** Alerts: closing with the outcome `referred` needs a referral on record that was not declined. */
  'REFERRAL_REQUIRED',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Clamp client paging input to the allowed range. */
export function normalizePage(query: PageQuery): { page: number; pageSize: number; skip: number } {
  const page = Math.max(1, Math.floor(query.page ?? 1));
  const pageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(query.pageSize ?? DEFAULT_PAGE_SIZE)));
  return { page, pageSize, skip: (page - 1) * pageSize };
}

/** POST /api/v1/admin/uploads: where the stored image is served. */
export interface UploadedImage {
  url: string;
}

/** `GET /health/live` always; `GET /health` and `GET /health/ready` while the database answers (otherwise 503 `DB_UNAVAILABLE`). */
export interface HealthStatus {
  status: 'ok';
  info: Record<string, { status: 'up' }>;
  error: Record<string, { status: 'down' }>;
  details: Record<string, { status: 'up' | 'down' }>;
}
