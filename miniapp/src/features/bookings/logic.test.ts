import type { Slot } from '@xinqiao/shared';
import {
  amapMarkerUrl,
  bookingTitle,
  bookingWhen,
  cancelConfirmation,
  chinaClock,
  chinaDateLabel,
  distanceText,
  groupSlotsByCounsellor,
  groupSlotsByDay,
  holdCountdown,
  openState,
  phoneCalendarEvent,
  relativeDayName,
  slotQueryRange,
  todayHoursText,
  weekRows,
} from './display';
import { bookingFailure } from './errors';
import { EMPTY_HELP, EMPTY_INTAKE, cleanPhone, helpProblems, intakeProblems, toHelpRequestInput, toIntakeInput } from './forms';
import { bookUrl, bookingUrl } from './routes';

const slot = (start: string, end: string, counsellorId: number | null): Slot => ({ start, end, counsellorId, stationId: 3, lineId: null, seatsLeft: 1 });

describe('China-time labels', () => {
  it('reads instants in China time (UTC+8) whatever the device zone', () => {
    // 01:00 UTC is 09:00 in China; 16:30 UTC is 00:30 the next China day.
    expect(chinaClock('2026-06-02T01:00:00.000Z')).toBe('09:00');
    expect(chinaClock('2026-06-02T16:30:00.000Z')).toBe('00:30');
    // 2026-06-02 is a Tuesday (1 Jan 2026 is a Thursday, 152 days earlier: 152 = 21 × 7 + 5).
    expect(chinaDateLabel('2026-06-02')).toBe('6月2日 周二');
    expect(relativeDayName('2026-06-02', '2026-06-02')).toBe('今天');
    expect(relativeDayName('2026-06-03', '2026-06-02')).toBe('明天');
    expect(relativeDayName('2026-06-04', '2026-06-02')).toBe('后天');
    expect(relativeDayName('2026-06-05', '2026-06-02')).toBe('周五');
  });

  it('writes a booking time with the year only when it is not this year', () => {
    const b = { start: '2026-06-02T01:00:00.000Z', end: '2026-06-02T01:50:00.000Z' };
    expect(bookingWhen(b, new Date('2026-05-30T00:00:00.000Z'))).toBe('6月2日 周二 09:00-09:50');
    // 31 Dec 2025 20:00 UTC is already 1 Jan 2026 04:00 in China: same year.
    expect(bookingWhen(b, new Date('2025-12-31T20:00:00.000Z'))).toBe('6月2日 周二 09:00-09:50');
    expect(bookingWhen(b, new Date('2025-12-31T15:00:00.000Z'))).toBe('2026年6月2日 周二 09:00-09:50');
  });

  it('asks for today and the next days as China dates', () => {
    // 2026-06-01 17:00 UTC is 2 June 01:00 in China.
    expect(slotQueryRange(new Date('2026-06-01T17:00:00.000Z'), 14)).toEqual({ from: '2026-06-02', to: '2026-06-15' });
    expect(slotQueryRange(new Date('2026-06-01T15:00:00.000Z'), 1)).toEqual({ from: '2026-06-01', to: '2026-06-01' });
  });
});

describe('grouping slots', () => {
  const a9 = slot('2026-06-02T01:00:00.000Z', '2026-06-02T01:50:00.000Z', 7);
  const b9 = slot('2026-06-02T01:00:00.000Z', '2026-06-02T01:50:00.000Z', 5);
  const a10 = slot('2026-06-02T02:00:00.000Z', '2026-06-02T02:50:00.000Z', 7);
  const c8 = slot('2026-06-02T00:00:00.000Z', '2026-06-02T00:50:00.000Z', 9);
  const lateNight = slot('2026-06-02T16:30:00.000Z', '2026-06-02T17:20:00.000Z', 5);

  it('by China date, in date order, each day sorted by start', () => {
    const days = groupSlotsByDay([lateNight, a10, a9, c8]);
    expect(days.map((d) => d.date)).toEqual(['2026-06-02', '2026-06-03']);
    expect(days[0].slots).toEqual([c8, a9, a10]);
    // 16:30 UTC on 2 June is 00:30 on 3 June in China.
    expect(days[1].slots).toEqual([lateNight]);
  });

  it('by counsellor: earliest slot first, ties by counsellor id', () => {
    const groups = groupSlotsByCounsellor([a10, a9, b9, c8]);
    expect(groups.map((g) => g.counsellorId)).toEqual([9, 5, 7]);
    expect(groups[2].slots).toEqual([a9, a10]);
    expect(groupSlotsByCounsellor([])).toEqual([]);
  });
});

describe('hold countdown', () => {
  it('counts whole seconds down to 0:00', () => {
    const expiresAt = '2026-06-02T01:10:00.000Z';
    // 598.5 s left: shown as 9:58.
    expect(holdCountdown(expiresAt, new Date('2026-06-02T01:00:01.500Z'))).toEqual({ secondsLeft: 598, text: '9:58', expired: false });
    expect(holdCountdown(expiresAt, new Date('2026-06-02T01:09:51.000Z'))).toEqual({ secondsLeft: 9, text: '0:09', expired: false });
    expect(holdCountdown(expiresAt, new Date('2026-06-02T01:10:00.000Z'))).toEqual({ secondsLeft: 0, text: '0:00', expired: true });
    expect(holdCountdown(expiresAt, new Date('2026-06-02T01:12:00.000Z'))).toEqual({ secondsLeft: 0, text: '0:00', expired: true });
  });
});

describe('stations in words', () => {
  it('distance', () => {
    expect(distanceText(847)).toBe('850 米');
    expect(distanceText(4)).toBe('10 米');
    expect(distanceText(1234)).toBe('1.2 公里');
    expect(distanceText(12_500)).toBe('13 公里');
    expect(distanceText(null)).toBe('');
  });

  it('today and the week', () => {
    expect(
      todayHoursText([
        { start: '09:00', end: '12:00' },
        { start: '14:00', end: '17:30' },
      ]),
    ).toBe('今日 09:00-12:00、14:00-17:30');
    expect(todayHoursText([])).toBe('今日休息');
    const rows = weekRows({ 1: [{ start: '09:00', end: '17:00' }], 6: [] });
    expect(rows.map((r) => `${r.label} ${r.text}`)).toEqual(['周一 09:00-17:00', '周二 休息', '周三 休息', '周四 休息', '周五 休息', '周六 休息', '周日 休息']);
  });

  it('open now, or when it opens next', () => {
    const now = new Date('2026-06-02T12:00:00.000Z'); // 20:00 in China
    expect(openState({ openNow: true, nextOpenAt: null }, now)).toEqual({ label: '营业中', note: null });
    expect(openState({ openNow: false, nextOpenAt: '2026-06-03T01:00:00.000Z' }, now)).toEqual({ label: '已休息', note: '明天 09:00 开门' });
    expect(openState({ openNow: false, nextOpenAt: '2026-06-08T00:30:00.000Z' }, now)).toEqual({ label: '已休息', note: '6月8日 周一 08:30 开门' });
    expect(openState({ openNow: false, nextOpenAt: null }, now)).toEqual({ label: '已休息', note: null });
  });

  it('links to the 高德 marker page with lng,lat', () => {
    expect(amapMarkerUrl({ lat: 29.35, lng: 105.92 }, '萱花 驿站')).toBe(
      'https://uri.amap.com/marker?position=105.92,29.35&name=%E8%90%B1%E8%8A%B1%20%E9%A9%BF%E7%AB%99&src=xinqiao&coordinate=gaode&callnative=1',
    );
  });
});

describe('bookings in words', () => {
  const booking = {
    kind: 'in_person' as const,
    start: '2026-06-02T01:00:00.000Z',
    end: '2026-06-02T01:50:00.000Z',
    station: { id: 3, name: '萱花心灵驿站', address: '萱花路 1 号', location: null, phone: null },
    counsellor: { id: 7, name: '王敏', title: null, photoUrl: null, qualification: '国家二级心理咨询师' },
    line: null,
  };

  it('title and phone calendar entry (Unix seconds, alarm two hours ahead)', () => {
    expect(bookingTitle(booking)).toBe('到站面询 · 王敏');
    expect(bookingTitle({ ...booking, kind: 'callback', counsellor: null, line: { id: 1, name: '永川区心理援助热线', number: '023-12345678' } })).toBe(
      '热线回电 · 永川区心理援助热线',
    );
    const event = phoneCalendarEvent(booking);
    // 2026-06-02 is day 20606 after 1970-01-01: 20606 × 86400 + 3600.
    expect(event.startTime).toBe(1_780_362_000);
    expect(event.endTime).toBe('1780365000');
    expect(event.alarmOffset).toBe(7200);
    expect(event.location).toBe('萱花心灵驿站 萱花路 1 号');
    expect(phoneCalendarEvent({ ...booking, kind: 'phone' }).location).toBeUndefined();
  });

  it('cancel dialog: on time up to and including the cut-off, late after it', () => {
    const b = { cutoffAt: '2026-06-01T01:00:00.000Z' };
    const onTime = cancelConfirmation(b, new Date('2026-06-01T01:00:00.000Z'));
    expect(onTime.late).toBe(false);
    expect(onTime.content).toContain('在 6月1日 09:00 前取消不计为逾期');
    const late = cancelConfirmation(b, new Date('2026-06-01T01:00:00.001Z'));
    expect(late.late).toBe(true);
    expect(late.title).toBe('逾期取消');
    expect(late.content).toContain('已过取消截止时间（6月1日 09:00），现在取消将记为“逾期取消”');
  });

  it('routes', () => {
    expect(bookUrl({ kind: 'in_person', stationId: 3 })).toBe('/packageBookings/pages/book/index?kind=in_person&stationId=3');
    expect(bookUrl()).toBe('/packageBookings/pages/book/index');
    expect(bookingUrl(12, true)).toBe('/packageBookings/pages/booking/index?id=12&fresh=1');
  });

  it('conflicts the pages handle', () => {
    expect(bookingFailure({ code: 'SLOT_TAKEN', message: 'x' }).kind).toBe('slot_taken');
    expect(bookingFailure({ code: 'HOLD_EXPIRED', message: 'x' }).kind).toBe('hold_expired');
    expect(bookingFailure({ code: 'BOOKING_LIMIT_REACHED', message: '您已有 2 个未完成的电话咨询预约' })).toEqual({
      kind: 'limit',
      message: '您已有 2 个未完成的电话咨询预约',
    });
    expect(bookingFailure({ code: 'NETWORK_ERROR', message: '网络连接失败' })).toEqual({ kind: 'other', message: '网络连接失败' });
  });
});

describe('the intake form', () => {
  it('lists what is missing in form order', () => {
    expect(intakeProblems(EMPTY_INTAKE, 'phone')).toEqual([
      '请先回答：你现在是否有伤害自己或他人的危险？',
      '请选择年龄段',
      '请填写联系电话，以便咨询师或热线人员联系您',
      '请阅读并同意预约服务的个人信息处理规则',
    ]);
    // In person, the phone is optional.
    expect(intakeProblems({ ...EMPTY_INTAKE, danger: 'no', ageBand: '35to59', bookingConsent: true }, 'in_person')).toEqual([]);
  });

  it('asks the separate consent for a topic or a note, and a guardian under 14', () => {
    const base = {
      ...EMPTY_INTAKE,
      danger: 'no' as const,
      ageBand: 'under14' as const,
      bookingConsent: true,
      topic: 'sleep' as const,
      contactPhone: '138 0013 8000',
    };
    expect(intakeProblems(base, 'phone')).toEqual([
      '未满 14 周岁需经监护人同意，请填写监护人姓名及与您的关系',
      '填写咨询主题或情况说明，需同意处理敏感个人信息；不同意也可不填，直接预约',
    ]);
    const ok = { ...base, sensitive: true, guardianName: ' 李华 ', guardianRelation: 'mother' as const, note: '  最近总是失眠 ' };
    expect(intakeProblems(ok, 'phone')).toEqual([]);
    expect(toIntakeInput(ok)).toEqual({
      topic: 'sleep',
      note: '最近总是失眠',
      contactPhone: '13800138000',
      ageBand: 'under14',
      consent: { version: '2026-12-booking-v1', booking: true, sensitive: true },
      guardian: { name: '李华', relation: '母亲' },
    });
  });

  it('keeps a landline hyphen and drops +86 from a mobile', () => {
    expect(cleanPhone('023-45678901')).toBe('023-45678901');
    expect(cleanPhone('+86 138-0013-8000')).toBe('13800138000');
  });
});

describe('the 请人联系我 form', () => {
  it('lists what is missing, then builds the request', () => {
    expect(helpProblems(EMPTY_HELP)).toEqual([
      '请选择您希望多快被联系',
      '请填写联系电话，以便咨询师或热线人员联系您',
      '请选择所在社区/村，以便当地心理咨询师联系您',
      '请选择年龄段',
      '请阅读并同意联系服务的个人信息处理规则',
    ]);
    const form = {
      ...EMPTY_HELP,
      urgency: 'soon' as const,
      contactPhone: '13800138000',
      regionId: 12,
      ageBand: '60plus' as const,
      contactConsent: true,
      note: '想聊聊',
    };
    expect(helpProblems(form)).toEqual(['填写情况说明需同意处理敏感个人信息；不同意也可不填']);
    expect(toHelpRequestInput({ ...form, sensitive: true, contactName: ' 张阿姨 ' }, 'req-1')).toEqual({
      urgency: 'soon',
      contactPhone: '13800138000',
      contactName: '张阿姨',
      note: '想聊聊',
      regionId: 12,
      ageBand: '60plus',
      consent: { version: '2026-12-booking-v1', contact: true, sensitive: true },
      guardian: null,
      clientRequestId: 'req-1',
    });
  });
});
