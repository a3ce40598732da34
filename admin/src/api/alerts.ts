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
import { download, http, type RequestOptions } from './client';

export interface AlertListQuery extends PageQuery {
  status?: AlertStatus;
  colour?: AlertColour;
  overdue?: boolean;
  regionId?: number;
  /** 今日待随访 / 已逾期: a counsellor's own claimed alerts, an overseer's region. */
  due?: FollowUpDueFilter;
}

type ReadOptions = Pick<RequestOptions, 'silent'>;

export const alertsApi = {
  list: (query: AlertListQuery, opts?: ReadOptions) => http.get<Page<AlertRow>>('/admin/alerts', query, opts),
  summary: (opts?: ReadOptions) => http.get<AlertSummary>('/admin/alerts/summary', undefined, opts),
  /** Audited on the server: every call is one "viewed the answers and contact details" entry. */
  get: (id: number) => http.get<AlertDetail>(`/admin/alerts/${id}`),
  claim: (id: number) => http.post<AlertDetail>(`/admin/alerts/${id}/claim`, undefined, { silent: true }),
  followUp: (id: number, input: FollowUpInput) => http.post<AlertDetail>(`/admin/alerts/${id}/follow-ups`, input),
  close: (id: number, input: CloseAlertInput) => http.post<AlertDetail>(`/admin/alerts/${id}/close`, input),
  setPlan: (id: number, input: FollowUpPlanInput) => http.put<AlertDetail>(`/admin/alerts/${id}/plan`, input),
  referralTargets: () => http.get<ReferralTarget[]>('/admin/alerts/referral-targets'),
  refer: (id: number, input: ReferralInput) => http.post<AlertDetail>(`/admin/alerts/${id}/referrals`, input),
  referralResponse: (id: number, referralId: number, input: ReferralResponseInput) => http.post<AlertDetail>(`/admin/alerts/${id}/referrals/${referralId}/response`, input),
  referralOutcome: (id: number, referralId: number, input: ReferralOutcomeInput) => http.post<AlertDetail>(`/admin/alerts/${id}/referrals/${referralId}/outcome`, input),
  /** 一户一档. Audited on the server: fetch it once per opening. */
  caseView: (id: number) => http.get<AlertCase>(`/admin/alerts/${id}/case`),
  indicators: (query: AlertIndicatorsQuery) => http.get<AlertIndicators>('/admin/alerts/indicators', query),
  exportIndicators: (query: AlertIndicatorsQuery) => download('/admin/alerts/indicators/export', query),
};
