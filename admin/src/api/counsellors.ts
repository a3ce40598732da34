import type { AdminCounsellor, AdminCounsellorQuery, CounsellorAccount, CounsellorAccountQuery, CounsellorInput, Page } from '@xinqiao/shared';
import { http, type RequestOptions } from './client';

type ReadOptions = Pick<RequestOptions, 'silent'>;

export const counsellorsApi = {
  list: (query: AdminCounsellorQuery) => http.get<Page<AdminCounsellor>>('/admin/counsellors', query),
  get: (id: number, opts?: ReadOptions) => http.get<AdminCounsellor>(`/admin/counsellors/${id}`, undefined, opts),
  create: (input: CounsellorInput) => http.post<AdminCounsellor>('/admin/counsellors', input),
  /** Publishing needs `publishConsent: true`; the server records when and by whom. */
  update: (id: number, input: CounsellorInput) => http.put<AdminCounsellor>(`/admin/counsellors/${id}`, input),
  remove: (id: number) => http.delete(`/admin/counsellors/${id}`),
  /** Counsellor accounts of the caller's region a profile may link. */
  accounts: (query: CounsellorAccountQuery, opts?: ReadOptions) => http.get<CounsellorAccount[]>('/admin/counsellors/accounts', query, opts),
};
