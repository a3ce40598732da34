import {
  EVENT_REGISTRATION_CONSENT_VERSION,
  EVENT_REGISTRATION_RETENTION_DAYS,
  REGISTRATION_FIELD_LABELS,
  REGISTRATION_STATUS_LABELS,
  checkinWindow,
  effectiveEventStatus,
  type EventDetail,
  type EventSummary,
  type MyRegistration,
  type RegistrationField,
  type RegistrationInput,
} from '@xinqiao/shared';
import { isMainlandMobile, normalizePhone } from '../scales/phone';
import { formatMoment } from './display';

/** What the resident can do on the event page, in the order the buttons are shown. */
export type EventAction = 'signup' | 'waitlist' | 'accept' | 'decline' | 'ticket' | 'checkin' | 'cancel' | 'leaveWaitlist';

export const EVENT_ACTION_LABELS: Record<EventAction, string> = {
  signup: '我要报名',
  waitlist: '加入候补',
  accept: '接受名额',
  decline: '放弃名额',
  ticket: '查看电子票',
  checkin: '扫码签到',
  cancel: '取消报名',
  leaveWaitlist: '退出候补',
};

export type StatusTone = 'ok' | 'wait' | 'offer' | 'open' | 'closed';

export interface RegistrationView {
  /** Always shown: the resident's registration, else where sign-up stands. */
  status: { label: string; tone: StatusTone };
  /** A sentence under the status (queue place, offer deadline, cut-off…), if any. */
  note: string | null;
  actions: EventAction[];
  /** When self check-in opens, while it has not. */
  checkinNote: string | null;
}

type SignUpPhase = 'not_open' | 'open' | 'closed';

function signUpPhase(e: EventDetail, now: Date): SignUpPhase {
  const t = now.getTime();
  if (e.signupOpensAt && t < new Date(e.signupOpensAt).getTime()) return 'not_open';
  return t < new Date(e.signupClosesAt ?? e.startsAt).getTime() ? 'open' : 'closed';
}

/** As the server decides it (decideCheckin): seat holders check in; anyone else as a walk-in while seats remain. */
function checkinState(e: EventDetail, now: Date): { show: boolean; note: string | null } {
  const reg = e.myRegistration;
  if (reg?.checkedInAt) return { show: false, note: null };
  const { opensAt, closesAt } = checkinWindow({ startsAt: new Date(e.startsAt), endsAt: new Date(e.endsAt) });
  const t = now.getTime();
  if (t > closesAt.getTime()) return { show: false, note: null };
  const holdsSeat = reg?.status === 'confirmed' || reg?.status === 'offered';
  if (t < opensAt.getTime())
    return { show: false, note: holdsSeat ? `活动开始前 1 小时起可扫描现场签到码签到（${formatMoment(opensAt.toISOString(), now)} 起）` : null };
  return { show: holdsSeat || e.seatsLeft > 0, note: null };
}

/** Sign-up buttons for someone without an active registration. */
function signUpOptions(e: EventDetail, now: Date): { actions: EventAction[]; status: RegistrationView['status']; note: string | null } {
  const phase = signUpPhase(e, now);
  if (phase === 'not_open')
    return { actions: [], status: { label: '报名未开始', tone: 'closed' }, note: `报名将于 ${formatMoment(e.signupOpensAt, now)} 开始` };
  if (phase === 'closed') return { actions: [], status: { label: '报名已截止', tone: 'closed' }, note: null };
  if (e.waitlistOpen) {
    return { actions: ['waitlist'], status: { label: '名额已满，可候补', tone: 'wait' }, note: '加入候补后，有人取消时将按顺序为你保留名额，并通知你确认。' };
  }
  if (e.seatsLeft > 0) return { actions: ['signup'], status: { label: '报名中', tone: 'open' }, note: null };
  return { actions: [], status: { label: '名额已满', tone: 'closed' }, note: null };
}

/**
 * The status line, its explanation and the buttons of the event page, from the event and the
 * resident's registration (`myRegistration`), following the server's rules in shared/events.
 */
export function registrationView(e: EventDetail, now: Date): RegistrationView {
  const status = effectiveEventStatus(e.status, new Date(e.endsAt), now);
  const reg = e.myRegistration;
  const checkin = status === 'cancelled' ? { show: false, note: null } : checkinState(e, now);
  const withCheckin = (actions: EventAction[]) => (checkin.show ? [...actions, 'checkin' as const] : actions);
  const base = { checkinNote: checkin.note };

  if (status === 'cancelled') return { ...base, status: { label: '活动已取消', tone: 'closed' }, note: null, actions: [] };
  if (reg?.checkedInAt) {
    return {
      ...base,
      status: { label: '已签到', tone: 'ok' },
      note: `签到时间：${formatMoment(reg.checkedInAt, now)}`,
      actions: reg.status === 'confirmed' ? ['ticket'] : [],
    };
  }
  if (status === 'finished' && !checkin.show) return { ...base, status: { label: '活动已结束', tone: 'closed' }, note: null, actions: [] };
  const t = now.getTime();
  const started = t >= new Date(e.startsAt).getTime();
  if (reg?.status === 'confirmed') {
    const cutOff = e.cancelClosesAt ?? e.startsAt;
    const canCancel = status === 'published' && t < new Date(cutOff).getTime();
    return {
      ...base,
      status: { label: '已报名', tone: 'ok' },
      note: canCancel ? `如不能参加，请在 ${formatMoment(cutOff, now)} 前取消报名，把名额留给其他居民。` : null,
      actions: withCheckin(canCancel ? ['ticket', 'cancel'] : ['ticket']),
    };
  }
  if (reg?.status === 'offered') {
    return {
      ...base,
      status: { label: REGISTRATION_STATUS_LABELS.offered, tone: 'offer' },
      note: reg.offerExpiresAt
        ? `有居民取消了报名，已为你保留名额。请在 ${formatMoment(reg.offerExpiresAt, now)} 前确认，逾期名额将顺延给下一位。`
        : '有居民取消了报名，已为你保留名额，请尽快确认。',
      actions: withCheckin(started ? [] : ['accept', 'decline']),
    };
  }
  if (reg?.status === 'waitlisted') {
    return {
      ...base,
      status: { label: '候补中', tone: 'wait' },
      note: `${reg.waitlistPosition ? `你排在候补第 ${reg.waitlistPosition} 位。` : ''}有名额空出时会通知你确认。`,
      actions: withCheckin(started || status !== 'published' ? [] : ['leaveWaitlist']),
    };
  }
  // Within the half hour after the end, a walk-in may still check in.
  if (status === 'finished') return { ...base, status: { label: '活动已结束', tone: 'closed' }, note: null, actions: withCheckin([]) };

  // No registration, or one that was cancelled or expired: the resident may sign up again.
  const options = signUpOptions(e, now);
  if (reg?.status === 'cancelled' || reg?.status === 'expired') {
    const label = reg.status === 'cancelled' ? '已取消报名' : REGISTRATION_STATUS_LABELS.expired;
    const again = options.actions.length
      ? `如仍想参加，可以${options.actions[0] === 'waitlist' ? '加入候补' : '重新报名'}。`
      : (options.note ?? `${options.status.label}。`);
    return { ...base, status: { label, tone: 'closed' }, note: again, actions: withCheckin(options.actions) };
  }
  return { ...base, status: options.status, note: options.note, actions: withCheckin(options.actions) };
}

/** The status line of an entry in 我的活动. */
export function myEventStatus(
  event: Pick<EventSummary, 'status' | 'endsAt'>,
  reg: Pick<MyRegistration, 'status' | 'checkedInAt' | 'waitlistPosition'>,
  now: Date,
): { label: string; tone: StatusTone } {
  const status = effectiveEventStatus(event.status, new Date(event.endsAt), now);
  if (reg.checkedInAt) return { label: '已签到', tone: 'ok' };
  if (status === 'cancelled') return { label: '活动已取消', tone: 'closed' };
  switch (reg.status) {
    case 'confirmed':
      return status === 'finished' ? { label: '未签到', tone: 'closed' } : { label: '已报名', tone: 'ok' };
    case 'waitlisted':
      return status === 'finished'
        ? { label: '未候补到名额', tone: 'closed' }
        : { label: reg.waitlistPosition ? `候补第 ${reg.waitlistPosition} 位` : '候补中', tone: 'wait' };
    case 'offered':
      return { label: '候补到位，待确认', tone: 'offer' };
    case 'cancelled':
      return { label: '已取消报名', tone: 'closed' };
    case 'expired':
      return { label: REGISTRATION_STATUS_LABELS.expired, tone: 'closed' };
  }
}

/** 我的活动 opens the ticket of a seat still to be used, else the event page. */
export function opensTicket(event: Pick<EventSummary, 'status' | 'endsAt'>, reg: Pick<MyRegistration, 'status' | 'ticket'>, now: Date): boolean {
  return reg.status === 'confirmed' && reg.ticket !== null && effectiveEventStatus(event.status, new Date(event.endsAt), now) === 'published';
}

// ---- the details form (sign-up and walk-in check-in) ----

export const NAME_MAX = 32;

export interface DetailsForm {
  name: string;
  phone: string;
  /** PIPL: a separate consent for these details, never pre-ticked. */
  consent: boolean;
}

export const EMPTY_DETAILS_FORM: DetailsForm = { name: '', phone: '', consent: false };

/** Prefilled from an earlier registration of the same event (e.g. a cancelled one). */
export function detailsFormFrom(previous: { name: string | null; phone: string | null } | null): DetailsForm {
  return { name: previous?.name ?? '', phone: previous?.phone ?? '', consent: false };
}

/** `姓名和手机号` */
export function fieldList(fields: readonly RegistrationField[]): string {
  return fields.map((f) => REGISTRATION_FIELD_LABELS[f]).join('和');
}

/** What the consent check box says the details are for. */
export function consentText(fields: readonly RegistrationField[]): string {
  const what = fieldList(fields);
  const contact = fields.includes('phone') ? '，以及活动时间、地点变更或取消时联系你' : '';
  return `我同意提供${what}。${what}仅用于本次活动的报名核对和现场签到${contact}；只有本活动的组织者和签到工作人员可以查看（签到人员只看到部分信息），不会用于其他用途。活动结束（或取消）${EVENT_REGISTRATION_RETENTION_DAYS} 天后自动删除，也可以随时在“我的 → 注销并删除我的数据”中删除。`;
}

/** Everything that stops the form from being sent, in the order it shows them (zh-CN). */
export function detailsProblems(form: DetailsForm, fields: readonly RegistrationField[]): string[] {
  const problems: string[] = [];
  if (fields.includes('name')) {
    const name = form.name.trim();
    if (!name) problems.push('请填写姓名');
    else if ([...name].length > NAME_MAX) problems.push(`姓名请不超过 ${NAME_MAX} 个字`);
  }
  if (fields.includes('phone')) {
    if (!form.phone.trim()) problems.push('请填写手机号');
    else if (!isMainlandMobile(form.phone)) problems.push('手机号应为 11 位手机号码');
  }
  if (fields.length && !form.consent) problems.push('请阅读并勾选同意报名信息使用说明');
  return problems;
}

/** Only the details the event asks for, with the consent version they were given under. */
export function toDetails(form: DetailsForm, fields: readonly RegistrationField[]): Pick<RegistrationInput, 'name' | 'phone' | 'consentVersion'> {
  const out: Pick<RegistrationInput, 'name' | 'phone' | 'consentVersion'> = { consentVersion: EVENT_REGISTRATION_CONSENT_VERSION };
  if (fields.includes('name')) out.name = form.name.trim();
  if (fields.includes('phone')) out.phone = normalizePhone(form.phone);
  return out;
}

/** What the confirmation asks before giving a seat or a place back. */
export function withdrawConfirmation(action: 'cancel' | 'leaveWaitlist' | 'decline'): { title: string; content: string; confirmText: string } {
  switch (action) {
    case 'cancel':
      return { title: '取消报名', content: '取消后你的名额将让给其他居民。报名截止前可以重新报名，但名额满时只能候补。确定取消吗？', confirmText: '取消报名' };
    case 'leaveWaitlist':
      return { title: '退出候补', content: '退出后将失去当前的候补位置，确定退出吗？', confirmText: '退出候补' };
    case 'decline':
      return { title: '放弃名额', content: '放弃后名额将顺延给下一位候补的居民，且无法撤回。确定放弃吗？', confirmText: '放弃名额' };
  }
}
