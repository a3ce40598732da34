import type { ScaleDefinition } from '../types';
import { GAD7 } from './gad7';
import { GDS15 } from './gds15';
import { K10 } from './k10';
import { PHQ9 } from './phq9';
import { PHQ_A } from './phqA';
import { PSS10 } from './pss10';
import { SAS } from './sas';
import { SDS } from './sds';
import { WHO5 } from './who5';

export { GAD7, GDS15, K10, PHQ9, PHQ_A, PSS10, SAS, SDS, WHO5 };

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as object)) deepFreeze(v);
  }
  return value;
}

/**
 * The scales shipped with the platform (frozen: callers must not change them; a changed scale is a
 * new version). Whether residents may see one is decided by the server, e.g. from
 * `licence.freeForPublicService` (false for the unverified Zung SDS/SAS).
 */
export const BUILT_IN_SCALES: readonly ScaleDefinition[] = deepFreeze([PHQ9, GAD7, PHQ_A, WHO5, K10, PSS10, GDS15, SDS, SAS]);

export function getBuiltInScale(code: string): ScaleDefinition | undefined {
  return BUILT_IN_SCALES.find((s) => s.code === code);
}
