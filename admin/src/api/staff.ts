import type { Page, PageQuery, StaffDto, StaffRole } from '@xinqiao/shared';
import { http } from './client';

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

export const staffApi = {
  list: (query: StaffListQuery) => http.get<Page<StaffDto>>('/admin/staff', query),
  create: (input: StaffCreate) => http.post<StaffDto>('/admin/staff', input),
  update: (id: number, input: StaffUpdate) => http.patch<StaffDto>(`/admin/staff/${id}`, input),
  resetPassword: (id: number, password: string) => http.post<void>(`/admin/staff/${id}/reset-password`, { password }),
  unlock: (id: number) => http.post<void>(`/admin/staff/${id}/unlock`),
};
