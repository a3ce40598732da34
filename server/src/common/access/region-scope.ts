import { Raw, type FindOperator } from 'typeorm';
import { ancestorPaths, isWithin } from '@xinqiao/shared';
import { AppException } from '../errors/app-exception';
import type { StaffPrincipal } from './principal';

/**
 * The single region-scoping mechanism. Every query that is limited by region uses one of these
 * operators, in find options (`where: { regionPath: subtree(path) }`) or on a query builder's main
 * alias (`qb.andWhere({ regionPath: subtree(path) })`); no service writes `LIKE '<path>%'` itself.
 * - `subtree(path)`: the region and everything below it (what a staff member of `path` may manage).
 * - `visibleFrom(path)`: the subtree plus the region's ancestors (content published above applies below).
 * - `above(path)`: the region and its ancestors only (what a resident of `path` is shown).
 * A staff member reads and changes only rows in their own subtree; rows outside answer 404, as if
 * they did not exist, so ids cannot be probed.
 */
let seq = 0;
// Each operator gets parameter names of its own, so two of them can sit in one query.
const paramName = () => `regionScope${(seq = (seq + 1) % 1_000_000)}`;

export function subtree(path: string): FindOperator<string> {
  const p = paramName();
  return Raw((column) => `${column} LIKE :${p}`, { [p]: `${path}%` });
}

export function above(path: string): FindOperator<string> {
  const p = paramName();
  return Raw((column) => `${column} IN (:...${p})`, { [p]: ancestorPaths(path) });
}

export function visibleFrom(path: string): FindOperator<string> {
  const below = paramName();
  const up = paramName();
  return Raw((column) => `(${column} LIKE :${below} OR ${column} IN (:...${up}))`, { [below]: `${path}%`, [up]: ancestorPaths(path) });
}

/** The staff member's own subtree. */
export function inScope(staff: StaffPrincipal): FindOperator<string> {
  return subtree(staff.regionPath);
}

/** For a query builder's joined alias: `qb.andWhere(...scopeCondition('a', staff))`. */
export function scopeCondition(alias: string, staff: StaffPrincipal, column = 'regionPath'): [string, Record<string, string>] {
  return subtreeCondition(alias, staff.regionPath, column);
}

/** `subtree(path)` on a query builder's joined alias: `qb.andWhere(...subtreeCondition('a', region.path))`. */
export function subtreeCondition(alias: string, path: string, column = 'regionPath'): [string, Record<string, string>] {
  const p = paramName();
  return [`${alias}.${column} LIKE :${p}`, { [p]: `${path}%` }];
}

export function assertFound<T extends { regionPath: string | null } | { path: string }>(row: T | null | undefined, staff: StaffPrincipal, what: string): T {
  const path = row ? ('regionPath' in row ? row.regionPath : row.path) : null;
  if (!row || path === null || !isWithin(path, staff.regionPath)) throw AppException.notFound(what);
  return row;
}
