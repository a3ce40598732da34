import { Like, type FindOperator } from 'typeorm';
import { isWithin } from '@xinqiao/shared';
import { AppException } from '../errors/app-exception';
import type { StaffPrincipal } from './principal';

/**
 * The single region-scoping mechanism: a staff member reads and changes only rows whose
 * `regionPath` lies in their own region's subtree. Rows outside answer 404, as if they did not exist,
 * so ids cannot be probed.
 */
export function inScope(staff: StaffPrincipal): FindOperator<string> {
  return Like(`${staff.regionPath}%`);
}

/** For query builders: `qb.andWhere(...scopeCondition('a', staff))`. */
export function scopeCondition(alias: string, staff: StaffPrincipal, column = 'regionPath'): [string, Record<string, string>] {
  return [`${alias}.${column} LIKE :scopePrefix`, { scopePrefix: `${staff.regionPath}%` }];
}

export function assertFound<T extends { regionPath: string | null } | { path: string }>(
  row: T | null | undefined,
  staff: StaffPrincipal,
  what: string,
): T {
  const path = row ? ('regionPath' in row ? row.regionPath : row.path) : null;
  if (!row || path === null || !isWithin(path, staff.regionPath)) throw AppException.notFound(what);
  return row;
}

