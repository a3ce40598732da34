import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { BookingKindSettings, Hold, MyBooking, Slot, StationDetail } from '@xinqiao/shared';
import { routeRequests, type SentRequest } from '../../../test/helpers';
import { setRouterParams } from '../../../test/mocks/taro';
import { resident } from '../../../test/scales';
import { slotRange } from '../../features/bookings/display';
import { agreePrivacy } from '../../services/privacy';
import { STORAGE_KEYS } from '../../services/storage';
import BookPage from './book/index';
import BookingPage from './booking/index';

const MINUTE = 60_000;
const DAY = 86_400_000;

/** Two slots with 王敏 the day after tomorrow (China time does not matter: both fall on the same day). */
function slotsAhead(): Slot[] {
  const base = Math.floor((Date.now() + 2 * DAY) / (60 * MINUTE)) * 60 * MINUTE;
  return [0, 60].map((m) => ({
    start: new Date(base + m * MINUTE).toISOString(),
    end: new Date(base + (m + 50) * MINUTE).toISOString(),
    counsellorId: 7,
    stationId: 3,
    lineId: null,
    seatsLeft: 1,
  }));
}

const SETTINGS: BookingKindSettings = {
  kind: 'in_person',
  enabled: true,
  durationMinutes: 50,
  bufferMinutes: 10,
  minNoticeMinutes: 120,
  maxDaysAhead: 14,
  maxOpenPerResident: 2,
  cancelCutoffHours: 24,
};

const STATION = {
  id: 3,
  name: '萱花心灵驿站',
  type: 'heart_station',
  regionId: 4,
  regionName: '萱花社区',
  address: '萱花路 12 号',
  location: { lat: 29.35, lng: 105.92 },
  phone: '023-49881234',
  services: ['counselling'],
  accessibility: null,
  description: null,
  photoUrl: null,
  weeklyHours: {},
  weeklyOpenHours: 40,
  published: true,
  bookable: true,
  referralTarget: false,
  openNow: true,
  nextOpenAt: null,
  todayHours: [],
  distanceMetres: null,
  days: [],
  counsellors: [
    {
      id: 7,
      name: '王敏',
      photoUrl: null,
      qualification: '国家二级心理咨询师',
      title: null,
      specialties: [],
      languages: ['普通话'],
      modes: ['in_person'],
      stationIds: [3],
    },
  ],
} as StationDetail;

function booking(slot: Slot, overrides: Partial<MyBooking> = {}): MyBooking {
  return {
    id: 41,
    kind: 'in_person',
    status: 'confirmed',
    start: slot.start,
    end: slot.end,
    station: { id: 3, name: STATION.name, address: STATION.address, location: STATION.location, phone: STATION.phone },
    counsellor: { id: 7, name: '王敏', title: null, photoUrl: null, qualification: '国家二级心理咨询师' },
    line: null,
    topic: null,
    cutoffAt: new Date(Date.parse(slot.start) - 24 * 3_600_000).toISOString(),
    canCancel: true,
    canReschedule: true,
    canRate: false,
    rating: null,
    createdAt: new Date().toISOString(),
    ...overrides,
  };
}

const holdOf = (slot: Slot, id = 90): Hold => ({
  id,
  kind: 'in_person',
  start: slot.start,
  end: slot.end,
  counsellorId: 7,
  stationId: 3,
  lineId: null,
  expiresAt: new Date(Date.now() + 10 * MINUTE).toISOString(),
});

type Routes = Parameters<typeof routeRequests>[0];

function serve(slots: Slot[], extra: Routes = {}): SentRequest[] {
  return routeRequests({
    'GET /api/v1/me': () => ({ statusCode: 200, data: resident() }),
    'GET /api/v1/regions': () => ({ statusCode: 200, data: [] }),
    'GET /api/v1/bookings/kinds': () => ({ statusCode: 200, data: [SETTINGS] }),
    'GET /api/v1/stations/3': () => ({ statusCode: 200, data: STATION }),
    'GET /api/v1/slots': () => ({ statusCode: 200, data: slots }),
    'POST /api/v1/bookings/holds': () => ({ statusCode: 201, data: holdOf(slots[0]) }),
    'DELETE /api/v1/bookings/holds/90': () => ({ statusCode: 204 }),
    ...extra,
  });
}

const of = (sent: SentRequest[], method: string, path: string) => sent.filter((r) => r.method === method && r.path === path);

beforeEach(() => {
  agreePrivacy();
  Taro.setStorageSync(STORAGE_KEYS.token, 'tok');
  Taro.setStorageSync(STORAGE_KEYS.resident, resident());
  setRouterParams({ kind: 'in_person', stationId: '3' });
});

async function holdFirstSlot(slots: Slot[]) {
  fireEvent.click(await screen.findByText(slotRange(slots[0])));
  await screen.findByText('确认预约');
}

describe('booking a session', () => {
  it('holds the slot, asks the danger question first, and confirms once (a retry reuses the request id)', async () => {
    const slots = slotsAhead();
    let attempts = 0;
    const sent = serve(slots, {
      'POST /api/v1/bookings': () => (++attempts === 1 ? 'network-error' : { statusCode: 201, data: booking(slots[0]) }),
    });
    render(<BookPage />);
    expect(await screen.findByText('王敏')).toBeTruthy();
    await holdFirstSlot(slots);

    expect(of(sent, 'POST', '/api/v1/bookings/holds')[0].data).toEqual({ kind: 'in_person', start: slots[0].start, counsellorId: 7, stationId: 3 });
    expect(document.querySelector('.book-countdown')!.textContent).toMatch(/^(10:00|9:5\d)$/);

    fireEvent.click(screen.getByText('确认预约'));
    expect(screen.getByText('请先回答：你现在是否有伤害自己或他人的危险？')).toBeTruthy();
    expect(screen.getByText('请阅读并同意预约服务的个人信息处理规则')).toBeTruthy();
    expect(of(sent, 'POST', '/api/v1/bookings')).toHaveLength(0);

    fireEvent.click(screen.getByText('否'));
    fireEvent.click(document.querySelector('.intake-consent')!);
    fireEvent.click(screen.getByText('确认预约'));
    await screen.findByText('网络连接失败，请检查网络后重试');
    fireEvent.click(screen.getByText('确认预约'));
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packageBookings/pages/booking/index?id=41&fresh=1' }));

    const [first, second] = of(sent, 'POST', '/api/v1/bookings').map((r) => r.data as { clientRequestId: string });
    expect(second).toEqual(first);
    expect(first).toEqual({
      holdId: 90,
      clientRequestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      intake: {
        topic: null,
        note: null,
        contactPhone: '',
        ageBand: '18to34',
        consent: { version: '2026-12-booking-v1', booking: true, sensitive: false },
        guardian: null,
      },
    });
    // No subscribe messages on H5, and nothing claims reminders.
    expect(Taro.requestSubscribeMessage).not.toHaveBeenCalled();
  });

  it('a taken slot refreshes the slots and says so', async () => {
    const slots = slotsAhead();
    const sent = serve(slots, {
      'POST /api/v1/bookings/holds': () => ({ statusCode: 409, data: { statusCode: 409, code: 'SLOT_TAKEN', message: '该时段已被预约' } }),
    });
    render(<BookPage />);
    fireEvent.click(await screen.findByText(slotRange(slots[0])));
    await screen.findByText('这个时段刚刚被其他居民约走了，已为您刷新可预约时段，请重新选择。');
    await waitFor(() => expect(of(sent, 'GET', '/api/v1/slots')).toHaveLength(2));
  });

  it('an expired hold at confirmation sends the resident back to pick again', async () => {
    const slots = slotsAhead();
    serve(slots, {
      'POST /api/v1/bookings': () => ({ statusCode: 409, data: { statusCode: 409, code: 'HOLD_EXPIRED', message: '保留已过期' } }),
    });
    render(<BookPage />);
    await holdFirstSlot(slots);
    fireEvent.click(screen.getByText('否'));
    fireEvent.click(document.querySelector('.intake-consent')!);
    fireEvent.click(screen.getByText('确认预约'));
    await screen.findByText('保留时间已过，这个时段已释放。请重新选择时段。');
    expect(screen.queryByText('确认预约')).toBeNull();
    expect(await screen.findByText(slotRange(slots[1]))).toBeTruthy();
  });

  it('"yes, I am in danger" shows the crisis card and asks for a call soon instead of a slot', async () => {
    const slots = slotsAhead();
    const sent = serve(slots, {
      'POST /api/v1/help-requests': () => ({ statusCode: 201, data: { alertId: 5, colour: 'red', crisisHotlines: [], noticeStatus: 'none' } }),
    });
    render(<BookPage />);
    await holdFirstSlot(slots);
    fireEvent.click(screen.getByText('是'));

    expect(document.querySelector('.crisis-card')).toBeTruthy();
    expect(screen.getByText('拨打 110')).toBeTruthy();
    expect(screen.queryByText('确认预约')).toBeNull();
    fireEvent.change(document.querySelector('.help-phone input')!, { target: { value: '13800138000' } });
    fireEvent.click(document.querySelector('.help-consent')!);
    fireEvent.click(screen.getByText('请人尽快联系我'));

    // Nothing reached anyone on duty: the request is in the counsellors' queue, and the page says only that.
    await screen.findByText('您的联系方式已提交到所在社区心理咨询师的待办中，他们查看后会与您联系；情况紧急请立即拨打心理援助热线 12356');
    expect(screen.queryByText(/已通知/)).toBeNull();
    const [request] = of(sent, 'POST', '/api/v1/help-requests').map((r) => r.data);
    expect(request).toEqual({
      urgency: 'now',
      contactPhone: '13800138000',
      contactName: null,
      note: null,
      regionId: 4,
      ageBand: '18to34',
      consent: { version: '2026-12-booking-v1', contact: true, sensitive: false },
      guardian: null,
      clientRequestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    // The slot is given back.
    await waitFor(() => expect(of(sent, 'DELETE', '/api/v1/bookings/holds/90')).toHaveLength(1));
  });
});

describe('a booking', () => {
  it('cancels after saying whether it is before the cut-off', async () => {
    const slots = slotsAhead();
    setRouterParams({ id: '41' });
    const sent = serve(slots, {
      'GET /api/v1/me/bookings/41': () => ({ statusCode: 200, data: booking(slots[0]) }),
      'POST /api/v1/me/bookings/41/cancel': () => ({
        statusCode: 200,
        data: booking(slots[0], { status: 'cancelled', canCancel: false, canReschedule: false }),
      }),
    });
    render(<BookingPage />);
    fireEvent.click(await screen.findByText('取消预约'));
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalled());
    expect((Taro.showModal as jest.Mock).mock.calls[0][0]).toMatchObject({ title: '取消预约', content: expect.stringContaining('前取消不计为逾期') });
    await screen.findByText('已取消');
    expect(of(sent, 'POST', '/api/v1/me/bookings/41/cancel')).toHaveLength(1);
  });

  it('rates a session that took place', async () => {
    const slots = slotsAhead();
    setRouterParams({ id: '41' });
    const done = booking(slots[0], { status: 'attended', canCancel: false, canReschedule: false, canRate: true });
    const sent = serve(slots, {
      'GET /api/v1/me/bookings/41': () => ({ statusCode: 200, data: done }),
      'POST /api/v1/me/bookings/41/rating': () => ({ statusCode: 200, data: { ...done, canRate: false, rating: { score: 4, comment: '很有帮助' } } }),
    });
    render(<BookingPage />);
    await screen.findByText('为这次咨询评分');
    fireEvent.click(document.querySelector('.stars__star--4')!);
    fireEvent.change(document.querySelector('.booking__comment')!, { target: { value: ' 很有帮助 ' } });
    fireEvent.click(screen.getByText('提交评价'));
    await screen.findByText('您的评价');
    expect(of(sent, 'POST', '/api/v1/me/bookings/41/rating')[0].data).toEqual({ score: 4, comment: '很有帮助' });
  });
});
