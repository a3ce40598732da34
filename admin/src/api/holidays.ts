import type { HolidayDay, HolidayInput } from '@xinqiao/shared';
import { api, data } from './client';

export const holidaysApi = {
  year: (year: number): Promise<HolidayDay[]> => data(api.GET('/admin/holidays', { params: { query: { year } } })),
  put: (date: string, input: HolidayInput): Promise<HolidayDay> => data(api.PUT('/admin/holidays/{date}', { params: { path: { date } }, body: input })),
  remove: (date: string): Promise<void> => data(api.DELETE('/admin/holidays/{date}', { params: { path: { date } } })),
};
