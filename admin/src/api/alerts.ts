import type {
  AlertCase,
  AlertColour,
  AlertDetail,
  AlertIndicators,
  AlertIndicatorsQuery,
  AlertRow,
  AlertStatus,
  AlertSummary,
  CloseAlertInput,
  FollowUpDueFilter,
  FollowUpInput,
  FollowUpPlanInput,
  Page,
  PageQuery,
  ReferralInput,
  ReferralOutcomeInput,
  ReferralResponseInput,
  ReferralTarget,
} from '@xinqiao/shared';
import { api, data, download, type DownloadedFile, type ReadOptions } from './client';

export interface AlertListQuery extends PageQuery {
  status?: AlertStatus;
  colour?: AlertColour;
  overdue?: boolean;
  regionId?: number;
  /** 今日待随访 / 已逾期: a counsellor's own claimed alerts, an overseer's region. */
  due?: FollowUpDueFilter;
}

const byId = (id: number) => ({ params: { path: { id } } });

export const alertsApi = {
  list: (query: AlertListQuery, opts?: ReadOptions): Promise<Page<AlertRow>> => data(api.GET('/admin/alerts', { params: { query }, ...opts })),
  summary: (opts?: ReadOptions): Promise<AlertSummary> => data(api.GET('/admin/alerts/summary', { ...opts })),
  /** Audited on the server: every call is one "viewed the answers and contact details" entry. */
  get: (id: number): Promise<AlertDetail> => data(api.GET('/admin/alerts/{id}', byId(id))),
  claim: (id: number): Promise<AlertDetail> => data(api.POST('/admin/alerts/{id}/claim', { ...byId(id), silent: true })),
  followUp: (id: number, input: FollowUpInput): Promise<AlertDetail> => data(api.POST('/admin/alerts/{id}/follow-ups', { ...byId(id), body: input })),
  close: (id: number, input: CloseAlertInput): Promise<AlertDetail> => data(api.POST('/admin/alerts/{id}/close', { ...byId(id), body: input })),
  setPlan: (id: number, input: FollowUpPlanInput): Promise<AlertDetail> => data(api.PUT('/admin/alerts/{id}/plan', { ...byId(id), body: input })),
  referralTargets: (): Promise<ReferralTarget[]> => data(api.GET('/admin/alerts/referral-targets')),
  refer: (id: number, input: ReferralInput): Promise<AlertDetail> => data(api.POST('/admin/alerts/{id}/referrals', { ...byId(id), body: input })),
  referralResponse: (id: number, referralId: number, input: ReferralResponseInput): Promise<AlertDetail> =>
    data(api.POST('/admin/alerts/{id}/referrals/{referralId}/response', { params: { path: { id, referralId } }, body: input })),
  referralOutcome: (id: number, referralId: number, input: ReferralOutcomeInput): Promise<AlertDetail> =>
    data(api.POST('/admin/alerts/{id}/referrals/{referralId}/outcome', { params: { path: { id, referralId } }, body: input })),
  /** 一户一档. Audited on the server: fetch it once per opening. */
  caseView: (id: number): Promise<AlertCase> => data(api.GET('/admin/alerts/{id}/case', byId(id))),
  indicators: (query: AlertIndicatorsQuery): Promise<AlertIndicators> => data(api.GET('/admin/alerts/indicators', { params: { query } })),
  exportIndicators: (query: AlertIndicatorsQuery): Promise<DownloadedFile> =>
    download(api.GET('/admin/alerts/indicators/export', { params: { query }, parseAs: 'blob' })),
};
