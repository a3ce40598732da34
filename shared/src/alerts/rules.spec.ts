import { alertColourFor, alertRuleFor, DEFAULT_ALERT_RULE, DEFAULT_ALERT_RULES, validateAlertRules, type AlertRules } from './rules';
import { GAD7, GDS15, K10, PHQ9, PHQ_A, PSS10, SAS, SDS, WHO5 } from '../scales/definitions';
import { scoreResponse } from '../scales/scoring';
import type { ScaleDefinition } from '../scales/types';

function colour(def: ScaleDefinition, values: number[], rules?: AlertRules) {
  const answers = Object.fromEntries(def.items.map((item, i) => [item.id, values[i]]));
  return alertColourFor(def, scoreResponse(def, answers), rules);
}

describe('default three-colour rules', () => {
  it('PHQ-9: critical item or severe -> red; 15-19 yellow; 10-14 yellow (override); 5-9 green; 0-4 none', () => {
    expect(colour(PHQ9, [0, 0, 0, 0, 0, 0, 0, 0, 1])).toBe('red'); // score 1, item 9 fired
    expect(colour(PHQ9, [3, 3, 3, 3, 3, 3, 2, 0, 0])).toBe('red'); // 20
    expect(colour(PHQ9, [3, 3, 3, 3, 3, 3, 1, 0, 0])).toBe('yellow'); // 19
    expect(colour(PHQ9, [3, 3, 3, 3, 3, 0, 0, 0, 0])).toBe('yellow'); // 15
    expect(colour(PHQ9, [3, 3, 3, 3, 2, 0, 0, 0, 0])).toBe('yellow'); // 14
    expect(colour(PHQ9, [3, 3, 3, 1, 0, 0, 0, 0, 0])).toBe('yellow'); // 10
    expect(colour(PHQ9, [3, 3, 3, 0, 0, 0, 0, 0, 0])).toBe('green'); // 9
    expect(colour(PHQ9, [3, 2, 0, 0, 0, 0, 0, 0, 0])).toBe('green'); // 5
    expect(colour(PHQ9, [3, 1, 0, 0, 0, 0, 0, 0, 0])).toBeNull(); // 4
  });

  it('PHQ-A: a positive suicide question is red whatever the score', () => {
    expect(colour(PHQ_A, [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0])).toBe('red');
    expect(colour(PHQ_A, [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1])).toBe('red');
    expect(colour(PHQ_A, [0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0])).toBeNull();
    expect(colour(PHQ_A, [3, 3, 3, 1, 0, 0, 0, 0, 0, 0, 0, 0])).toBe('yellow'); // 10
  });

  it('GAD-7: 15-21 red, 10-14 yellow, 5-9 green, 0-4 none', () => {
    expect(colour(GAD7, [3, 3, 3, 3, 3, 0, 0])).toBe('red'); // 15
    expect(colour(GAD7, [3, 3, 3, 3, 2, 0, 0])).toBe('yellow'); // 14
    expect(colour(GAD7, [3, 3, 3, 1, 0, 0, 0])).toBe('yellow'); // 10
    expect(colour(GAD7, [3, 3, 3, 0, 0, 0, 0])).toBe('green'); // 9
    expect(colour(GAD7, [3, 2, 0, 0, 0, 0, 0])).toBe('green'); // 5
    expect(colour(GAD7, [3, 1, 0, 0, 0, 0, 0])).toBeNull(); // 4
  });

  it('K10: 30-50 red, 25-29 yellow, 20-24 green, 10-19 none', () => {
    expect(colour(K10, [3, 3, 3, 3, 3, 3, 3, 3, 3, 3])).toBe('red'); // 30
    expect(colour(K10, [3, 3, 3, 3, 3, 3, 3, 3, 3, 2])).toBe('yellow'); // 29
    expect(colour(K10, [3, 3, 3, 3, 3, 2, 2, 2, 2, 2])).toBe('yellow'); // 25
    expect(colour(K10, [2, 2, 2, 2, 2, 2, 2, 2, 2, 2])).toBe('green'); // 20
    expect(colour(K10, [2, 2, 2, 2, 2, 2, 2, 2, 2, 1])).toBeNull(); // 19
  });

  it('WHO-5 (override): <= 28 yellow, 29-49 green, >= 50 none; never red from the score', () => {
    expect(colour(WHO5, [0, 0, 0, 0, 0])).toBe('yellow'); // 0
    expect(colour(WHO5, [2, 2, 2, 1, 0])).toBe('yellow'); // 28
    expect(colour(WHO5, [2, 2, 2, 1, 1])).toBe('green'); // 32
    expect(colour(WHO5, [3, 3, 2, 2, 2])).toBe('green'); // 48
    expect(colour(WHO5, [3, 3, 3, 2, 2])).toBeNull(); // 52
  });

  it('PSS-10 (override): 27-40 yellow, 14-26 green, 0-13 none', () => {
    expect(colour(PSS10, [4, 4, 4, 0, 0, 4, 0, 0, 4, 4])).toBe('yellow'); // 40
    expect(colour(PSS10, [4, 4, 4, 1, 4, 4, 4, 4, 4, 4])).toBe('yellow'); // 27
    expect(colour(PSS10, [4, 4, 4, 2, 4, 4, 4, 4, 4, 4])).toBe('green'); // 26
    expect(colour(PSS10, [4, 4, 4, 4, 4, 2, 4, 4, 0, 0])).toBe('green'); // 14
    expect(colour(PSS10, [4, 4, 4, 4, 4, 1, 4, 4, 0, 0])).toBeNull(); // 13
  });

  it('GDS-15: 12-15 red, 9-11 yellow, 5-8 green, 0-4 none', () => {
    expect(colour(GDS15, [0, 1, 1, 1, 0, 1, 0, 1, 1, 1, 0, 0, 0, 0, 0])).toBe('red'); // 12
    expect(colour(GDS15, [0, 1, 1, 1, 0, 1, 0, 1, 1, 0, 0, 0, 0, 0, 0])).toBe('yellow'); // 11
    expect(colour(GDS15, [0, 1, 1, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0])).toBe('yellow'); // 9
    expect(colour(GDS15, [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])).toBe('green'); // 5
    expect(colour(GDS15, [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])).toBeNull(); // 4
  });

  it('SDS: item 19 >= 2 is red even in the normal range; 63-72 yellow; 53-62 green', () => {
    expect(colour(SDS, [1, 4, 1, 1, 4, 4, 1, 1, 1, 1, 4, 4, 1, 4, 1, 4, 4, 4, 2, 4])).toBe('red'); // 26, item 19 fired
    expect(colour(SDS, [4, 1, 4, 4, 1, 1, 4, 4, 4, 4, 3, 3, 4, 3, 4, 4, 4, 4, 1, 4])).toBe('red'); // 73
    expect(colour(SDS, [4, 1, 4, 4, 1, 1, 4, 4, 4, 4, 3, 3, 4, 4, 4, 4, 4, 4, 1, 4])).toBe('yellow'); // 72
    expect(colour(SDS, [4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 3, 4, 1, 4, 4, 4, 1, 4])).toBe('green'); // 53
    expect(colour(SDS, [4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 2, 4, 1, 4, 4, 4, 1, 4])).toBeNull(); // 52
  });

  it('SAS: 70 red, 60 yellow, 50 green, 48 none', () => {
    expect(colour(SAS, [4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 1, 4, 1, 4, 1])).toBe('red'); // 70
    expect(colour(SAS, [4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 2, 4, 1, 1, 1, 4, 1, 4, 1])).toBe('yellow'); // 60
    expect(colour(SAS, [4, 4, 4, 4, 4, 4, 4, 3, 4, 1, 1, 1, 4, 1, 1, 1, 4, 1, 4, 1])).toBe('green'); // 50
    expect(colour(SAS, [4, 4, 4, 4, 4, 4, 4, 2, 4, 1, 1, 1, 4, 1, 1, 1, 4, 1, 4, 1])).toBeNull(); // 48
  });
});

describe('configurable rules', () => {
  const PHQ9_ITEM9_ONLY = [0, 0, 0, 0, 0, 0, 0, 0, 1];
  const PHQ9_SEVERE = [3, 3, 3, 3, 3, 3, 2, 0, 0];

  it('merges a per-scale override over the default', () => {
    expect(alertRuleFor('phq-9')).toEqual({ ...DEFAULT_ALERT_RULE, bySeverity: { '2': 'yellow' } });
    expect(alertRuleFor('k10')).toEqual(DEFAULT_ALERT_RULE);
    expect(alertRuleFor('constructor')).toEqual(DEFAULT_ALERT_RULE);
  });

  it('an administrator can turn off "critical item is red"; the crisis rule then still applies', () => {
    const rules: AlertRules = { default: { ...DEFAULT_ALERT_RULE, criticalItemIsRed: false } };
    expect(colour(PHQ9, PHQ9_ITEM9_ONLY, rules)).toBe('red');
    const neither: AlertRules = { default: { ...DEFAULT_ALERT_RULE, criticalItemIsRed: false, crisisIsRed: false } };
    expect(colour(PHQ9, PHQ9_ITEM9_ONLY, neither)).toBeNull(); // band 0-4
    expect(colour(PHQ9, PHQ9_SEVERE, neither)).toBe('red'); // still the most severe band
  });

  it('an administrator can change colours by rank, by severity, and per scale', () => {
    const rules: AlertRules = {
      default: { ...DEFAULT_ALERT_RULE, fromMostSevere: ['red', 'red'], otherConcern: 'yellow', noConcern: 'green' },
      byScale: { 'gad-7': { bySeverity: { '3': 'yellow', '0': null } } },
    };
    expect(colour(K10, [3, 3, 3, 3, 3, 2, 2, 2, 2, 2], rules)).toBe('red'); // 25: second band from the top
    expect(colour(K10, [2, 2, 2, 2, 2, 2, 2, 2, 2, 2], rules)).toBe('yellow'); // 20
    expect(colour(K10, [1, 1, 1, 1, 1, 1, 1, 1, 1, 1], rules)).toBe('green'); // 10: severity 0
    expect(colour(GAD7, [3, 3, 3, 3, 3, 3, 3], rules)).toBe('yellow'); // 21, severity 3 overridden
    expect(colour(GAD7, [0, 0, 0, 0, 0, 0, 0], rules)).toBeNull(); // severity 0 overridden to none
  });

  it('the default rules are plain JSON data and pass their own validator', () => {
    const roundTrip = JSON.parse(JSON.stringify(DEFAULT_ALERT_RULES));
    expect(roundTrip).toEqual(DEFAULT_ALERT_RULES);
    expect(validateAlertRules(roundTrip)).toEqual({ ok: true, rules: roundTrip });
  });

  it('validateAlertRules reports broken rules with their paths', () => {
    const r = validateAlertRules({
      default: { criticalItemIsRed: 'yes', crisisIsRed: true, fromMostSevere: ['red', 'purple'], otherConcern: 'green' },
      byScale: { 'phq-9': { bySeverity: { high: 'red' } }, k10: { colour: 'red' } },
      extra: 1,
    });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors).toEqual([
        { path: 'extra', message: '未知字段“extra”' },
        { path: 'default.criticalItemIsRed', message: '应为 true 或 false' },
        { path: 'default.fromMostSevere[1]', message: '应为 red、yellow、green 或 null，实际为 "purple"' },
        { path: 'default.noConcern', message: '缺少必填字段' },
        { path: 'byScale.phq-9.bySeverity.high', message: '键应为非负整数（分段的 severity）' },
        { path: 'byScale.k10.colour', message: '未知字段“colour”' },
      ]);
    }
    expect(validateAlertRules(null)).toEqual({ ok: false, errors: [{ path: '', message: '预警规则应为对象' }] });
  });
});
