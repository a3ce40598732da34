import Taro from '@tarojs/taro';
import type {
  BookingInput,
  BookingKindSettings,
  CallbackLine,
  CancelInput,
  CounsellorListQuery,
  CounsellorSummary,
  Hold,
  HoldInput,
  HelpRequestInput,
  HelpRequestResult,
  AlertNoticeAnswer,
  MyBooking,
  Page,
  RatingInput,
  Slot,
  SlotQuery,
  StationDetail,
  StationListQuery,
  StationSummary,
  SubscriptionStatus,
} from '@xinqiao/shared';
import { MAX_TEMPLATES_PER_REQUEST, acceptedTemplateIds } from '../features/events/subscribe';
import { call } from './request';

// ---- the station directory (public) ----

/** `auth: 'optional'`: a signed-in resident's region and its ancestors come first when no position is given. */
export function listStations(query: StationListQuery, options: { toast?: boolean } = {}): Promise<Page<StationSummary>> {
  return call('GET', '/stations', { params: { query }, auth: 'optional', toast: options.toast });
}

export function getStation(id: number): Promise<StationDetail> {
  return call('GET', '/stations/{id}', { params: { path: { id } }, auth: 'none', toast: false });
}

export function listCounsellors(query: CounsellorListQuery): Promise<Page<CounsellorSummary>> {
  return call('GET', '/counsellors', { params: { query }, auth: 'none', toast: false });
}

// ---- what can be booked (public) ----

export function listBookingKinds(): Promise<BookingKindSettings[]> {
  return call('GET', '/bookings/kinds', { auth: 'none', toast: false });
}

export function listCallbackLines(regionId: number | null): Promise<CallbackLine[]> {
  return call('GET', '/callback-lines', { params: { query: { regionId: regionId ?? undefined } }, auth: 'none', toast: false });
}

export function listSlots(query: SlotQuery): Promise<Slot[]> {
  return call('GET', '/slots', { params: { query }, auth: 'none', toast: false });
}

// ---- the resident's bookings ----

/** 409 SLOT_TAKEN when someone else was quicker. */
export function createHold(input: HoldInput): Promise<Hold> {
  return call('POST', '/bookings/holds', { body: input, auth: 'required', toast: false });
}

/** Gives the slot back at once (the resident chose another, or left); failures are harmless: the hold expires. */
export function releaseHold(id: number): Promise<void> {
  return call('DELETE', '/bookings/holds/{id}', { params: { path: { id } }, auth: 'required', toast: false }).catch(() => undefined);
}

/** A retry with the same `clientRequestId` returns the first booking. */
export function confirmBooking(input: BookingInput): Promise<MyBooking> {
  return call('POST', '/bookings', { body: input, auth: 'required', toast: false });
}

export function listMyBookings(scope: 'upcoming' | 'past', page: number, pageSize: number): Promise<Page<MyBooking>> {
  return call('GET', '/me/bookings', { params: { query: { scope, page, pageSize } }, auth: 'required', toast: false });
}

export function getMyBooking(id: number): Promise<MyBooking> {
  return call('GET', '/me/bookings/{id}', { params: { path: { id } }, auth: 'required', toast: false });
}

export function rescheduleBooking(id: number, holdId: number): Promise<MyBooking> {
  return call('POST', '/me/bookings/{id}/reschedule', { params: { path: { id } }, body: { holdId }, auth: 'required', toast: false });
}

export function cancelBooking(id: number, input: CancelInput = {}): Promise<MyBooking> {
  return call('POST', '/me/bookings/{id}/cancel', { params: { path: { id } }, body: input, auth: 'required', toast: false });
}

export function rateBooking(id: number, input: RatingInput): Promise<MyBooking> {
  return call('POST', '/me/bookings/{id}/rating', { params: { path: { id } }, body: input, auth: 'required', toast: false });
}

// ---- 请人联系我 (alerts module) ----

export function createHelpRequest(input: HelpRequestInput): Promise<HelpRequestResult> {
  return call('POST', '/help-requests', { body: input, auth: 'required', toast: false });
}

/** Whether the people on duty were told of the request's alert (the result page asks while it is `pending`). */
export function getAlertNotice(alertId: number): Promise<AlertNoticeAnswer> {
  return call('GET', '/me/alert-notices/{id}', { params: { path: { id: alertId } }, auth: 'required', toast: false });
}

// ---- WeChat subscribe messages for bookings ----

/** The notifications module's template slots for bookings, in the order they are asked. */
export const BOOKING_TEMPLATE_SLOTS = ['booking_confirmed', 'booking_reminder', 'booking_changed'] as const;

/** Template ids of the booking slots that are configured (none on H5, where there are no subscribe messages). */
export async function getBookingTemplateIds(): Promise<string[]> {
  if (process.env.TARO_ENV !== 'weapp') return [];
  try {
    const status: SubscriptionStatus = await call('GET', '/me/subscriptions', { auth: 'required', toast: false });
    const bySlot = new Map(status.templates.map((t) => [t.slot, t.templateId]));
    const ids = BOOKING_TEMPLATE_SLOTS.map((s) => bySlot.get(s)).filter((id): id is string => Boolean(id));
    return [...new Set(ids)].slice(0, MAX_TEMPLATES_PER_REQUEST);
  } catch {
    return [];
  }
}

/**
 * Asks for booking messages (must be the first thing a tap does on WeChat) and records the accepted
 * ones. Resolves whether at least one was accepted and recorded, so the page says "已开启提醒" only
 * then. Never throws: refusing messages must not stop a booking.
 */
export async function requestBookingMessages(templateIds: readonly string[]): Promise<boolean> {
  if (process.env.TARO_ENV !== 'weapp' || templateIds.length === 0) return false;
  let accepted: string[];
  try {
    const answer = await Taro.requestSubscribeMessage({ tmplIds: [...templateIds] } as Taro.requestSubscribeMessage.Option);
    accepted = acceptedTemplateIds(answer as unknown as Record<string, unknown>, templateIds);
  } catch {
    return false;
  }
  if (!accepted.length) return false;
  try {
    await call('POST', '/me/subscriptions', { body: { templateIds: accepted }, auth: 'required', toast: false });
    return true;
  } catch {
    return false;
  }
}
