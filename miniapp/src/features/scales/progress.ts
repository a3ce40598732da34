import type { ScaleAnswers, ScaleDefinition, ScaleItem, ScaleOption } from '@xinqiao/shared';
import { firstOpenIndex, nextOpenIndex, resumeAt } from '../../utils/steps';

/** The item's own options, else the scale's shared ones. */
export function itemOptions(def: Pick<ScaleDefinition, 'options'>, item: ScaleItem): ScaleOption[] {
  return item.options ?? def.options ?? [];
}

export function isValidAnswer(def: ScaleDefinition, itemId: string, value: unknown): value is number {
  const item = def.items.find((i) => i.id === itemId);
  return !!item && typeof value === 'number' && itemOptions(def, item).some((o) => o.value === value);
}

/** Keeps only answers that fit the definition (a resumed draft may hold stale ones). */
export function sanitizeAnswers(def: ScaleDefinition, answers: ScaleAnswers): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of def.items) {
    const v = answers[item.id];
    if (isValidAnswer(def, item.id, v)) out[item.id] = v;
  }
  return out;
}

export function answeredCount(def: ScaleDefinition, answers: ScaleAnswers): number {
  return def.items.filter((i) => isValidAnswer(def, i.id, answers[i.id])).length;
}

const answeredIn = (def: ScaleDefinition, answers: ScaleAnswers) => (i: number) => isValidAnswer(def, def.items[i].id, answers[def.items[i].id]);

/** Index of the first unanswered item, or -1 when every item is answered. */
export function firstUnansweredIndex(def: ScaleDefinition, answers: ScaleAnswers): number {
  return firstOpenIndex(def.items.length, answeredIn(def, answers));
}

export function isComplete(def: ScaleDefinition, answers: ScaleAnswers): boolean {
  return def.items.length > 0 && firstUnansweredIndex(def, answers) === -1;
}

/** Where to go after answering item `index` (see `nextOpenIndex`). */
export function nextIndexAfterAnswer(def: ScaleDefinition, answers: ScaleAnswers, index: number): number {
  return nextOpenIndex(def.items.length, answeredIn(def, answers), index);
}

/** A stored index clamped to 0..items.length; the end only when everything is answered. */
export function resumeIndex(def: ScaleDefinition, answers: ScaleAnswers, index: number): number {
  return resumeAt(def.items.length, answeredIn(def, answers), index);
}

/** Share of items answered, 0-100, for the progress bar. */
export function progressPercent(def: ScaleDefinition, answers: ScaleAnswers): number {
  if (!def.items.length) return 0;
  return Math.round((answeredCount(def, answers) / def.items.length) * 100);
}
