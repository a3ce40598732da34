import type { AlertColour, AlertDetail, AlertRow, AlertStatus, AlertSummary, CloseAlertInput, FollowUpInput, Page, PageQuery } from '@xinqiao/shared';
import { http, type RequestOptions } from './client';

export interface AlertListQuery extends PageQuery {
  status?: AlertStatus;
  colour?: AlertColour;
  overdue?: boolean;
  regionId?: number;
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
};
