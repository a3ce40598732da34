import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { NATIONAL_HOTLINES, type MyScaleResponse } from '@xinqiao/shared';
import { routeRequests } from '../../../test/helpers';
import { crisisHotlines, resident } from '../../../test/scales';
import { agreePrivacy } from '../../services/privacy';
import { STORAGE_KEYS } from '../../services/storage';
import ScaleHistory from './history/index';
import Hotlines from './hotlines/index';

function signIn() {
  Taro.setStorageSync(STORAGE_KEYS.token, 'tok');
  Taro.setStorageSync(STORAGE_KEYS.resident, resident());
}

const row = (id: number, code: string, day: number, score: number, p: Partial<MyScaleResponse> = {}): MyScaleResponse => ({
  id,
  scaleCode: code,
  scaleVersion: 1,
  scaleTitle: code === 'phq-9' ? 'PHQ-9 抑郁' : 'GAD-7 焦虑',
  score,
  minScore: 0,
  maxScore: 27,
  bandLabel: `结果${id}`,
  severity: 1,
  crisis: false,
  followUpRequested: false,
  submittedAt: `2026-11-${String(day).padStart(2, '0')}T02:00:00.000Z`,
  ...p,
});

beforeEach(() => agreePrivacy());

describe('我的测评', () => {
  it('groups results per scale with a bar trend; an entry opens the result; delete asks first', async () => {
    signIn();
    const items = [row(3, 'phq-9', 20, 12, { crisis: true, followUpRequested: true }), row(2, 'gad-7', 15, 4), row(1, 'phq-9', 10, 6)];
    const sent = routeRequests({
      'GET /api/v1/me': () => ({ statusCode: 200, data: resident() }),
      'GET /api/v1/me/responses': () => ({ statusCode: 200, data: { items, total: 3, page: 1, pageSize: 50 } }),
      'DELETE /api/v1/me/responses/1': () => ({ statusCode: 204 }),
    });
    const { container } = render(<ScaleHistory />);
    await waitFor(() => expect(container.querySelectorAll('.history-group')).toHaveLength(2));
    const [phq, gad] = [...container.querySelectorAll('.history-group')] as HTMLElement[];
    expect(within(phq).getByText('PHQ-9 抑郁')).toBeTruthy();
    expect(within(phq).getByText('共 2 次')).toBeTruthy();
    expect(within(phq).getByText('需要关注')).toBeTruthy();
    expect(within(phq).getByText('已请咨询师跟进')).toBeTruthy();
    const bars = [...phq.querySelectorAll('.history-trend__bar')] as HTMLElement[];
    expect(bars.map((b) => b.style.height)).toEqual(['22%', '44%']);
    expect(bars[1].className).toContain('history-trend__bar--severe');
    // A single result has nothing to compare with: no trend.
    expect(gad.querySelector('.history-trend')).toBeNull();
    expect(sent.find((r) => r.path === '/api/v1/me/responses')!.url).toBe('/api/v1/me/responses?page=1&pageSize=50');

    fireEvent.click(within(phq).getByText('结果3'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packageScales/pages/result/index?id=3' });

    const entries = phq.querySelectorAll('.history-entry');
    fireEvent.click(entries[1].querySelector('.history-entry__delete')!);
    await waitFor(() => expect(sent.some((r) => r.method === 'DELETE')).toBe(true));
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '删除这条测评记录？' }));
    expect(Taro.navigateTo).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(within(phq).queryByText('结果1')).toBeNull());
    expect(within(phq).getByText('共 1 次')).toBeTruthy();
  });

  it('keeps the record when the resident cancels', async () => {
    signIn();
    (Taro.showModal as jest.Mock).mockResolvedValueOnce({ confirm: false, cancel: true });
    const sent = routeRequests({
      'GET /api/v1/me': () => ({ statusCode: 200, data: resident() }),
      'GET /api/v1/me/responses': () => ({ statusCode: 200, data: { items: [row(1, 'phq-9', 10, 6)], total: 1, page: 1, pageSize: 50 } }),
    });
    const { container } = render(<ScaleHistory />);
    fireEvent.click(await screen.findByText('删除'));
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalled());
    expect(sent.some((r) => r.method === 'DELETE')).toBe(false);
    expect(container.querySelectorAll('.history-entry')).toHaveLength(1);
  });

  it('not signed in (H5): offers the 体验登录 instead of making an account silently', async () => {
    const sent = routeRequests({});
    render(<ScaleHistory />);
    expect(await screen.findByText('体验登录')).toBeTruthy();
    expect(sent).toHaveLength(0);
  });

  it('empty history points to the scales', async () => {
    signIn();
    routeRequests({
      'GET /api/v1/me': () => ({ statusCode: 200, data: resident() }),
      'GET /api/v1/me/responses': () => ({ statusCode: 200, data: { items: [], total: 0, page: 1, pageSize: 50 } }),
    });
    render(<ScaleHistory />);
    fireEvent.click(await screen.findByText('去做一次测评'));
    expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/scales/index' });
  });
});

describe('心理援助热线', () => {
  it('groups national and local lines for the resident region, with 24h and audience tags; tap to call', async () => {
    signIn();
    const [local] = crisisHotlines().filter((h) => !h.national);
    const sent = routeRequests({
      'GET /api/v1/hotlines': () => ({ statusCode: 200, data: [...NATIONAL_HOTLINES, { ...local, audiences: ['youth'] }] }),
    });
    const { container } = render(<Hotlines />);
    await waitFor(() => expect(container.querySelectorAll('.hotlines__local .hotline-item')).toHaveLength(1));
    expect(sent[0].url).toBe('/api/v1/hotlines?regionId=4');
    const national = [...container.querySelectorAll('.hotlines__national .hotline-item__number')].map((n) => n.textContent);
    expect(national).toEqual(['12356', '400-161-9995', '12355', '12338']);
    const item = container.querySelector('.hotlines__local .hotline-item') as HTMLElement;
    expect(within(item).getByText('24小时')).toBeTruthy();
    expect(within(item).getByText('青少年')).toBeTruthy();
    expect(within(item).getByText('永川区')).toBeTruthy();
    fireEvent.click(item);
    expect(Taro.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '02312356' });
  });

  it('offline: still shows the national lines', async () => {
    routeRequests({ 'GET /api/v1/hotlines': () => 'network-error' });
    const { container } = render(<Hotlines />);
    expect(await screen.findByText('网络连接失败，请检查网络后重试，本地热线暂时无法显示，点击重试')).toBeTruthy();
    expect(container.querySelector('.hotlines__national .hotline-item__number')!.textContent).toBe('12356');
  });
});
