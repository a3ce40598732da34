/** Which scales a resident is offered, and how a result is explained. */
import type { ArticleCategory } from '../articles';
import type { AgeBand, PopulationGroup } from '../residents';
import type { ScaleSummary } from './api';
import type { ScaleDefinition, ScaleResult } from './types';

/** Inclusive age range of each band; `60plus` is open-ended. */
export const AGE_BAND_RANGES: Record<AgeBand, [number, number | null]> = {
  under14: [0, 13],
  '14to17': [14, 17],
  '18to34': [18, 34],
  '35to59': [35, 59],
  '60plus': [60, null],
};

export function toScaleSummary(def: ScaleDefinition): ScaleSummary {
  return {
    code: def.code,
    version: def.version,
    title: def.title,
    shortTitle: def.shortTitle,
    description: def.description,
    timeMinutes: def.timeMinutes,
    audience: def.audience,
    minAge: def.minAge,
    maxAge: def.maxAge,
    itemCount: def.items.length,
  };
}

/**
 * A scale is offered when its age range overlaps the resident's age band (everything when the band
 * is unknown). Parent-report scales are offered to parents whatever their own age, since they answer
 * about their child.
 */
export function scaleFits(
  scale: Pick<ScaleSummary, 'audience' | 'minAge' | 'maxAge'>,
  who: { ageBand?: AgeBand | null; populationGroup?: PopulationGroup | null },
): boolean {
  if (scale.audience === 'parent_report') return who.populationGroup === 'parent' || !who.populationGroup;
  if (!who.ageBand) return true;
  const [lo, hi] = AGE_BAND_RANGES[who.ageBand];
  const scaleHi = scale.maxAge ?? Number.POSITIVE_INFINITY;
  return scale.minAge <= (hi ?? Number.POSITIVE_INFINITY) && lo <= scaleHi;
}

/** zh-CN reasons why the crisis path opened, for the result screen and the counsellor. */
export function crisisReasons(def: ScaleDefinition, result: ScaleResult): string[] {
  const reasons = result.criticalItems.map((id) => {
    const n = def.items.findIndex((i) => i.id === id) + 1;
    return `第 ${n} 题的回答提示您可能正承受很大的痛苦`;
  });
  if (result.crisis && result.criticalItems.length === 0) reasons.push(`总分落在“${result.band.label}”范围`);
  return reasons;
}

/** Article categories suggested under a result: help first when the crisis path opened. */
export function suggestedArticleCategories(def: Pick<ScaleDefinition, 'audience'>, crisis: boolean): ArticleCategory[] {
  const byAudience: Record<ScaleDefinition['audience'], ArticleCategory> = {
    student: 'youth',
    parent_report: 'family',
    adult: 'emotion',
    elderly: 'elderly',
    perinatal: 'family',
  };
  const own = byAudience[def.audience];
  return crisis ? ['crisis', own, 'knowledge'] : ([own, 'emotion', 'knowledge'].filter((c, i, all) => all.indexOf(c) === i) as ArticleCategory[]);
}
