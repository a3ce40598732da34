import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { ResidentProfile } from '@xinqiao/shared';
import { routeRequests } from '../../../test/helpers';
import { STORAGE_KEYS } from '../../services/storage';
import Me from './index';

const resident: ResidentProfile = {
  id: 5,
  nickname: '小林',
  regionId: 4,
  regionName: '红旗社区',
  populationGroup: 'employee',
  ageBand: '18to34',
  gender: null,
  createdAt: '2026-11-23T00:00:00Z',
};

const regions = [
  { id: 1, parentId: null, name: '示范市', level: 'city', path: '/1/' },
  { id: 2, parentId: 1, name: '永川区', level: 'district', path: '/1/2/' },
  { id: 3, parentId: 2, name: '胜利路街道', level: 'street', path: '/1/2/3/' },
  { id: 4, parentId: 3, name: '红旗社区', level: 'community', path: '/1/2/3/4/' },
].map((r) => ({ urbanRural: null, population: null, urbanPopulation: null, code: null, ...r }));

describe('我的 page (H5)', () => {
  it('first use: privacy notice, then 体验登录 with the stored openid, then the profile', async () => {
    Taro.setStorageSync(STORAGE_KEYS.devOpenid, 'h5-demo01');
    const sent = routeRequests({
      'POST /api/v1/auth/dev/login': () => ({ statusCode: 200, data: { accessToken: 'tok', expiresIn: 3600, resident } }),
      'GET /api/v1/regions': () => ({ statusCode: 200, data: regions }),
    });
    render(<Me />);

    const notice = await screen.findByRole('dialog');
    expect(within(notice).getByText('用户隐私保护指引')).toBeTruthy();
    fireEvent.click(within(notice).getByText('同意'));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    expect(screen.getByText('未登录')).toBeTruthy();
    expect(screen.getByText('体验账号')).toBeTruthy();
    const input = screen.getByDisplayValue('h5-demo01') as HTMLInputElement;
    fireEvent.change(input, { target: { value: 'h5-tester' } });
    fireEvent.click(screen.getByText('登录'));

    expect(await screen.findByText('个人资料')).toBeTruthy();
    expect(sent[0]).toMatchObject({ method: 'POST', path: '/api/v1/auth/dev/login', data: { openid: 'h5-tester' } });
    expect(screen.getByText('小林')).toBeTruthy();
    // region shown as a path once /regions arrives (the city root is skipped)
    expect(await screen.findByText('永川区 / 胜利路街道 / 红旗社区')).toBeTruthy();
    expect(screen.getByText('企业职工')).toBeTruthy();
    expect(screen.getByText('18-34岁')).toBeTruthy();
    // Gender (for the awareness statistics) is not set yet.
    expect(screen.getByText('性别').parentElement!.textContent).toBe('性别请选择');
    expect(screen.getByText('导出我的数据')).toBeTruthy();
    expect(screen.queryByText('体验账号')).toBeNull();
  });

  it('saves only the changed fields with PATCH /me', async () => {
    Taro.setStorageSync(STORAGE_KEYS.privacy, { version: '2026-11-23', agreedAt: '2026-11-23T00:00:00Z' });
    Taro.setStorageSync(STORAGE_KEYS.token, 'tok');
    Taro.setStorageSync(STORAGE_KEYS.resident, resident);
    const sent = routeRequests({
      'GET /api/v1/me': () => ({ statusCode: 200, data: resident }),
      'GET /api/v1/regions': () => ({ statusCode: 200, data: regions }),
      'PATCH /api/v1/me': (req) => ({ statusCode: 200, data: { ...resident, ...(req.data as object) } }),
    });
    render(<Me />);
    const save = (await screen.findByText('保存资料')) as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    fireEvent.change(screen.getByDisplayValue('小林'), { target: { value: '  林林 ' } });
    expect(save.disabled).toBe(false);
    fireEvent.click(save);
    await waitFor(() => expect(sent.some((r) => r.method === 'PATCH')).toBe(true));
    const patch = sent.find((r) => r.method === 'PATCH')!;
    expect(patch.data).toEqual({ nickname: '林林' });
    expect(patch.header.Authorization).toBe('Bearer tok');
    await waitFor(() => expect((screen.getByText('保存资料') as HTMLButtonElement).disabled).toBe(true));
  });

  it('deletes the account after confirmation and forgets the local session', async () => {
    Taro.setStorageSync(STORAGE_KEYS.privacy, { version: '2026-11-23', agreedAt: '2026-11-23T00:00:00Z' });
    Taro.setStorageSync(STORAGE_KEYS.token, 'tok');
    Taro.setStorageSync(STORAGE_KEYS.devOpenid, 'h5-demo01');
    const sent = routeRequests({
      'GET /api/v1/me': () => ({ statusCode: 200, data: resident }),
      'GET /api/v1/regions': () => ({ statusCode: 200, data: regions }),
      'DELETE /api/v1/me': () => ({ statusCode: 204 }),
    });
    render(<Me />);
    fireEvent.click(await screen.findByText('注销并删除我的数据'));
    await screen.findByText('体验登录');
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '注销并删除我的数据' }));
    expect(sent.some((r) => r.method === 'DELETE' && r.path === '/api/v1/me')).toBe(true);
    expect(Taro.getStorageSync(STORAGE_KEYS.token)).toBe('');
    expect(Taro.getStorageSync(STORAGE_KEYS.devOpenid)).not.toBe('h5-demo01');
  });

  it('links to 我的测评 and the hotline directory', async () => {
    routeRequests({});
    render(<Me />);
    fireEvent.click(screen.getByText('我的测评'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packageScales/pages/history/index' });
    fireEvent.click(screen.getByText('心理援助热线'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packageScales/pages/hotlines/index' });
    await screen.findByText('体验登录');
  });
});
