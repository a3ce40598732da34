import type { Hotline, HotlineInput } from '@xinqiao/shared';
import { http } from './client';

export const hotlinesApi = {
  /** National lines (read-only, negative ids) and the lines of the caller's region subtree. */
  list: (query: { regionId?: number }) => http.get<Hotline[]>('/admin/hotlines', query),
  create: (input: HotlineInput) => http.post<Hotline>('/admin/hotlines', input),
  update: (id: number, input: HotlineInput) => http.put<Hotline>(`/admin/hotlines/${id}`, input),
  remove: (id: number) => http.delete(`/admin/hotlines/${id}`),

  /** The public list (national lines and those of the region and its ancestors), for staff without hotlines.manage. */
  publicList: (query: { regionId?: number }) => http.get<Hotline[]>('/hotlines', query),
};
