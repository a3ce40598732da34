import Taro from '@tarojs/taro';
import type { ArticleSummary } from '@xinqiao/shared';

export const mockRequest = Taro.request as unknown as jest.Mock;

export interface SentRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  url: string;
  data: unknown;
  header: Record<string, string>;
}

type Reply = { statusCode: number; data?: unknown } | 'network-error';
type Route = (req: SentRequest) => Reply | Promise<Reply>;

/** Answer Taro.request from a table of `METHOD /path` handlers (path without the query string). */
export function routeRequests(routes: Record<string, Route>): SentRequest[] {
  const sent: SentRequest[] = [];
  mockRequest.mockImplementation(async (opts: { url: string; method?: string; data?: unknown; header?: Record<string, string> }) => {
    const [pathPart, queryPart = ''] = opts.url.split('?');
    const req: SentRequest = {
      method: opts.method ?? 'GET',
      path: pathPart,
      query: new URLSearchParams(queryPart),
      url: opts.url,
      data: opts.data,
      header: opts.header ?? {},
    };
    sent.push(req);
    const route = routes[`${req.method} ${req.path}`];
    const reply = route ? await route(req) : { statusCode: 404, data: { statusCode: 404, code: 'NOT_FOUND', message: '接口不存在' } };
    if (reply === 'network-error') throw { errMsg: 'request:fail' };
    return { statusCode: reply.statusCode, data: reply.data ?? '', header: {}, errMsg: 'request:ok' };
  });
  return sent;
}

export function article(id: number, overrides: Partial<ArticleSummary> = {}): ArticleSummary {
  return {
    id,
    title: `文章${id}`,
    summary: `摘要${id}`,
    coverUrl: null,
    category: 'knowledge',
    audiences: [],
    regionId: 1,
    regionName: '示范市',
    publishedAt: '2026-11-20T02:00:00.000Z',
    viewCount: id * 10,
    ...overrides,
  };
}
