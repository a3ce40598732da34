/** Pages of the events feature (the list is the 活动 tab, the rest in packageEvents). */
export const EVENTS_TAB_URL = '/pages/events/index';
export const EVENT_DETAIL_URL = '/packageEvents/pages/detail/index';
export const MY_EVENTS_URL = '/packageEvents/pages/mine/index';
export const TICKET_URL = '/packageEvents/pages/ticket/index';
export const CHECKIN_URL = '/packageEvents/pages/checkin/index';

export const eventDetailUrl = (eventId: number) => `${EVENT_DETAIL_URL}?id=${eventId}`;
export const ticketUrl = (eventId: number) => `${TICKET_URL}?id=${eventId}`;
/** Posts a screen check-in code that opened the mini-program (or was scanned elsewhere). */
export const checkinUrl = (code: string) => `${CHECKIN_URL}?code=${encodeURIComponent(code)}`;
