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
import { api, data, download, type DownloadedFile, type ReadOptions } from './client';

const byId = (id: number) => ({ params: { path: { id } } });

export const eventsApi = {
  list: (query: AdminEventListQuery): Promise<Page<AdminEventRow>> => data(api.GET('/admin/events', { params: { query } })),
  get: (id: number, opts?: ReadOptions): Promise<AdminEvent> => data(api.GET('/admin/events/{id}', { ...byId(id), ...opts })),
  create: (input: EventInput): Promise<AdminEvent> => data(api.POST('/admin/events', { body: input })),
  /** Send the `version` read with the event: a stale one answers 409. */
  update: (id: number, input: EventInput): Promise<AdminEvent> => data(api.PUT('/admin/events/{id}', { ...byId(id), body: input })),
  publish: (id: number): Promise<AdminEvent> => data(api.POST('/admin/events/{id}/publish', byId(id))),
  cancel: (id: number, input: EventCancelInput): Promise<AdminEvent> => data(api.POST('/admin/events/{id}/cancel', { ...byId(id), body: input })),
  /** Drafts only. */
  remove: (id: number): Promise<void> => data(api.DELETE('/admin/events/{id}', byId(id))),

  attendees: (id: number, query: AttendeeQuery): Promise<Page<AttendeeRow>> =>
    data(api.GET('/admin/events/{id}/registrations', { params: { path: { id }, query } })),
  exportAttendees: (id: number, query: Omit<AttendeeQuery, 'page' | 'pageSize'>): Promise<DownloadedFile> =>
    download(api.GET('/admin/events/{id}/registrations/export', { params: { path: { id }, query }, parseAs: 'blob' })),
  notifications: (id: number, query: EventNotificationQuery): Promise<Page<EventNotificationRow>> =>
    data(api.GET('/admin/events/{id}/notifications', { params: { path: { id }, query } })),
  /** The event's own mini-program code (PNG), fetched with the bearer token. */
  wxacode: (id: number): Promise<DownloadedFile> => download(api.GET('/admin/events/{id}/wxacode', { ...byId(id), parseAs: 'blob', silent: true })),

  checkinKit: (id: number, opts?: ReadOptions): Promise<CheckinKit> => data(api.GET('/admin/events/{id}/checkin-kit', { ...byId(id), ...opts })),
  checkins: (id: number, input: StaffCheckinBatchInput, opts?: ReadOptions): Promise<StaffCheckinItemResult[]> =>
    data(api.POST('/admin/events/{id}/checkins', { ...byId(id), body: input, ...opts })),
  screenCode: (id: number, opts?: ReadOptions): Promise<ScreenCodeDto> => data(api.GET('/admin/events/{id}/checkin-code', { ...byId(id), ...opts })),

  stats: (query: EventStatsQuery): Promise<EventStatsDto> => data(api.GET('/admin/events/stats', { params: { query } })),
  coverage: (query: CoverageQuery): Promise<CoverageDto> => data(api.GET('/admin/events/coverage', { params: { query } })),
};

export const hostUnitsApi = {
  list: (query: HostUnitQuery, opts?: ReadOptions): Promise<Page<HostUnitDto>> => data(api.GET('/admin/host-units', { params: { query }, ...opts })),
  create: (input: HostUnitInput): Promise<HostUnitDto> => data(api.POST('/admin/host-units', { body: input })),
  update: (id: number, input: HostUnitInput): Promise<HostUnitDto> => data(api.PUT('/admin/host-units/{id}', { ...byId(id), body: input })),
  remove: (id: number): Promise<void> => data(api.DELETE('/admin/host-units/{id}', byId(id))),
};
