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
 * Counts that several tables show, and how they add up. Officials can open many tables (by
 * region, sub-region, group, month, scale) whose figures are sums of one another, so a hidden
 * count is safe only if no combination of shown ones gives it back.
 */
export interface LinkedCounts {
  values: readonly number[];
  /** false: no table shows this count (it may still be computable from those that are shown). */
  shown: readonly boolean[];
  /**
   * `values[margin]` = the sum of `values[parts]`: a row's total and its cells, a region and its
   * sub-regions, a column and its rows. `row`: a table row with its total; a row of fewer than
   * `min` people is hidden whole, zeros included, which would otherwise say what those few answered.
   */
  lines: readonly { margin: number; parts: readonly number[]; row?: boolean }[];
}

/**
 * Which counts to hide (true) so that no count of 1..min-1 people can be seen or worked out:
 * - every count of 1..min-1 is hidden (0 is shown: it says nothing about anyone);
 * - a row of 1..min-1 people is hidden whole, zeros included;
 * - on every line, the hidden counts are none, or at least two whose sum is at least `min` when
 *   the line's margin is shown (so "margin minus the shown parts" gives no small number and no
 *   single hidden count), or at least one when the margin is hidden (so the margin is not simply
 *   the sum of its shown parts). A line that breaks this hides its smallest shown part, or its
 *   margin when no part is left, until every line holds.
 * Counts that no table shows are taken as known (the safe assumption) unless they are small or
 * are hidden to protect another, which costs nothing on screen, so they go first. A zero that is
 * not hidden is known to anyone and takes no part in the lines.
 */
export function suppressLinked(cells: LinkedCounts, min = STATS_MIN_CELL): boolean[] {
  const { values, shown } = cells;
  const hidden = values.map((v) => v > 0 && v < min);
  for (const line of cells.lines) {
    const total = values[line.margin];
    if (line.row && shown[line.margin] && total > 0 && total < min) {
      hidden[line.margin] = true;
      for (const p of line.parts) if (shown[p]) hidden[p] = true;
    }
  }
  const lines = cells.lines.map((l) => ({ margin: l.margin, parts: l.parts.filter((p) => values[p] > 0 || hidden[p]) }));

  const linesOf: number[][] = values.map(() => []);
  lines.forEach((line, i) => {
    linesOf[line.margin].push(i);
    for (const p of line.parts) linesOf[p].push(i);
  });
  const queue = lines.map((_, i) => i);
  const queued = lines.map(() => true);
  const hide = (cell: number) => {
    hidden[cell] = true;
    for (const i of linesOf[cell]) {
      if (!queued[i]) {
        queued[i] = true;
        queue.push(i);
      }
    }
  };

  // A count no table shows costs nothing to hide; otherwise the smallest goes.
  const better = (p: number, than: number) => (shown[p] !== shown[than] ? !shown[p] : values[p] < values[than]);

  for (let head = 0; head < queue.length; head++) {
    const i = queue[head];
    queued[i] = false;
    const { margin, parts } = lines[i];
    if (!hidden[margin] && values[margin] === 0) continue; // every part is a known zero
    let count = 0;
    let sum = 0;
    let pick = -1;
    for (const p of parts) {
      if (hidden[p]) {
        count++;
        sum += values[p];
      } else if (pick < 0 || better(p, pick)) {
        pick = p;
      }
    }
    // A hidden margin whose parts are all known zeros is a zero nobody can hide; let it be.
    const safe = hidden[margin] ? count > 0 || pick < 0 : count === 0 || (count >= 2 && sum >= min);
    // Hiding queues this line again, with every other line of that count.
    if (!safe) hide(pick >= 0 ? pick : margin);
  }
  return hidden;
}

/** One table row on its own with its total (the row is all that is linked). */
export function suppressRow(counts: readonly number[], min = STATS_MIN_CELL): SuppressedRow {
  const total = counts.reduce((a, b) => a + b, 0);
  const values = [...counts, total];
  const hidden = suppressLinked({ values, shown: values.map(() => true), lines: [{ margin: counts.length, parts: counts.map((_, i) => i), row: true }] }, min);
  return { counts: counts.map((c, i) => (hidden[i] ? null : c)), total: hidden[counts.length] ? null : total };
}

/** Results of one scale counted at one place: the respondent's region path, group, month (`YYYY-MM`) and band severity. */
export interface StatsRecord {
  regionPath: string;
  group: string;
  month: string;
  severity: number;
  count: number;
}

export interface StatsRegion {
  path: string;
  parentPath: string | null;
}

/** Part of a region's results: all of them, one population group's, or one month's. */
export type StatsSlice = 'all' | { group: string } | { month: string };

const ALL = '*';
const sliceKey = (s: StatsSlice) => (s === 'all' ? ALL : 'group' in s ? `g:${s.group}` : `m:${s.month}`);
const ownKey = (path: string) => `${path}#own`;

/**
 * One scale's results in every table officials can open: any region (everything under it, or only
 * what was filed at the region itself, its "本级" row), split by band and by group or month. All of
 * them are suppressed together (`suppressLinked`), so a count hidden in one table cannot be
 * worked out from another: from a parent region minus its other sub-regions, from a column total
 * shown by another tab, or from the same region opened directly.
 */
export class StatsCube {
  private readonly rows = new Map<string, Map<string, { values: number[]; cells: number }>>();
  private readonly hidden: boolean[];
  private readonly width: number;

  /** `severities`: the bands, in column order; results in other bands are not counted anywhere. */
  constructor(regions: readonly StatsRegion[], severities: readonly number[], records: readonly StatsRecord[], min = STATS_MIN_CELL) {
    this.width = severities.length + 1; // the bands, then the row total
    const column = new Map(severities.map((s, i) => [s, i]));
    const parentOf = new Map(regions.map((r) => [r.path, r.parentPath]));
    const children = new Map<string, string[]>();
    for (const r of regions) if (r.parentPath !== null) children.set(r.parentPath, [...(children.get(r.parentPath) ?? []), r.path]);

    // A result counts in its region, in the "本级" part of a region with sub-regions, and in every region above.
    for (const rec of records) {
      const col = column.get(rec.severity);
      if (col === undefined || rec.count <= 0) continue;
      let node: string | null | undefined = rec.regionPath;
      while (node && !parentOf.has(node)) node = parentPathOf(node);
      if (!node) continue;
      const keys = children.has(node) ? [ownKey(node)] : [];
      for (let at: string | null | undefined = node; at; at = parentOf.get(at)) keys.push(at);
      for (const key of keys) {
        for (const slice of [ALL, `g:${rec.group}`, `m:${rec.month}`]) {
          const row = this.slot(key, slice);
          row.values[col] += rec.count;
          row.values[severities.length] += rec.count;
        }
      }
    }

    const values: number[] = [];
    const shown: boolean[] = [];
    for (const [key, slices] of this.rows) {
      for (const [slice, row] of slices) {
        row.cells = values.length;
        values.push(...row.values);
        // Only the "本级" row of a region's own results is shown, never split by group or month.
        shown.push(...row.values.map(() => !key.endsWith('#own') || slice === ALL));
      }
    }
    const lines: LinkedCounts['lines'][number][] = [];
    const cell = (key: string, slice: string, col: number) => {
      const row = this.rows.get(key)?.get(slice);
      return row ? row.cells + col : -1;
    };
    const present = (ids: number[]) => ids.filter((id) => id >= 0);
    const total = severities.length;
    for (const [key, slices] of this.rows) {
      for (const row of slices.values()) lines.push({ margin: row.cells + total, parts: severities.map((_, c) => row.cells + c), row: true });
      for (let col = 0; col <= total; col++) {
        const all = cell(key, ALL, col);
        for (const prefix of ['g:', 'm:']) {
          lines.push({ margin: all, parts: present([...slices.keys()].filter((s) => s.startsWith(prefix)).map((s) => cell(key, s, col))) });
        }
      }
      const below = children.get(key);
      if (!below) continue;
      for (const slice of slices.keys()) {
        for (let col = 0; col <= total; col++) {
          lines.push({ margin: cell(key, slice, col), parts: present([ownKey(key), ...below].map((k) => cell(k, slice, col))) });
        }
      }
    }
    this.hidden = suppressLinked({ values, shown, lines }, min);
  }

  /** The row of region `path` (everything filed under it), or one group's or one month's part of it. */
  row(path: string, slice: StatsSlice = 'all'): SuppressedRow {
    return this.read(path, sliceKey(slice));
  }

  /** What was filed at region `path` itself rather than in one of its sub-regions. */
  ownRow(path: string): SuppressedRow {
    return this.read(ownKey(path), ALL);
  }

  /** Months with results under `path`, oldest first. */
  months(path: string): string[] {
    return [...(this.rows.get(path)?.keys() ?? [])]
      .filter((s) => s.startsWith('m:'))
      .map((s) => s.slice(2))
      .sort();
  }

  private read(key: string, slice: string): SuppressedRow {
    const row = this.rows.get(key)?.get(slice);
    if (!row) return { counts: Array.from({ length: this.width - 1 }, () => 0), total: 0 };
    const at = (col: number) => (this.hidden[row.cells + col] ? null : row.values[col]);
    return { counts: row.values.slice(0, -1).map((_, col) => at(col)), total: at(this.width - 1) };
  }

  private slot(key: string, slice: string) {
    let slices = this.rows.get(key);
    if (!slices) this.rows.set(key, (slices = new Map()));
    let row = slices.get(slice);
    if (!row) slices.set(slice, (row = { values: Array.from({ length: this.width }, () => 0), cells: -1 }));
    return row;
  }
}

/** `/1/3/7/` -> `/1/3/`; null above the top. */
function parentPathOf(path: string): string | null {
  const cut = path.slice(0, -1).lastIndexOf('/');
  return cut > 0 ? path.slice(0, cut + 1) : null;
}

/**
 * Rows of several scales added up in the STATS_TIERS columns (`tiers[i]`: the tier of band i). A
 * sum is shown only when every count in it is, so it tells nothing the scales' own tables hide;
 * a lone hidden tier takes another with it, as in any row.
 */
export function tierRow(scales: readonly { row: SuppressedRow; tiers: readonly StatsTier[] }[]): SuppressedRow {
  const counts: (number | null)[] = STATS_TIERS.map(() => 0);
  let total: number | null = 0;
  for (const { row, tiers } of scales) {
    row.counts.forEach((c, i) => {
      const t = STATS_TIERS.findIndex((x) => x.key === tiers[i]);
      counts[t] = c === null || counts[t] === null ? null : counts[t]! + c;
    });
    total = row.total === null || total === null ? null : total + row.total;
  }
  // One hidden tier beside a shown total would be the total minus the others: hide the next smallest too.
  if (total !== null && counts.filter((c) => c === null).length === 1) {
    let pick = -1;
    counts.forEach((c, i) => {
      if (c !== null && c > 0 && (pick < 0 || c < counts[pick]!)) pick = i;
    });
    if (pick >= 0) counts[pick] = null;
    else total = null;
  }
  return { counts, total };
}
