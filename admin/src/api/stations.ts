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
import { api, data, type ReadOptions } from './client';

const byId = (id: number) => ({ params: { path: { id } } });

export const stationsApi = {
  list: (query: AdminStationQuery, opts?: ReadOptions): Promise<Page<AdminStation>> => data(api.GET('/admin/stations', { params: { query }, ...opts })),
  get: (id: number, opts?: ReadOptions): Promise<AdminStation> => data(api.GET('/admin/stations/{id}', { ...byId(id), ...opts })),
  create: (input: StationInput): Promise<AdminStation> => data(api.POST('/admin/stations', { body: input })),
  update: (id: number, input: StationInput): Promise<AdminStation> => data(api.PUT('/admin/stations/{id}', { ...byId(id), body: input })),
  /** Refused (409) while counsellor profiles or bookings use the station. */
  remove: (id: number): Promise<void> => data(api.DELETE('/admin/stations/{id}', byId(id))),

  exceptions: (id: number, query: StationExceptionQuery = {}): Promise<StationException[]> =>
    data(api.GET('/admin/stations/{id}/exceptions', { params: { path: { id }, query } })),
  /** Sets the date's exception, replacing one already set for that date. */
  putException: (id: number, input: StationExceptionInput): Promise<StationException> =>
    data(api.POST('/admin/stations/{id}/exceptions', { ...byId(id), body: input })),
  removeException: (id: number, exceptionId: number): Promise<void> =>
    data(api.DELETE('/admin/stations/{id}/exceptions/{exceptionId}', { params: { path: { id, exceptionId } } })),

  /**
   * The public directory (published stations): for staff without stations.manage, e.g. counsellors
   * filtering their calendar, and for the next 14 days of resolved hours shaded behind it.
   */
  publicList: (query: StationListQuery, opts?: ReadOptions): Promise<Page<StationSummary>> => data(api.GET('/stations', { params: { query }, ...opts })),
  publicDetail: (id: number, opts?: ReadOptions): Promise<StationDetail> => data(api.GET('/stations/{id}', { ...byId(id), ...opts })),
};
