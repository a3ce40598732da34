import dayjs from 'dayjs';
import type { AdminEvent } from '@xinqiao/shared';
import { emptyEventForm, eventAbilities, eventFormProblems, eventToForm, seatsText, toEventInput, type EventFormValues } from './eventForm';

const start = dayjs('2026-05-20T09:00:00+08:00');
const end = dayjs('2026-05-20T11:00:00+08:00');

function filled(patch: Partial<EventFormValues> = {}): EventFormValues {
  return {
    ...emptyEventForm(7),
    title: '  心理健康进社区  ',
    placeType: 'community',
    venueName: ' 萱花社区活动室 ',
    venueAddress: ' 萱花路 1 号 ',
    time: [start, end],
    capacity: 80,
    ...patch,
  };
}

const adminEvent: AdminEvent = {
  id: 12,
  title: '心理健康进社区',
  kind: 'lecture',
  placeType: 'community',
  status: 'published',
  hostUnitName: '萱花社区居委会',
  hostUnitId: 3,
  regionId: 7,
  regionName: '萱花社区',
  regionPath: '/1/2/7/',
  venueName: '萱花社区活动室',
  venue: { name: '萱花社区活动室', address: '萱花路 1 号', location: { lat: 29.35, lng: 105.9 } },
  startsAt: start.toISOString(),
  endsAt: end.toISOString(),
  signupOpensAt: null,
  signupClosesAt: dayjs('2026-05-19T18:00:00+08:00').toISOString(),
  cancelClosesAt: null,
  capacity: 80,
  seatsLeft: 70,
  waitlistOpen: false,
  waitlistEnabled: true,
  offerHours: 12,
  coverUrl: '/uploads/a.png',
  audiences: ['elderly'],
  description: '讲座介绍',
  speakers: [{ name: '李医生', title: '主治医师', bio: null }],
  requiredFields: ['name', 'phone'],
  quizId: 5,
  campaignId: null,
  counts: { confirmed: 9, offered: 1, waitlisted: 0, walkIns: 0, checkedIn: 0 },
  cancelReason: null,
  publishedAt: null,
  version: 4,
  createdByName: '组织者',
  createdAt: start.toISOString(),
  updatedAt: start.toISOString(),
};

describe('toEventInput', () => {
  it('trims text, sends times as ISO instants and blanks as null', () => {
    const input = toEventInput(filled({ speakers: [{ name: ' 王老师 ', title: '  ', bio: ' 简介 ' }] }));
    expect(input).toMatchObject({
      title: '心理健康进社区',
      kind: 'lecture',
      placeType: 'community',
      hostUnitId: null,
      regionId: 7,
      venue: { name: '萱花社区活动室', address: '萱花路 1 号', location: null },
      startsAt: '2026-05-20T01:00:00.000Z',
      endsAt: '2026-05-20T03:00:00.000Z',
      signupOpensAt: null,
      signupClosesAt: null,
      cancelClosesAt: null,
      capacity: 80,
      waitlistEnabled: true,
      requiredFields: [],
      speakers: [{ name: '王老师', title: null, bio: '简介' }],
      coverUrl: null,
      quizId: null,
      campaignId: null,
    });
    // No override: the server keeps its default (or the event's own hours).
    expect('offerHours' in input).toBe(false);
    expect('version' in input).toBe(false);
  });

  it('keeps a map point only when both coordinates are there, and passes the override and version', () => {
    expect(toEventInput(filled({ lat: 29.35, lng: 105.9 })).venue.location).toEqual({ lat: 29.35, lng: 105.9 });
    expect(toEventInput(filled({ lat: 0, lng: 0 })).venue.location).toEqual({ lat: 0, lng: 0 });
    expect(toEventInput(filled({ lat: 29.35, lng: null })).venue.location).toBeNull();
    const input = toEventInput(filled({ offerHours: 24 }), 4);
    expect(input.offerHours).toBe(24);
    expect(input.version).toBe(4);
  });

  it('refuses values the form rules should have stopped', () => {
    expect(() => toEventInput(filled({ time: null }))).toThrow();
    expect(() => toEventInput(filled({ placeType: undefined }))).toThrow();
  });

  it('round-trips an event through the form', () => {
    const form = eventToForm(adminEvent);
    expect(form.time?.[0].toISOString()).toBe(adminEvent.startsAt);
    expect(form.lat).toBe(29.35);
    const input = toEventInput(form, adminEvent.version);
    expect(input).toMatchObject({
      title: adminEvent.title,
      hostUnitId: 3,
      venue: adminEvent.venue,
      startsAt: adminEvent.startsAt,
      endsAt: adminEvent.endsAt,
      signupClosesAt: adminEvent.signupClosesAt,
      requiredFields: ['name', 'phone'],
      audiences: ['elderly'],
      speakers: [{ name: '李医生', title: '主治医师', bio: null }],
      coverUrl: '/uploads/a.png',
      quizId: 5,
      offerHours: 12,
      version: 4,
    });
  });
});

describe('eventFormProblems', () => {
  it('accepts a consistent event', () => {
    expect(
      eventFormProblems(
        filled({ signupOpensAt: start.subtract(7, 'day'), signupClosesAt: start.subtract(1, 'hour'), cancelClosesAt: start.subtract(1, 'day') }),
      ),
    ).toEqual([]);
  });

  it('names what the server would refuse', () => {
    expect(eventFormProblems(filled({ time: [end, start] }))).toContain('结束时间必须晚于开始时间');
    expect(eventFormProblems(filled({ signupOpensAt: start.add(1, 'minute') }))).toEqual(['报名开始时间必须早于报名截止时间（未设置时为活动开始时间）']);
    expect(eventFormProblems(filled({ signupClosesAt: end.add(1, 'minute') }))).toEqual(['报名截止时间不能晚于活动结束时间']);
    expect(eventFormProblems(filled({ cancelClosesAt: start.add(1, 'minute') }))).toEqual(['取消报名截止时间不能晚于活动开始时间']);
    expect(eventFormProblems(filled({ lat: 29 }))).toEqual(['地图位置需同时填写纬度和经度，或都不填']);
    expect(eventFormProblems(filled({ speakers: [{ name: '张' }, { name: ' ' }] }))).toEqual(['第 2 位主讲人未填写姓名']);
  });
});

describe('eventAbilities', () => {
  const now = new Date('2026-05-20T02:00:00Z');
  it('follows the status as shown, a published event past its end being finished', () => {
    expect(eventAbilities({ status: 'draft', endsAt: end.toISOString() }, now)).toEqual({
      edit: true,
      publish: true,
      cancel: false,
      remove: true,
      checkin: false,
    });
    expect(eventAbilities({ status: 'published', endsAt: end.toISOString() }, now)).toEqual({
      edit: true,
      publish: false,
      cancel: true,
      remove: false,
      checkin: true,
    });
    expect(eventAbilities({ status: 'published', endsAt: '2026-05-20T01:30:00Z' }, now)).toEqual({
      edit: false,
      publish: false,
      cancel: false,
      remove: false,
      checkin: true,
    });
    expect(eventAbilities({ status: 'cancelled', endsAt: end.toISOString() }, now)).toEqual({
      edit: false,
      publish: false,
      cancel: false,
      remove: false,
      checkin: false,
    });
  });
});

describe('seatsText', () => {
  it('counts pending offers as taken seats', () => {
    expect(seatsText(adminEvent)).toBe('10 / 80');
  });
});
