import type { ScaleResponseResult } from '@xinqiao/shared'

/**
 * The result the take page just received, for the result page it opens. Kept in memory only: an
 * anonymous result must not be written to the device, and a saved one can be fetched again by id.
 */
let latest: ScaleResponseResult | null = null

export function handOverResult(result: ScaleResponseResult): void {
  latest = result
}

/** The handed-over result for `code` (or for saved result `id`), if it is still in memory. */
export function peekResult(match: { code?: string; id?: number }): ScaleResponseResult | null {
  if (!latest) return null
  if (match.id !== undefined) return latest.id === match.id ? latest : null
  if (match.code !== undefined) return latest.scaleCode === match.code ? latest : null
  return null
}
