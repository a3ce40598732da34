/** Staff accounts and what each role may do. */
import type { PageQuery } from '../common/api';

export const STAFF_ROLES = [
  'system_admin',
  'region_admin',
  'content_editor',
  'content_reviewer',
  'counsellor',
  'station_manager',
  'event_organiser',
  'checkin_staff',
] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const STAFF_ROLE_LABELS: Record<StaffRole, string> = {
  system_admin: '系统管理员',
  region_admin: '区域管理员',
  content_editor: '内容编辑',
  content_reviewer: '内容审核',
  counsellor: '心理咨询师',
  station_manager: '站点负责人',
  event_organiser: '活动组织者',
  checkin_staff: '签到工作人员',
};

/** Capabilities, so that screens and endpoints ask "may this role do X", not "is it role Y". */
export const PERMISSIONS = [
  'regions.manage',
  'staff.manage',
  'audit.read',
  'articles.edit',
  'articles.publish',
  /** Import scale definitions, enable/disable scales, edit the alert rules. */
  'scales.manage',
  /** Counts of self-test results (suppressed small cells), never individual answers. */
  'scales.stats',
  /** Maintain the hotlines of one's region. */
  'hotlines.manage',
  /** See the alert queue of one's region (no answers, no contact details), including overdue alerts. */
  'alerts.oversee',
  /** Claim alerts, read the resident's answers and contact details, record follow-ups. */
  'alerts.handle',
  /** Keep the duty rosters (值班表) of one's region: who receives new alerts and escalations. */
  'alerts.configure',
  /** Keep the question bank and the quizzes (survey waves, practice, pre/post tests). */
  'quizzes.manage',
  /** The awareness-rate figures and targets, and the reports sent up the hierarchy. */
  'awareness.read',
  /** Create and run campaigns. */
  'campaigns.manage',
  /** Create and run "六进" events and their host units; attendee lists, statistics and quota coverage. */
  'events.manage',
  /** Check people in at events (scan tickets, show the screen code, work offline with the check-in kit). */
  'events.checkin',
  /** Keep the stations of one's region (hours, exceptions), the counsellor profiles and their availability. */
  'stations.manage',
  /** Booking lists, calendars and statistics of one's region, without intake text or session notes. */
  'bookings.oversee',
  /** A counsellor's own bookings: intake, notes, attended/no-show, hand-over; call-backs of their region. */
  'bookings.handle',
  /** The booking kinds' settings and the national 放假/调休 calendar. */
  'bookings.configure',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/**
 * Residents' answers are health data (PIPL art. 28): only counsellors read them; administrators
 * oversee the queue without seeing answers. The same holds for booking intake and session notes.
 */
const ROLE_PERMISSIONS: Record<StaffRole, readonly Permission[]> = {
  system_admin: PERMISSIONS.filter((p) => p !== 'alerts.handle' && p !== 'bookings.handle'),
  region_admin: [
    'regions.manage',
    'staff.manage',
    'audit.read',
    'articles.edit',
    'articles.publish',
    'scales.stats',
    'hotlines.manage',
    'alerts.oversee',
    'alerts.configure',
    'quizzes.manage',
    'awareness.read',
    'campaigns.manage',
    'events.manage',
    'events.checkin',
    'stations.manage',
    'bookings.oversee',
  ],
  content_editor: ['articles.edit', 'articles.publish', 'quizzes.manage'],
  content_reviewer: ['articles.edit', 'articles.publish', 'quizzes.manage'],
  counsellor: ['alerts.oversee', 'alerts.handle', 'bookings.handle'],
  station_manager: ['stations.manage', 'bookings.oversee'],
  event_organiser: ['campaigns.manage', 'events.manage', 'events.checkin'],
  checkin_staff: ['events.checkin'],
};

export function hasPermission(role: StaffRole, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

/** Roles a staff member of `role` may hand out: nobody creates accounts above their own rank. */
export function assignableRoles(role: StaffRole): StaffRole[] {
  if (role === 'system_admin') return [...STAFF_ROLES];
  if (role === 'region_admin') return STAFF_ROLES.filter((r) => r !== 'system_admin');
  return [];
}

/** Roles whose accounts run a region: only someone above them manages them, never a peer. */
const REGION_RUNNERS: readonly StaffRole[] = ['system_admin', 'region_admin'];

/**
 * Whether `me` may manage (create, edit, reset, disable, unlock) an account of `target.role` in
 * the region at `target.regionPath`. A region admin manages the accounts of their region, except
 * other region admins of the same region: those belong to the parent region's admins or a system
 * admin. Region paths are materialized (`/1/3/`), so "strictly below" is a longer prefix match.
 */
export function mayManageAccount(me: { role: StaffRole; regionPath: string }, target: { role: StaffRole; regionPath: string }): boolean {
  if (!assignableRoles(me.role).includes(target.role)) return false;
  if (!target.regionPath.startsWith(me.regionPath)) return false;
  if (me.role === 'system_admin' || !REGION_RUNNERS.includes(target.role)) return true;
  return target.regionPath.length > me.regionPath.length;
}

export interface StaffDto {
  id: number;
  username: string;
  displayName: string;
  role: StaffRole;
  regionId: number;
  regionName: string;
  regionPath: string;
  disabled: boolean;
  mustChangePassword: boolean;
  lockedUntil: string | null;
  lastLoginAt: string | null;
  createdAt: string;
}

export interface StaffQuery extends PageQuery {
  role?: StaffRole;
  regionId?: number;
  keyword?: string;
}

export interface StaffPasswordInput {
  password: string;
}

export interface StaffCreateInput extends StaffPasswordInput {
  username: string;
  displayName: string;
  role: StaffRole;
  regionId: number;
}

/** Only the fields given change. */
export interface StaffUpdateInput {
  displayName?: string;
  role?: StaffRole;
  regionId?: number;
  disabled?: boolean;
}

export interface StaffLoginResult {
  accessToken: string;
  /**
   * Absent when the session is kept in an HttpOnly cookie (`session: 'cookie'` at login, as the
   * admin console does): scripts in the page never see it.
   */
  refreshToken?: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
  mustChangePassword: boolean;
  staff: StaffDto;
}

/** 等保 2.0 password rule: at least 10 characters with three of lower, upper, digit, symbol. */
export const PASSWORD_MIN_LENGTH = 10;

export function passwordProblems(password: string, username?: string): string[] {
  const problems: string[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) problems.push(`密码长度至少 ${PASSWORD_MIN_LENGTH} 位`);
  if (password.length > 128) problems.push('密码长度不能超过 128 位');
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 3) problems.push('密码需包含小写字母、大写字母、数字、符号中的至少三类');
  if (username && password.toLowerCase().includes(username.toLowerCase())) problems.push('密码不能包含用户名');
  return problems;
}

/**
 * The admin console's session cookies: the refresh token (HttpOnly, path-scoped to the session
 * routes) and the CSRF token the console copies into a header on those routes (double submit).
 */
export const STAFF_SESSION_COOKIE = 'xq_refresh';
export const STAFF_CSRF_COOKIE = 'xq_csrf';
export const STAFF_CSRF_HEADER = 'x-csrf-token';
