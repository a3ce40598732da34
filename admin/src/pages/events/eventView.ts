/** How events, registrations and notifications are shown: tag colours, phone masking, time ranges. */
import dayjs from 'dayjs';
import { maskPhone, type AttendanceStatus, type EventStatus, type NotificationStatus, type RegistrationStatus } from '@xinqiao/shared';

export const EVENT_STATUS_COLOURS: Record<EventStatus, string> = {
  draft: 'default',
  published: 'processing',
  cancelled: 'error',
  finished: 'success',
};

export const REGISTRATION_STATUS_COLOURS: Record<RegistrationStatus, string> = {
  confirmed: 'success',
  waitlisted: 'warning',
  offered: 'processing',
  cancelled: 'default',
  expired: 'default',
};

export const ATTENDANCE_COLOURS: Record<AttendanceStatus, string> = {
  checked_in: 'success',
  pending: 'processing',
  absent: 'error',
  none: 'default',
};

export const NOTIFICATION_STATUS_COLOURS: Record<NotificationStatus, string> = {
  queued: 'processing',
  sent: 'success',
  skipped: 'default',
  failed: 'error',
};

/**
 * The phone as lists show it: 138****8000. Organisers get the full number from the server (it is
 * in the Excel export), check-in staff an already masked one, which is shown as it came.
 */
export function displayPhone(phone: string | null | undefined): string {
  if (!phone) return '-';
  if (phone.includes('*')) return phone;
  return maskPhone(phone) ?? '-';
}

/** "2026-05-20 09:00 - 11:00", or both dates when it spans days. */
export function timeRangeText(startsAt: string, endsAt: string): string {
  const start = dayjs(startsAt);
  const end = dayjs(endsAt);
  const sameDay = start.format('YYYY-MM-DD') === end.format('YYYY-MM-DD');
  return `${start.format('YYYY-MM-DD HH:mm')} - ${end.format(sameDay ? 'HH:mm' : 'YYYY-MM-DD HH:mm')}`;
}
