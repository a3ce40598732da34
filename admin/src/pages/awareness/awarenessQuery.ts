/**
 * The awareness page keeps its selection in the URL (waves, filters, dimension, tab), so a view can
 * be bookmarked or sent to a colleague and survives a reload.
 */
import {
  AGE_BANDS,
  AWARENESS_DIMENSIONS,
  GENDERS,
  POPULATION_GROUPS,
  type AdminQuiz,
  type AgeBand,
  type AwarenessDimension,
  type AwarenessFilters,
  type Gender,
  type PopulationGroup,
  type UrbanRural,
} from '@xinqiao/shared';
import { formatDateTime } from '../../utils/format';

export const AWARENESS_TABS = ['overview', 'knowledge', 'trend', 'uplift'] as const;
export type AwarenessTab = (typeof AWARENESS_TABS)[number];
export const AWARENESS_TAB_LABELS: Record<AwarenessTab, string> = {
  overview: '知晓率',
  knowledge: '知识点薄弱项',
  trend: '趋势',
  uplift: '前后测提升',
};

export interface AwarenessView {
  quizIds: number[];
  dimension: AwarenessDimension;
  tab: AwarenessTab;
  regionId?: number;
  urbanRural?: UrbanRural;
  populationGroup?: PopulationGroup;
  ageBand?: AgeBand;
  gender?: Gender;
  campaignId?: number;
  postQuizId?: number;
}

export type AwarenessFilterKey = 'regionId' | 'urbanRural' | 'populationGroup' | 'ageBand' | 'gender' | 'campaignId';

const URBAN_RURAL: readonly UrbanRural[] = ['urban', 'rural'];

function positiveInt(value: string | null): number | undefined {
  if (!value || !/^\d+$/.test(value)) return undefined;
  const n = Number(value);
  return n > 0 && Number.isSafeInteger(n) ? n : undefined;
}

function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | undefined {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
}

/** Anything unknown or malformed in the URL is ignored rather than sent to the server. */
export function parseAwarenessView(search: URLSearchParams): AwarenessView {
  const quizIds = (search.get('quizIds') ?? '')
    .split(',')
    .map((s) => positiveInt(s.trim()))
    .filter((n): n is number => n !== undefined);
  return {
    quizIds: [...new Set(quizIds)],
    dimension: oneOf(search.get('dimension'), AWARENESS_DIMENSIONS) ?? 'region',
    tab: oneOf(search.get('tab'), AWARENESS_TABS) ?? 'overview',
    regionId: positiveInt(search.get('regionId')),
    urbanRural: oneOf(search.get('urbanRural'), URBAN_RURAL),
    populationGroup: oneOf(search.get('populationGroup'), POPULATION_GROUPS),
    ageBand: oneOf(search.get('ageBand'), AGE_BANDS),
    gender: oneOf(search.get('gender'), GENDERS),
    campaignId: positiveInt(search.get('campaignId')),
    postQuizId: positiveInt(search.get('postQuizId')),
  };
}

/** The view as URL parameters; defaults are left out to keep links short. */
export function awarenessSearch(view: AwarenessView): Record<string, string> {
  const out: Record<string, string> = {};
  if (view.quizIds.length) out.quizIds = view.quizIds.join(',');
  if (view.tab !== 'overview') out.tab = view.tab;
  if (view.dimension !== 'region') out.dimension = view.dimension;
  const rest: [string, string | number | undefined][] = [
    ['regionId', view.regionId],
    ['urbanRural', view.urbanRural],
    ['populationGroup', view.populationGroup],
    ['ageBand', view.ageBand],
    ['gender', view.gender],
    ['campaignId', view.campaignId],
    ['postQuizId', view.postQuizId],
  ];
  for (const [k, v] of rest) if (v !== undefined) out[k] = String(v);
  return out;
}

export function awarenessFilters(view: AwarenessView): AwarenessFilters {
  return {
    quizIds: view.quizIds,
    regionId: view.regionId,
    urbanRural: view.urbanRural,
    populationGroup: view.populationGroup,
    ageBand: view.ageBand,
    gender: view.gender,
    campaignId: view.campaignId,
  };
}

const waveTime = (q: AdminQuiz) => Date.parse(q.opensAt ?? q.createdAt) || 0;

/** Survey waves that have been published (open or closed), newest first. */
export function surveyWaves(quizzes: readonly AdminQuiz[]): AdminQuiz[] {
  return quizzes.filter((q) => q.kind === 'survey' && q.status !== 'draft').sort((a, b) => waveTime(b) - waveTime(a) || b.id - a.id);
}

/** "2026 年第一轮调查（2026 年，2026-03-01 起）" */
export function waveLabel(q: AdminQuiz): string {
  const parts = [q.year ? `${q.year} 年` : null, q.opensAt ? `${formatDateTime(q.opensAt).slice(0, 10)} 起` : null].filter(Boolean);
  return parts.length ? `${q.title}（${parts.join('，')}）` : q.title;
}

/** Without waves in the URL the newest wave is shown, so the page opens on figures, not a blank form. */
export function defaultWaveIds(waves: readonly AdminQuiz[]): number[] {
  return waves.length ? [waves[0].id] : [];
}
