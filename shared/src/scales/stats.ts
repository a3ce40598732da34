/** Counting self-test results for officials without exposing anyone. */

/** Cells counting fewer respondents than this are not shown (re-identification risk). */
export const STATS_MIN_CELL = 5;

/** Columns used when several scales are counted together (their bands differ). */
export const STATS_TIERS = [
  { key: 'none', label: '无明显问题' },
  { key: 'concern', label: '需要关注' },
  { key: 'most_severe', label: '最高分段' },
] as const;
export type StatsTier = (typeof STATS_TIERS)[number]['key'];

export function statsTier(severity: number, mostSevere: boolean): StatsTier {
  if (mostSevere && severity > 0) return 'most_severe';
  return severity > 0 ? 'concern' : 'none';
}

export interface SuppressedRow {
  counts: (number | null)[];
  total: number | null;
}

/**
 * Hides small cells of one row of a table that also shows the row total:
 * - a cell with 1..min-1 people is hidden (0 is shown: it says nothing about anyone);
 * - when exactly one cell is hidden, the smallest other non-zero cell is hidden too, or the hidden
 *   one could be worked out as total minus the others (complementary suppression);
 * - a row whose total is under `min` hides everything, the total included.
 */
export function suppressRow(counts: readonly number[], min = STATS_MIN_CELL): SuppressedRow {
  const total = counts.reduce((a, b) => a + b, 0);
  if (total > 0 && total < min) return { counts: counts.map((c) => (c === 0 ? 0 : null)), total: null };
  const hidden = counts.map((c) => c > 0 && c < min);
  if (hidden.filter(Boolean).length === 1) {
    let pick = -1;
    counts.forEach((c, i) => {
      if (!hidden[i] && c > 0 && (pick < 0 || c < counts[pick])) pick = i;
    });
    if (pick >= 0) hidden[pick] = true;
  }
  return { counts: counts.map((c, i) => (hidden[i] ? null : c)), total };
}
