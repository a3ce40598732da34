import Taro from '@tarojs/taro';
import type {
  CheckinInput,
  CheckinResult,
  EventDetail,
  EventListQuery,
  EventNotificationTemplates,
  EventSummary,
  MyEventItem,
  MyRegistration,
  Page,
  RegistrationInput,
  SubscriptionStatus,
} from '@xinqiao/shared';
import { MAX_TEMPLATES_PER_REQUEST, acceptedTemplateIds } from '../features/events/subscribe';
import { call, type AuthMode } from './request';

/** Published events; `auth: 'none'` for every region (a signed-in resident is otherwise narrowed to theirs). */
export function listEvents(query: EventListQuery, auth: AuthMode, options: { toast?: boolean } = {}): Promise<Page<EventSummary>> {
  return call('GET', '/events', { params: { query }, auth, toast: options.toast });
}

/** With the resident's token the answer carries `myRegistration` (and the ticket while confirmed). */
export function getEvent(id: number): Promise<EventDetail> {
  return call('GET', '/events/{id}', { params: { path: { id } }, auth: 'optional', toast: false });
}

/** 201 for a new sign-up, 200 for a retried `clientRequestId`. */
export function signUp(id: number, input: RegistrationInput): Promise<MyRegistration> {
  return call('POST', '/events/{id}/registrations', { params: { path: { id } }, body: input, auth: 'required', toast: false });
}

/** Gives back a seat, leaves the waiting list or declines an offer. */
export function cancelRegistration(id: number): Promise<MyRegistration> {
  return call('DELETE', '/events/{id}/registrations/me', { params: { path: { id } }, auth: 'required', toast: false });
}

export function answerOffer(id: number, accept: boolean): Promise<MyRegistration> {
  return call('POST', '/events/{id}/registrations/me/offer', { params: { path: { id } }, body: { accept }, auth: 'required', toast: false });
}

/** Upcoming first, then past ones. */
export function listMyEvents(page: number, pageSize: number, options: { toast?: boolean } = {}): Promise<Page<MyEventItem>> {
  return call('GET', '/me/events', { params: { query: { page, pageSize } }, auth: 'required', toast: options.toast });
}

/** A screen check-in code (its `scene`), with name/phone only for a walk-in the event asks them of. */
export function checkIn(input: CheckinInput): Promise<CheckinResult> {
  return call('POST', '/checkins', { body: input, auth: 'required', toast: false });
}

// The templates never change while the app runs; asked once, so they are at hand at the tap.
let templates: Promise<EventNotificationTemplates> | null = null;

export function getNotificationTemplates(): Promise<EventNotificationTemplates> {
  if (!templates) {
    templates = call('GET', '/events/notification-templates', { auth: 'none', toast: false });
    templates.catch(() => {
      templates = null;
    });
  }
  return templates;
}

/** Test hook: forget the cached templates. */
export function resetNotificationTemplatesForTests(): void {
  templates = null;
}

function saveSubscriptions(templateIds: string[]): Promise<SubscriptionStatus> {
  return call('POST', '/me/subscriptions', { body: { templateIds }, auth: 'required', toast: false });
}

/**
 * On WeChat, asks for event messages (called straight from a tap, before anything else is
 * awaited: WeChat refuses the request otherwise) and tells the server which templates were
 * accepted, before the sign-up goes out: its confirmation message needs the grant. Never throws:
 * refusing messages must not stop a sign-up.
 */
export async function requestEventMessages(templateIds: readonly string[]): Promise<void> {
  const tmplIds = templateIds.slice(0, MAX_TEMPLATES_PER_REQUEST);
  if (process.env.TARO_ENV !== 'weapp' || tmplIds.length === 0) return;
  let accepted: string[];
  try {
    const answer = await Taro.requestSubscribeMessage({ tmplIds } as Taro.requestSubscribeMessage.Option);
    accepted = acceptedTemplateIds(answer as unknown as Record<string, unknown>, tmplIds);
  } catch {
    return;
  }
  if (accepted.length) await saveSubscriptions(accepted).catch(() => undefined);
}
