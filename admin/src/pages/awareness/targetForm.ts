/** The awareness target form and how a target's scope reads. */
import {
  POPULATION_GROUP_LABELS,
  URBAN_RURAL_LABELS,
  type AwarenessMetric,
  type AwarenessTargetDto,
  type AwarenessTargetInput,
  type PopulationGroup,
  type UrbanRural,
} from '@xinqiao/shared';

export interface TargetFormValues {
  regionId?: number;
  /** Empty for a standing target. */
  year?: number | null;
  populationGroup?: PopulationGroup | null;
  urbanRural?: UrbanRural | null;
  metric: AwarenessMetric;
  /** Percent, e.g. 70 for 0.7. */
  ratePercent?: number | null;
  source?: string | null;
}

export function emptyTargetForm(regionId: number | undefined): TargetFormValues {
  return { regionId, year: null, populationGroup: null, urbanRural: null, metric: 'pass_rate', ratePercent: null, source: '' };
}

export function toTargetInput(v: TargetFormValues): AwarenessTargetInput {
  if (v.regionId === undefined || v.ratePercent === null || v.ratePercent === undefined) throw new Error('regionId and rate are required');
  const source = v.source?.trim();
  return {
    regionId: v.regionId,
    year: v.year ?? null,
    populationGroup: v.populationGroup ?? null,
    urbanRural: v.urbanRural ?? null,
    metric: v.metric,
    rate: Math.round(v.ratePercent * 10) / 1000,
    source: source ? source : null,
  };
}

/** "2026 年 · 农村 · 老年人"; unset dimensions read as "长期" / "城乡不限" / "全部人群". */
export function targetScope(t: Pick<AwarenessTargetDto, 'year' | 'urbanRural' | 'populationGroup'>): string {
  return [
    t.year ? `${t.year} 年` : '长期',
    t.urbanRural ? URBAN_RURAL_LABELS[t.urbanRural] : '城乡不限',
    t.populationGroup ? POPULATION_GROUP_LABELS[t.populationGroup] : '全部人群',
  ].join(' · ');
}
