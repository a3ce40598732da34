import type { HolidayDay, HolidayInput } from '@xinqiao/shared';
import { http } from './client';

export const holidaysApi = {
  year: (year: number) => http.get<HolidayDay[]>('/admin/holidays', { year }),
  put: (date: string, input: HolidayInput) => http.put<HolidayDay>(`/admin/holidays/${date}`, input),
  remove: (date: string) => http.delete(`/admin/holidays/${date}`),
};
