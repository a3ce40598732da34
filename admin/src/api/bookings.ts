import type {
  AdminBookingQuery,
  BookingDetail,
  BookingKind,
  BookingKindSettings,
  BookingRow,
  BookingStats,
  BookingStatsQuery,
  Page,
  SessionNote,
} from '@xinqiao/shared';
import { api, data, download, type DownloadedFile, type ReadOptions } from './client';

/** The settings of one kind as PUT /settings/:kind takes them (the kind is in the path). */
export type BookingKindSettingsInput = Omit<BookingKindSettings, 'kind'>;

const byId = (id: number) => ({ params: { path: { id } } });

export const bookingsApi = {
  /** Region-scoped; counsellors see their own and their region's call-backs. The calendar asks `from`/`to`. */
  list: (query: AdminBookingQuery, opts?: ReadOptions): Promise<Page<BookingRow>> => data(api.GET('/admin/bookings', { params: { query }, ...opts })),
  /** Audited on the server: fetch once per opening. `intake` is null unless the caller is the assigned counsellor. */
  get: (id: number, opts?: ReadOptions): Promise<BookingDetail> => data(api.GET('/admin/bookings/{id}', { ...byId(id), ...opts })),
  attended: (id: number): Promise<BookingDetail> => data(api.POST('/admin/bookings/{id}/attended', byId(id))),
  noShow: (id: number): Promise<BookingDetail> => data(api.POST('/admin/bookings/{id}/no-show', byId(id))),
  cancel: (id: number, reason: string): Promise<BookingDetail> => data(api.POST('/admin/bookings/{id}/cancel', { ...byId(id), body: { reason } })),
  handover: (id: number, counsellorId: number): Promise<BookingDetail> =>
    data(api.POST('/admin/bookings/{id}/handover', { ...byId(id), body: { counsellorId } })),

  /** Session notes: the assigned counsellor only; encrypted at rest, every read audited. */
  notes: (id: number, opts?: ReadOptions): Promise<SessionNote[]> => data(api.GET('/admin/bookings/{id}/notes', { ...byId(id), ...opts })),
  addNote: (id: number, text: string): Promise<SessionNote> => data(api.POST('/admin/bookings/{id}/notes', { ...byId(id), body: { text } })),

  stats: (query: BookingStatsQuery): Promise<BookingStats> => data(api.GET('/admin/bookings/stats', { params: { query } })),
  exportStats: (query: BookingStatsQuery): Promise<DownloadedFile> => download(api.GET('/admin/bookings/stats/export', { params: { query }, parseAs: 'blob' })),

  settings: (): Promise<BookingKindSettings[]> => data(api.GET('/admin/bookings/settings')),
  putSettings: (kind: BookingKind, input: BookingKindSettingsInput): Promise<BookingKindSettings> =>
    data(api.PUT('/admin/bookings/settings/{kind}', { params: { path: { kind } }, body: input })),
};
