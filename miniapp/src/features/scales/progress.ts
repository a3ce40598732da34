import type { ScaleAnswers, ScaleDefinition, ScaleItem, ScaleOption } from '@xinqiao/shared'

/** The item's own options, else the scale's shared ones. */
export function itemOptions(def: Pick<ScaleDefinition, 'options'>, item: ScaleItem): ScaleOption[] {
  return item.options ?? def.options ?? []
}

export function isValidAnswer(def: ScaleDefinition, itemId: string, value: unknown): value is number {
  const item = def.items.find((i) => i.id === itemId)
  return !!item && typeof value === 'number' && itemOptions(def, item).some((o) => o.value === value)
}

/** Keeps only answers that fit the definition (a resumed draft may hold stale ones). */
export function sanitizeAnswers(def: ScaleDefinition, answers: ScaleAnswers): Record<string, number> {
  const out: Record<string, number> = {}
  for (const item of def.items) {
    const v = answers[item.id]
    if (isValidAnswer(def, item.id, v)) out[item.id] = v
  }
  return out
}

export function answeredCount(def: ScaleDefinition, answers: ScaleAnswers): number {
  return def.items.filter((i) => isValidAnswer(def, i.id, answers[i.id])).length
}

/** Index of the first unanswered item, or -1 when every item is answered. */
export function firstUnansweredIndex(def: ScaleDefinition, answers: ScaleAnswers): number {
  return def.items.findIndex((i) => !isValidAnswer(def, i.id, answers[i.id]))
}

export function isComplete(def: ScaleDefinition, answers: ScaleAnswers): boolean {
  return def.items.length > 0 && firstUnansweredIndex(def, answers) === -1
}

/**
 * Where to go after answering item `index`: the next unanswered item after it, else an earlier one
 * that was skipped, else `items.length` (the "all answered, submit" screen).
 */
export function nextIndexAfterAnswer(def: ScaleDefinition, answers: ScaleAnswers, index: number): number {
  const n = def.items.length
  for (let i = index + 1; i < n; i++) if (!isValidAnswer(def, def.items[i].id, answers[def.items[i].id])) return i
  const earlier = firstUnansweredIndex(def, answers)
  return earlier === -1 ? n : earlier
}

/** A stored index clamped to 0..items.length; the end only when everything is answered. */
export function resumeIndex(def: ScaleDefinition, answers: ScaleAnswers, index: number): number {
  const n = def.items.length
  const i = Number.isInteger(index) ? Math.min(Math.max(index, 0), n) : 0
  if (i === n && !isComplete(def, answers)) return Math.max(firstUnansweredIndex(def, answers), 0)
  return i
}

/** "第 3 / 9 题" for the item at 0-based `index`. */
export function progressLabel(index: number, total: number): string {
  return `第 ${Math.min(index + 1, total)} / ${total} 题`
}

/** Share of items answered, 0-100, for the progress bar. */
export function progressPercent(def: ScaleDefinition, answers: ScaleAnswers): number {
  if (!def.items.length) return 0
  return Math.round((answeredCount(def, answers) / def.items.length) * 100)
}
