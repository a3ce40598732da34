import type { AdminArticle, ArticleCategory, ArticleInput, ArticleStatus, Page, PageQuery } from '@xinqiao/shared';
import { http, type RequestOptions } from './client';

export interface ArticleListQuery extends PageQuery {
  status?: ArticleStatus;
  category?: ArticleCategory;
  keyword?: string;
}

/**
 * The server accepts the `version` the edit started from and answers 409 CONFLICT when someone
 * saved in between (optimistic locking). Not yet in docs/api.md or the shared `ArticleInput`.
 */
export type ArticleUpdate = ArticleInput & { version?: number };

type ReadOptions = Pick<RequestOptions, 'silent'>;

export const articlesApi = {
  list: (query: ArticleListQuery, opts?: ReadOptions) => http.get<Page<AdminArticle>>('/admin/articles', query, opts),
  get: (id: number, opts?: ReadOptions) => http.get<AdminArticle>(`/admin/articles/${id}`, undefined, opts),
  create: (input: ArticleInput) => http.post<AdminArticle>('/admin/articles', input),
  update: (id: number, input: ArticleUpdate) => http.put<AdminArticle>(`/admin/articles/${id}`, input),
  publish: (id: number) => http.post<AdminArticle>(`/admin/articles/${id}/publish`),
  unpublish: (id: number) => http.post<AdminArticle>(`/admin/articles/${id}/unpublish`),
  remove: (id: number) => http.delete(`/admin/articles/${id}`),
};
