import { maxSeverity } from '../scales/scoring';
import type { ScaleDefinition, ScaleResult } from '../scales/types';

/**
 * "三色预警" (the policy documents' three-colour warning): red = serious, yellow = relatively
 * serious, green = a general psychological problem. `null` = no alert.
 */
export const ALERT_COLOURS = ['red', 'yellow', 'green'] as const;
export type AlertColour = (typeof ALERT_COLOURS)[number];
export const ALERT_COLOUR_LABELS: Record<AlertColour, string> = {
  red: '红色预警（严重）',
  yellow: '黄色预警（较严重）',
  green: '绿色预警（一般心理问题）',
};

/**
 * How one scale's result maps to a colour. Plain data, so a system administrator can change it.
 * Precedence: critical item -> crisis -> `bySeverity` -> severity 0 -> rank from the most severe band.
 */
export interface AlertRule {
  /** A fired critical item (e.g. PHQ-9 item 9 >= 1) makes the alert red. */
  criticalItemIsRed: boolean;
  /** A result on the crisis path (critical item or crisis band) makes the alert red. */
  crisisIsRed: boolean;
  /**
   * Colours by the band's rank counted from the scale's most severe band: `[0]` is the most
   * severe band, `[1]` the next one down, and so on.
   */
  fromMostSevere: (AlertColour | null)[];
  /** Bands with severity > 0 that `fromMostSevere` does not reach. */
  otherConcern: AlertColour | null;
  /** Bands with severity 0 (no concern). */
  noConcern: AlertColour | null;
  /** Explicit colour by band severity (JSON keys are the severity numbers); wins over the rank rule. */
  bySeverity?: Record<string, AlertColour | null>;
}

export interface AlertRules {
  default: AlertRule;
  /** Per scale code; merged over `default` field by field. */
  byScale?: Record<string, Partial<AlertRule>>;
}

/** red = critical item or most severe band; yellow = the next band down; green = the other bands of concern; none = no colour. */
export const DEFAULT_ALERT_RULE: AlertRule = {
  criticalItemIsRed: true,
  crisisIsRed: true,
  fromMostSevere: ['red', 'yellow'],
  otherConcern: 'green',
  noConcern: null,
};

/**
 * Defaults shipped with the platform. Per-scale adjustments (a system administrator may change them):
 * - phq-9 / phq-a: the moderate band (10-14, severity 2) is yellow, not green: 10 is the usual
 *   referral cut-off, and GAD-7's moderate band (also ">= 10 refer") is yellow under the generic rule.
 * - who-5: a well-being index, not a symptom scale: <= 28 ("likely depression, assess further") is
 *   yellow, 29-49 (poor well-being) green; only a critical item could make it red (it has none).
 * - pss-10: perceived stress, no official cut-off: high stress (27-40) yellow, moderate (14-26) green.
 */
export const DEFAULT_ALERT_RULES: AlertRules = {
  default: DEFAULT_ALERT_RULE,
  byScale: {
    'phq-9': { bySeverity: { '2': 'yellow' } },
    'phq-a': { bySeverity: { '2': 'yellow' } },
    'who-5': { fromMostSevere: ['yellow', 'green'] },
    'pss-10': { fromMostSevere: ['yellow', 'green'] },
  },
};

/** The rule that applies to one scale code. */
export function alertRuleFor(code: string, rules: AlertRules = DEFAULT_ALERT_RULES): AlertRule {
  const override = rules.byScale && Object.prototype.hasOwnProperty.call(rules.byScale, code) ? rules.byScale[code] : undefined;
  return { ...rules.default, ...override };
}

/** The alert colour of a scored result, or null when it calls for none. */
export function alertColourFor(def: ScaleDefinition, result: ScaleResult, rules: AlertRules = DEFAULT_ALERT_RULES): AlertColour | null {
  const rule = alertRuleFor(def.code, rules);
  if (rule.criticalItemIsRed && result.criticalItems.length > 0) return 'red';
  if (rule.crisisIsRed && result.crisis) return 'red';

  const severity = result.band.severity;
  const key = String(severity);
  if (rule.bySeverity && Object.prototype.hasOwnProperty.call(rule.bySeverity, key)) {
    return rule.bySeverity[key] ?? null;
  }
  if (severity === 0) return rule.noConcern;

  // Rank among the scale's distinct severities, most severe first.
  const ranked = [...new Set(def.bands.map((b) => b.severity))].sort((a, b) => b - a);
  const rank = ranked.indexOf(severity);
  if (rank >= 0 && rank < rule.fromMostSevere.length) return rule.fromMostSevere[rank];
  return rule.otherConcern;
}

/** True when the result lands in the scale's most severe band. */
export function isMostSevereBand(def: ScaleDefinition, result: ScaleResult): boolean {
  return result.band.severity === maxSeverity(def);
}

export interface AlertRulesValidationError {
  path: string;
  message: string;
}

const RULE_KEYS = ['criticalItemIsRed', 'crisisIsRed', 'fromMostSevere', 'otherConcern', 'noConcern', 'bySeverity'];

function checkColour(v: unknown, path: string, errors: AlertRulesValidationError[]): void {
  if (v !== null && !(ALERT_COLOURS as readonly unknown[]).includes(v)) {
    errors.push({ path, message: `应为 red、yellow、green 或 null，实际为 ${JSON.stringify(v)}` });
  }
}

function checkRule(v: unknown, path: string, partial: boolean, errors: AlertRulesValidationError[]): void {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) {
    errors.push({ path, message: '应为对象' });
    return;
  }
  const r = v as Record<string, unknown>;
  for (const key of Object.keys(r)) {
    if (!RULE_KEYS.includes(key)) errors.push({ path: `${path}.${key}`, message: `未知字段“${key}”` });
  }
  for (const key of ['criticalItemIsRed', 'crisisIsRed']) {
    if (r[key] === undefined ? !partial : typeof r[key] !== 'boolean') {
      errors.push({ path: `${path}.${key}`, message: r[key] === undefined ? '缺少必填字段' : '应为 true 或 false' });
    }
  }
  if (r.fromMostSevere === undefined) {
    if (!partial) errors.push({ path: `${path}.fromMostSevere`, message: '缺少必填字段' });
  } else if (!Array.isArray(r.fromMostSevere)) {
    errors.push({ path: `${path}.fromMostSevere`, message: '应为数组' });
  } else {
    r.fromMostSevere.forEach((c: unknown, i: number) => checkColour(c, `${path}.fromMostSevere[${i}]`, errors));
  }
  for (const key of ['otherConcern', 'noConcern']) {
    if (r[key] === undefined) {
      if (!partial) errors.push({ path: `${path}.${key}`, message: '缺少必填字段' });
    } else checkColour(r[key], `${path}.${key}`, errors);
  }
  if (r.bySeverity !== undefined) {
    if (typeof r.bySeverity !== 'object' || r.bySeverity === null || Array.isArray(r.bySeverity)) {
      errors.push({ path: `${path}.bySeverity`, message: '应为对象（键为 severity 数字）' });
    } else {
      for (const [k, c] of Object.entries(r.bySeverity as Record<string, unknown>)) {
        if (!/^(0|[1-9][0-9]*)$/.test(k)) errors.push({ path: `${path}.bySeverity.${k}`, message: '键应为非负整数（分段的 severity）' });
        checkColour(c, `${path}.bySeverity.${k}`, errors);
      }
    }
  }
}

/** Checks alert rules an administrator edits; every problem with its path. */
export function validateAlertRules(input: unknown): { ok: true; rules: AlertRules } | { ok: false; errors: AlertRulesValidationError[] } {
  const errors: AlertRulesValidationError[] = [];
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, errors: [{ path: '', message: '预警规则应为对象' }] };
  }
  const r = input as Record<string, unknown>;
  for (const key of Object.keys(r)) {
    if (key !== 'default' && key !== 'byScale') errors.push({ path: key, message: `未知字段“${key}”` });
  }
  if (r.default === undefined) errors.push({ path: 'default', message: '缺少必填字段' });
  else checkRule(r.default, 'default', false, errors);
  if (r.byScale !== undefined) {
    if (typeof r.byScale !== 'object' || r.byScale === null || Array.isArray(r.byScale)) {
      errors.push({ path: 'byScale', message: '应为对象（键为量表编码）' });
    } else {
      for (const [code, rule] of Object.entries(r.byScale as Record<string, unknown>)) checkRule(rule, `byScale.${code}`, true, errors);
    }
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, rules: input as AlertRules };
}
