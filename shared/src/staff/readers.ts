/**
 * Who may read each console section: the permissions of which any one opens the section's list route
 * on the server, and so the roles the admin shows the section to. One list for both sides.
 */
import { hasPermission, type Permission, type StaffRole } from './staff';

export const SECTION_READERS = {
  articles: ['articles.edit'],
  alerts: ['alerts.oversee'],
  duty: ['alerts.oversee'],
  alertIndicators: ['alerts.oversee'],
  scales: ['scales.manage'],
  scaleStats: ['scales.stats'],
  hotlines: ['hotlines.manage'],
  stations: ['stations.manage'],
  counsellors: ['stations.manage'],
  // Kept by system admins; station managers read it to plan their hours.
  holidays: ['bookings.configure', 'stations.manage'],
  callbackLines: ['stations.manage'],
  bookings: ['bookings.handle', 'bookings.oversee'],
  myAvailability: ['bookings.handle'],
  bookingStats: ['bookings.oversee'],
  bookingSettings: ['bookings.configure'],
  questions: ['quizzes.manage'],
  // Awareness readers pick survey waves for their figures.
  quizzes: ['quizzes.manage', 'awareness.read'],
  awareness: ['awareness.read'],
  campaigns: ['campaigns.manage'],
  // Check-in staff find the event to check people in here.
  events: ['events.manage', 'events.checkin'],
  eventStats: ['events.manage'],
  eventCoverage: ['events.manage'],
  hostUnits: ['events.manage'],
  regions: ['regions.manage'],
  staff: ['staff.manage'],
  audit: ['audit.read'],
} as const satisfies Record<string, readonly Permission[]>;
export type ConsoleSection = keyof typeof SECTION_READERS;
export const CONSOLE_SECTIONS = Object.keys(SECTION_READERS) as ConsoleSection[];

/** Whether the role holds any one of the permissions. */
export function hasAnyPermission(role: StaffRole, permissions: readonly Permission[]): boolean {
  return permissions.some((p) => hasPermission(role, p));
}

export function mayReadSection(role: StaffRole, section: ConsoleSection): boolean {
  return hasAnyPermission(role, SECTION_READERS[section]);
}
