import type { JobDto } from '@xinqiao/shared';
import { api, data, download, type DownloadedFile } from './client';

const byId = (id: number) => ({ params: { path: { id } } });

/** Background jobs; only the staff member who started one may read or download it. */
export const jobsApi = {
  /** Silent: a poll failing once a second must not stack one toast per second. */
  get: (id: number): Promise<JobDto> => data(api.GET('/admin/jobs/{id}', { ...byId(id), silent: true })),
  download: (id: number): Promise<DownloadedFile> => download(api.GET('/admin/jobs/{id}/download', { ...byId(id), parseAs: 'blob' })),
};
