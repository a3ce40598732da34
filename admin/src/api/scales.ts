import type { AdminScale, AlertRules, ScaleEnableInput, ScaleStats, ScaleStatsQuery, ScaleSummary } from '@xinqiao/shared';
import { download, http } from './client';

/** The stats filters without the dimension: the export has one sheet per dimension. */
export type ScaleStatsFilters = Omit<ScaleStatsQuery, 'dimension'>;

export const scalesApi = {
  /**
   * Enabled scales from the public catalogue (anyone with `scales.stats` may filter by them, not only
   * `scales.manage`). Sent without the staff token: the endpoint is meant for residents.
   */
  catalogue: () => http.get<ScaleSummary[]>('/scales', { all: true }, { auth: false }),
  list: () => http.get<AdminScale[]>('/admin/scales'),
  /** Silent: a 400 carries `details` the page lists in full. */
  import: (definition: unknown) => http.post<AdminScale>('/admin/scales/import', { definition }, { silent: true }),
  setEnabled: (code: string, input: ScaleEnableInput) => http.put<AdminScale>(`/admin/scales/${encodeURIComponent(code)}/enabled`, input),
  alertRules: () => http.get<AlertRules>('/admin/scales/alert-rules'),
  /** Silent: a 400 carries `details` the page lists in full. */
  saveAlertRules: (rules: AlertRules) => http.put<AlertRules>('/admin/scales/alert-rules', rules, { silent: true }),
  stats: (query: ScaleStatsQuery) => http.get<ScaleStats>('/admin/scales/stats', query),
  exportStats: (filters: ScaleStatsFilters) => download('/admin/scales/stats/export', filters),
};
