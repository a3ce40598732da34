/**
 * The service network residents can go to: 心理服务站 (street), 心灵驿站, community 心理咨询室,
 * hospital psychology clinics, and the referral targets (精神卫生中心, general hospitals), with
 * their opening hours and the national holiday calendar, and the counsellors who work there.
 */
import type { PageQuery } from '../common/api';
import type { GeoPoint } from '../events/api';

export const STATION_TYPES = ['service_station', 'heart_station', 'counselling_room', 'hospital_clinic', 'mental_health_centre', 'hospital'] as const;
export type StationType = (typeof STATION_TYPES)[number];
export const STATION_TYPE_LABELS: Record<StationType, string> = {
  service_station: '心理服务站',
  heart_station: '心灵驿站',
  counselling_room: '心理咨询室',
  hospital_clinic: '医院心理门诊',
  mental_health_centre: '精神卫生中心',
  hospital: '综合医院',
};
/** Where residents book sessions. */
export const BOOKABLE_STATION_TYPES: readonly StationType[] = ['service_station', 'heart_station', 'counselling_room', 'hospital_clinic'];
/** Where counsellors refer residents (转介 through the green channel); not bookable in the app. */
export const REFERRAL_STATION_TYPES: readonly StationType[] = ['mental_health_centre', 'hospital', 'hospital_clinic'];

/** What a station offers; shown as tags. */
export const STATION_SERVICES = ['counselling', 'assessment', 'lecture', 'group', 'crisis', 'referral', 'hotline', 'psychiatry'] as const;
export type StationService = (typeof STATION_SERVICES)[number];
export const STATION_SERVICE_LABELS: Record<StationService, string> = {
  counselling: '心理咨询',
  assessment: '心理测评',
  lecture: '心理健康讲座',
  group: '团体辅导',
  crisis: '危机干预',
  referral: '转介服务',
  hotline: '心理热线',
  psychiatry: '精神科诊疗',
};

/** `HH:mm` in China time, 00:00-24:00; a range is [start, end). */
export interface TimeRange {
  start: string;
  end: string;
}

/** ISO weekday, 1 = Monday … 7 = Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;
export const WEEKDAY_LABELS: Record<Weekday, string> = { 1: '周一', 2: '周二', 3: '周三', 4: '周四', 5: '周五', 6: '周六', 7: '周日' };

/** Opening hours by weekday; a missing or empty day is closed. */
export type WeeklyHours = Partial<Record<Weekday, TimeRange[]>>;

/** A dated change to a station's hours: closed that day, or open at other times. */
export interface StationException {
  id: number;
  /** China date `YYYY-MM-DD`. */
  date: string;
  /** Empty: closed all day. */
  hours: TimeRange[];
  note: string | null;
}
export type StationExceptionInput = Omit<StationException, 'id'>;

/**
 * The State Council's yearly 放假安排, kept as data by a system admin (it cannot be computed):
 * `holiday` days are closed everywhere unless a station's exception opens it; a `workday` is a
 * weekend day worked in exchange (调休), following the hours of `worksAs` (default Monday).
 */
export const HOLIDAY_KINDS = ['holiday', 'workday'] as const;
export type HolidayKind = (typeof HOLIDAY_KINDS)[number];
export const HOLIDAY_KIND_LABELS: Record<HolidayKind, string> = { holiday: '放假', workday: '调休上班' };

export interface HolidayDay {
  /** China date `YYYY-MM-DD`. */
  date: string;
  kind: HolidayKind;
  /** e.g. 春节, 国庆节. */
  name: string;
  /** For a `workday`: whose weekday's hours apply (null = Monday). */
  worksAs: Weekday | null;
}

export interface Station {
  id: number;
  name: string;
  type: StationType;
  regionId: number;
  regionName: string;
  address: string;
  /** GCJ-02, WeChat's datum; null when not placed on the map yet. */
  location: GeoPoint | null;
  phone: string | null;
  services: StationService[];
  /** e.g. 无障碍坡道、一楼、可预约手语. */
  accessibility: string | null;
  description: string | null;
  photoUrl: string | null;
  weeklyHours: WeeklyHours;
  /** Open hours per week by the weekly pattern (the seeds ask at least 40 for a 心灵驿站). */
  weeklyOpenHours: number;
  published: boolean;
  bookable: boolean;
  referralTarget: boolean;
}

/** GET /api/v1/stations: published stations, nearest first when `lat`/`lng` are given, otherwise by region. */
export interface StationListQuery extends PageQuery {
  /** Stations in this region or below (default: everywhere, those of a signed-in resident's region and its ancestors first). */
  regionId?: number;
  type?: StationType;
  /** Only stations a resident can book. */
  bookable?: boolean;
  /** Only those open at this moment. */
  openNow?: boolean;
  /** The resident's position (GCJ-02), with their permission. */
  lat?: number;
  lng?: number;
  keyword?: string;
}

export interface StationSummary extends Station {
  /** Whether it is open now and, if not, when it opens next (ISO instant, within 14 days). */
  openNow: boolean;
  nextOpenAt: string | null;
  /** Today's hours (China date), after exceptions and holidays. */
  todayHours: TimeRange[];
  /** Metres from the given position, when one was given and the station is placed. */
  distanceMetres: number | null;
}

/** One China date's hours (see `hoursBetween`); `holiday` names the calendar entry, e.g. 国庆节放假, 国庆节调休上班. */
export interface StationDay {
  date: string;
  hours: TimeRange[];
  holiday: string | null;
}

/** GET /api/v1/stations/:id: the station, its next 14 days of hours, and its published counsellors. */
export interface StationDetail extends StationSummary {
  days: StationDay[];
  counsellors: CounsellorSummary[];
}

export interface StationInput {
  name: string;
  type: StationType;
  regionId: number;
  address: string;
  location: GeoPoint | null;
  phone: string | null;
  services: StationService[];
  accessibility: string | null;
  description: string | null;
  photoUrl: string | null;
  weeklyHours: WeeklyHours;
  published: boolean;
}

/** Counsellors, published with their consent (name, photo, qualification as the seeds require stations to post). */
export const COUNSELLOR_SPECIALTIES = [
  'emotions',
  'relationships',
  'family',
  'parenting',
  'study',
  'work',
  'sleep',
  'elderly',
  'youth',
  'crisis',
  'grief',
  'women',
] as const;
export type CounsellorSpecialty = (typeof COUNSELLOR_SPECIALTIES)[number];
export const COUNSELLOR_SPECIALTY_LABELS: Record<CounsellorSpecialty, string> = {
  emotions: '情绪困扰',
  relationships: '人际关系',
  family: '婚恋家庭',
  parenting: '亲子教育',
  study: '学业压力',
  work: '职场压力',
  sleep: '睡眠问题',
  elderly: '老年心理',
  youth: '青少年心理',
  crisis: '危机干预',
  grief: '哀伤辅导',
  women: '女性心理',
};

/** How a counsellor takes sessions. */
export const SESSION_MODES = ['in_person', 'phone'] as const;
export type SessionMode = (typeof SESSION_MODES)[number];
export const SESSION_MODE_LABELS: Record<SessionMode, string> = { in_person: '面询', phone: '电话咨询' };

export interface CounsellorSummary {
  id: number;
  name: string;
  photoUrl: string | null;
  /** e.g. 国家二级心理咨询师, 心理治疗师, 精神科主治医师. */
  qualification: string;
  /** 职称, e.g. 副主任医师. */
  title: string | null;
  specialties: CounsellorSpecialty[];
  /** e.g. 普通话, 重庆话, 英语. */
  languages: string[];
  modes: SessionMode[];
  stationIds: number[];
}

export interface Counsellor extends CounsellorSummary {
  bio: string | null;
  /** Certificate number as posted on the station's wall, if the counsellor agreed to show it. */
  certificateNo: string | null;
  regionId: number;
  regionName: string;
  /** The staff account this profile belongs to (counsellor role), if any. */
  staffId: number | null;
  published: boolean;
  /**
   * When and by whom the counsellor's consent to publishing was last recorded (on publishing); null
   * until a first publication, and kept when the profile is unpublished.
   */
  publishConsent: { at: string; recordedBy: string } | null;
}

/** GET /api/v1/counsellors/:id: what the public sees of a published profile (never the staff account). */
export interface CounsellorProfile extends CounsellorSummary {
  bio: string | null;
  certificateNo: string | null;
  regionId: number;
  regionName: string;
}

/** GET /api/v1/counsellors: published profiles. */
export interface CounsellorListQuery extends PageQuery {
  stationId?: number;
  regionId?: number;
  mode?: SessionMode;
  specialty?: CounsellorSpecialty;
}

export interface CounsellorInput {
  name: string;
  photoUrl: string | null;
  qualification: string;
  title: string | null;
  certificateNo: string | null;
  specialties: CounsellorSpecialty[];
  languages: string[];
  modes: SessionMode[];
  stationIds: number[];
  bio: string | null;
  regionId: number;
  staffId: number | null;
  published: boolean;
  /** Must be true to publish: the counsellor agreed to their profile being shown to the public. */
  publishConsent: boolean;
}

/** GET /api/v1/admin/stations: the stations of the caller's region, published or not. */
export interface AdminStationQuery extends PageQuery {
  /** This region or below (inside the caller's own). */
  regionId?: number;
  type?: StationType;
  published?: boolean;
  /** Part of the name or address. */
  keyword?: string;
}

/** A station as staff see it: open now and today's hours, and how many counsellor profiles serve it. */
export interface AdminStation extends StationSummary {
  counsellorCount: number;
  updatedAt: string;
}

/** GET /api/v1/admin/stations/:id/exceptions: by date, from `from` (default today) to `to` (default open-ended). */
export interface StationExceptionQuery {
  from?: string;
  to?: string;
}

/** PUT /api/v1/admin/holidays/:date: the day's entry (the date is in the path). */
export type HolidayInput = Omit<HolidayDay, 'date'>;

/** GET /api/v1/admin/holidays: one year's calendar. */
export interface HolidayQuery {
  year: number;
}

/** GET /api/v1/admin/counsellors: profiles of the caller's region, published or not. */
export interface AdminCounsellorQuery extends PageQuery {
  regionId?: number;
  stationId?: number;
  published?: boolean;
  /** Part of the name. */
  keyword?: string;
}

/** A profile as staff see it, with the linked account's name. */
export interface AdminCounsellor extends Counsellor {
  /** `displayName（username）` of the linked account, null without one. */
  staffName: string | null;
  updatedAt: string;
}

/** GET /api/v1/admin/counsellors/mine: the profile linked to the signed-in account, null without one. */
export interface MyCounsellor {
  counsellor: AdminCounsellor | null;
}

/** GET /api/v1/admin/counsellors/accounts: counsellor accounts of the caller's region a profile may link. */
export interface CounsellorAccountQuery {
  keyword?: string;
}
export interface CounsellorAccount {
  id: number;
  username: string;
  displayName: string;
  regionName: string;
  /** The profile already linked to this account, if any (an account links one profile at most). */
  counsellorId: number | null;
}
