/**
 * What the event endpoints send and accept. Times are ISO 8601 instants.
 * Resident: GET /events, GET /events/:id, POST /events/:id/registrations,
 * DELETE /events/:id/registrations/me, POST /events/:id/registrations/me/offer, POST /checkins,
 * GET /me/events, GET /events/notification-templates (accepts go to /me/subscriptions, see notifications).
 * Staff: under /admin/events (list, editor, attendees, check-in, statistics, coverage).
 */
import type { PageQuery } from '../common/api';
import type { PopulationGroup } from '../residents';
import type { CheckinRefusal } from './checkin';
import type { CheckinCodeRefusal } from './checkin-codes';
import type { CoverageRules, EventStatsGroup, EventStatsRow, RegionCoverage, UnitCoverage } from './coverage';
import type { NotificationReason, NotificationStatus } from '../notifications';
import type { EventNotificationKind, EventTemplateSlot } from './notifications';
import type { TicketRefusal } from './tickets';
import type { AttendanceStatus, CheckinMethod, EventKind, EventStatus, PlaceType, RegistrationField, RegistrationSource, RegistrationStatus } from './types';

/** A map point in GCJ-02, the datum of WeChat's map and location APIs. */
export interface GeoPoint {
  lat: number;
  lng: number;
}

export interface EventVenue {
  name: string;
  address: string;
  location: GeoPoint | null;
}

export interface EventSpeaker {
  name: string;
  /** e.g. 国家二级心理咨询师, 某医院精神科主治医师. */
  title: string | null;
  bio: string | null;
}

/** GET /api/v1/events: published events, soonest first. */
export interface EventListQuery extends PageQuery {
  placeType?: PlaceType;
  /**
   * Events in this region or below, and those of its ancestors (a street's lecture is open to its
   * communities). Without it, around the signed-in resident's region; for guests, everywhere.
   */
  regionId?: number;
  /** Events starting on or after this instant (default: now, so finished events drop off). */
  from?: string;
  /** Events starting before this instant. */
  to?: string;
  keyword?: string;
}

/** A row of the residents' event list. */
export interface EventSummary {
  id: number;
  title: string;
  kind: EventKind;
  placeType: PlaceType;
  status: EventStatus;
  hostUnitName: string | null;
  regionId: number;
  regionName: string;
  venueName: string;
  startsAt: string;
  endsAt: string;
  signupOpensAt: string | null;
  signupClosesAt: string | null;
  capacity: number;
  seatsLeft: number;
  /** Full but the waiting list is open. */
  waitlistOpen: boolean;
  coverUrl: string | null;
  audiences: PopulationGroup[];
}

/** GET /api/v1/events/:id. */
export interface EventDetail extends EventSummary {
  description: string;
  speakers: EventSpeaker[];
  venue: EventVenue;
  /** Confirmed seats can be given back until then (null: until the start). */
  cancelClosesAt: string | null;
  /** The details sign-up asks for; nothing else is collected. */
  requiredFields: RegistrationField[];
  quizId: number | null;
  campaignId: number | null;
  /** The signed-in resident's registration, null for guests and people who have not signed up. */
  myRegistration: MyRegistration | null;
}

/** POST /api/v1/events/:id/registrations. */
export interface RegistrationInput {
  /** Required when the event asks for it. */
  name?: string;
  /** Mainland mobile number; required when the event asks for it. */
  phone?: string;
  /** The EVENT_REGISTRATION_CONSENT_VERSION the resident agreed to (PIPL: separate consent for these details). */
  consentVersion: number;
  /** Join the waiting list when the event is full (the client asks first); without it a full event answers 409. */
  joinWaitlist?: boolean;
  /** A UUID made once per attempt: a retried request returns the first answer. */
  clientRequestId?: string;
}

/** POST /api/v1/events/:id/registrations/me/offer: answer to a waiting-list offer. */
export interface OfferAnswerInput {
  accept: boolean;
}

/** What a confirmed registration shows as its QR code. */
export interface TicketDto {
  /** The text to encode in the QR: `t1.<eventId>.<code>.<signature>`. */
  token: string;
}

/** The resident's own registration for one event. */
export interface MyRegistration {
  status: RegistrationStatus;
  /** The details given at sign-up (only those the event asked for). */
  name: string | null;
  phone: string | null;
  source: RegistrationSource;
  /** 1-based place in the queue while `waitlisted`. */
  waitlistPosition: number | null;
  /** Deadline to accept while `offered`. */
  offerExpiresAt: string | null;
  /** Present while `confirmed`. */
  ticket: TicketDto | null;
  checkedInAt: string | null;
  attendance: AttendanceStatus;
  createdAt: string;
  cancelledAt: string | null;
}

/** GET /api/v1/me/events: the resident's events, upcoming first. */
export interface MyEventItem {
  event: EventSummary;
  registration: MyRegistration;
}

/**
 * POST /api/v1/checkins: the resident posts the `scene` of the screen's mini-program code;
 * staff may post a ticket token too. Either way the answer is the same.
 */
export interface CheckinInput {
  token: string;
  /**
   * Only for a resident who did not sign up (a walk-in) at an event that asks for details: the
   * first attempt answers CHECKIN_REFUSED with reason `details_required` (and `requiredFields`),
   * then the client asks and posts them with the consent version, as at sign-up.
   */
  name?: string;
  phone?: string;
  consentVersion?: number;
}

export interface CheckinResult {
  eventId: number;
  eventTitle: string;
  /** `already_checked_in` is a success: check-in is idempotent. */
  outcome: 'checked_in' | 'already_checked_in';
  /** The person was registered on the spot. */
  walkIn: boolean;
  checkedInAt: string;
  /** For the staff scanner: whom they just let in. */
  name: string | null;
}

/** Why a check-in was refused, in `ApiError.details` (the message says it in Chinese). */
export interface CheckinRefusalDetails {
  reason: CheckinRefusal | TicketRefusal | CheckinCodeRefusal;
}

// ---- staff ----

export interface AdminEventListQuery extends EventListQuery {
  status?: EventStatus;
  hostUnitId?: number;
}

/** Seat and attendance counts of one event. */
export interface EventCounts {
  confirmed: number;
  offered: number;
  waitlisted: number;
  walkIns: number;
  checkedIn: number;
}

export interface AdminEventRow extends EventSummary {
  hostUnitId: number | null;
  counts: EventCounts;
  updatedAt: string;
}

export interface AdminEvent extends Omit<EventDetail, 'myRegistration'> {
  hostUnitId: number | null;
  regionPath: string;
  waitlistEnabled: boolean;
  /** Hours a waiting-list offer stays open. */
  offerHours: number;
  counts: EventCounts;
  cancelReason: string | null;
  publishedAt: string | null;
  /** Optimistic locking, as for articles. */
  version: number;
  createdByName: string;
  createdAt: string;
  updatedAt: string;
}

/** POST /api/v1/admin/events, PUT /api/v1/admin/events/:id. */
export interface EventInput {
  title: string;
  kind: EventKind;
  placeType: PlaceType;
  hostUnitId?: number | null;
  regionId: number;
  venue: EventVenue;
  startsAt: string;
  endsAt: string;
  signupOpensAt?: string | null;
  signupClosesAt?: string | null;
  cancelClosesAt?: string | null;
  capacity: number;
  waitlistEnabled: boolean;
  /** Default: the server's EVENT_OFFER_HOURS. */
  offerHours?: number;
  requiredFields: RegistrationField[];
  audiences: PopulationGroup[];
  description: string;
  speakers: EventSpeaker[];
  coverUrl?: string | null;
  quizId?: number | null;
  campaignId?: number | null;
  version?: number;
}

/** POST /api/v1/admin/events/:id/cancel: residents with a seat or in the queue are notified with the reason. */
export interface EventCancelInput {
  reason: string;
}

/** GET /api/v1/admin/events/:id/registrations (and the Excel export of the same rows). */
export interface AttendeeQuery extends PageQuery {
  status?: RegistrationStatus;
  attendance?: AttendanceStatus;
  /** Part of the name, or the whole phone number or its last four digits (phones are stored encrypted). */
  keyword?: string;
}

export interface AttendeeRow {
  registrationId: number;
  /** null once EVENT_REGISTRATION_RETENTION_DAYS have passed after the event. */
  name: string | null;
  /** In full for the event's organisers, masked (138****8000) for other staff (phoneShownTo). */
  phone: string | null;
  status: RegistrationStatus;
  source: RegistrationSource;
  waitlistPosition: number | null;
  offerExpiresAt: string | null;
  attendance: AttendanceStatus;
  checkedInAt: string | null;
  checkinMethod: CheckinMethod | null;
  checkedInByName: string | null;
  createdAt: string;
}

/**
 * GET /api/v1/admin/events/:id/checkin-kit: what the check-in page keeps for working offline.
 * Only this event's key and only what is needed to recognise people (name, last 4 digits).
 */
export interface CheckinKit {
  eventId: number;
  eventTitle: string;
  /** The event's key (base64url) to verify tickets locally; see `decodeEventKey`. */
  eventKey: string;
  checkinOpensAt: string;
  checkinClosesAt: string;
  generatedAt: string;
  tickets: OfflineTicket[];
}

export interface OfflineTicket {
  /** The ticket code (the registration's identifier in this kit). */
  code: string;
  name: string | null;
  phoneLast4: string | null;
  status: RegistrationStatus;
  checkedInAt: string | null;
}

/** POST /api/v1/admin/events/:id/checkins: one scan online, or the queue built up offline. */
export interface StaffCheckinBatchInput {
  items: StaffCheckinItem[];
}

export interface StaffCheckinItem {
  /** A UUID per check-in, so uploading the queue twice is harmless. */
  clientId: string;
  /** The scanned ticket (`ticket_scan`), verified again by the server. */
  token?: string;
  /** The ticket code of a person found by name or phone (`manual`). */
  code?: string;
  method: 'ticket_scan' | 'manual';
  /** When it was scanned on the device (offline uploads come later). */
  checkedInAt: string;
}

export interface StaffCheckinItemResult {
  clientId: string;
  outcome: 'checked_in' | 'already_checked_in' | 'refused';
  reason: CheckinRefusal | TicketRefusal | null;
  /** zh-CN text for the refusal. */
  message: string | null;
  name: string | null;
  checkedInAt: string | null;
}

/** GET /api/v1/admin/events/:id/checkin-code: the rotating code the event screen shows. */
export interface ScreenCodeDto {
  /** The code's text, used as the mini-program code's `scene`. */
  scene: string;
  /** The mini-program page that reads `scene` and posts it to /checkins (`EVENT_MINIAPP_PAGE`). */
  page: string;
  /**
   * The image to show (a PNG data URL): a mini-program code when WeChat is configured and answers,
   * else a plain QR of `scene` that the mini-program's scanner (Taro.scanCode) reads.
   */
  imageDataUrl: string;
  imageKind: 'wxacode' | 'qr';
  windowEndsAt: string;
  /**
   * When to fetch the next code: just after the window ends. The code stays valid for one more
   * window, so a scan made while the screen changes still succeeds.
   */
  refreshAt: string;
}

/** GET /api/v1/admin/events/stats. */
export interface EventStatsQuery {
  groupBy: EventStatsGroup;
  /** China-time calendar year (default: this year). */
  year?: number;
  regionId?: number;
  placeType?: PlaceType;
}

export interface EventStatsDto {
  groupBy: EventStatsGroup;
  year: number;
  rows: EventStatsRow[];
  total: EventStatsRow;
}

/** GET /api/v1/admin/events/coverage. */
export interface CoverageQuery {
  year?: number;
  regionId?: number;
  /** Only rows below quota (default true). */
  belowOnly?: boolean;
}

export interface CoverageDto {
  year: number;
  asOf: string;
  rules: CoverageRules;
  regions: RegionCoverage[];
  units: UnitCoverage[];
  unitsWithoutStaffCount: { unitId: number; name: string }[];
  summary: { regionsTotal: number; regionsBelow: number; unitsTotal: number; unitsBelow: number };
}

/** Host units (the 机关, 企业, 学校 … events are held for), maintained by organisers. */
export interface HostUnitDto {
  id: number;
  name: string;
  placeType: PlaceType;
  regionId: number;
  regionName: string;
  staffCount: number | null;
}

export interface HostUnitQuery extends PageQuery {
  placeType?: PlaceType;
  /** Units in this region or below. */
  regionId?: number;
  keyword?: string;
}

export interface HostUnitInput {
  name: string;
  placeType: PlaceType;
  regionId: number;
  staffCount?: number | null;
}

// ---- notifications ----

/**
 * GET /api/v1/events/notification-templates: which templates to pass to wx.requestSubscribeMessage
 * (at most three a call). Unconfigured templates are null and left out of the lists.
 */
export interface EventNotificationTemplates {
  templates: Record<EventTemplateSlot, string | null>;
  /** Ask for these at the sign-up tap: confirmation, reminder, change. */
  signUp: string[];
  /** Ask for these when joining the waiting list: offer, confirmation, change. */
  waitlist: string[];
}

/** GET /api/v1/admin/events/:id/notifications: one row per message the server meant to send. */
export interface EventNotificationRow {
  id: number;
  kind: EventNotificationKind;
  status: NotificationStatus;
  reason: NotificationReason | null;
  /** The registration's name, when it has one. */
  name: string | null;
  /** Not sent before this time (reminders are scheduled ahead). */
  runAfter: string;
  sentAt: string | null;
  createdAt: string;
}

export interface EventNotificationQuery extends PageQuery {
  kind?: EventNotificationKind;
  status?: NotificationStatus;
}
