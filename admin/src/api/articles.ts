import type { AdminArticle, AdminArticleRow, ArticleCategory, ArticleInput, ArticleStatus, Page, PageQuery } from '@xinqiao/shared';
import { api, data, type ReadOptions } from './client';

export interface ArticleListQuery extends PageQuery {
  status?: ArticleStatus;
  category?: ArticleCategory;
  keyword?: string;
}

/**
 * The server accepts the `version` the edit started from and answers 409 CONFLICT when someone
 * saved in between (optimistic locking).
 */
export type ArticleUpdate = ArticleInput & { version?: number };

const byId = (id: number) => ({ params: { path: { id } } });

export const articlesApi = {
  list: (query: ArticleListQuery, opts?: ReadOptions): Promise<Page<AdminArticleRow>> => data(api.GET('/admin/articles', { params: { query }, ...opts })),
  get: (id: number, opts?: ReadOptions): Promise<AdminArticle> => data(api.GET('/admin/articles/{id}', { ...byId(id), ...opts })),
  create: (input: ArticleInput): Promise<AdminArticle> => data(api.POST('/admin/articles', { body: input })),
  update: (id: number, input: ArticleUpdate): Promise<AdminArticle> => data(api.PUT('/admin/articles/{id}', { ...byId(id), body: input })),
  publish: (id: number): Promise<AdminArticle> => data(api.POST('/admin/articles/{id}/publish', byId(id))),
  unpublish: (id: number): Promise<AdminArticle> => data(api.POST('/admin/articles/{id}/unpublish', byId(id))),
  remove: (id: number): Promise<void> => data(api.DELETE('/admin/articles/{id}', byId(id))),
};
