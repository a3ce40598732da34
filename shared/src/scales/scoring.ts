import type { ScaleAnswers, ScaleBand, ScaleDefinition, ScaleItem, ScaleOption, ScaleResult, ScaleScoring, ScoreRounding } from './types';

export const SCALE_ANSWER_ERROR_CODES = ['MISSING_ANSWER', 'UNKNOWN_ITEM', 'INVALID_OPTION'] as const;
export type ScaleAnswerErrorCode = (typeof SCALE_ANSWER_ERROR_CODES)[number];

/** A respondent's answers do not fit the scale. `code` is stable for programs, `message` is zh-CN. */
export class ScaleAnswerError extends Error {
  readonly code: ScaleAnswerErrorCode;
  /** The item concerned (for UNKNOWN_ITEM: the unknown key as sent). */
  readonly itemId: string;
  /** 1-based position of the item in the scale; null for UNKNOWN_ITEM. */
  readonly itemNumber: number | null;

  constructor(code: ScaleAnswerErrorCode, message: string, itemId: string, itemNumber: number | null) {
    super(message);
    this.name = 'ScaleAnswerError';
    this.code = code;
    this.itemId = itemId;
    this.itemNumber = itemNumber;
  }
}

/** The options an item offers: its own, or the scale's shared ones. */
export function itemOptions(def: Pick<ScaleDefinition, 'options'>, item: ScaleItem): readonly ScaleOption[] {
  return item.options ?? def.options ?? [];
}

/** Whether the item counts in the score (default true). */
export function isScoredItem(item: ScaleItem): boolean {
  return item.scored !== false;
}

/** Points an option earns on an item, after reversal. */
export function optionScore(scoring: Pick<ScaleScoring, 'reverseBase'>, item: ScaleItem, option: ScaleOption): number {
  if (!item.reversed) return option.value;
  if (option.reversedValue !== undefined) return option.reversedValue;
  if (scoring.reverseBase === undefined) {
    throw new Error(`量表定义有误：反向计分题“${item.id}”既没有 reverseBase，也没有 reversedValue`);
  }
  return scoring.reverseBase - option.value;
}

/** Guards floor/round against binary noise such as 52.49999999999 for 52.5. */
const ROUNDING_EPSILON = 1e-9;

export function applyRounding(value: number, rounding: ScoreRounding, decimals = 0): number {
  if (rounding === 'none') return value;
  const scale = 10 ** decimals;
  const scaled = value * scale;
  const rounded = rounding === 'floor' ? Math.floor(scaled + ROUNDING_EPSILON) : Math.round(scaled + ROUNDING_EPSILON);
  return rounded / scale;
}

/** Final score from the raw sum; `scoredItemCount` is only used by the `mean` method. */
export function scoreFromRaw(scoring: ScaleScoring, raw: number, scoredItemCount: number): number {
  switch (scoring.method) {
    case 'sum':
      return raw;
    case 'mean':
      return applyRounding(raw / scoredItemCount, scoring.rounding ?? 'none', scoring.decimals ?? 0);
    case 'sum_times_factor':
      if (scoring.factor === undefined) throw new Error('量表定义有误：sum_times_factor 计分缺少 factor');
      return applyRounding(raw * scoring.factor, scoring.rounding ?? 'none', scoring.decimals ?? 0);
  }
}

export interface ScaleScoreRange {
  minRaw: number;
  maxRaw: number;
  minScore: number;
  maxScore: number;
  scoredItemCount: number;
}

/** Lowest and highest possible raw and final scores (the transformation is non-decreasing). */
export function scoreRange(def: Pick<ScaleDefinition, 'options' | 'items' | 'scoring'>): ScaleScoreRange {
  let minRaw = 0;
  let maxRaw = 0;
  let scoredItemCount = 0;
  for (const item of def.items) {
    if (!isScoredItem(item)) continue;
    const scores = itemOptions(def, item).map((o) => optionScore(def.scoring, item, o));
    minRaw += Math.min(...scores);
    maxRaw += Math.max(...scores);
    scoredItemCount += 1;
  }
  return {
    minRaw,
    maxRaw,
    minScore: scoreFromRaw(def.scoring, minRaw, scoredItemCount),
    maxScore: scoreFromRaw(def.scoring, maxRaw, scoredItemCount),
    scoredItemCount,
  };
}

/** Highest `severity` among the bands. */
export function maxSeverity(def: Pick<ScaleDefinition, 'bands'>): number {
  return Math.max(...def.bands.map((b) => b.severity));
}

/** Index of the band holding `score`, or -1. */
export function findBandIndex(bands: readonly ScaleBand[], score: number): number {
  return bands.findIndex((b) => score >= b.min && score <= b.max);
}

const hasOwn = (obj: object, key: string): boolean => Object.prototype.hasOwnProperty.call(obj, key);

/**
 * Every problem with a set of answers, in a stable order: unknown items first (in the order sent),
 * then each item in scale order (missing, or not one of its options).
 */
export function checkAnswers(def: ScaleDefinition, answers: unknown): ScaleAnswerError[] {
  const errors: ScaleAnswerError[] = [];
  const given: Record<string, unknown> = typeof answers === 'object' && answers !== null && !Array.isArray(answers) ? (answers as Record<string, unknown>) : {};
  const known = new Set(def.items.map((i) => i.id));
  for (const key of Object.keys(given)) {
    if (!known.has(key)) {
      errors.push(new ScaleAnswerError('UNKNOWN_ITEM', `答案中的题目“${key}”不属于本量表（${def.shortTitle}）`, key, null));
    }
  }
  def.items.forEach((item, index) => {
    const number = index + 1;
    if (!hasOwn(given, item.id) || given[item.id] === undefined || given[item.id] === null) {
      errors.push(new ScaleAnswerError('MISSING_ANSWER', `第 ${number} 题尚未作答`, item.id, number));
      return;
    }
    const value = given[item.id];
    const options = itemOptions(def, item);
    if (typeof value !== 'number' || !options.some((o) => o.value === value)) {
      const allowed = options.map((o) => `${o.value}（${o.label}）`).join('、');
      const shown = typeof value === 'string' ? `“${value}”` : JSON.stringify(value);
      errors.push(new ScaleAnswerError('INVALID_OPTION', `第 ${number} 题的答案 ${shown} 不是有效选项，可选：${allowed}`, item.id, number));
    }
  });
  return errors;
}

/**
 * Scores one response. Throws `ScaleAnswerError` (the first problem found by `checkAnswers`) when
 * the answers do not fit; throws a plain `Error` only when the definition itself is broken (a
 * definition that passed `validateScaleDefinition` never does).
 */
export function scoreResponse(def: ScaleDefinition, answers: ScaleAnswers): ScaleResult {
  const errors = checkAnswers(def, answers);
  if (errors.length > 0) throw errors[0];

  let raw = 0;
  let scoredItemCount = 0;
  const subscaleTotals = new Map<string, { sum: number; count: number }>();
  for (const item of def.items) {
    if (!isScoredItem(item)) continue;
    const option = itemOptions(def, item).find((o) => o.value === answers[item.id]) as ScaleOption;
    const points = optionScore(def.scoring, item, option);
    raw += points;
    scoredItemCount += 1;
    if (item.subscale !== undefined) {
      const t = subscaleTotals.get(item.subscale) ?? { sum: 0, count: 0 };
      t.sum += points;
      t.count += 1;
      subscaleTotals.set(item.subscale, t);
    }
  }

  const subscales: Record<string, number> = {};
  for (const sub of def.scoring.subscales ?? []) {
    const t = subscaleTotals.get(sub.id) ?? { sum: 0, count: 0 };
    subscales[sub.id] = sub.method === 'sum' ? t.sum : t.count === 0 ? 0 : applyRounding(t.sum / t.count, 'round', 2);
  }

  const score = scoreFromRaw(def.scoring, raw, scoredItemCount);
  const range = scoreRange(def);
  const bandIndex = findBandIndex(def.bands, score);
  if (bandIndex < 0) throw new Error(`量表定义有误：${def.code} 的得分 ${score} 不在任何分段内`);
  const band = def.bands[bandIndex];
  const mostSevere = band.severity === maxSeverity(def);

  const fired = new Set<string>();
  for (const c of def.critical ?? []) {
    if (answers[c.itemId] >= c.threshold) fired.add(c.itemId);
  }
  const criticalItems = def.items.filter((i) => fired.has(i.id)).map((i) => i.id);

  return {
    scaleCode: def.code,
    scaleVersion: def.version,
    raw,
    score,
    minScore: range.minScore,
    maxScore: range.maxScore,
    subscales,
    band: {
      index: bandIndex,
      min: band.min,
      max: band.max,
      label: band.label,
      level: band.level ?? null,
      severity: band.severity,
      interpretation: band.interpretation,
      advice: band.advice,
      mostSevere,
    },
    criticalItems,
    crisis: criticalItems.length > 0 || (def.mostSevereBandIsCrisis === true && mostSevere),
  };
}
