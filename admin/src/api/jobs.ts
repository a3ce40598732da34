import type { JobDto } from '@xinqiao/shared';
import { download, http } from './client';

/** Background jobs; only the staff member who started one may read or download it. */
export const jobsApi = {
  /** Silent: a poll failing once a second must not stack one toast per second. */
  get: (id: number) => http.get<JobDto>(`/admin/jobs/${id}`, undefined, { silent: true }),
  download: (id: number) => download(`/admin/jobs/${id}/download`),
};
