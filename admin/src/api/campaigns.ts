import { MAX_PAGE_SIZE, type CampaignDashboard, type CampaignDto, type CampaignInput, type Page, type PageQuery } from '@xinqiao/shared';
import { http, type RequestOptions } from './client';

type ReadOptions = Pick<RequestOptions, 'silent'>;

export const campaignsApi = {
  list: (query: PageQuery, opts?: ReadOptions) => http.get<Page<CampaignDto>>('/admin/campaigns', query, opts),
  get: (id: number) => http.get<CampaignDto>(`/admin/campaigns/${id}`),
  create: (input: CampaignInput) => http.post<CampaignDto>('/admin/campaigns', input),
  update: (id: number, input: CampaignInput) => http.put<CampaignDto>(`/admin/campaigns/${id}`, input),
  remove: (id: number) => http.delete(`/admin/campaigns/${id}`),
  dashboard: (id: number) => http.get<CampaignDashboard>(`/admin/campaigns/${id}/dashboard`),

  /** Up to one full page, for pickers (a quiz's campaign, the awareness filter). */
  async options(opts?: ReadOptions): Promise<CampaignDto[]> {
    return (await campaignsApi.list({ page: 1, pageSize: MAX_PAGE_SIZE }, opts)).items;
  },
};
