import type { AlertDispatchEvent, DutyCandidate, DutyEntry, DutyEntryInput, DutyNow } from '@xinqiao/shared';
import { api, data } from '../../api/client';

const byId = (id: number) => ({ params: { path: { id } } });

/** Duty rosters (值班表) and an alert's dispatch timeline. */
export const dutyApi = {
  list: (regionId: number): Promise<DutyEntry[]> => data(api.GET('/admin/duty', { params: { query: { regionId } } })),
  now: (regionId: number): Promise<DutyNow> => data(api.GET('/admin/duty/now', { params: { query: { regionId } }, silent: true })),
  candidates: (regionId: number): Promise<DutyCandidate[]> => data(api.GET('/admin/duty/candidates', { params: { query: { regionId } } })),
  create: (input: DutyEntryInput): Promise<DutyEntry> => data(api.POST('/admin/duty', { body: input })),
  update: (id: number, input: DutyEntryInput): Promise<DutyEntry> => data(api.PUT('/admin/duty/{id}', { ...byId(id), body: input })),
  remove: (id: number): Promise<void> => data(api.DELETE('/admin/duty/{id}', byId(id))),
  /** Who was notified of an alert at which step: staff names only. */
  dispatchTimeline: (alertId: number): Promise<AlertDispatchEvent[]> =>
    data(api.GET('/admin/alerts/{id}/dispatch', { params: { path: { id: alertId } }, silent: true })),
};
