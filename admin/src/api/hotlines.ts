import type { Hotline, HotlineInput } from '@xinqiao/shared';
import { api, data } from './client';

const byId = (id: number) => ({ params: { path: { id } } });

export const hotlinesApi = {
  /** National lines (read-only, negative ids) and the lines of the caller's region subtree. */
  list: (query: { regionId?: number }): Promise<Hotline[]> => data(api.GET('/admin/hotlines', { params: { query } })),
  create: (input: HotlineInput): Promise<Hotline> => data(api.POST('/admin/hotlines', { body: input })),
  update: (id: number, input: HotlineInput): Promise<Hotline> => data(api.PUT('/admin/hotlines/{id}', { ...byId(id), body: input })),
  remove: (id: number): Promise<void> => data(api.DELETE('/admin/hotlines/{id}', byId(id))),

  /** The public list (national lines and those of the region and its ancestors), for staff without hotlines.manage. */
  publicList: (query: { regionId?: number }): Promise<Hotline[]> => data(api.GET('/hotlines', { params: { query } })),
};
