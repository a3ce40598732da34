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
import { http, type RequestOptions } from './client';

type ReadOptions = Pick<RequestOptions, 'silent'>;

/** The contract takes the waves as one comma-separated parameter (`quizIds=1,2`), not repeated keys. */
export function quizIdsParam(quizIds: readonly number[]): string {
  return quizIds.join(',');
}

export interface TrendQuery {
  regionId?: number;
  populationGroup?: PopulationGroup;
  urbanRural?: UrbanRural;
}

export const awarenessApi = {
  report: ({ quizIds, ...filters }: AwarenessFilters, dimension: AwarenessDimension, opts?: ReadOptions) =>
    http.get<AwarenessReport>('/admin/awareness', { ...filters, quizIds: quizIdsParam(quizIds), dimension }, opts),
  knowledgePoints: (query: { quizIds: readonly number[]; regionId?: number }, opts?: ReadOptions) =>
    http.get<KnowledgePointReport>('/admin/awareness/knowledge-points', { regionId: query.regionId, quizIds: quizIdsParam(query.quizIds) }, opts),
  trend: (query: TrendQuery, opts?: ReadOptions) => http.get<AwarenessTrendPoint[]>('/admin/awareness/trend', query, opts),
  uplift: (postQuizId: number, opts?: ReadOptions) => http.get<UpliftReport>('/admin/awareness/uplift', { postQuizId }, opts),
  targets: () => http.get<AwarenessTargetDto[]>('/admin/awareness/targets'),
  /** Needs `regions.manage`. */
  createTarget: (input: AwarenessTargetInput) => http.post<AwarenessTargetDto>('/admin/awareness/targets', input),
  removeTarget: (id: number) => http.delete(`/admin/awareness/targets/${id}`),
  /** The Excel 定期上报 is built in the background: poll the job (see jobsApi). */
  startReport: (input: { quizIds: number[]; regionId?: number }) => http.post<JobDto>('/admin/awareness/reports', input),
};
