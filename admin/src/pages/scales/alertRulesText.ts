import { validateAlertRules, type AlertRules } from '@xinqiao/shared';
import { parseJsonText } from './scaleImport';
import type { Problem } from './problems';

export function alertRulesToText(rules: AlertRules): string {
  return `${JSON.stringify(rules, null, 2)}\n`;
}

export type AlertRulesCheck = { ok: true; rules: AlertRules } | { ok: false; problems: Problem[] };

/** The edited text checked the way the server will check it, so mistakes show while typing. */
export function checkAlertRulesText(text: string): AlertRulesCheck {
  const parsed = parseJsonText(text);
  if (!parsed.ok) return { ok: false, problems: [{ path: '', message: `内容${parsed.error}` }] };
  const result = validateAlertRules(parsed.value);
  return result.ok ? { ok: true, rules: result.rules } : { ok: false, problems: result.errors };
}
