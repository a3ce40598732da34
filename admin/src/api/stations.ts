import type {
  AdminStation,
  AdminStationQuery,
  Page,
  StationDetail,
  StationException,
  StationExceptionInput,
  StationExceptionQuery,
  StationInput,
  StationListQuery,
  StationSummary,
} from '@xinqiao/shared';
import { http, type RequestOptions } from './client';

type ReadOptions = Pick<RequestOptions, 'silent'>;

export const stationsApi = {
  list: (query: AdminStationQuery, opts?: ReadOptions) => http.get<Page<AdminStation>>('/admin/stations', query, opts),
  get: (id: number, opts?: ReadOptions) => http.get<AdminStation>(`/admin/stations/${id}`, undefined, opts),
  create: (input: StationInput) => http.post<AdminStation>('/admin/stations', input),
  update: (id: number, input: StationInput) => http.put<AdminStation>(`/admin/stations/${id}`, input),
  /** Refused (409) while counsellor profiles or bookings use the station. */
  remove: (id: number) => http.delete(`/admin/stations/${id}`),

  exceptions: (id: number, query: StationExceptionQuery = {}) => http.get<StationException[]>(`/admin/stations/${id}/exceptions`, query),
  /** Sets the date's exception, replacing one already set for that date. */
  putException: (id: number, input: StationExceptionInput) => http.post<StationException>(`/admin/stations/${id}/exceptions`, input),
  removeException: (id: number, exceptionId: number) => http.delete(`/admin/stations/${id}/exceptions/${exceptionId}`),

  /**
   * The public directory (published stations): for staff without stations.manage, e.g. counsellors
   * filtering their calendar, and for the next 14 days of resolved hours shaded behind it.
   */
  publicList: (query: StationListQuery, opts?: ReadOptions) => http.get<Page<StationSummary>>('/stations', query, opts),
  publicDetail: (id: number, opts?: ReadOptions) => http.get<StationDetail>(`/stations/${id}`, undefined, opts),
};
