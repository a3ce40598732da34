import {
  GUARDIAN_RELATIONS,
  SCALE_CONSENT_VERSION,
  needsGuardianConsent,
  type AgeBand,
  type ConsentMode,
  type GuardianRelation,
  type ScaleConsentInput,
} from '@xinqiao/shared';
import { isMainlandMobile, normalizePhone } from './phone';

export const CONTACT_NAME_MAX = 20;
export const GUARDIAN_NAME_MAX = 20;

/** What the consent step on the intro page edits. */
export interface ConsentForm {
  /** null until the resident chooses: consent to keep health data must not be pre-ticked. */
  mode: ConsentMode | null;
  followUp: boolean;
  contactPhone: string;
  contactName: string;
  /** The resident says the person answering is under 14 (when the profile does not already say so). */
  respondentUnder14: boolean;
  guardianName: string;
  guardianRelation: GuardianRelation | null;
  guardianAgreed: boolean;
}

export const EMPTY_CONSENT_FORM: ConsentForm = {
  mode: null,
  followUp: false,
  contactPhone: '',
  contactName: '',
  respondentUnder14: false,
  guardianName: '',
  guardianRelation: null,
  guardianAgreed: false,
};

export interface ConsentContext {
  signedIn: boolean;
  /** From GET /me; null when unknown or not signed in. */
  profileAgeBand: AgeBand | null;
  /** From GET /me: a counsellor is found by the resident's community, so a follow-up needs one. */
  profileRegionId: number | null;
}

/** PIPL art. 31: a respondent under 14 needs a guardian's consent. */
export function needsGuardian(form: ConsentForm, ctx: ConsentContext): boolean {
  return needsGuardianConsent(ctx.profileAgeBand) || form.respondentUnder14;
}

/** Switching to anonymous drops the follow-up request: a counsellor cannot reach an anonymous result. */
export function withMode(form: ConsentForm, mode: ConsentMode): ConsentForm {
  return mode === 'save' ? { ...form, mode } : { ...form, mode, followUp: false };
}

/** Everything that stops the resident from starting, in the order the form shows it (zh-CN). */
export function consentProblems(form: ConsentForm, ctx: ConsentContext): string[] {
  const problems: string[] = [];
  if (!form.mode) problems.push('请选择是否保存本次测评结果');
  if (form.mode === 'save' && !ctx.signedIn) problems.push('保存到我的记录需要先登录；也可以选择匿名测评');
  if (form.followUp) {
    if (form.mode !== 'save') problems.push('请心理咨询师联系您，需要选择“保存到我的记录”');
    else if (ctx.signedIn && !ctx.profileRegionId) problems.push('请先在“我的”中选择所在社区（村），以便当地心理咨询师联系您');
    if (!form.contactPhone.trim()) problems.push('请填写联系电话，方便心理咨询师联系您');
    else if (!isMainlandMobile(form.contactPhone)) problems.push('联系电话应为 11 位手机号码');
    if (form.contactName.trim().length > CONTACT_NAME_MAX) problems.push(`称呼请不超过 ${CONTACT_NAME_MAX} 个字`);
  }
  if (needsGuardian(form, ctx)) {
    const name = form.guardianName.trim();
    if (!name) problems.push('请填写监护人姓名');
    else if (name.length > GUARDIAN_NAME_MAX) problems.push(`监护人姓名请不超过 ${GUARDIAN_NAME_MAX} 个字`);
    if (!form.guardianRelation || !GUARDIAN_RELATIONS.includes(form.guardianRelation)) problems.push('请选择监护人与答题人的关系');
    if (!form.guardianAgreed) problems.push('未满 14 周岁的答题人需要监护人同意后才能开始测评');
  }
  return problems;
}

/** The `consent` of ScaleResponseInput. Call only when `consentProblems` is empty. */
export function toConsentInput(form: ConsentForm, ctx: ConsentContext): ScaleConsentInput {
  if (!form.mode) throw new Error('consent mode not chosen');
  const consent: ScaleConsentInput = { mode: form.mode, followUp: false, version: SCALE_CONSENT_VERSION };
  if (form.mode === 'save' && form.followUp) {
    consent.followUp = true;
    consent.contactPhone = normalizePhone(form.contactPhone);
    const name = form.contactName.trim();
    if (name) consent.contactName = name;
  }
  if (needsGuardian(form, ctx) && form.guardianRelation) {
    consent.guardian = { name: form.guardianName.trim(), relation: form.guardianRelation };
  }
  return consent;
}

/**
 * `ageBand` of ScaleResponseInput: only the fact the server needs to check the guardian rule, and
 * only when it cannot read it from the profile (anonymous answers are sent without the account).
 */
export function responseAgeBand(form: ConsentForm, ctx: ConsentContext): AgeBand | undefined {
  if (!needsGuardian(form, ctx)) return undefined;
  if (form.mode === 'save' && ctx.profileAgeBand === 'under14') return undefined;
  return 'under14';
}
