/**
 * Booking help: an in-person session at a station, a phone session with a counsellor, or a
 * call-back from a hotline's duty staff ("请回电给我") in a time window; and "请人联系我" help
 * requests that go to the alert queue. Times are ISO 8601 instants; dates and `HH:mm` are China time.
 */
import type { AlertNoticeStatus } from '../alerts/types';
import type { PageQuery } from '../common/api';
import type { AgeBand } from '../residents';
import type { Hotline } from '../hotlines';
import type { AlertColour } from '../alerts/rules';
import type { CounsellorSummary, SessionMode, Station, TimeRange, Weekday, WeeklyHours } from '../stations/types';

export const BOOKING_KINDS = ['in_person', 'phone', 'callback'] as const;
export type BookingKind = (typeof BOOKING_KINDS)[number];
export const BOOKING_KIND_LABELS: Record<BookingKind, string> = { in_person: '到站面询', phone: '电话咨询', callback: '热线回电' };

/** The rules of one kind, kept by a system admin. */
export interface BookingKindSettings {
  kind: BookingKind;
  enabled: boolean;
  /** Length of a session; for a call-back, of the window the resident picks. */
  durationMinutes: number;
  /** Free time kept after a session before the counsellor's next one (0 for call-backs). */
  bufferMinutes: number;
  /** The earliest bookable start is this far from now. */
  minNoticeMinutes: number;
  /** The latest bookable day is today (China date) plus this many days. */
  maxDaysAhead: number;
  /** Confirmed future bookings of this kind one resident may hold at once. */
  maxOpenPerResident: number;
  /** Cancelling or rescheduling later than this before the start is a late cancellation (refused for rescheduling). */
  cancelCutoffHours: number;
}

/** PUT /api/v1/admin/bookings/settings/:kind: every rule of the kind. */
export type BookingSettingsInput = Omit<BookingKindSettings, 'kind'>;

/** A counsellor's weekly availability: when, how, and at which station (phone sessions may have none). */
export interface AvailabilityBlock extends TimeRange {
  id: number;
  counsellorId: number;
  weekday: Weekday;
  mode: SessionMode;
  stationId: number | null;
}
export type AvailabilityBlockInput = Omit<AvailabilityBlock, 'id' | 'counsellorId'>;
/** A block of a dated exception: the day is the exception's. */
export type DayBlockInput = Omit<AvailabilityBlockInput, 'weekday'>;

/** A dated change to a counsellor's week: off that day (no blocks), or these blocks instead. */
export interface AvailabilityException {
  id: number;
  counsellorId: number;
  date: string;
  blocks: DayBlockInput[];
  note: string | null;
}
export type AvailabilityExceptionInput = Omit<AvailabilityException, 'id' | 'counsellorId'>;

/** China dates; `from` defaults to today. */
export interface AvailabilityExceptionQuery {
  from?: string;
  to?: string;
}

/** A hotline (hotlines module) that offers call-backs: windows in its service hours, each for a few calls. */
export interface CallbackLine {
  id: number;
  hotlineId: number;
  name: string;
  number: string;
  regionId: number;
  regionName: string;
  weeklyHours: WeeklyHours;
  /** Call-backs the duty staff can make in one window. */
  capacityPerWindow: number;
  enabled: boolean;
}
export interface CallbackLineInput {
  hotlineId: number;
  weeklyHours: WeeklyHours;
  capacityPerWindow: number;
  enabled: boolean;
}

/** GET /api/v1/callback-lines: the enabled lines, of one region when given. */
export interface CallbackLineQuery {
  regionId?: number;
}

/** GET /api/v1/slots: free slots in [from, to] (China dates, at most 31 days). */
export interface SlotQuery {
  kind: BookingKind;
  /** in_person: the station (required); phone: optional filter. */
  stationId?: number;
  counsellorId?: number;
  /** callback: the line (required). */
  lineId?: number;
  from: string;
  to: string;
}

export interface Slot {
  start: string;
  end: string;
  /** null for call-back windows. */
  counsellorId: number | null;
  stationId: number | null;
  lineId: number | null;
  /** Call-back windows: calls still free in the window; sessions: 1. */
  seatsLeft: number;
}

/** POST /api/v1/bookings/holds: keeps a slot for the resident while they fill in the intake. */
export interface HoldInput {
  kind: BookingKind;
  start: string;
  counsellorId?: number;
  stationId?: number;
  lineId?: number;
}

export interface Hold {
  id: number;
  kind: BookingKind;
  start: string;
  end: string;
  counsellorId: number | null;
  stationId: number | null;
  lineId: number | null;
  expiresAt: string;
}

/** What the resident wants to talk about: a short list, as the intake asks only what is needed. */
export const INTAKE_TOPICS = ['emotions', 'relationships', 'family', 'study_work', 'sleep', 'other'] as const;
export type IntakeTopic = (typeof INTAKE_TOPICS)[number];
export const INTAKE_TOPIC_LABELS: Record<IntakeTopic, string> = {
  emotions: '情绪困扰',
  relationships: '人际关系',
  family: '家庭与亲子',
  study_work: '学业或工作压力',
  sleep: '睡眠问题',
  other: '其他',
};

/** Bump when the booking consent text changes; the server refuses an old version. */
export const BOOKING_CONSENT_VERSION = '2026-12-booking-v1';

export interface GuardianConsent {
  name: string;
  /** e.g. 父亲, 母亲, 其他监护人. */
  relation: string;
}

export interface IntakeConsent {
  version: string;
  /** Agreement to the processing of the booking (name of service, time, phone). */
  booking: true;
  /** Separate consent for the topic and the note, which are health information (PIPL art. 29). */
  sensitive: boolean;
}

export interface IntakeInput {
  /** null: none given (without `consent.sensitive` the resident books without saying what about). */
  topic: IntakeTopic | null;
  /** A few lines in the resident's words (health information: needs `sensitiveConsent`). */
  note?: string | null;
  /** How the counsellor or duty staff reach the resident; required for phone sessions and call-backs. */
  contactPhone: string;
  ageBand: AgeBand;
  consent: IntakeConsent;
  /** Required when `ageBand` is under 14 (PIPL art. 31). */
  guardian?: GuardianConsent | null;
}

export interface BookingInput {
  holdId: number;
  /** The same id on a retry returns the first answer. */
  clientRequestId: string;
  intake: IntakeInput;
}

/**
 * - `confirmed`: booked and still ahead (or not yet marked);
 * - `cancelled` by the resident before the cut-off, `late_cancelled` after it, `staff_cancelled`;
 * - `attended` / `no_show`: marked by the counsellor (a call-back: called back / unreachable).
 */
export const BOOKING_STATUSES = ['confirmed', 'cancelled', 'late_cancelled', 'staff_cancelled', 'attended', 'no_show'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];
export const BOOKING_STATUS_LABELS: Record<BookingStatus, string> = {
  confirmed: '已预约',
  cancelled: '已取消',
  late_cancelled: '逾期取消',
  staff_cancelled: '机构取消',
  attended: '已完成',
  no_show: '未到场',
};

/** A booking as its resident sees it (GET /api/v1/me/bookings). */
export interface MyBooking {
  id: number;
  kind: BookingKind;
  status: BookingStatus;
  start: string;
  end: string;
  station: Pick<Station, 'id' | 'name' | 'address' | 'location' | 'phone'> | null;
  counsellor: Pick<CounsellorSummary, 'id' | 'name' | 'title' | 'photoUrl' | 'qualification'> | null;
  line: { id: number; name: string; number: string } | null;
  topic: IntakeTopic | null;
  /** Until when cancelling counts as on time; rescheduling is possible only before it. */
  cutoffAt: string;
  canCancel: boolean;
  canReschedule: boolean;
  canRate: boolean;
  rating: { score: number; comment: string | null } | null;
  createdAt: string;
}

export interface MyBookingQuery extends PageQuery {
  /** `upcoming`: confirmed and not yet ended; `past`: everything else. */
  scope?: 'upcoming' | 'past';
}

/** POST /api/v1/me/bookings/:id/reschedule: move to a slot the resident holds. */
export interface RescheduleInput {
  holdId: number;
}
export interface CancelInput {
  reason?: string | null;
}
/** Staff cancel with a reason the resident is told. */
export interface StaffCancelInput {
  reason: string;
}
/** Hand a booking over to another counsellor free at its time. */
export interface HandoverInput {
  counsellorId: number;
}
export interface SessionNoteInput {
  text: string;
}
/** 满意度: 1-5 with an optional comment, after the session. */
export interface RatingInput {
  score: number;
  comment?: string | null;
}

/** A booking in the admin lists and calendars: no intake text. */
export interface BookingRow {
  id: number;
  kind: BookingKind;
  status: BookingStatus;
  start: string;
  end: string;
  stationId: number | null;
  stationName: string | null;
  counsellorId: number | null;
  counsellorName: string | null;
  lineId: number | null;
  lineName: string | null;
  regionName: string;
  /** The assigned counsellor only; others see the phone masked. */
  contactPhone: string;
  rating: number | null;
  createdAt: string;
}

/**
 * GET /api/v1/admin/bookings/:id (every read audited). The intake is health information: only the
 * assigned counsellor (for a call-back, the line's duty counsellors) reads it; everyone else gets null.
 */
export interface BookingDetail extends BookingRow {
  intake: {
    topic: IntakeTopic | null;
    note: string | null;
    ageBand: AgeBand;
    guardian: GuardianConsent | null;
    sensitiveConsent: boolean;
  } | null;
  ratingComment: string | null;
  history: { at: string; action: string; by: string | null; note: string | null }[];
}

export interface AdminBookingQuery extends PageQuery {
  /** Calendar range (ISO instants). */
  from?: string;
  to?: string;
  stationId?: number;
  counsellorId?: number;
  kind?: BookingKind;
  status?: BookingStatus;
  /** Only my own (counsellors). */
  mine?: boolean;
}

/** Private session notes: only the assigned counsellor reads them; encrypted at rest; every read audited. */
export interface SessionNote {
  id: number;
  at: string;
  text: string;
}

/** GET /api/v1/admin/bookings/stats: by station and month, small cells withheld. */
export interface BookingStatsQuery {
  regionId?: number;
  /** `YYYY-MM`, inclusive. */
  fromMonth: string;
  toMonth: string;
}

export interface BookingStatsRow {
  stationId: number | null;
  stationName: string;
  month: string;
  booked: number;
  attended: number;
  /** null where the underlying count is below the small-cell threshold. */
  noShowRate: number | null;
  cancellationRate: number | null;
  /** Booked session minutes / offered minutes of the counsellors' availability. */
  utilisation: number | null;
  satisfaction: number | null;
  ratings: number;
}

export interface BookingStats {
  rows: BookingStatsRow[];
  /** Days from now to the next free slot, per station (null: none in the booking horizon). */
  nextFree: { stationId: number; stationName: string; days: number | null }[];
  minCell: number;
}

/** "请人联系我": how urgent, in the resident's own choice; it sets the alert's colour. */
export const HELP_URGENCIES = ['now', 'soon', 'anytime'] as const;
export type HelpUrgency = (typeof HELP_URGENCIES)[number];
export const HELP_URGENCY_LABELS: Record<HelpUrgency, string> = {
  now: '我现在很难受 / 有危险，需要尽快联系',
  soon: '最近状态不好，希望这几天有人联系我',
  anytime: '想找人聊聊，不着急',
};
export const HELP_URGENCY_COLOURS: Record<HelpUrgency, AlertColour> = { now: 'red', soon: 'yellow', anytime: 'green' };

export interface HelpRequestInput {
  urgency: HelpUrgency;
  contactPhone: string;
  contactName?: string | null;
  note?: string | null;
  /** Where the resident lives (community/village), for the counsellors of that region. */
  regionId: number;
  ageBand: AgeBand;
  consent: { version: string; contact: true; sensitive: boolean };
  guardian?: GuardianConsent | null;
  clientRequestId: string;
}

export interface HelpRequestResult {
  alertId: number;
  colour: AlertColour;
  /** For `now`: 12356, 110/120 and the region's 24-hour lines, to show at once. */
  crisisHotlines: Hotline[];
  /** Whether the people on duty were told (see ScaleResponseResult.noticeStatus); poll `GET /me/alert-notices/:alertId`. */
  noticeStatus: AlertNoticeStatus;
}

/** Reminders of a booking: when each is due (see `reminderPlan`). */
export const BOOKING_NOTICE_KINDS = ['confirmed', 'reminder_day_before', 'reminder_two_hours', 'rescheduled', 'cancelled'] as const;
export type BookingNoticeKind = (typeof BOOKING_NOTICE_KINDS)[number];

export interface DayHours {
  date: string;
  hours: TimeRange[];
}
