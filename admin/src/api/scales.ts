import type { AdminScale, AlertRules, ScaleEnableInput, ScaleImportInput, ScaleStats, ScaleStatsQuery, ScaleSummary } from '@xinqiao/shared';
import { api, data, download, type DownloadedFile } from './client';

/** The stats filters without the dimension: the export has one sheet per dimension. */
export type ScaleStatsFilters = Omit<ScaleStatsQuery, 'dimension'>;

export const scalesApi = {
  /**
   * Enabled scales from the public catalogue (anyone with `scales.stats` may filter by them, not only
   * `scales.manage`). Sent without the staff token: the endpoint is meant for residents.
   */
  catalogue: (): Promise<ScaleSummary[]> => data(api.GET('/scales', { params: { query: { all: true } }, auth: false })),
  list: (): Promise<AdminScale[]> => data(api.GET('/admin/scales')),
  /** Silent: a 400 carries `details` the page lists in full. */
  import: (definition: ScaleImportInput['definition']): Promise<AdminScale> => data(api.POST('/admin/scales/import', { body: { definition }, silent: true })),
  setEnabled: (code: string, input: ScaleEnableInput): Promise<AdminScale> =>
    data(api.PUT('/admin/scales/{code}/enabled', { params: { path: { code } }, body: input })),
  alertRules: (): Promise<AlertRules> => data(api.GET('/admin/scales/alert-rules')),
  /** Silent: a 400 carries `details` the page lists in full. */
  saveAlertRules: (rules: AlertRules): Promise<AlertRules> => data(api.PUT('/admin/scales/alert-rules', { body: rules, silent: true })),
  stats: (query: ScaleStatsQuery): Promise<ScaleStats> => data(api.GET('/admin/scales/stats', { params: { query } })),
  exportStats: (filters: ScaleStatsFilters): Promise<DownloadedFile> =>
    download(api.GET('/admin/scales/stats/export', { params: { query: filters }, parseAs: 'blob' })),
};
