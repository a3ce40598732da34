import { act, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { AlertNoticeStatus, HelpRequestResult } from '@xinqiao/shared';
import { routeRequests } from '../../../../test/helpers';
import { NOTICE_POLL_EVERY_MS, NOTICE_TEXT } from '../../../features/alerts/notice';
import { STORAGE_KEYS } from '../../../services/storage';
import { HelpRequestDone } from '../../components/HelpRequestForm';

const result = (noticeStatus: AlertNoticeStatus): HelpRequestResult => ({ alertId: 5, colour: 'red', crisisHotlines: [], noticeStatus });
/** Lets the queued poll run and its answer arrive. */
const nextPoll = () =>
  act(async () => {
    jest.advanceTimersByTime(NOTICE_POLL_EVERY_MS);
    await Promise.resolve();
  });

describe('the page after "请人联系我"', () => {
  beforeEach(() => {
    jest.useFakeTimers();
    Taro.setStorageSync(STORAGE_KEYS.token, 'tok');
  });
  afterEach(() => jest.useRealTimers());

  it('says the counsellors on duty were told only once the server says the notice went out', async () => {
    const answers: AlertNoticeStatus[] = ['pending', 'sent'];
    const sent = routeRequests({ 'GET /api/v1/me/alert-notices/5': () => ({ statusCode: 200, data: { alertId: 5, noticeStatus: answers.shift() } }) });
    const { container } = render(<HelpRequestDone result={result('pending')} urgency="now" />);
    expect(screen.getByText('正在通知值班心理咨询师…')).toBeTruthy();
    expect(screen.queryByText(/已通知/)).toBeNull();
    expect(container.querySelector('.crisis-card')).toBeTruthy();

    await nextPoll();
    expect(screen.getByText('正在通知值班心理咨询师…')).toBeTruthy();
    await nextPoll();
    expect(await screen.findByText(NOTICE_TEXT.sent)).toBeTruthy();
    expect(sent).toHaveLength(2);
    // Told: no more asking.
    await nextPoll();
    expect(sent).toHaveLength(2);
    // The hotlines stay for an urgent request.
    expect(container.querySelector('.crisis-card')).toBeTruthy();
  });

  it('stops asking after a minute and says the request is in the counsellors’ queue, crisis card kept', async () => {
    const sent = routeRequests({ 'GET /api/v1/me/alert-notices/5': () => ({ statusCode: 200, data: { alertId: 5, noticeStatus: 'pending' } }) });
    const { container } = render(<HelpRequestDone result={result('pending')} urgency="now" />);
    for (let i = 0; i < 12; i++) await nextPoll();
    expect(screen.getByText(NOTICE_TEXT.queued)).toBeTruthy();
    expect(screen.queryByText(/已通知/)).toBeNull();
    expect(container.querySelector('.crisis-card')).toBeTruthy();
    const asked = sent.length;
    await nextPoll();
    expect(sent).toHaveLength(asked);
  });

  it('says so at once when nothing could be sent, and does not ask', async () => {
    const sent = routeRequests({});
    render(<HelpRequestDone result={result('none')} urgency="soon" />);
    expect(screen.getByText(NOTICE_TEXT.queued)).toBeTruthy();
    await nextPoll();
    expect(sent).toHaveLength(0);
  });
});
