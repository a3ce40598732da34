import type {
  ArticleCategory,
  ArticleDetail,
  ArticleSummary,
  Page,
  RegionDto,
  ResidentDataExport,
  ResidentProfile,
  UpdateResidentProfile,
} from '@xinqiao/shared';
import { call } from './request';
import { saveResident } from './session';

export interface ArticleQuery {
  category?: ArticleCategory;
  page?: number;
  pageSize?: number;
}

export function listArticles(query: ArticleQuery, options: { toast?: boolean } = {}): Promise<Page<ArticleSummary>> {
  return call('GET', '/articles', { params: { query }, auth: 'optional', toast: options.toast });
}

export function getArticle(id: number): Promise<ArticleDetail> {
  return call('GET', '/articles/{id}', { params: { path: { id } }, auth: 'optional', toast: false });
}

export function listRegions(): Promise<RegionDto[]> {
  return call('GET', '/regions', { auth: 'none' });
}

export async function getMe(): Promise<ResidentProfile> {
  const me: ResidentProfile = await call('GET', '/me', { auth: 'required', toast: false });
  saveResident(me);
  return me;
}

export async function updateMe(patch: UpdateResidentProfile): Promise<ResidentProfile> {
  const me: ResidentProfile = await call('PATCH', '/me', { body: patch, auth: 'required' });
  saveResident(me);
  return me;
}

/** Everything the server holds about the resident. */
export function exportMe(): Promise<ResidentDataExport> {
  return call('GET', '/me/export', { auth: 'required', toast: false });
}

export function deleteMe(): Promise<void> {
  return call('DELETE', '/me', { auth: 'required' });
}
