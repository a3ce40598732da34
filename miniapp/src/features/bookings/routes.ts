import type { BookingKind } from '@xinqiao/shared';

/** Pages of the booking feature, all in packageBookings (entries on 首页, 我的 and the scale result). */
export const STATIONS_URL = '/packageBookings/pages/stations/index';
export const STATION_URL = '/packageBookings/pages/station/index';
export const BOOK_URL = '/packageBookings/pages/book/index';
export const BOOKING_URL = '/packageBookings/pages/booking/index';
export const MY_BOOKINGS_URL = '/packageBookings/pages/mine/index';
export const HELP_URL = '/packageBookings/pages/help/index';

export const stationUrl = (id: number) => `${STATION_URL}?id=${id}`;

export interface BookParams {
  kind?: BookingKind;
  stationId?: number;
  counsellorId?: number;
  /** Call-backs: the hotline's call-back line. */
  lineId?: number;
  /** Moving this booking to another slot (pick → hold → reschedule; no intake). */
  rescheduleId?: number;
}

export function bookUrl(params: BookParams = {}): string {
  const q = Object.entries(params)
    .filter(([, v]) => v !== undefined && v !== null)
    .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`);
  return q.length ? `${BOOK_URL}?${q.join('&')}` : BOOK_URL;
}

/** `fresh=1`: just confirmed (the page says so and offers the calendar first). */
export const bookingUrl = (id: number, fresh = false) => `${BOOKING_URL}?id=${id}${fresh ? '&fresh=1' : ''}`;

export const helpUrl = (urgency?: 'now' | 'soon' | 'anytime') => (urgency ? `${HELP_URL}?urgency=${urgency}` : HELP_URL);
