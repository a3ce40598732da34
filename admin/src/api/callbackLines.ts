import type { CallbackLine, CallbackLineInput } from '@xinqiao/shared';
import { http } from './client';

/** Hotlines that offer call-backs, kept by stations.manage (region-scoped). */
export const callbackLinesApi = {
  list: () => http.get<CallbackLine[]>('/admin/callback-lines'),
  create: (input: CallbackLineInput) => http.post<CallbackLine>('/admin/callback-lines', input),
  update: (id: number, input: CallbackLineInput) => http.put<CallbackLine>(`/admin/callback-lines/${id}`, input),
  remove: (id: number) => http.delete(`/admin/callback-lines/${id}`),
};
