import { act, fireEvent, render, renderHook, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { FinalLoadError, useLoad } from '../../hooks/useLoad';
import LoadStatus from './index';

describe('LoadStatus', () => {
  it('says 加载中… while loading, from a useLoad state or a list flag', () => {
    const { rerender } = render(<LoadStatus state={{ status: 'loading' }} />);
    expect(screen.getByText('加载中…')).toBeTruthy();
    rerender(<LoadStatus loading error={null} empty="暂无文章" />);
    expect(screen.getByText('加载中…')).toBeTruthy();
    expect(screen.queryByText('暂无文章')).toBeNull();
  });

  it('offers 点击重试 with a retriable error, and the ways on', () => {
    const retry = jest.fn();
    render(
      <LoadStatus state={{ status: 'error', message: '网络连接失败', retry: true }} onRetry={retry}>
        <span>返回首页</span>
      </LoadStatus>,
    );
    fireEvent.click(screen.getByText('网络连接失败，点击重试'));
    expect(retry).toHaveBeenCalledTimes(1);
    expect(screen.getByText('返回首页')).toBeTruthy();
  });

  it('shows a final error without a retry even when a retry handler is given', () => {
    render(<LoadStatus state={{ status: 'error', message: '活动地址有误', retry: false }} onRetry={jest.fn()} />);
    expect(screen.getByText('活动地址有误')).toBeTruthy();
    expect(screen.queryByText(/点击重试/)).toBeNull();
  });

  it('shows the empty text only when nothing is loading or failed, and nothing once there is content', () => {
    const { container, rerender } = render(<LoadStatus loading={false} error={null} empty="暂无文章" />);
    expect(screen.getByText('暂无文章')).toBeTruthy();
    rerender(<LoadStatus loading={false} error={null} />);
    expect(container.textContent).toBe('');
    rerender(<LoadStatus state={{ status: 'ready', data: 1 }} />);
    expect(container.textContent).toBe('');
  });
});

describe('useLoad', () => {
  it('loads on mount and reports the data', async () => {
    const fetch = () => Promise.resolve(7);
    const { result } = renderHook(() => useLoad(fetch));
    expect(result.current.state).toEqual({ status: 'loading' });
    await act(async () => undefined);
    expect(result.current.state).toEqual({ status: 'ready', data: 7 });
    expect(result.current.data).toBe(7);
  });

  it('turns a 404 into the page’s own message without a retry, and other failures into a retriable error', async () => {
    const gone = Object.assign(new Error('内容不存在或已下线'), { statusCode: 404 });
    const fetchGone = () => Promise.reject(gone);
    const { result } = renderHook(() => useLoad(fetchGone, { notFound: '活动不存在或已下线' }));
    await act(async () => undefined);
    expect(result.current.state).toEqual({ status: 'error', message: '活动不存在或已下线', retry: false });

    const fetchDown = () => Promise.reject(new Error('网络连接失败'));
    const down = renderHook(() => useLoad(fetchDown));
    await act(async () => undefined);
    expect(down.result.current.state).toEqual({ status: 'error', message: '网络连接失败', retry: true });

    const fetchBad = () => Promise.reject(new FinalLoadError('活动地址有误'));
    const bad = renderHook(() => useLoad(fetchBad));
    await act(async () => undefined);
    expect(bad.result.current.state).toEqual({ status: 'error', message: '活动地址有误', retry: false });
  });

  it('keeps the shown data while reloading, and with keepOnError a failed reload only toasts', async () => {
    let answer: () => Promise<number> = () => Promise.resolve(1);
    const fetch = () => answer();
    const { result } = renderHook(() => useLoad(fetch, { keepOnError: true }));
    await act(async () => undefined);
    answer = () => Promise.reject(new Error('网络连接失败'));
    let reloading: Promise<number | null> = Promise.resolve(null);
    act(() => {
      reloading = result.current.reload();
    });
    expect(result.current.state).toEqual({ status: 'ready', data: 1 });
    await act(async () => {
      await reloading;
    });
    expect(result.current.state).toEqual({ status: 'ready', data: 1 });
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '网络连接失败', icon: 'none' });
  });

  it('drops an answer superseded by a newer load', async () => {
    const answers: Array<(n: number) => void> = [];
    const fetch = () => new Promise<number>((resolve) => answers.push(resolve));
    const { result } = renderHook(() => useLoad(fetch));
    act(() => {
      void result.current.reload();
    });
    await act(async () => {
      answers[1](2);
      answers[0](1);
    });
    expect(result.current.state).toEqual({ status: 'ready', data: 2 });
  });

  it('setData patches loaded data in place', async () => {
    const fetch = () => Promise.resolve(1);
    const { result } = renderHook(() => useLoad(fetch));
    await act(async () => undefined);
    act(() => result.current.setData((n) => n + 1));
    expect(result.current.data).toBe(2);
  });
});
