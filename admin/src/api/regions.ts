import type { RegionDto, UrbanRural } from '@xinqiao/shared';
import { api, data } from './client';

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

const byId = (id: number) => ({ params: { path: { id } } });

export const regionsApi = {
  /** The caller's region subtree, flat (see `buildRegionTree`). */
  list: (): Promise<RegionDto[]> => data(api.GET('/admin/regions')),
  create: (input: RegionCreate): Promise<RegionDto> => data(api.POST('/admin/regions', { body: input })),
  update: (id: number, input: Partial<RegionFields>): Promise<RegionDto> => data(api.PATCH('/admin/regions/{id}', { ...byId(id), body: input })),
  remove: (id: number): Promise<void> => data(api.DELETE('/admin/regions/{id}', byId(id))),
};
