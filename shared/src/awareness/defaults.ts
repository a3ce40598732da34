/** Defaults and argument checks used by every awareness figure; only the two defaults and `SummaryOptions` leave the folder. */
export const DEFAULT_Z = 1.96;
export const DEFAULT_MIN_RESPONDENTS = 30;

export interface SummaryOptions {
  /** Slices with fewer respondents are suppressed. Default 30. */
  minRespondents?: number;
  /** Default 1.96 (95%). */
  z?: number;
}

export const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

export function assertCount(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`${name} must be a non-negative integer, got ${value}`);
}

export function resolveMin(options: SummaryOptions | undefined): number {
  const min = options?.minRespondents ?? DEFAULT_MIN_RESPONDENTS;
  if (!Number.isInteger(min) || min < 1) throw new RangeError(`minRespondents must be a positive integer, got ${min}`);
  return min;
}
