import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { fireReachBottom } from '../../../test/mocks/taro';
import { article, routeRequests, type SentRequest } from '../../../test/helpers';
import { agreePrivacy } from '../../services/privacy';
import Articles from './index';

/** A fake /articles endpoint: `total` articles per category, paged like the server. */
function articlesApi(totals: Record<string, number>) {
  return (req: SentRequest) => {
    const category = req.query.get('category') ?? 'all';
    const page = Number(req.query.get('page'));
    const pageSize = Number(req.query.get('pageSize'));
    const total = totals[category] ?? 0;
    const base = category === 'all' ? 0 : 100;
    const ids = Array.from({ length: total }, (_, i) => base + i + 1).slice((page - 1) * pageSize, page * pageSize);
    return { statusCode: 200, data: { items: ids.map((id) => article(id)), total, page, pageSize } };
  };
}

const titles = () => screen.queryAllByText(/^文章\d+$/).map((el) => el.textContent);

beforeEach(() => agreePrivacy());

describe('科普 list page', () => {
  it('shows 全部 plus every category as tabs', async () => {
    routeRequests({ 'GET /api/v1/articles': articlesApi({ all: 0 }) });
    render(<Articles />);
    const tabs = screen.getAllByRole('tab').map((t) => t.textContent);
    expect(tabs).toEqual(['全部', '心理科普', '情绪与压力', '婚恋与家庭', '青少年成长', '职场心理', '老年心理', '危机求助', '政策解读']);
    expect(await screen.findByText('这个栏目还没有文章')).toBeTruthy();
  });

  it('loads page 1, appends page 2 on reach-bottom, then stops', async () => {
    const sent = routeRequests({ 'GET /api/v1/articles': articlesApi({ all: 12 }) });
    render(<Articles />);
    await waitFor(() => expect(titles()).toHaveLength(10));
    expect(sent[0].url).toBe('/api/v1/articles?page=1&pageSize=10');
    expect(screen.getByText('上拉或点击加载更多')).toBeTruthy();

    act(() => fireReachBottom());
    await waitFor(() => expect(titles()).toHaveLength(12));
    expect(sent[1].url).toBe('/api/v1/articles?page=2&pageSize=10');
    expect(titles()[11]).toBe('文章12');
    expect(screen.getByText('没有更多了')).toBeTruthy();

    act(() => fireReachBottom());
    expect(sent).toHaveLength(2);
  });

  it('switching category reloads from page 1 with the category filter', async () => {
    const sent = routeRequests({ 'GET /api/v1/articles': articlesApi({ all: 3, emotion: 2 }) });
    render(<Articles />);
    await waitFor(() => expect(titles()).toEqual(['文章1', '文章2', '文章3']));
    fireEvent.click(screen.getByRole('tab', { name: '情绪与压力' }));
    await waitFor(() => expect(titles()).toEqual(['文章101', '文章102']));
    expect(sent[sent.length - 1].url).toBe('/api/v1/articles?category=emotion&page=1&pageSize=10');
    expect(screen.getByRole('tab', { name: '情绪与压力' }).getAttribute('aria-selected')).toBe('true');
  });

  it('shows title, summary, category and views, and opens the detail page on tap', async () => {
    routeRequests({
      'GET /api/v1/articles': () => ({
        statusCode: 200,
        data: {
          items: [article(3, { title: '睡不好，别忽视', summary: '失眠可能是身心问题', category: 'emotion', viewCount: 12345 })],
          total: 1,
          page: 1,
          pageSize: 10,
        },
      }),
    });
    render(<Articles />);
    fireEvent.click(await screen.findByText('睡不好，别忽视'));
    expect(screen.getByText('失眠可能是身心问题')).toBeTruthy();
    expect(screen.getByText('1.2万 次阅读')).toBeTruthy();
    expect(screen.getAllByText('情绪与压力').length).toBeGreaterThan(1); // tab + item tag
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packageArticles/pages/detail/index?id=3' });
  });

  it('shows the error inline and retries on tap', async () => {
    let fail = true;
    routeRequests({
      'GET /api/v1/articles': (req) => (fail ? { statusCode: 503, data: 'unavailable' } : articlesApi({ all: 1 })(req)),
    });
    render(<Articles />);
    const error = await screen.findByText('服务暂时不可用，请稍后再试，点击重试');
    fail = false;
    fireEvent.click(error);
    await waitFor(() => expect(titles()).toEqual(['文章1']));
  });
});
