import type { CallbackLine, CallbackLineInput } from '@xinqiao/shared';
import { api, data } from './client';

const byId = (id: number) => ({ params: { path: { id } } });

/** Hotlines that offer call-backs, kept by stations.manage (region-scoped). */
export const callbackLinesApi = {
  list: (): Promise<CallbackLine[]> => data(api.GET('/admin/callback-lines')),
  create: (input: CallbackLineInput): Promise<CallbackLine> => data(api.POST('/admin/callback-lines', { body: input })),
  update: (id: number, input: CallbackLineInput): Promise<CallbackLine> => data(api.PUT('/admin/callback-lines/{id}', { ...byId(id), body: input })),
  remove: (id: number): Promise<void> => data(api.DELETE('/admin/callback-lines/{id}', byId(id))),
};
