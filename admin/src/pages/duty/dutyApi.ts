import type { AlertDispatchEvent, DutyCandidate, DutyEntry, DutyEntryInput, DutyNow } from '@xinqiao/shared';
import { http } from '../../api/client';

/** Duty rosters (值班表) and an alert's dispatch timeline. */
export const dutyApi = {
  list: (regionId: number) => http.get<DutyEntry[]>('/admin/duty', { regionId }),
  now: (regionId: number) => http.get<DutyNow>('/admin/duty/now', { regionId }, { silent: true }),
  candidates: (regionId: number) => http.get<DutyCandidate[]>('/admin/duty/candidates', { regionId }),
  create: (input: DutyEntryInput) => http.post<DutyEntry>('/admin/duty', input),
  update: (id: number, input: DutyEntryInput) => http.put<DutyEntry>(`/admin/duty/${id}`, input),
  remove: (id: number) => http.delete(`/admin/duty/${id}`),
  /** Who was notified of an alert at which step: staff names only. */
  dispatchTimeline: (alertId: number) => http.get<AlertDispatchEvent[]>(`/admin/alerts/${alertId}/dispatch`, undefined, { silent: true }),
};
