import type { CheckinResult, EventDetail, EventNotificationTemplates, EventSummary, MyRegistration } from '@xinqiao/shared';

/** 2026-11-25 14:00-15:30 China time, sign-up open until the start. */
export function eventSummary(overrides: Partial<EventSummary> = {}): EventSummary {
  return {
    id: 7,
    title: '情绪管理与压力应对讲座',
    kind: 'lecture',
    placeType: 'community',
    status: 'published',
    hostUnitName: null,
    regionId: 4,
    regionName: '萱花社区',
    venueName: '萱花社区党群服务中心',
    startsAt: '2026-11-25T06:00:00.000Z',
    endsAt: '2026-11-25T07:30:00.000Z',
    signupOpensAt: null,
    signupClosesAt: null,
    capacity: 40,
    seatsLeft: 12,
    waitlistOpen: false,
    coverUrl: null,
    audiences: ['employee', 'parent'],
    ...overrides,
  };
}

export function eventDetail(overrides: Partial<EventDetail> = {}): EventDetail {
  return {
    ...eventSummary(),
    description: '认识压力与情绪的来源，学习几种简单易行的放松方法。',
    speakers: [{ name: '李老师', title: '国家二级心理咨询师', bio: '长期从事社区心理健康服务。' }],
    venue: { name: '萱花社区党群服务中心', address: '永川区胜利路街道萱花路 12 号二楼多功能厅', location: { lat: 29.3561, lng: 105.9273 } },
    cancelClosesAt: null,
    requiredFields: ['name', 'phone'],
    quizId: null,
    campaignId: null,
    myRegistration: null,
    ...overrides,
  };
}

export const TOKEN = 't1.7.AAAAAAAAAAAAAAAA.BBBBBBBBBBBBBBBBBBBBBB';

export function registration(overrides: Partial<MyRegistration> = {}): MyRegistration {
  return {
    status: 'confirmed',
    name: '张小明',
    phone: '13800138000',
    source: 'online',
    waitlistPosition: null,
    offerExpiresAt: null,
    ticket: { token: TOKEN },
    checkedInAt: null,
    attendance: 'pending',
    createdAt: '2026-11-20T02:00:00.000Z',
    cancelledAt: null,
    ...overrides,
  };
}

export const TEMPLATES: EventNotificationTemplates = {
  templates: { signup: 'tpl-signup', reminder: 'tpl-reminder', offer: 'tpl-offer', change: 'tpl-change' },
  signUp: ['tpl-signup', 'tpl-reminder', 'tpl-change'],
  waitlist: ['tpl-offer', 'tpl-signup', 'tpl-change'],
};

/** A screen code of event 7 (`c7.<window>.<tag>`), shaped as parseCheckinCode expects. */
export const SCREEN_CODE = 'c7.1kz3m2a.AAAAAAAAAAAAAAAA';

export function checkinResult(overrides: Partial<CheckinResult> = {}): CheckinResult {
  return {
    eventId: 7,
    eventTitle: '情绪管理与压力应对讲座',
    outcome: 'checked_in',
    walkIn: false,
    checkedInAt: '2026-11-25T05:50:00.000Z',
    name: null,
    ...overrides,
  };
}
