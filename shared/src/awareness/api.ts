/** What the awareness (知晓率) report and target endpoints send and accept. */
import type { UrbanRural } from '../regions';
import type { AgeBand, Gender, PopulationGroup } from '../residents';
import type { KnowledgePointId } from '../quizzes/types';
import type { KnowledgePointErrorRate } from './knowledge-points';
import type { AwarenessResult, SuppressedSummary } from './small-samples';
import type { AwarenessMetric, TargetComparison } from './targets';
import type { PairedUplift, UnpairedUplift } from './uplift';
import type { WeightedEstimate } from './weighting';

export const AWARENESS_DIMENSIONS = ['region', 'urban_rural', 'group', 'age_band', 'gender', 'campaign', 'event'] as const;
export type AwarenessDimension = (typeof AWARENESS_DIMENSIONS)[number];
export const AWARENESS_DIMENSION_LABELS: Record<AwarenessDimension, string> = {
  region: '区域',
  urban_rural: '城乡',
  group: '人群',
  age_band: '年龄段',
  gender: '性别',
  campaign: '宣传活动',
  event: '活动',
};

export interface AwarenessFilters {
  /** One or more survey waves. */
  quizIds: number[];
  regionId?: number;
  urbanRural?: UrbanRural;
  populationGroup?: PopulationGroup;
  ageBand?: AgeBand;
  gender?: Gender;
  campaignId?: number;
  eventId?: number;
}

export interface AwarenessSlice {
  key: string;
  label: string;
  /** Always given: a count identifies nobody; only the rates of small slices are withheld. */
  respondents: number;
  result: AwarenessResult;
  /** The target that applies to the slice (region, group, urban/rural, year) and how the slice compares. */
  target: { rate: number; metric: AwarenessMetric; source: string | null } | null;
  comparison: TargetComparison | null;
}

export interface AwarenessReport {
  dimension: AwarenessDimension;
  overall: AwarenessSlice;
  rows: AwarenessSlice[];
  /** Population-weighted estimate for the filtered region, labelled as such; null without population figures. */
  weighted: WeightedEstimate | SuppressedSummary | null;
  minRespondents: number;
}

export interface AwarenessTrendPoint {
  quizId: number;
  title: string;
  year: number | null;
  opensAt: string | null;
  result: AwarenessResult;
}

export interface KnowledgePointReport {
  ranked: (KnowledgePointErrorRate & { articles: { id: number; title: string }[] })[];
  insufficient: KnowledgePointId[];
}

export interface UpliftReport {
  preQuizId: number;
  postQuizId: number;
  unpaired: UnpairedUplift;
  paired: PairedUplift | null;
}

export interface AwarenessTargetInput {
  regionId: number;
  year?: number | null;
  populationGroup?: PopulationGroup | null;
  urbanRural?: UrbanRural | null;
  metric: AwarenessMetric;
  /** 0..1 */
  rate: number;
  source?: string | null;
}

export interface AwarenessTargetDto extends AwarenessTargetInput {
  id: number;
  regionName: string;
  regionPath: string;
}

// Queries and inputs of the awareness endpoints ------------------------------------------------

export interface AwarenessQuery extends AwarenessFilters {
  dimension?: AwarenessDimension;
}

export interface AwarenessTrendQuery {
  regionId?: number;
  urbanRural?: UrbanRural;
  populationGroup?: PopulationGroup;
}

export interface UpliftQuery {
  postQuizId: number;
}

/** An awareness report file made in the background (default region: the caller's). */
export interface AwarenessReportInput {
  quizIds: number[];
  regionId?: number;
}
