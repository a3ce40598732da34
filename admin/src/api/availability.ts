import type { AvailabilityBlock, AvailabilityBlockInput, AvailabilityException, AvailabilityExceptionInput } from '@xinqiao/shared';
import { api, data } from './client';

const byCounsellor = (id: number) => ({ params: { path: { id } } });

/** A counsellor's bookable time: stations.manage for counsellors at one's stations, bookings.handle for one's own. */
export const availabilityApi = {
  week: (counsellorId: number): Promise<AvailabilityBlock[]> => data(api.GET('/admin/counsellors/{id}/availability', byCounsellor(counsellorId))),
  /** Replaces the whole week. */
  putWeek: (counsellorId: number, blocks: AvailabilityBlockInput[]): Promise<AvailabilityBlock[]> =>
    data(api.PUT('/admin/counsellors/{id}/availability', { ...byCounsellor(counsellorId), body: blocks })),
  exceptions: (counsellorId: number, query: { from?: string; to?: string } = {}): Promise<AvailabilityException[]> =>
    data(api.GET('/admin/counsellors/{id}/availability/exceptions', { params: { path: { id: counsellorId }, query } })),
  /** Sets the date's exception, replacing one already set for that date. */
  putException: (counsellorId: number, input: AvailabilityExceptionInput): Promise<AvailabilityException> =>
    data(api.PUT('/admin/counsellors/{id}/availability/exceptions', { ...byCounsellor(counsellorId), body: input })),
  removeException: (counsellorId: number, exceptionId: number): Promise<void> =>
    data(api.DELETE('/admin/counsellors/{id}/availability/exceptions/{exceptionId}', { params: { path: { id: counsellorId, exceptionId } } })),
};
