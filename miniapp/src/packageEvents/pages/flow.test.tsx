import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { EVENT_REGISTRATION_CONSENT_VERSION, type EventDetail, type RegistrationInput } from '@xinqiao/shared';
import { SCREEN_CODE, TEMPLATES, TOKEN, checkinResult, eventDetail, eventSummary, registration } from '../../../test/events';
import { routeRequests, type SentRequest } from '../../../test/helpers';
import { setRouterParams } from '../../../test/mocks/taro';
import { resident } from '../../../test/scales';
import { EXPIRED_CODE_MESSAGE } from '../../features/events/errors';
import { agreePrivacy } from '../../services/privacy';
import { requestEventMessages, resetNotificationTemplatesForTests } from '../../services/events';
import { STORAGE_KEYS } from '../../services/storage';
import EventsTab from '../../pages/events/index';
import CheckinPage from './checkin/index';
import EventDetailPage from './detail/index';
import MyEvents from './mine/index';
import Ticket from './ticket/index';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const HOUR = 3_600_000;

/** Event times relative to the real clock: the pages decide with `new Date()`. */
function at(offsetMs: number, minutes = 90) {
  const start = Date.now() + offsetMs;
  return { startsAt: new Date(start).toISOString(), endsAt: new Date(start + minutes * 60_000).toISOString() };
}

const click = (el: Element | null) => fireEvent.click(el!);
const type = (container: HTMLElement, selector: string, value: string) => fireEvent.change(container.querySelector(selector)!, { target: { value } });
const findEl = (container: HTMLElement, selector: string) =>
  waitFor(() => {
    const el = container.querySelector(selector);
    if (!el) throw new Error(`${selector} not rendered`);
    return el;
  });
const posts = (sent: SentRequest[], path: string) => sent.filter((r) => r.method === 'POST' && r.path === path).map((r) => r.data);

function signIn() {
  Taro.setStorageSync(STORAGE_KEYS.token, 'tok');
  Taro.setStorageSync(STORAGE_KEYS.resident, resident());
}

/** GET /events/7 answers the current `event`; the test changes it as the server would. */
function serve(initial: EventDetail, extra: Parameters<typeof routeRequests>[0] = {}) {
  const state = { event: initial };
  const sent = routeRequests({
    'GET /api/v1/me': () => ({ statusCode: 200, data: resident() }),
    'GET /api/v1/regions': () => ({ statusCode: 200, data: [] }),
    'GET /api/v1/events/notification-templates': () => ({ statusCode: 200, data: TEMPLATES }),
    'GET /api/v1/events/7': () => ({ statusCode: 200, data: state.event }),
    ...extra,
  });
  return { sent, state };
}

beforeEach(() => {
  agreePrivacy();
  resetNotificationTemplatesForTests();
  setRouterParams({ id: '7' });
});

describe('活动 tab', () => {
  it("lists events around the resident's community and narrows them by place, date and region", async () => {
    signIn();
    const sent = routeRequests({
      'GET /api/v1/regions': () => ({ statusCode: 200, data: [] }),
      'GET /api/v1/events': () => ({
        statusCode: 200,
        data: {
          items: [eventSummary(at(2 * 24 * HOUR)), eventSummary({ id: 8, title: '亲子沟通工作坊', placeType: 'school', seatsLeft: 0, waitlistOpen: true })],
          total: 2,
          page: 1,
          pageSize: 20,
        },
      }),
    });
    setRouterParams({});
    const { container } = render(<EventsTab />);
    await waitFor(() => expect(container.querySelectorAll('.event-card')).toHaveLength(2));
    const first = container.querySelector('.event-card')!;
    expect(first.textContent).toContain('情绪管理与压力应对讲座');
    expect(first.textContent).toContain('社区');
    expect(first.textContent).toContain('萱花社区党群服务中心');
    expect(first.querySelector('.event-card__seats')!.textContent).toBe('剩余 12 个名额');
    expect(container.querySelectorAll('.event-card')[1].querySelector('.event-card__seats')!.textContent).toBe('已满，可候补');

    const lists = () => sent.filter((r) => r.path === '/api/v1/events');
    expect(lists()[0].query.get('regionId')).toBe('4');
    expect(lists()[0].header.Authorization).toBe('Bearer tok');

    click(within(container.querySelector('.events-filter__place') as HTMLElement).getByText('学校'));
    await waitFor(() => expect(lists()).toHaveLength(2));
    expect(lists()[1].query.get('placeType')).toBe('school');
    click(within(container.querySelector('.events-filter__range') as HTMLElement).getByText('本周'));
    await waitFor(() => expect(lists()).toHaveLength(3));
    expect(lists()[2].query.get('to')).toMatch(/T16:00:00\.000Z$/);

    click(container.querySelector('.events-filter__all'));
    await waitFor(() => expect(lists()).toHaveLength(4));
    expect(lists()[3].query.get('regionId')).toBeNull();
    expect(lists()[3].header.Authorization).toBeUndefined();
    expect(container.querySelector('.events-filter__home')!.textContent).toBe('只看红旗社区');

    click(first);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packageEvents/pages/detail/index?id=7' });
  });

  it('opens the event of a poster code or a message link, and the check-in page for a screen code', async () => {
    routeRequests({ 'GET /api/v1/events': () => ({ statusCode: 200, data: { items: [], total: 0, page: 1, pageSize: 20 } }) });
    setRouterParams({ scene: 'e7' });
    const a = render(<EventsTab />);
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packageEvents/pages/detail/index?id=7' });
    a.unmount();
    setRouterParams({ scene: encodeURIComponent(SCREEN_CODE) });
    const b = render(<EventsTab />);
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: `/packageEvents/pages/checkin/index?code=${SCREEN_CODE}` });
    b.unmount();
    setRouterParams({ id: '12' });
    render(<EventsTab />);
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packageEvents/pages/detail/index?id=12' });
    await screen.findByText('暂时没有符合条件的活动');
  });
});

describe('event page', () => {
  it('shows the details and asks a guest to sign in before signing up', async () => {
    serve(eventDetail({ ...at(2 * 24 * HOUR), hostUnitName: '胜利路街道办事处', quizId: 3, campaignId: 8 }));
    const { container } = render(<EventDetailPage />);
    await findEl(container, '.event-status');
    expect(container.querySelector('.event-status')!.textContent).toBe('报名中');
    expect(container.textContent).toContain('永川区胜利路街道萱花路 12 号二楼多功能厅');
    expect(container.textContent).toContain('李老师');
    expect(container.textContent).toContain('胜利路街道办事处');
    expect(container.textContent).toContain('企业职工、家长');
    expect(container.querySelector('.event-detail__seats')!.textContent).toContain('共 40 个 · 剩余 12 个名额');
    click(container.querySelector('.event-quiz'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packageQuizzes/pages/take/index?id=3&campaignId=8' });

    click(container.querySelector('.event-signup'));
    expect(container.querySelector('.event-signup-form')).toBeNull();
    expect(container.querySelector('.login-prompt')!.textContent).toContain('报名需要先登录');
  });

  it('signs up with the asked-for details and a separate consent, then shows 已报名', async () => {
    signIn();
    const { sent, state } = serve(eventDetail(at(2 * 24 * HOUR)), {
      'POST /api/v1/events/7/registrations': (req) => {
        const input = req.data as RegistrationInput;
        state.event = { ...state.event, seatsLeft: 11, myRegistration: registration({ name: input.name ?? null, phone: input.phone ?? null }) };
        return { statusCode: 201, data: state.event.myRegistration };
      },
    });
    const { container } = render(<EventDetailPage />);
    click(await findEl(container, '.event-signup'));
    const form = await findEl(container, '.event-signup-form');
    expect(form.textContent).toContain('本活动报名需要填写姓名和手机号');
    expect(container.querySelector('.event-signup-consent')!.textContent).toContain('只有本活动的组织者和签到工作人员可以查看');

    click(container.querySelector('.event-signup-submit'));
    expect(container.querySelector('.event-signup-problems')!.textContent).toBe('请填写姓名请填写手机号请阅读并勾选同意报名信息使用说明');
    expect(posts(sent, '/api/v1/events/7/registrations')).toHaveLength(0);

    type(container, '.event-signup-name input', '张小明');
    type(container, '.event-signup-phone input', '138 0013 8000');
    click(container.querySelector('.event-signup-consent'));
    click(container.querySelector('.event-signup-submit'));
    await waitFor(() => expect(container.querySelector('.event-status')!.textContent).toBe('已报名'));
    const [input] = posts(sent, '/api/v1/events/7/registrations') as RegistrationInput[];
    expect(input).toMatchObject({ name: '张小明', phone: '13800138000', consentVersion: EVENT_REGISTRATION_CONSENT_VERSION });
    expect(input.joinWaitlist).toBeUndefined();
    expect(input.clientRequestId).toMatch(UUID);
    // H5 has no subscribe messages.
    expect(Taro.requestSubscribeMessage).not.toHaveBeenCalled();
    expect(container.querySelector('.event-signup-form')).toBeNull();
    expect(container.querySelector('.event-ticket')).toBeTruthy();
    expect(container.querySelector('.event-cancel')!.textContent).toBe('取消报名');
  });

  it('offers the waiting list when the last seat went meanwhile', async () => {
    signIn();
    const { sent, state } = serve(eventDetail({ ...at(2 * 24 * HOUR), requiredFields: [] }), {
      'POST /api/v1/events/7/registrations': (req) => {
        const input = req.data as RegistrationInput;
        if (!input.joinWaitlist)
          return {
            statusCode: 409,
            data: { statusCode: 409, code: 'EVENT_FULL', message: '名额已满，可以加入候补名单', details: { reason: 'full', waitlistOpen: true } },
          };
        state.event = {
          ...state.event,
          seatsLeft: 0,
          waitlistOpen: true,
          myRegistration: registration({ status: 'waitlisted', waitlistPosition: 1, ticket: null, name: null, phone: null }),
        };
        return { statusCode: 201, data: state.event.myRegistration };
      },
    });
    const { container } = render(<EventDetailPage />);
    click(await findEl(container, '.event-signup'));
    expect(container.querySelector('.event-signup-form')!.textContent).toContain('本活动报名无需填写个人信息');
    expect(container.querySelector('.event-signup-consent')).toBeNull();
    click(container.querySelector('.event-signup-submit'));
    await waitFor(() => expect(container.querySelector('.event-signup-submit')!.textContent).toBe('确认加入候补'));
    expect(container.querySelector('.event-signup-form__notice')!.textContent).toContain('名额刚刚报满');
    click(container.querySelector('.event-signup-submit'));
    await waitFor(() => expect(container.querySelector('.event-status')!.textContent).toBe('候补中'));
    const [first, second] = posts(sent, '/api/v1/events/7/registrations') as RegistrationInput[];
    expect(first.joinWaitlist).toBeUndefined();
    expect(second.joinWaitlist).toBe(true);
    expect(second.clientRequestId).not.toBe(first.clientRequestId);
    expect(container.textContent).toContain('你排在候补第 1 位');
    expect(container.querySelector('.event-cancel')!.textContent).toBe('退出候补');
  });

  it('cancels a seat after confirmation, and answers an offer', async () => {
    signIn();
    const { sent, state } = serve(eventDetail({ ...at(2 * 24 * HOUR), myRegistration: registration() }), {
      'DELETE /api/v1/events/7/registrations/me': () => {
        state.event = { ...state.event, myRegistration: registration({ status: 'cancelled', ticket: null }) };
        return { statusCode: 200, data: state.event.myRegistration };
      },
      'POST /api/v1/events/7/registrations/me/offer': () => ({
        statusCode: 409,
        data: { statusCode: 409, code: 'REGISTRATION_REFUSED', message: '候补名额已过确认期限，已顺延给下一位', details: { reason: 'offer_expired' } },
      }),
    });
    const { container } = render(<EventDetailPage />);
    click(await findEl(container, '.event-cancel'));
    await waitFor(() => expect(container.querySelector('.event-status')!.textContent).toBe('已取消报名'));
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '取消报名' }));
    expect(sent.some((r) => r.method === 'DELETE')).toBe(true);
    expect(container.querySelector('.event-signup')).toBeTruthy();

    state.event = {
      ...state.event,
      myRegistration: registration({ status: 'offered', offerExpiresAt: new Date(Date.now() + 6 * HOUR).toISOString(), ticket: null }),
    };
    const page = render(<EventDetailPage />);
    click(await findEl(page.container, '.event-offer-accept'));
    await waitFor(() => expect(page.container.querySelector('.event-message')!.textContent).toBe('候补名额已过确认期限，已顺延给下一位'));
    expect(posts(sent, '/api/v1/events/7/registrations/me/offer')).toEqual([{ accept: true }]);
  });

  it('checks a walk-in in with the details the event needs, and says when a code has expired (H5: pasted code)', async () => {
    signIn();
    let calls = 0;
    const { sent } = serve(eventDetail(at(20 * 60_000)), {
      'POST /api/v1/checkins': (req) => {
        calls += 1;
        if (calls === 1)
          return { statusCode: 400, data: { statusCode: 400, code: 'CHECKIN_CODE_EXPIRED', message: '签到码已过期', details: { reason: 'expired' } } };
        if (!(req.data as { name?: string }).name) {
          return {
            statusCode: 409,
            data: { statusCode: 409, code: 'CHECKIN_REFUSED', message: '本活动需要登记报名信息，请填写后再签到', details: { reason: 'details_required' } },
          };
        }
        return { statusCode: 200, data: checkinResult({ walkIn: true }) };
      },
    });
    const { container } = render(<EventDetailPage />);
    click(await findEl(container, '.event-scan'));
    type(container, '.event-scan-input input', ` ${SCREEN_CODE} `);
    click(container.querySelector('.event-scan-submit'));
    await waitFor(() => expect(container.querySelector('.event-checkin-result')!.textContent).toBe(EXPIRED_CODE_MESSAGE));

    click(container.querySelector('.event-scan-submit'));
    await findEl(container, '.event-checkin-form');
    click(container.querySelector('.event-checkin-submit'));
    expect(container.querySelector('.event-checkin-form')!.textContent).toContain('请填写姓名');
    type(container, '.event-checkin-name input', '李四');
    type(container, '.event-checkin-phone input', '13900139000');
    click(container.querySelector('.event-checkin-consent'));
    click(container.querySelector('.event-checkin-submit'));
    await waitFor(() => expect(container.querySelector('.event-checkin-result--success')!.textContent).toContain('签到成功'));
    expect(container.querySelector('.event-checkin-result')!.textContent).toContain('（现场登记）');
    expect(posts(sent, '/api/v1/checkins')).toEqual([
      { token: SCREEN_CODE },
      { token: SCREEN_CODE },
      { token: SCREEN_CODE, name: '李四', phone: '13900139000', consentVersion: EVENT_REGISTRATION_CONSENT_VERSION },
    ]);
  });
});

describe('ticket, 我的活动 and the check-in page', () => {
  it('shows the ticket QR with the token and the masked holder', async () => {
    signIn();
    serve(eventDetail({ ...at(2 * 24 * HOUR), myRegistration: registration() }));
    setRouterParams({ id: '7' });
    const { container } = render(<Ticket />);
    const qr = await findEl(container, '.ticket-qr');
    expect(qr.getAttribute('data-token')).toBe(TOKEN);
    expect(qr.querySelectorAll('.ticket-qr__row').length).toBeGreaterThanOrEqual(29);
    expect(container.textContent).toContain('签到时请出示此码');
    expect(container.querySelector('.ticket-holder')!.textContent).toContain('张*明  138****8000');
    expect(container.textContent).not.toContain('13800138000');
  });

  it('lists my events, upcoming first, and opens the ticket of a confirmed seat', async () => {
    signIn();
    const past = eventSummary({
      id: 9,
      title: '往期讲座',
      startsAt: new Date(Date.now() - 48 * HOUR).toISOString(),
      endsAt: new Date(Date.now() - 46 * HOUR).toISOString(),
    });
    routeRequests({
      'GET /api/v1/me': () => ({ statusCode: 200, data: resident() }),
      'GET /api/v1/me/events': () => ({
        statusCode: 200,
        data: {
          items: [
            { event: eventSummary(at(2 * 24 * HOUR)), registration: registration() },
            {
              event: eventSummary({ id: 8, title: '亲子沟通工作坊', ...at(3 * 24 * HOUR) }),
              registration: registration({ status: 'waitlisted', waitlistPosition: 2, ticket: null }),
            },
            { event: past, registration: registration({ checkedInAt: past.startsAt }) },
          ],
          total: 3,
          page: 1,
          pageSize: 20,
        },
      }),
    });
    const { container } = render(<MyEvents />);
    await waitFor(() => expect(container.querySelectorAll('.my-event')).toHaveLength(3));
    const statuses = [...container.querySelectorAll('.my-event__status')].map((s) => s.textContent);
    expect(statuses).toEqual(['已报名', '候补第 2 位', '已签到']);
    expect(container.querySelector('.my-events__past')!.textContent).toBe('已结束的活动');
    click(container.querySelectorAll('.event-card')[0]);
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packageEvents/pages/ticket/index?id=7' });
    click(container.querySelectorAll('.event-card')[1]);
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packageEvents/pages/detail/index?id=8' });
  });

  it('posts the code a scan opened the app with, once signed in', async () => {
    signIn();
    const { sent } = serve(eventDetail(), { 'POST /api/v1/checkins': () => ({ statusCode: 200, data: checkinResult() }) });
    setRouterParams({ code: SCREEN_CODE });
    const { container } = render(<CheckinPage />);
    await waitFor(() => expect(container.querySelector('.event-checkin-result')!.textContent).toContain('签到成功'));
    expect(posts(sent, '/api/v1/checkins')).toEqual([{ token: SCREEN_CODE }]);
    click(screen.getByText('查看活动详情'));
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packageEvents/pages/detail/index?id=7' });
  });
});

describe('subscribe messages (WeChat)', () => {
  it('asks for up to three templates at the tap and records the accepted ones, never failing', async () => {
    process.env.TARO_ENV = 'weapp';
    process.env.TARO_APP_API_BASE = 'https://xq.example.cn';
    Taro.setStorageSync(STORAGE_KEYS.token, 'tok');
    const sent = routeRequests({ 'POST https://xq.example.cn/api/v1/me/subscriptions': () => ({ statusCode: 200, data: { templates: [] } }) });
    const ask = Taro.requestSubscribeMessage as unknown as jest.Mock;
    ask.mockResolvedValueOnce({ errMsg: 'requestSubscribeMessage:ok', 'tpl-signup': 'accept', 'tpl-reminder': 'reject', 'tpl-change': 'accept' });
    await requestEventMessages(['tpl-signup', 'tpl-reminder', 'tpl-change', 'tpl-offer']);
    expect(ask).toHaveBeenCalledWith({ tmplIds: ['tpl-signup', 'tpl-reminder', 'tpl-change'] });
    expect(sent.map((r) => r.data)).toEqual([{ templateIds: ['tpl-signup', 'tpl-change'] }]);

    ask.mockRejectedValueOnce({ errMsg: 'requestSubscribeMessage:fail', errCode: 20004 });
    await expect(requestEventMessages(['tpl-signup'])).resolves.toBeUndefined();
    await requestEventMessages([]);
    expect(ask).toHaveBeenCalledTimes(2);
    expect(sent).toHaveLength(1);
  });
});
