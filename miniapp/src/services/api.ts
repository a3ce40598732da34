import type {
  ArticleCategory,
  ArticleDetail,
  ArticleSummary,
  Page,
  RegionDto,
  ResidentProfile,
  UpdateResidentProfile,
} from '@xinqiao/shared'
import { request } from './request'
import { saveResident } from './session'

export interface ArticleQuery {
  category?: ArticleCategory
  page?: number
  pageSize?: number
}

export function listArticles(query: ArticleQuery, options: { toast?: boolean } = {}): Promise<Page<ArticleSummary>> {
  return request<Page<ArticleSummary>>('/articles', { query: { ...query }, auth: 'optional', toast: options.toast })
}

export function getArticle(id: number): Promise<ArticleDetail> {
  return request<ArticleDetail>(`/articles/${id}`, { auth: 'optional', toast: false })
}

export function listRegions(): Promise<RegionDto[]> {
  return request<RegionDto[]>('/regions', { auth: 'none' })
}

export async function getMe(): Promise<ResidentProfile> {
  const me = await request<ResidentProfile>('/me', { auth: 'required', toast: false })
  saveResident(me)
  return me
}

export async function updateMe(patch: UpdateResidentProfile): Promise<ResidentProfile> {
  const me = await request<ResidentProfile>('/me', { method: 'PATCH', data: patch, auth: 'required' })
  saveResident(me)
  return me
}

/** Everything the server holds about the resident. */
export function exportMe(): Promise<unknown> {
  return request<unknown>('/me/export', { auth: 'required', toast: false })
}

export function deleteMe(): Promise<void> {
  return request<void>('/me', { method: 'DELETE', auth: 'required' })
}
