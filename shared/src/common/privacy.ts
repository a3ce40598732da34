import { maskPhone } from '../events/masking';
import type { StaffRole } from '../staff';

/** Who is reading, as far as the phone rule needs to know. */
export interface PhoneViewer {
  id: number;
  role: StaffRole;
}

/**
 * Where a resident's phone number was given: a registration for an event (with who created the
 * event), or the contact left for a follow-up with a 三色预警 alert (with the counsellor who claimed it).
 */
export type PhoneSource = { kind: 'event'; createdById: number } | { kind: 'alert'; assigneeId: number | null };

/**
 * The one rule for a resident's phone number shown to staff, as the consent texts promise: in full
 * only to those who contact the resident, masked (138****8000) for everyone else, administrators
 * included. For an event that is its organisers: the staff member who created it and the 活动组织者
 * whose region covers it (the caller has already refused staff outside the event's region). For an
 * alert it is the counsellor who claimed it.
 */
export function phoneShownTo(viewer: PhoneViewer, source: PhoneSource, phone: string | null | undefined): string | null {
  const full =
    source.kind === 'event'
      ? viewer.id === source.createdById || viewer.role === 'event_organiser'
      : source.assigneeId !== null && viewer.id === source.assigneeId;
  return full ? (phone ?? null) : maskPhone(phone);
}
