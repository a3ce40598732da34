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
import { download, http, type RequestOptions } from './client';

type ReadOptions = Pick<RequestOptions, 'silent'>;

/** The settings of one kind as PUT /settings/:kind takes them (the kind is in the path). */
export type BookingKindSettingsInput = Omit<BookingKindSettings, 'kind'>;

export const bookingsApi = {
  /** Region-scoped; counsellors see their own and their region's call-backs. The calendar asks `from`/`to`. */
  list: (query: AdminBookingQuery, opts?: ReadOptions) => http.get<Page<BookingRow>>('/admin/bookings', query, opts),
  /** Audited on the server: fetch once per opening. `intake` is null unless the caller is the assigned counsellor. */
  get: (id: number, opts?: ReadOptions) => http.get<BookingDetail>(`/admin/bookings/${id}`, undefined, opts),
  attended: (id: number) => http.post<BookingDetail>(`/admin/bookings/${id}/attended`, {}),
  noShow: (id: number) => http.post<BookingDetail>(`/admin/bookings/${id}/no-show`, {}),
  cancel: (id: number, reason: string) => http.post<BookingDetail>(`/admin/bookings/${id}/cancel`, { reason }),
  handover: (id: number, counsellorId: number) => http.post<BookingDetail>(`/admin/bookings/${id}/handover`, { counsellorId }),

  /** Session notes: the assigned counsellor only; encrypted at rest, every read audited. */
  notes: (id: number, opts?: ReadOptions) => http.get<SessionNote[]>(`/admin/bookings/${id}/notes`, undefined, opts),
  addNote: (id: number, text: string) => http.post<SessionNote>(`/admin/bookings/${id}/notes`, { text }),

  stats: (query: BookingStatsQuery) => http.get<BookingStats>('/admin/bookings/stats', query),
  exportStats: (query: BookingStatsQuery) => download('/admin/bookings/stats/export', query),

  settings: () => http.get<BookingKindSettings[]>('/admin/bookings/settings'),
  putSettings: (kind: BookingKind, input: BookingKindSettingsInput) => http.put<BookingKindSettings>(`/admin/bookings/settings/${kind}`, input),
};
