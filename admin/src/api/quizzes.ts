import { MAX_PAGE_SIZE, type AdminQuiz, type Page, type PageQuery, type QuizInput, type QuizKind, type QuizStatus } from '@xinqiao/shared';
import { api, data, type ReadOptions } from './client';

export interface QuizListQuery extends PageQuery {
  kind?: QuizKind;
  status?: QuizStatus;
}

const byId = (id: number) => ({ params: { path: { id } } });

export const quizzesApi = {
  list: (query: QuizListQuery, opts?: ReadOptions): Promise<Page<AdminQuiz>> => data(api.GET('/admin/quizzes', { params: { query }, ...opts })),
  get: (id: number): Promise<AdminQuiz> => data(api.GET('/admin/quizzes/{id}', byId(id))),
  create: (input: QuizInput): Promise<AdminQuiz> => data(api.POST('/admin/quizzes', { body: input })),
  /** Only while the quiz is a draft. */
  update: (id: number, input: QuizInput): Promise<AdminQuiz> => data(api.PUT('/admin/quizzes/{id}', { ...byId(id), body: input })),
  /** Freezes the questions (a random draw is made here, once). */
  publish: (id: number): Promise<AdminQuiz> => data(api.POST('/admin/quizzes/{id}/publish', byId(id))),
  close: (id: number): Promise<AdminQuiz> => data(api.POST('/admin/quizzes/{id}/close', byId(id))),

  /** Up to one full page of a kind, for pickers (waves, pre-tests, a campaign's quizzes). */
  async options(query: Omit<QuizListQuery, 'page' | 'pageSize'> = {}, opts?: ReadOptions): Promise<AdminQuiz[]> {
    const res = await quizzesApi.list({ ...query, page: 1, pageSize: MAX_PAGE_SIZE }, opts);
    return res.items;
  },
};
