import { MAX_PAGE_SIZE, type AdminQuiz, type Page, type PageQuery, type QuizInput, type QuizKind, type QuizStatus } from '@xinqiao/shared';
import { http, type RequestOptions } from './client';

export interface QuizListQuery extends PageQuery {
  kind?: QuizKind;
  status?: QuizStatus;
}

type ReadOptions = Pick<RequestOptions, 'silent'>;

export const quizzesApi = {
  list: (query: QuizListQuery, opts?: ReadOptions) => http.get<Page<AdminQuiz>>('/admin/quizzes', query, opts),
  get: (id: number) => http.get<AdminQuiz>(`/admin/quizzes/${id}`),
  create: (input: QuizInput) => http.post<AdminQuiz>('/admin/quizzes', input),
  /** Only while the quiz is a draft. */
  update: (id: number, input: QuizInput) => http.put<AdminQuiz>(`/admin/quizzes/${id}`, input),
  /** Freezes the questions (a random draw is made here, once). */
  publish: (id: number) => http.post<AdminQuiz>(`/admin/quizzes/${id}/publish`),
  close: (id: number) => http.post<AdminQuiz>(`/admin/quizzes/${id}/close`),

  /** Up to one full page of a kind, for pickers (waves, pre-tests, a campaign's quizzes). */
  async options(query: Omit<QuizListQuery, 'page' | 'pageSize'> = {}, opts?: ReadOptions): Promise<AdminQuiz[]> {
    const res = await quizzesApi.list({ ...query, page: 1, pageSize: MAX_PAGE_SIZE }, opts);
    return res.items;
  },
};
