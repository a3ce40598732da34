import { EVENT_NOTIFICATION_KINDS, EVENT_NOTIFICATION_KIND_LABELS, TEMPLATE_SLOT_OF, eventMessageFields, eventMessageValues } from './notifications';

// 2026-06-10 14:00 China time.
const START = new Date(Date.UTC(2026, 5, 10, 6, 0));
const event = { title: '职场压力与情绪管理讲座', startsAt: START, venueName: '萱花社区活动中心' };

describe('eventMessageFields', () => {
  it('fills title, time, venue and a note per kind', () => {
    expect(eventMessageFields({ kind: 'signup_confirmed', event })).toEqual({
      title: '职场压力与情绪管理讲座',
      time: '2026-06-10 14:00',
      venue: '萱花社区活动中心',
      note: '报名成功，请按时参加',
    });
    expect(eventMessageFields({ kind: 'signup_confirmed', event, promoted: true }).note).toBe('候补成功，已为您保留名额');
    expect(eventMessageFields({ kind: 'reminder', event }).note).toContain('即将开始');
    expect(eventMessageFields({ kind: 'waitlist_offer', event, offerExpiresAt: new Date(START.getTime() - 3_600_000) }).note).toBe('请于06-10 13:00前确认名额');
    expect(eventMessageFields({ kind: 'event_changed', event }).note).toContain('有变');
    expect(eventMessageFields({ kind: 'event_cancelled', event, reason: '暴雨预警' }).note).toBe('活动已取消：暴雨预警');
    expect(eventMessageFields({ kind: 'event_cancelled', event }).note).toBe('活动已取消');
  });

  it('keeps every thing value within WeChat’s limit', () => {
    const f = eventMessageFields({ kind: 'event_cancelled', event: { ...event, title: '很'.repeat(40), venueName: '长'.repeat(30) }, reason: '因'.repeat(30) });
    for (const v of [f.title, f.venue, f.note]) expect([...v].length).toBeLessThanOrEqual(20);
  });
});

describe('eventMessageValues', () => {
  it('lists title, time, venue and note: the order of the template keys', () => {
    expect(eventMessageValues(eventMessageFields({ kind: 'reminder', event }))).toEqual([
      '职场压力与情绪管理讲座',
      '2026-06-10 14:00',
      '萱花社区活动中心',
      '活动即将开始，请准时参加',
    ]);
  });
});

describe('vocabulary', () => {
  it('has a label and a template slot for every kind', () => {
    for (const k of EVENT_NOTIFICATION_KINDS) {
      expect(EVENT_NOTIFICATION_KIND_LABELS[k]).toBeTruthy();
      expect(TEMPLATE_SLOT_OF[k]).toBeTruthy();
    }
  });
});
