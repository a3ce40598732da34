import type {
  AwarenessDimension,
  AwarenessFilters,
  AwarenessReport,
  AwarenessTargetDto,
  AwarenessTargetInput,
  AwarenessTrendPoint,
  JobDto,
  KnowledgePointReport,
  PopulationGroup,
  UpliftReport,
  UrbanRural,
} from '@xinqiao/shared';
import { api, data, type ReadOptions } from './client';

export interface TrendQuery {
  regionId?: number;
  populationGroup?: PopulationGroup;
  urbanRural?: UrbanRural;
}

export const awarenessApi = {
  report: (filters: AwarenessFilters, dimension: AwarenessDimension, opts?: ReadOptions): Promise<AwarenessReport> =>
    data(api.GET('/admin/awareness', { params: { query: { ...filters, dimension } }, ...opts })),
  knowledgePoints: (query: { quizIds: readonly number[]; regionId?: number }, opts?: ReadOptions): Promise<KnowledgePointReport> =>
    data(api.GET('/admin/awareness/knowledge-points', { params: { query: { regionId: query.regionId, quizIds: [...query.quizIds] } }, ...opts })),
  trend: (query: TrendQuery, opts?: ReadOptions): Promise<AwarenessTrendPoint[]> => data(api.GET('/admin/awareness/trend', { params: { query }, ...opts })),
  uplift: (postQuizId: number, opts?: ReadOptions): Promise<UpliftReport> =>
    data(api.GET('/admin/awareness/uplift', { params: { query: { postQuizId } }, ...opts })),
  targets: (): Promise<AwarenessTargetDto[]> => data(api.GET('/admin/awareness/targets')),
  /** Needs `regions.manage`. */
  createTarget: (input: AwarenessTargetInput): Promise<AwarenessTargetDto> => data(api.POST('/admin/awareness/targets', { body: input })),
  removeTarget: (id: number): Promise<void> => data(api.DELETE('/admin/awareness/targets/{id}', { params: { path: { id } } })),
  /** The Excel 定期上报 is built in the background: poll the job (see jobsApi). */
  startReport: (input: { quizIds: number[]; regionId?: number }): Promise<JobDto> => data(api.POST('/admin/awareness/reports', { body: input })),
};
