import type { ScaleResponseResult } from '@xinqiao/shared';
import { createHandoff } from '../../utils/handoff';

/**
 * The result the take page just received, for the result page it opens. Kept in memory only: an
 * anonymous result must not be written to the device, and a saved one can be fetched again by id.
 */
const results = createHandoff<ScaleResponseResult>();

export function handOverResult(result: ScaleResponseResult): void {
  results.put(result);
}

/** The handed-over result for `code` (or for saved result `id`), if it is still in memory. */
export function peekResult(match: { code?: string; id?: number }): ScaleResponseResult | null {
  return results.peek((r) => {
    if (match.id !== undefined) return r.id === match.id;
    if (match.code !== undefined) return r.scaleCode === match.code;
    return false;
  });
}
