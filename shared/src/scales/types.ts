/**
 * Self-assessment scale definitions.
 *
 * A definition is plain, JSON-compatible data: the built-in scales are written in TypeScript, and a
 * system administrator can import further (licensed) scales as JSON files, which are checked by
 * `validateScaleDefinition` before use. A definition never changes once published: a change makes
 * a new `version`, so a stored result can always be re-read with the definition it was scored by.
 */

export const SCALE_AUDIENCES = ['student', 'parent_report', 'adult', 'elderly', 'perinatal'] as const;
export type ScaleAudience = (typeof SCALE_AUDIENCES)[number];
export const SCALE_AUDIENCE_LABELS: Record<ScaleAudience, string> = {
  student: '学生',
  parent_report: '家长代填',
  adult: '成年人',
  elderly: '老年人',
  perinatal: '孕产期妇女',
};

/** Named severity levels, mildest first. A band may instead carry only its numeric `severity`. */
export const SCALE_BAND_LEVELS = ['none', 'mild', 'moderate', 'moderately_severe', 'severe'] as const;
export type ScaleBandLevel = (typeof SCALE_BAND_LEVELS)[number];
export const SCALE_BAND_LEVEL_LABELS: Record<ScaleBandLevel, string> = {
  none: '无',
  mild: '轻度',
  moderate: '中度',
  moderately_severe: '中重度',
  severe: '重度',
};

export const SCORING_METHODS = ['sum', 'mean', 'sum_times_factor'] as const;
export type ScoringMethod = (typeof SCORING_METHODS)[number];

export const SCORE_ROUNDINGS = ['floor', 'round', 'none'] as const;
/** `floor` keeps the integer part (Zung SDS/SAS "取整数部分"), `round` rounds half up, `none` keeps the exact value. */
export type ScoreRounding = (typeof SCORE_ROUNDINGS)[number];

export const SUBSCALE_METHODS = ['sum', 'mean'] as const;
export type SubscaleMethod = (typeof SUBSCALE_METHODS)[number];

export interface ScaleOption {
  /** What the answer stores (answers map item id -> this value). An integer. */
  value: number;
  /** zh-CN text shown to the respondent. */
  label: string;
  /**
   * Explicit score of this option when it belongs to a reversed item. When absent, a reversed item
   * scores `scoring.reverseBase - value`.
   */
  reversedValue?: number;
}

export interface ScaleItem {
  /** Stable id, unique within the scale (letters, digits, `_` and `-`). */
  id: string;
  /** zh-CN item text. */
  text: string;
  /** Options of this item; when absent the scale-level `options` apply. */
  options?: ScaleOption[];
  /** Reverse-scored item (see `ScaleScoring.reverseBase` and `ScaleOption.reversedValue`). */
  reversed?: boolean;
  /** Id of a subscale in `scoring.subscales`. */
  subscale?: string;
  /**
   * `false` for an item that must be answered but does not count in the score (e.g. the PHQ-A
   * suicide questions, which only feed the crisis path). Default `true`.
   */
  scored?: boolean;
}

export interface SubscaleDefinition {
  id: string;
  /** zh-CN name. */
  title: string;
  /** `mean` is rounded to 2 decimals. */
  method: SubscaleMethod;
}

export interface ScaleScoring {
  /**
   * - `sum`: score = raw (the sum of the scored items' values after reversal);
   * - `mean`: score = raw / number of scored items, then `rounding`;
   * - `sum_times_factor`: score = raw x `factor`, then `rounding` (WHO-5: x4; Zung SDS/SAS: x1.25, floor).
   */
  method: ScoringMethod;
  /** Required for `sum_times_factor` only. */
  factor?: number;
  /** Required for `mean` and `sum_times_factor`; not allowed for `sum`. */
  rounding?: ScoreRounding;
  /** Decimals kept by `floor` / `round` (0-4, default 0). */
  decimals?: number;
  /** A reversed item scores `reverseBase - value` (3 for 0-3 items, 5 for 1-4 items, 1 for yes=1/no=0). */
  reverseBase?: number;
  subscales?: SubscaleDefinition[];
}

export interface ScaleBand {
  /** Inclusive bounds on the final score. Bands are listed from the lowest score up. */
  min: number;
  max: number;
  /**
   * Rank of concern: 0 = no concern, higher = more severe. Distinct within a scale. Needed because
   * on some scales (WHO-5) a low score is the worrying one.
   */
  severity: number;
  /** Optional named level; when given it must agree with the order of `severity`. */
  level?: ScaleBandLevel;
  /** zh-CN short result label. */
  label: string;
  /** zh-CN plain-language meaning; says it is a screening, not a diagnosis. */
  interpretation: string;
  /** zh-CN next steps; points to help from the moderate bands on. */
  advice: string;
}

export interface ScaleCriticalItem {
  itemId: string;
  /** The answer (the selected option's value, before any reversal) >= threshold triggers the crisis path. */
  threshold: number;
}

export interface ScaleLicence {
  name: string;
  url?: string;
  /** May a government service offer the scale free to residents without further permission? */
  freeForPublicService: boolean;
  /** zh-CN note: conditions, attribution, and anything not verified. */
  note: string;
}

export interface ScaleDefinition {
  /** Stable code, lowercase letters, digits and `-` (e.g. `phq-9`). */
  code: string;
  /** Integer >= 1; bumped on any change. */
  version: number;
  title: string;
  shortTitle: string;
  /** zh-CN purpose of the scale. */
  description: string;
  /** zh-CN instructions shown before the first item. */
  instructions: string;
  timeMinutes: number;
  audience: ScaleAudience;
  minAge: number;
  maxAge: number | null;
  /** Options shared by every item that does not define its own. */
  options?: ScaleOption[];
  items: ScaleItem[];
  scoring: ScaleScoring;
  bands: ScaleBand[];
  critical?: ScaleCriticalItem[];
  /** When true, landing in the band with the highest severity starts the crisis path. */
  mostSevereBandIsCrisis?: boolean;
  licence: ScaleLicence;
  citation: string;
}

/** item id -> the selected option's `value`. */
export type ScaleAnswers = Readonly<Record<string, number>>;

export interface ScaleResultBand {
  /** Index in `def.bands`. */
  index: number;
  min: number;
  max: number;
  label: string;
  level: ScaleBandLevel | null;
  severity: number;
  interpretation: string;
  advice: string;
  /** This is the band with the highest severity of the scale. */
  mostSevere: boolean;
}

export interface ScaleResult {
  scaleCode: string;
  scaleVersion: number;
  /** Sum of the scored items after reversal. */
  raw: number;
  /** Final score the bands apply to (raw, mean, or raw x factor with rounding). */
  score: number;
  minScore: number;
  maxScore: number;
  /** subscale id -> score. */
  subscales: Record<string, number>;
  band: ScaleResultBand;
  /** Ids of the critical items that fired, in item order. */
  criticalItems: string[];
  /** A critical item fired, or the most severe band is flagged as crisis. */
  crisis: boolean;
}
