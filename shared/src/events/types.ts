/** Vocabulary of the "心理健康知识六进" events: where they go, their states, and the states of a sign-up. */

/** The six places the policy documents send lectures and activities into. */
export const PLACE_TYPES = ['agency', 'enterprise', 'school', 'village', 'community', 'public_place'] as const;
export type PlaceType = (typeof PLACE_TYPES)[number];
export const PLACE_TYPE_LABELS: Record<PlaceType, string> = {
  agency: '机关',
  enterprise: '企业',
  school: '学校',
  village: '农村',
  community: '社区',
  public_place: '公共场所',
};

/** The policy quotas count lectures; other activities are reported but do not fill a quota by default. */
export const EVENT_KINDS = ['lecture', 'activity'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];
export const EVENT_KIND_LABELS: Record<EventKind, string> = { lecture: '讲座', activity: '活动' };

/**
 * `finished` is written once the event has ended (see `effectiveEventStatus`); a cancelled event
 * stays cancelled. Only published events are shown to residents and accept sign-ups.
 */
export const EVENT_STATUSES = ['draft', 'published', 'cancelled', 'finished'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];
export const EVENT_STATUS_LABELS: Record<EventStatus, string> = {
  draft: '草稿',
  published: '已发布',
  cancelled: '已取消',
  finished: '已结束',
};

/**
 * Where a sign-up stands with respect to a seat. Attendance is NOT a status: a checked-in person
 * still holds a confirmed seat, so it is recorded beside it (`checkedInAt`, `checkinMethod`).
 * - `confirmed`: holds a seat (and a ticket);
 * - `waitlisted`: in the queue for a seat;
 * - `offered`: a freed seat is held for this person until `offerExpiresAt`; it counts against capacity;
 * - `cancelled`: withdrawn by the resident (or an offer declined) or by staff;
 * - `expired`: an offer that was not answered in time; the seat passed to the next in the queue.
 */
export const REGISTRATION_STATUSES = ['confirmed', 'waitlisted', 'offered', 'cancelled', 'expired'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];
export const REGISTRATION_STATUS_LABELS: Record<RegistrationStatus, string> = {
  confirmed: '报名成功',
  waitlisted: '候补中',
  offered: '候补到位待确认',
  cancelled: '已取消',
  expired: '候补名额已过期',
};

/** Statuses that occupy a seat: a pending offer holds its seat so nobody else can take it meanwhile. */
export const SEAT_HOLDING_STATUSES: readonly RegistrationStatus[] = ['confirmed', 'offered'];
/** Statuses a resident can still act on (the others are final). */
export const ACTIVE_REGISTRATION_STATUSES: readonly RegistrationStatus[] = ['confirmed', 'waitlisted', 'offered'];

/** How the person came: signed up in advance, or registered on the spot at check-in. */
export const REGISTRATION_SOURCES = ['online', 'walk_in'] as const;
export type RegistrationSource = (typeof REGISTRATION_SOURCES)[number];
export const REGISTRATION_SOURCE_LABELS: Record<RegistrationSource, string> = { online: '线上报名', walk_in: '现场登记' };

/**
 * How a check-in was made: staff scanned the resident's ticket, staff found the person by name or
 * phone, or the resident scanned the rotating code on the event screen.
 */
export const CHECKIN_METHODS = ['ticket_scan', 'manual', 'screen_code'] as const;
export type CheckinMethod = (typeof CHECKIN_METHODS)[number];
export const CHECKIN_METHOD_LABELS: Record<CheckinMethod, string> = {
  ticket_scan: '扫描电子票',
  manual: '工作人员手动签到',
  screen_code: '扫描现场签到码',
};

/** Attendance as shown in attendee lists, derived by `attendanceOf`. */
export const ATTENDANCE_STATUSES = ['checked_in', 'pending', 'absent', 'none'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];
export const ATTENDANCE_STATUS_LABELS: Record<AttendanceStatus, string> = {
  checked_in: '已签到',
  pending: '待签到',
  absent: '未到场',
  none: '—',
};

/** Personal details an event may ask for at sign-up; each event asks only for what it needs. */
export const REGISTRATION_FIELDS = ['name', 'phone'] as const;
export type RegistrationField = (typeof REGISTRATION_FIELDS)[number];
export const REGISTRATION_FIELD_LABELS: Record<RegistrationField, string> = { name: '姓名', phone: '手机号' };

/** Bumped whenever the consent wording shown at sign-up changes; stored with each registration. */
export const EVENT_REGISTRATION_CONSENT_VERSION = 2;
/**
 * Days after an event ends (or is cancelled) until the names and phone numbers given for it are
 * deleted (stated in the consent text; version 2 added it). The registration itself stays, without
 * them, so attendance figures do not change.
 */
export const EVENT_REGISTRATION_RETENTION_DAYS = 30;

/** The status to show and count: a published event whose end has passed is finished even before a job writes it. */
export function effectiveEventStatus(status: EventStatus, endsAt: Date, now: Date): EventStatus {
  return status === 'published' && now.getTime() >= endsAt.getTime() ? 'finished' : status;
}
