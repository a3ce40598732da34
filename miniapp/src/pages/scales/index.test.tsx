import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { routeRequests } from '../../../test/helpers';
import { phq9Summary } from '../../../test/scales';
import { newDraft, saveDraft } from '../../features/scales/draft';
import { agreePrivacy } from '../../services/privacy';
import Scales from './index';

beforeEach(() => agreePrivacy());

describe('测评 tab', () => {
  it('lists the scales with time and item count, keeps 12356 visible, and opens the intro', async () => {
    saveDraft(
      newDraft({
        code: 'phq-9',
        scaleVersion: 1,
        clientRequestId: '3b241101-e2bb-4255-8caf-4136c566a962',
        consent: { mode: 'anonymous', followUp: false, version: 1 },
      }),
    );
    const sent = routeRequests({
      'GET /api/v1/scales': () => ({ statusCode: 200, data: [phq9Summary(), { ...phq9Summary(), code: 'gad-7', shortTitle: 'GAD-7', itemCount: 7 }] }),
    });
    const { container } = render(<Scales />);
    await waitFor(() => expect(container.querySelectorAll('.scale-card')).toHaveLength(2));
    const first = container.querySelector('.scale-card')!;
    expect(first.textContent).toContain('PHQ-9');
    expect(first.textContent).toContain('患者健康问卷抑郁量表（PHQ-9）');
    expect(first.textContent).toContain('9 题');
    expect(first.textContent).toContain('约 3 分钟');
    expect(first.textContent).toContain('未完成，可继续');
    expect(container.querySelectorAll('.scale-card')[1].textContent).not.toContain('未完成');
    expect(screen.getByText('12356')).toBeTruthy();
    expect(sent[0].url).toBe('/api/v1/scales');

    fireEvent.click(first);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packageScales/pages/intro/index?code=phq-9' });
    fireEvent.click(screen.getByText('心理援助热线'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packageScales/pages/hotlines/index' });
  });

  it('查看全部量表 asks with all=true and can switch back', async () => {
    const sent = routeRequests({ 'GET /api/v1/scales': () => ({ statusCode: 200, data: [] }) });
    render(<Scales />);
    fireEvent.click(await screen.findByText('查看全部量表'));
    await waitFor(() => expect(sent.map((r) => r.url)).toEqual(['/api/v1/scales', '/api/v1/scales?all=true']));
    expect(await screen.findByText('暂时没有开放的量表')).toBeTruthy();
    fireEvent.click(screen.getByText('只看适合我的'));
    await waitFor(() => expect(sent).toHaveLength(3));
    expect(sent[2].url).toBe('/api/v1/scales');
  });

  it('shows the error with a retry', async () => {
    let fail = true;
    routeRequests({ 'GET /api/v1/scales': () => (fail ? 'network-error' : { statusCode: 200, data: [phq9Summary()] }) });
    const { container } = render(<Scales />);
    const error = await screen.findByText('网络连接失败，请检查网络后重试，点击重试');
    fail = false;
    fireEvent.click(error);
    await waitFor(() => expect(container.querySelectorAll('.scale-card')).toHaveLength(1));
  });
});
