import type { RegionDto, UrbanRural } from '@xinqiao/shared';
import { http } from './client';

export interface RegionFields {
  name: string;
  code?: string | null;
  urbanRural?: UrbanRural | null;
  population?: number | null;
  urbanPopulation?: number | null;
}

export interface RegionCreate extends RegionFields {
  parentId: number;
}

export const regionsApi = {
  /** The caller's region subtree, flat (see `buildRegionTree`). */
  list: () => http.get<RegionDto[]>('/admin/regions'),
  create: (input: RegionCreate) => http.post<RegionDto>('/admin/regions', input),
  update: (id: number, input: Partial<RegionFields>) => http.patch<RegionDto>(`/admin/regions/${id}`, input),
  remove: (id: number) => http.delete(`/admin/regions/${id}`),
};
