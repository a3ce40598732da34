import { DEFAULT_COVERAGE_RULES } from '@xinqiao/shared';
import { quotaRowClass, quotaRulesText, quotaState, recentYears } from './coverageView';

describe('quotaState', () => {
  it('tells met, planned-to-close and missing rows apart', () => {
    expect(quotaState({ met: true, missing: 0, planned: 0 })).toBe('met');
    expect(quotaState({ met: false, missing: 1, planned: 1 })).toBe('planned');
    expect(quotaState({ met: false, missing: 2, planned: 1 })).toBe('missing');
    expect(quotaRowClass({ met: false, missing: 2, planned: 0 })).toBe('xq-quota-missing');
    expect(quotaRowClass({ met: false, missing: 1, planned: 3 })).toBe('xq-quota-planned');
    expect(quotaRowClass({ met: true, missing: 0, planned: 0 })).toBe('');
  });
});

describe('texts', () => {
  it('states the rules and offers recent years', () => {
    expect(quotaRulesText(DEFAULT_COVERAGE_RULES)).toBe('每个社区、村每年至少 2 场讲座；职工超过 100 人的单位每年至少 1 场 60 分钟以上的讲座');
    expect(recentYears(new Date(2026, 4, 1), 3)).toEqual([2026, 2025, 2024]);
  });
});
