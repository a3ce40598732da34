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
import { api, data, type ReadOptions } from './client';

const byId = (id: number) => ({ params: { path: { id } } });

export const counsellorsApi = {
  list: (query: AdminCounsellorQuery, opts?: ReadOptions): Promise<Page<AdminCounsellor>> =>
    data(api.GET('/admin/counsellors', { params: { query }, ...opts })),
  get: (id: number, opts?: ReadOptions): Promise<AdminCounsellor> => data(api.GET('/admin/counsellors/{id}', { ...byId(id), ...opts })),
  create: (input: CounsellorInput): Promise<AdminCounsellor> => data(api.POST('/admin/counsellors', { body: input })),
  /** Publishing needs `publishConsent: true`; the server records when and by whom. */
  update: (id: number, input: CounsellorInput): Promise<AdminCounsellor> => data(api.PUT('/admin/counsellors/{id}', { ...byId(id), body: input })),
  remove: (id: number): Promise<void> => data(api.DELETE('/admin/counsellors/{id}', byId(id))),
  /** Counsellor accounts of the caller's region a profile may link. */
  accounts: (query: CounsellorAccountQuery, opts?: ReadOptions): Promise<CounsellorAccount[]> =>
    data(api.GET('/admin/counsellors/accounts', { params: { query }, ...opts })),

  /** The profile linked to the signed-in account (counsellors), null without one. */
  mine: async (): Promise<AdminCounsellor | null> => {
    const answer: { counsellor: AdminCounsellor | null } = await data(api.GET('/admin/counsellors/mine', { silent: true }));
    return answer.counsellor;
  },
  /** Published profiles, for staff without stations.manage (a counsellor handing a booking over). */
  publicList: (query: CounsellorListQuery, opts?: ReadOptions): Promise<Page<CounsellorSummary>> =>
    data(api.GET('/counsellors', { params: { query }, ...opts })),
};
