import type {
  AdminCounsellor,
  AdminCounsellorQuery,
  CounsellorAccount,
  CounsellorAccountQuery,
  CounsellorInput,
  CounsellorListQuery,
  CounsellorSummary,
  Page,
} from '@xinqiao/shared';
import { http, type RequestOptions } from './client';

type ReadOptions = Pick<RequestOptions, 'silent'>;

export const counsellorsApi = {
  list: (query: AdminCounsellorQuery, opts?: ReadOptions) => http.get<Page<AdminCounsellor>>('/admin/counsellors', query, opts),
  get: (id: number, opts?: ReadOptions) => http.get<AdminCounsellor>(`/admin/counsellors/${id}`, undefined, opts),
  create: (input: CounsellorInput) => http.post<AdminCounsellor>('/admin/counsellors', input),
  /** Publishing needs `publishConsent: true`; the server records when and by whom. */
  update: (id: number, input: CounsellorInput) => http.put<AdminCounsellor>(`/admin/counsellors/${id}`, input),
  remove: (id: number) => http.delete(`/admin/counsellors/${id}`),
  /** Counsellor accounts of the caller's region a profile may link. */
  accounts: (query: CounsellorAccountQuery, opts?: ReadOptions) => http.get<CounsellorAccount[]>('/admin/counsellors/accounts', query, opts),

  /** The profile linked to the signed-in account (counsellors), null without one. */
  mine: async (): Promise<AdminCounsellor | null> => (await http.get<{ counsellor: AdminCounsellor | null }>('/admin/counsellors/mine', undefined, { silent: true })).counsellor,
  /** Published profiles, for staff without stations.manage (a counsellor handing a booking over). */
  publicList: (query: CounsellorListQuery, opts?: ReadOptions) => http.get<Page<CounsellorSummary>>('/counsellors', query, opts),
};
