/** How the yearly "六进" quota coverage is shown: which rows are missing lectures, and the rules in words. */
import type { CoverageRules } from '@xinqiao/shared';

/** Met; short but enough lectures are published to close the gap; or short with nothing planned. */
export type QuotaState = 'met' | 'planned' | 'missing';

export const QUOTA_STATE_LABELS: Record<QuotaState, string> = {
  met: '已达标',
  planned: '已安排，待举办',
  missing: '未达标',
};

export const QUOTA_STATE_COLOURS: Record<QuotaState, string> = {
  met: 'success',
  planned: 'warning',
  missing: 'error',
};

export function quotaState(row: { met: boolean; missing: number; planned: number }): QuotaState {
  if (row.met) return 'met';
  return row.planned >= row.missing ? 'planned' : 'missing';
}

/** Row class for the tables: missing rows stand out in red, planned ones in amber. */
export function quotaRowClass(row: { met: boolean; missing: number; planned: number }): string {
  const state = quotaState(row);
  return state === 'met' ? '' : `xq-quota-${state}`;
}

export function quotaRulesText(rules: CoverageRules): string {
  return (
    `每个社区、村每年至少 ${rules.regionLecturesPerYear} 场讲座；` +
    `职工超过 ${rules.unitStaffThreshold} 人的单位每年至少 ${rules.unitLecturesPerYear} 场 ${rules.unitMinMinutes} 分钟以上的讲座`
  );
}

/** The years to pick from: this one and the few before it. */
export function recentYears(now: Date = new Date(), count = 5): number[] {
  const year = now.getFullYear();
  return Array.from({ length: count }, (_, i) => year - i);
}
