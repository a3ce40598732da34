/** The event editor's form values and their conversion to and from `EventInput` / `AdminEvent`. */
import dayjs, { type Dayjs } from 'dayjs';
import {
  EVENT_WINDOW_MESSAGES,
  effectiveEventStatus,
  eventWindowProblems,
  problemMessages,
  type AdminEvent,
  type EventInput,
  type EventKind,
  type EventStatus,
  type PlaceType,
  type PopulationGroup,
  type RegistrationField,
} from '@xinqiao/shared';

export interface SpeakerFormValues {
  name: string;
  title?: string | null;
  bio?: string | null;
}

export interface EventFormValues {
  title: string;
  kind: EventKind;
  placeType?: PlaceType;
  hostUnitId?: number | null;
  regionId?: number;
  venueName: string;
  venueAddress: string;
  /** Both or neither: a map point is optional. */
  lat?: number | null;
  lng?: number | null;
  /** Start and end, local time in the picker. */
  time?: [Dayjs, Dayjs] | null;
  signupOpensAt?: Dayjs | null;
  signupClosesAt?: Dayjs | null;
  cancelClosesAt?: Dayjs | null;
  capacity?: number | null;
  waitlistEnabled: boolean;
  /** Blank: the server's default. */
  offerHours?: number | null;
  /** Only what the event really needs is asked at sign-up. */
  requiredFields: RegistrationField[];
  audiences: PopulationGroup[];
  description: string;
  speakers: SpeakerFormValues[];
  coverUrl: string | null;
  quizId?: number | null;
  campaignId?: number | null;
}

export function emptyEventForm(regionId: number | undefined): EventFormValues {
  return {
    title: '',
    kind: 'lecture',
    regionId,
    venueName: '',
    venueAddress: '',
    lat: null,
    lng: null,
    time: null,
    signupOpensAt: null,
    signupClosesAt: null,
    cancelClosesAt: null,
    capacity: 50,
    waitlistEnabled: true,
    offerHours: null,
    requiredFields: [],
    audiences: [],
    description: '',
    speakers: [],
    coverUrl: null,
    quizId: null,
    campaignId: null,
  };
}

const toDayjs = (iso: string | null): Dayjs | null => (iso ? dayjs(iso) : null);

export function eventToForm(e: AdminEvent): EventFormValues {
  return {
    title: e.title,
    kind: e.kind,
    placeType: e.placeType,
    hostUnitId: e.hostUnitId,
    regionId: e.regionId,
    venueName: e.venue.name,
    venueAddress: e.venue.address,
    lat: e.venue.location?.lat ?? null,
    lng: e.venue.location?.lng ?? null,
    time: [dayjs(e.startsAt), dayjs(e.endsAt)],
    signupOpensAt: toDayjs(e.signupOpensAt),
    signupClosesAt: toDayjs(e.signupClosesAt),
    cancelClosesAt: toDayjs(e.cancelClosesAt),
    capacity: e.capacity,
    waitlistEnabled: e.waitlistEnabled,
    offerHours: e.offerHours,
    requiredFields: e.requiredFields,
    audiences: e.audiences,
    description: e.description,
    speakers: e.speakers.map((s) => ({ name: s.name, title: s.title, bio: s.bio })),
    coverUrl: e.coverUrl,
    quizId: e.quizId,
    campaignId: e.campaignId,
  };
}

const blankToNull = (s: string | null | undefined): string | null => {
  const t = s?.trim();
  return t ? t : null;
};

const isoOrNull = (d: Dayjs | null | undefined): string | null => (d ? d.toISOString() : null);

/**
 * Cross-field problems the per-field rules cannot see, so they show before a round trip; the time
 * window is the server's own rule (shared), in its words. Empty when the values can be sent.
 */
export function eventFormProblems(v: EventFormValues): string[] {
  const problems: string[] = [];
  const hasLat = v.lat !== null && v.lat !== undefined;
  const hasLng = v.lng !== null && v.lng !== undefined;
  if (hasLat !== hasLng) problems.push('地图位置需同时填写纬度和经度，或都不填');
  const [start, end] = v.time ?? [];
  if (start && end) {
    const date = (d: Dayjs | null | undefined) => (d ? d.toDate() : null);
    const window = {
      startsAt: start.toDate(),
      endsAt: end.toDate(),
      signupOpensAt: date(v.signupOpensAt),
      signupClosesAt: date(v.signupClosesAt),
      cancelClosesAt: date(v.cancelClosesAt),
    };
    problems.push(...problemMessages(eventWindowProblems(window), EVENT_WINDOW_MESSAGES));
  }
  v.speakers.forEach((s, i) => {
    if (!s?.name?.trim()) problems.push(`第 ${i + 1} 位主讲人未填写姓名`);
  });
  return problems;
}

/** Validated form values -> `EventInput` (trimmed; blanks become null; speakers without a name are a problem, not dropped). */
export function toEventInput(v: EventFormValues, version?: number): EventInput {
  const [start, end] = v.time ?? [];
  if (!v.placeType || v.regionId === undefined || !start || !end || !v.capacity) {
    throw new Error('placeType, regionId, time and capacity are required');
  }
  const hasPoint = v.lat !== null && v.lat !== undefined && v.lng !== null && v.lng !== undefined;
  const input: EventInput = {
    title: v.title.trim(),
    kind: v.kind,
    placeType: v.placeType,
    hostUnitId: v.hostUnitId ?? null,
    regionId: v.regionId,
    venue: {
      name: v.venueName.trim(),
      address: v.venueAddress.trim(),
      location: hasPoint ? { lat: v.lat as number, lng: v.lng as number } : null,
    },
    startsAt: start.toISOString(),
    endsAt: end.toISOString(),
    signupOpensAt: isoOrNull(v.signupOpensAt),
    signupClosesAt: isoOrNull(v.signupClosesAt),
    cancelClosesAt: isoOrNull(v.cancelClosesAt),
    capacity: v.capacity,
    waitlistEnabled: v.waitlistEnabled,
    requiredFields: v.requiredFields ?? [],
    audiences: v.audiences ?? [],
    description: v.description?.trim() ?? '',
    speakers: (v.speakers ?? []).map((s) => ({ name: s.name.trim(), title: blankToNull(s.title), bio: blankToNull(s.bio) })),
    coverUrl: v.coverUrl || null,
    quizId: v.quizId ?? null,
    campaignId: v.campaignId ?? null,
  };
  // Left out, the server applies its default (new events) or keeps the event's own.
  if (v.offerHours) input.offerHours = v.offerHours;
  if (version !== undefined) input.version = version;
  return input;
}

/** What may be done with an event as it stands now (the server has the last word). */
export interface EventAbilities {
  edit: boolean;
  publish: boolean;
  cancel: boolean;
  remove: boolean;
  /** Check-in and the screen code work for published (and just finished) events only. */
  checkin: boolean;
}

export function eventAbilities(e: { status: EventStatus; endsAt: string }, now: Date = new Date()): EventAbilities {
  const status = effectiveEventStatus(e.status, new Date(e.endsAt), now);
  return {
    edit: status === 'draft' || status === 'published',
    publish: status === 'draft',
    cancel: status === 'published',
    remove: status === 'draft',
    checkin: status === 'published' || status === 'finished',
  };
}

/** "已报名/名额" of a list row: seats held (confirmed and pending offers) over capacity. */
export function seatsText(e: { capacity: number; counts: { confirmed: number; offered: number } }): string {
  return `${e.counts.confirmed + e.counts.offered} / ${e.capacity}`;
}
