/**
 * "请人联系我" help requests (POST /api/v1/help-requests): the rules of the form, shared by the
 * server's 400 answers and the mini-program's form, and the numbers shown at once for `now`.
 * The request and its result types are in ../bookings/types (HelpRequestInput, HelpRequestResult).
 */
import { BOOKING_CONSENT_VERSION, type HelpRequestInput } from '../bookings/types';
import { isContactPhone, INTAKE_NOTE_MAX_CHARS } from '../bookings/rules';
import { CRISIS_HOTLINE_NUMBER, dialable, NATIONAL_REGION_NAME, type Hotline } from '../hotlines';
import { needsGuardianConsent } from '../residents';

/**
 * The consent version a help request must carry: the booking consent, whose text covers "请人联系我"
 * (the booking intake's "I am in danger now" answer sends its help request with the same consent).
 */
export const HELP_REQUEST_CONSENT_VERSION = BOOKING_CONSENT_VERSION;
/** The resident's few lines: as long as a booking intake's note. */
export const HELP_REQUEST_NOTE_MAX_CHARS = INTAKE_NOTE_MAX_CHARS;
export const HELP_REQUEST_NAME_MAX_CHARS = 32;
export const HELP_REQUEST_GUARDIAN_NAME_MAX_CHARS = 32;
export const HELP_REQUEST_GUARDIAN_RELATION_MAX_CHARS = 16;

export const HELP_REQUEST_PROBLEM_CODES = [
  'phone_required',
  'phone_invalid',
  'name_too_long',
  'guardian_required',
  'guardian_too_long',
  'sensitive_consent_required',
  'contact_consent_required',
  'consent_outdated',
  'note_too_long',
] as const;
export type HelpRequestProblemCode = (typeof HELP_REQUEST_PROBLEM_CODES)[number];

export const HELP_REQUEST_PROBLEM_MESSAGES: Record<HelpRequestProblemCode, string> = {
  phone_required: '请填写联系电话，以便心理咨询师联系您',
  phone_invalid: '联系电话格式不正确：请填写 11 位手机号，或带区号的固定电话（如 010-12345678）',
  name_too_long: `称呼最多 ${HELP_REQUEST_NAME_MAX_CHARS} 字`,
  guardian_required: '未满 14 周岁需经监护人同意，请填写监护人姓名及与您的关系',
  guardian_too_long: `监护人姓名最多 ${HELP_REQUEST_GUARDIAN_NAME_MAX_CHARS} 字，与您的关系最多 ${HELP_REQUEST_GUARDIAN_RELATION_MAX_CHARS} 字`,
  sensitive_consent_required: '填写情况说明，需同意处理敏感个人信息；不同意也可不填，直接提交',
  contact_consent_required: '请阅读并同意由心理咨询师联系您的个人信息处理规则',
  consent_outdated: '个人信息处理规则已更新，请重新阅读并同意',
  note_too_long: `情况说明最多 ${HELP_REQUEST_NOTE_MAX_CHARS} 字`,
};

export interface HelpRequestProblem {
  code: HelpRequestProblemCode;
  /** The field at fault, as named in `HelpRequestInput` (nested ones as `a.b`). */
  field: 'contactPhone' | 'contactName' | 'guardian' | 'consent.sensitive' | 'consent.contact' | 'consent.version' | 'note';
}

const blank = (value: string | null | undefined): boolean => (value ?? '').trim() === '';
const chars = (value: string | null | undefined): number => [...(value ?? '')].length;

/**
 * Problems of a help request, in form order (empty: acceptable):
 * - a contact phone, a mainland mobile or a landline with its area code (`isContactPhone`, after trimming);
 * - a name of at most HELP_REQUEST_NAME_MAX_CHARS characters;
 * - a guardian (name and relation) for an age band under 14 (`needsGuardianConsent`), within their lengths;
 * - the separate sensitive-information consent when a non-blank note is given;
 * - consent to be contacted, of the current HELP_REQUEST_CONSENT_VERSION;
 * - a note of at most HELP_REQUEST_NOTE_MAX_CHARS characters.
 * The region (a community or village) and the urgency are the server's to check.
 */
export function validateHelpRequest(
  input: Pick<HelpRequestInput, 'contactPhone' | 'contactName' | 'note' | 'ageBand' | 'consent' | 'guardian'>,
): HelpRequestProblem[] {
  const problems: HelpRequestProblem[] = [];
  const phone = (input.contactPhone ?? '').trim();
  if (phone === '') problems.push({ code: 'phone_required', field: 'contactPhone' });
  else if (!isContactPhone(phone)) problems.push({ code: 'phone_invalid', field: 'contactPhone' });
  if (chars(input.contactName?.trim()) > HELP_REQUEST_NAME_MAX_CHARS) problems.push({ code: 'name_too_long', field: 'contactName' });
  const guardian = input.guardian;
  if (needsGuardianConsent(input.ageBand) && (!guardian || blank(guardian.name) || blank(guardian.relation))) {
    problems.push({ code: 'guardian_required', field: 'guardian' });
  } else if (
    guardian &&
    (chars(guardian.name?.trim()) > HELP_REQUEST_GUARDIAN_NAME_MAX_CHARS || chars(guardian.relation?.trim()) > HELP_REQUEST_GUARDIAN_RELATION_MAX_CHARS)
  ) {
    problems.push({ code: 'guardian_too_long', field: 'guardian' });
  }
  if (!blank(input.note) && input.consent?.sensitive !== true) problems.push({ code: 'sensitive_consent_required', field: 'consent.sensitive' });
  if (input.consent?.contact !== true) problems.push({ code: 'contact_consent_required', field: 'consent.contact' });
  else if (input.consent.version !== HELP_REQUEST_CONSENT_VERSION) problems.push({ code: 'consent_outdated', field: 'consent.version' });
  if (chars(input.note) > HELP_REQUEST_NOTE_MAX_CHARS) problems.push({ code: 'note_too_long', field: 'note' });
  return problems;
}

const emergency = (id: number, name: string, number: string, source: string, sortOrder: number): Hotline => ({
  id,
  name,
  number,
  hours: '24小时',
  is24h: true,
  audiences: ['all'],
  source,
  regionId: null,
  regionName: NATIONAL_REGION_NAME,
  national: true,
  sortOrder,
});

/** Emergency numbers for someone in danger now: police and ambulance (negative ids, like the national lines). */
export const EMERGENCY_NUMBERS: readonly Hotline[] = [
  emergency(-110, '报警电话（人身安全受到威胁时）', '110', '公安机关报警服务电话', 0),
  emergency(-120, '急救电话（需要紧急医疗救助时）', '120', '医疗急救电话', 1),
];

/**
 * What a `now` help request shows at once: 12356 first, then 110 and 120, then the other lines of
 * `crisis` (as `crisisHotlines` ordered them: the region's 24-hour lines before the national ones),
 * without repeating a number.
 */
export function helpRequestHotlines(crisis: readonly Hotline[]): Hotline[] {
  const first = crisis.filter((h) => dialable(h.number) === CRISIS_HOTLINE_NUMBER);
  const out: Hotline[] = [];
  const seen = new Set<string>();
  for (const h of [...first.slice(0, 1), ...EMERGENCY_NUMBERS, ...crisis]) {
    const key = dialable(h.number);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(h);
  }
  return out;
}
