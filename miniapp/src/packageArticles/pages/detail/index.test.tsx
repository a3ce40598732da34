import { render, screen } from '@testing-library/react';
import { setRouterParams } from '../../../../test/mocks/taro';
import { article, routeRequests } from '../../../../test/helpers';
import ArticleDetailPage from './index';

const detail = {
  ...article(7, { title: '心理健康素养十条', category: 'knowledge' as const, viewCount: 15000, coverUrl: '/uploads/cover.png' }),
  body: '<p>心理健康是健康的重要组成部分。</p><img src="/uploads/a.png">',
  source: '国家卫生健康委员会',
};

describe('article detail page', () => {
  it('H5: renders title, meta, cover and the sanitised body as HTML', async () => {
    setRouterParams({ id: '7' });
    const sent = routeRequests({ 'GET /api/v1/articles/7': () => ({ statusCode: 200, data: detail }) });
    const { container } = render(<ArticleDetailPage />);
    const title = await screen.findByText('心理健康素养十条');
    expect(title.className).toBe('article-title');
    expect(sent[0].url).toBe('/api/v1/articles/7');
    expect(screen.getByText('1.5万 次阅读')).toBeTruthy();
    expect(screen.getByText('心理科普')).toBeTruthy();
    expect(screen.getByText('来源：国家卫生健康委员会')).toBeTruthy();
    const body = container.querySelector('.article-body')!;
    expect(body.querySelector('p')?.textContent).toBe('心理健康是健康的重要组成部分。');
    expect(body.hasAttribute('data-rich-text')).toBe(false);
    expect(container.querySelector('.article-cover')?.getAttribute('src')).toBe('/uploads/cover.png');
  });

  it('weapp: uses RichText with absolute image URLs', async () => {
    process.env.TARO_ENV = 'weapp';
    process.env.TARO_APP_API_BASE = 'https://xq.example.cn';
    setRouterParams({ id: '7' });
    routeRequests({ 'GET https://xq.example.cn/api/v1/articles/7': () => ({ statusCode: 200, data: detail }) });
    const { container } = render(<ArticleDetailPage />);
    await screen.findByText('心理健康素养十条');
    const body = container.querySelector('.article-body')!;
    expect(body.hasAttribute('data-rich-text')).toBe(true);
    expect(body.querySelector('img')?.getAttribute('src')).toBe('https://xq.example.cn/uploads/a.png');
    expect(container.querySelector('.article-cover')?.getAttribute('src')).toBe('https://xq.example.cn/uploads/cover.png');
  });

  it('shows the server message for an unpublished article, without a retry', async () => {
    setRouterParams({ id: '99' });
    routeRequests({
      'GET /api/v1/articles/99': () => ({ statusCode: 404, data: { statusCode: 404, code: 'NOT_FOUND', message: '文章不存在或已下线' } }),
    });
    render(<ArticleDetailPage />);
    expect(await screen.findByText('文章不存在或已下线')).toBeTruthy();
    expect(screen.queryByText('点击重试')).toBeNull();
  });

  it('rejects a malformed id without calling the API', async () => {
    setRouterParams({ id: 'abc' });
    const sent = routeRequests({});
    render(<ArticleDetailPage />);
    expect(await screen.findByText('文章地址有误')).toBeTruthy();
    expect(sent).toHaveLength(0);
  });
});
