import type {
  AdminEvent,
  AdminEventListQuery,
  AdminEventRow,
  AttendeeQuery,
  AttendeeRow,
  CheckinKit,
  CoverageDto,
  CoverageQuery,
  EventCancelInput,
  EventInput,
  EventNotificationQuery,
  EventNotificationRow,
  EventStatsDto,
  EventStatsQuery,
  HostUnitDto,
  HostUnitInput,
  HostUnitQuery,
  Page,
  ScreenCodeDto,
  StaffCheckinBatchInput,
  StaffCheckinItemResult,
} from '@xinqiao/shared';
import { download, http, type RequestOptions } from './client';

type ReadOptions = Pick<RequestOptions, 'silent'>;

export const eventsApi = {
  list: (query: AdminEventListQuery) => http.get<Page<AdminEventRow>>('/admin/events', query),
  get: (id: number, opts?: ReadOptions) => http.get<AdminEvent>(`/admin/events/${id}`, undefined, opts),
  create: (input: EventInput) => http.post<AdminEvent>('/admin/events', input),
  /** Send the `version` read with the event: a stale one answers 409. */
  update: (id: number, input: EventInput) => http.put<AdminEvent>(`/admin/events/${id}`, input),
  publish: (id: number) => http.post<AdminEvent>(`/admin/events/${id}/publish`),
  cancel: (id: number, input: EventCancelInput) => http.post<AdminEvent>(`/admin/events/${id}/cancel`, input),
  /** Drafts only. */
  remove: (id: number) => http.delete(`/admin/events/${id}`),

  attendees: (id: number, query: AttendeeQuery) => http.get<Page<AttendeeRow>>(`/admin/events/${id}/registrations`, query),
  exportAttendees: (id: number, query: Omit<AttendeeQuery, 'page' | 'pageSize'>) => download(`/admin/events/${id}/registrations/export`, query),
  notifications: (id: number, query: EventNotificationQuery) => http.get<Page<EventNotificationRow>>(`/admin/events/${id}/notifications`, query),
  /** The event's own mini-program code (PNG), fetched with the bearer token. */
  wxacode: (id: number) => download(`/admin/events/${id}/wxacode`, undefined, { silent: true }),

  checkinKit: (id: number, opts?: ReadOptions) => http.get<CheckinKit>(`/admin/events/${id}/checkin-kit`, undefined, opts),
  checkins: (id: number, input: StaffCheckinBatchInput, opts?: ReadOptions) =>
    http.post<StaffCheckinItemResult[]>(`/admin/events/${id}/checkins`, input, opts),
  screenCode: (id: number, opts?: ReadOptions) => http.get<ScreenCodeDto>(`/admin/events/${id}/checkin-code`, undefined, opts),

  stats: (query: EventStatsQuery) => http.get<EventStatsDto>('/admin/events/stats', query),
  coverage: (query: CoverageQuery) => http.get<CoverageDto>('/admin/events/coverage', query),
};

export const hostUnitsApi = {
  list: (query: HostUnitQuery, opts?: ReadOptions) => http.get<Page<HostUnitDto>>('/admin/host-units', query, opts),
  create: (input: HostUnitInput) => http.post<HostUnitDto>('/admin/host-units', input),
  update: (id: number, input: HostUnitInput) => http.put<HostUnitDto>(`/admin/host-units/${id}`, input),
  remove: (id: number) => http.delete(`/admin/host-units/${id}`),
};
