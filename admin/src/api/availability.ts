import type { AvailabilityBlock, AvailabilityBlockInput, AvailabilityException, AvailabilityExceptionInput } from '@xinqiao/shared';
import { http } from './client';

/** A counsellor's bookable time: stations.manage for counsellors at one's stations, bookings.handle for one's own. */
export const availabilityApi = {
  week: (counsellorId: number) => http.get<AvailabilityBlock[]>(`/admin/counsellors/${counsellorId}/availability`),
  /** Replaces the whole week. */
  putWeek: (counsellorId: number, blocks: AvailabilityBlockInput[]) => http.put<AvailabilityBlock[]>(`/admin/counsellors/${counsellorId}/availability`, blocks),
  exceptions: (counsellorId: number, query: { from?: string; to?: string } = {}) =>
    http.get<AvailabilityException[]>(`/admin/counsellors/${counsellorId}/availability/exceptions`, query),
  /** Sets the date's exception, replacing one already set for that date. */
  putException: (counsellorId: number, input: AvailabilityExceptionInput) =>
    http.put<AvailabilityException>(`/admin/counsellors/${counsellorId}/availability/exceptions`, input),
  removeException: (counsellorId: number, exceptionId: number) => http.delete(`/admin/counsellors/${counsellorId}/availability/exceptions/${exceptionId}`),
};
