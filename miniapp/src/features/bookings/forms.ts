import {
  BOOKING_CONSENT_VERSION,
  GUARDIAN_RELATION_LABELS,
  INTAKE_NOTE_MAX_CHARS,
  INTAKE_PROBLEM_MESSAGES,
  isContactPhone,
  needsGuardianConsent,
  validateIntake,
  type AgeBand,
  type BookingKind,
  type GuardianRelation,
  type HelpRequestInput,
  type HelpUrgency,
  type IntakeInput,
  type IntakeTopic,
} from '@xinqiao/shared';
import { normalizePhone } from '../scales/phone';

export const GUARDIAN_NAME_MAX = 20;
export const CONTACT_NAME_MAX = 20;
export const DANGER_QUESTION = '你现在是否有伤害自己或他人的危险？';

/** Spaces and hyphens inside a mobile number and a +86 prefix go; a landline keeps its hyphen. */
export function cleanPhone(input: string): string {
  const trimmed = input.trim();
  if (/^0\d{2,3}-\d{7,8}$/.test(trimmed)) return trimmed;
  return normalizePhone(trimmed);
}

// ---- the booking intake ----

export interface IntakeForm {
  /** The first question; `yes` turns the page into the crisis card and a request to be called soon. */
  danger: 'yes' | 'no' | null;
  topic: IntakeTopic | null;
  note: string;
  contactPhone: string;
  ageBand: AgeBand | null;
  guardianName: string;
  guardianRelation: GuardianRelation | null;
  /** Separate consent for the topic and the note (health information); never pre-ticked. */
  sensitive: boolean;
  bookingConsent: boolean;
}

export const EMPTY_INTAKE: IntakeForm = {
  danger: null,
  topic: null,
  note: '',
  contactPhone: '',
  ageBand: null,
  guardianName: '',
  guardianRelation: null,
  sensitive: false,
  bookingConsent: false,
};

function guardianOf(form: { ageBand: AgeBand | null; guardianName: string; guardianRelation: GuardianRelation | null }) {
  if (!needsGuardianConsent(form.ageBand)) return null;
  return { name: form.guardianName.trim(), relation: form.guardianRelation ? GUARDIAN_RELATION_LABELS[form.guardianRelation] : '' };
}

/** The `intake` of BookingInput (call after `intakeProblems` is empty; the age band is then set). */
export function toIntakeInput(form: IntakeForm): IntakeInput {
  const note = form.note.trim();
  return {
    topic: form.topic,
    note: note ? note : null,
    contactPhone: cleanPhone(form.contactPhone),
    ageBand: form.ageBand ?? '18to34',
    consent: { version: BOOKING_CONSENT_VERSION, booking: form.bookingConsent as true, sensitive: form.sensitive },
    guardian: guardianOf(form),
  };
}

/** What stops the booking, in form order (zh-CN); the wording of the rules is the server's (shared). */
export function intakeProblems(form: IntakeForm, kind: BookingKind): string[] {
  const problems: string[] = [];
  if (form.danger === null) problems.push(`请先回答：${DANGER_QUESTION}`);
  if (!form.ageBand) problems.push('请选择年龄段');
  const input = toIntakeInput(form);
  if (!form.ageBand) input.ageBand = '18to34';
  for (const p of validateIntake(input, kind)) problems.push(INTAKE_PROBLEM_MESSAGES[p.code]);
  if ([...form.guardianName.trim()].length > GUARDIAN_NAME_MAX) problems.push(`监护人姓名请不超过 ${GUARDIAN_NAME_MAX} 个字`);
  return problems;
}

// ---- 请人联系我 ----

export interface HelpForm {
  urgency: HelpUrgency | null;
  contactPhone: string;
  contactName: string;
  note: string;
  regionId: number | null;
  ageBand: AgeBand | null;
  guardianName: string;
  guardianRelation: GuardianRelation | null;
  /** Consent to being contacted (name, phone, region); never pre-ticked. */
  contactConsent: boolean;
  /** Separate consent for the note (health information). */
  sensitive: boolean;
}

export const EMPTY_HELP: HelpForm = {
  urgency: null,
  contactPhone: '',
  contactName: '',
  note: '',
  regionId: null,
  ageBand: null,
  guardianName: '',
  guardianRelation: null,
  contactConsent: false,
  sensitive: false,
};

export function helpProblems(form: HelpForm): string[] {
  const problems: string[] = [];
  if (!form.urgency) problems.push('请选择您希望多快被联系');
  const phone = cleanPhone(form.contactPhone);
  if (!phone) problems.push(INTAKE_PROBLEM_MESSAGES.phone_required);
  else if (!isContactPhone(phone)) problems.push(INTAKE_PROBLEM_MESSAGES.phone_invalid);
  if ([...form.contactName.trim()].length > CONTACT_NAME_MAX) problems.push(`称呼请不超过 ${CONTACT_NAME_MAX} 个字`);
  if (form.regionId === null) problems.push('请选择所在社区/村，以便当地心理咨询师联系您');
  if (!form.ageBand) problems.push('请选择年龄段');
  if (needsGuardianConsent(form.ageBand)) {
    const g = guardianOf(form);
    if (!g?.name || !g.relation) problems.push(INTAKE_PROBLEM_MESSAGES.guardian_required);
    else if ([...g.name].length > GUARDIAN_NAME_MAX) problems.push(`监护人姓名请不超过 ${GUARDIAN_NAME_MAX} 个字`);
  }
  if (form.note.trim() && !form.sensitive) problems.push('填写情况说明需同意处理敏感个人信息；不同意也可不填');
  if ([...form.note.trim()].length > INTAKE_NOTE_MAX_CHARS) problems.push(INTAKE_PROBLEM_MESSAGES.note_too_long);
  if (!form.contactConsent) problems.push('请阅读并同意联系服务的个人信息处理规则');
  return problems;
}

/** HelpRequestInput (call after `helpProblems` is empty). */
export function toHelpRequestInput(form: HelpForm, clientRequestId: string): HelpRequestInput {
  const name = form.contactName.trim();
  const note = form.note.trim();
  return {
    urgency: form.urgency ?? 'now',
    contactPhone: cleanPhone(form.contactPhone),
    contactName: name || null,
    note: note && form.sensitive ? note : null,
    regionId: form.regionId ?? 0,
    ageBand: form.ageBand ?? '18to34',
    consent: { version: BOOKING_CONSENT_VERSION, contact: true, sensitive: Boolean(note) && form.sensitive },
    guardian: guardianOf(form),
    clientRequestId,
  };
}
