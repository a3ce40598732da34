import type { Page, PageQuery, StaffDto, StaffRole } from '@xinqiao/shared';
import { api, data } from './client';

export interface StaffListQuery extends PageQuery {
  role?: StaffRole;
  regionId?: number;
  keyword?: string;
}

export interface StaffCreate {
  username: string;
  displayName: string;
  role: StaffRole;
  regionId: number;
  password: string;
}

export interface StaffUpdate {
  displayName?: string;
  role?: StaffRole;
  regionId?: number;
  disabled?: boolean;
}

const byId = (id: number) => ({ params: { path: { id } } });

export const staffApi = {
  list: (query: StaffListQuery): Promise<Page<StaffDto>> => data(api.GET('/admin/staff', { params: { query } })),
  create: (input: StaffCreate): Promise<StaffDto> => data(api.POST('/admin/staff', { body: input })),
  update: (id: number, input: StaffUpdate): Promise<StaffDto> => data(api.PATCH('/admin/staff/{id}', { ...byId(id), body: input })),
  resetPassword: (id: number, password: string): Promise<StaffDto> => data(api.POST('/admin/staff/{id}/reset-password', { ...byId(id), body: { password } })),
  unlock: (id: number): Promise<StaffDto> => data(api.POST('/admin/staff/{id}/unlock', byId(id))),
};
