import { MAX_PAGE_SIZE, type AdminQuestion, type KnowledgePointId, type Page, type PageQuery, type QuestionImportResult, type QuestionInput, type QuestionKind } from '@xinqiao/shared';
import { download, http } from './client';

export interface QuestionListQuery extends PageQuery {
  knowledgePoint?: KnowledgePointId;
  kind?: QuestionKind;
  keyword?: string;
  /** Sent as `true` / `false`; the list shows live questions unless asked for archived ones. */
  archived?: boolean | 'true' | 'false';
}

export const questionsApi = {
  /** The default bank and the caller's region. */
  list: (query: QuestionListQuery) => http.get<Page<AdminQuestion>>('/admin/questions', query),
  create: (input: QuestionInput) => http.post<AdminQuestion>('/admin/questions', input),
  update: (id: number, input: QuestionInput) => http.put<AdminQuestion>(`/admin/questions/${id}`, input),
  /** Archives the question (questions used by a published quiz are kept for the statistics). */
  remove: (id: number) => http.delete(`/admin/questions/${id}`),
  /** Silent: a 400 carries `details: [{ row, message }]` the page lists in full. */
  import(file: Blob, filename?: string) {
    const form = new FormData();
    form.append('file', file, filename);
    return http.post<QuestionImportResult>('/admin/questions/import', form, { silent: true });
  },
  /** The bank as .xlsx; the same layout is the import template. */
  export: () => download('/admin/questions/export'),

  /**
   * Every live (or, with `archived`, every archived) question of the bank, page by page: the quiz
   * editor picks from all of them.
   */
  async loadBank(archived = false): Promise<AdminQuestion[]> {
    const all: AdminQuestion[] = [];
    for (let page = 1; ; page++) {
      const res = await questionsApi.list({ archived, page, pageSize: MAX_PAGE_SIZE });
      all.push(...res.items);
      if (res.items.length === 0 || all.length >= res.total) return all;
    }
  },
};
