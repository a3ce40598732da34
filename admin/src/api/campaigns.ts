import { MAX_PAGE_SIZE, type CampaignDashboard, type CampaignDto, type CampaignInput, type Page, type PageQuery } from '@xinqiao/shared';
import { api, data, type ReadOptions } from './client';

const byId = (id: number) => ({ params: { path: { id } } });

export const campaignsApi = {
  list: (query: PageQuery, opts?: ReadOptions): Promise<Page<CampaignDto>> => data(api.GET('/admin/campaigns', { params: { query }, ...opts })),
  get: (id: number): Promise<CampaignDto> => data(api.GET('/admin/campaigns/{id}', byId(id))),
  create: (input: CampaignInput): Promise<CampaignDto> => data(api.POST('/admin/campaigns', { body: input })),
  update: (id: number, input: CampaignInput): Promise<CampaignDto> => data(api.PUT('/admin/campaigns/{id}', { ...byId(id), body: input })),
  remove: (id: number): Promise<void> => data(api.DELETE('/admin/campaigns/{id}', byId(id))),
  dashboard: (id: number): Promise<CampaignDashboard> => data(api.GET('/admin/campaigns/{id}/dashboard', byId(id))),

  /** Up to one full page, for pickers (a quiz's campaign, the awareness filter). */
  async options(opts?: ReadOptions): Promise<CampaignDto[]> {
    return (await campaignsApi.list({ page: 1, pageSize: MAX_PAGE_SIZE }, opts)).items;
  },
};
