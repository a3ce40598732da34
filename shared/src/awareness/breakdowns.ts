import { ancestorPaths, isWithin, pathIds } from '../regions';
import { addCounts, emptyCounts, validateCounts, type AwarenessCell, type AwarenessCounts } from './counts';
import type { SummaryOptions } from './defaults';
import { summarise, type AwarenessResult } from './small-samples';

export interface RegionTotals {
  regionPath: string;
  /** 1 for the root (city). */
  depth: number;
  counts: AwarenessCounts;
}

function comparePaths(a: string, b: string): number {
  const x = pathIds(a);
  const y = pathIds(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] - y[i];
  return x.length - y.length;
}

/**
 * Totals for every region that has respondents in its subtree: each cell counts toward its own
 * region and every ancestor. With `scopePath`, only that region and its descendants are returned
 * (cells outside it are ignored). Sorted depth-first (parent before children, by id).
 */
export function rollUpByRegion(cells: readonly AwarenessCell[], options?: { scopePath?: string }): RegionTotals[] {
  const scope = options?.scopePath;
  const totals = new Map<string, AwarenessCounts>();
  for (const cell of cells) {
    validateCounts(cell);
    if (scope && !isWithin(cell.regionPath, scope)) continue;
    for (const path of ancestorPaths(cell.regionPath)) {
      if (scope && !isWithin(path, scope)) continue;
      totals.set(path, addCounts(totals.get(path) ?? emptyCounts(), cell));
    }
  }
  return [...totals.entries()]
    .map(([regionPath, counts]) => ({ regionPath, depth: pathIds(regionPath).length, counts }))
    .sort((a, b) => comparePaths(a.regionPath, b.regionPath));
}

/** `rollUpByRegion` then `summarise` each region (small regions come back suppressed). */
export function summariseByRegion(
  cells: readonly AwarenessCell[],
  options?: SummaryOptions & { scopePath?: string },
): { regionPath: string; depth: number; result: AwarenessResult }[] {
  return rollUpByRegion(cells, options).map((t) => ({
    regionPath: t.regionPath,
    depth: t.depth,
    result: summarise([t.counts], options),
  }));
}
