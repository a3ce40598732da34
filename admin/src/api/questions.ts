import {
  MAX_PAGE_SIZE,
  type AdminQuestion,
  type KnowledgePointId,
  type Page,
  type PageQuery,
  type QuestionImportResult,
  type QuestionInput,
  type QuestionKind,
} from '@xinqiao/shared';
import { api, data, download, fileForm, type DownloadedFile } from './client';

export interface QuestionListQuery extends PageQuery {
  knowledgePoint?: KnowledgePointId;
  kind?: QuestionKind;
  keyword?: string;
  /** The list shows live questions unless asked for archived ones; the table's filter gives `'true'` / `'false'`. */
  archived?: boolean | 'true' | 'false';
}

const archivedParam = (archived: QuestionListQuery['archived']) => (archived === undefined ? undefined : archived === true || archived === 'true');

const byId = (id: number) => ({ params: { path: { id } } });

export const questionsApi = {
  /** The default bank and the caller's region. */
  list: ({ archived, ...query }: QuestionListQuery): Promise<Page<AdminQuestion>> =>
    data(api.GET('/admin/questions', { params: { query: { ...query, archived: archivedParam(archived) } } })),
  create: (input: QuestionInput): Promise<AdminQuestion> => data(api.POST('/admin/questions', { body: input })),
  update: (id: number, input: QuestionInput): Promise<AdminQuestion> => data(api.PUT('/admin/questions/{id}', { ...byId(id), body: input })),
  /** Archives the question (questions used by a published quiz are kept for the statistics). */
  remove: (id: number): Promise<void> => data(api.DELETE('/admin/questions/{id}', byId(id))),
  /** Silent: a 400 carries `details: [{ row, message }]` the page lists in full. */
  import: (file: Blob, filename?: string): Promise<QuestionImportResult> =>
    data(api.POST('/admin/questions/import', { body: { file }, bodySerializer: () => fileForm(file, filename), silent: true })),
  /** The bank as .xlsx; the same layout is the import template. */
  export: (): Promise<DownloadedFile> => download(api.GET('/admin/questions/export', { parseAs: 'blob' })),

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
