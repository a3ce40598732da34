/**
 * Staff notices (the safety loop): how a staff member is reached, the settings screen's contract, and
 * the pure text of each channel's message.
 */
import type { RuleProblem } from '../common/rules';
import { maskPhone } from '../events/masking';
import type { NotificationChannel, NotificationReason, NotificationStatus } from './notifications';

/** One notice as the admin's live stream carries it (SSE event `notice`). Never answers or names. */
export interface LiveNotice {
  deliveryId: number;
  topic: string;
  subject: { type: string; id: number };
  title: string;
  text: string;
  /** Admin path such as `/alerts/17`. */
  link: string;
  colour: 'red' | 'yellow' | 'green' | null;
  region: string;
}

/** GET /api/v1/admin/me/notice-settings: one's own channels. */
export interface StaffNoticeSettings {
  wechat: { bound: boolean; boundAt: string | null };
  /** Masked (138****8000), or null when none is set. */
  mobile: string | null;
  /** Whether the server can send SMS at all (SMS_PROVIDER set). */
  smsConfigured: boolean;
  /** Whether WeChat messages to staff can go out (template WECHAT_TEMPLATE_STAFF_ALERT and credentials set). */
  wechatConfigured: boolean;
}

/** POST /api/v1/admin/me/wechat-binding: a one-time code to scan or type in the mini-program. */
export interface StaffBindingCode {
  /** What the QR code holds and the text to type: `xqbind:<token>`. */
  code: string;
  expiresAt: string;
}

/** POST /api/v1/me/staff-binding (a signed-in WeChat user binds their WeChat to the staff account). */
export interface StaffBindingInput {
  code: string;
}
export interface StaffBindingResult {
  staffName: string;
  /** The staff alert template to ask the user to accept (wx.requestSubscribeMessage), null if not configured. */
  templateId: string | null;
}

/** PUT /api/v1/admin/me/mobile. */
export interface StaffMobileInput {
  /** A mainland mobile number, or null to remove it. */
  mobile: string | null;
}

/** A region's 企业微信 group robot as the admin sees it (the URL holds a secret key: never shown in full). */
export interface RegionRobotWebhook {
  regionId: number;
  regionName: string;
  /** `https://qyapi.weixin.qq.com/…key=****a1b2`, or null when none is set. */
  masked: string | null;
  updatedAt: string | null;
}
export interface RegionRobotWebhookInput {
  url: string;
}

/** POST /api/v1/admin/me/test-notice: what became of each channel's try (after sending was attempted). */
export interface TestNoticeResult {
  deliveries: { id: number; channel: NotificationChannel; target: string; status: NotificationStatus; reason: NotificationReason | null }[];
}

/** The prefix of a staff binding code, so the mini-program recognises a scanned one. */
export const STAFF_BIND_PREFIX = 'xqbind:';

/** A mainland China mobile number: 11 digits starting with 1[3-9]. */
export const CN_MOBILE = /^1[3-9]\d{9}$/;

export const STAFF_MOBILE_MESSAGES = {
  mobile_invalid: '请输入 11 位手机号',
} as const;
export type StaffMobileCode = keyof typeof STAFF_MOBILE_MESSAGES;

/** The mobile a staff member receives SMS notices on: a mainland mobile, or null to stop them. */
export function staffMobileProblems(mobile: string | null): RuleProblem<StaffMobileCode>[] {
  return mobile !== null && !CN_MOBILE.test(mobile) ? [{ code: 'mobile_invalid', field: 'mobile' }] : [];
}

/** Shown for one's own mobile on the settings screen: 138****8000. */
export function maskMobile(mobile: string | null | undefined): string | null {
  return maskPhone(mobile);
}

/** The parts of a staff notice every channel renders. */
export interface StaffNoticeText {
  title: string;
  text: string;
  link: string;
  region: string;
  colour?: 'red' | 'yellow' | 'green';
}

/** An admin link made absolute when the admin's public address is known, else the path as is. */
export function adminUrl(link: string, adminBase: string | null | undefined): string {
  if (!adminBase) return link;
  return `${adminBase.replace(/\/+$/, '')}/${link.replace(/^\/+/, '')}`;
}

const WECOM_COLOUR: Record<'red' | 'yellow' | 'green', string> = { red: 'warning', yellow: 'comment', green: 'info' };

/**
 * The 企业微信 group robot's markdown (4096 bytes at most; ours is far shorter): the title in the
 * colour the robot supports, the line, the region, and the link.
 */
export function wecomMarkdown(n: StaffNoticeText, adminBase: string | null | undefined): string {
  const title = n.colour ? `<font color="${WECOM_COLOUR[n.colour]}">${n.title}</font>` : n.title;
  const url = adminUrl(n.link, adminBase);
  const link = /^https?:\/\//.test(url) ? `[在管理后台查看](${url})` : `管理后台：${url}`;
  return [`### ${title}`, n.text, `> 区域：${n.region}`, link].join('\n');
}

/** Template variables are short: each is cut to this many characters. */
export const SMS_PARAM_MAX = 20;

function cut(s: string, max: number): string {
  const chars = [...s.trim()];
  return chars.length <= max ? chars.join('') : chars.slice(0, max).join('');
}

/**
 * The SMS template's three variables in order: what it is (红色预警), the region, and where to look
 * (the admin path; no resident data ever goes into an SMS).
 */
export function smsParams(n: StaffNoticeText): [string, string, string] {
  return [cut(n.title, SMS_PARAM_MAX), cut(n.region, SMS_PARAM_MAX), cut(`管理后台${n.link}`, SMS_PARAM_MAX * 2)];
}

/** `region:17` -> 17; anything else -> null. */
export function regionTargetId(target: string): number | null {
  const m = /^region:(\d+)$/.exec(target);
  return m ? Number(m[1]) : null;
}

/** Back-off before the n-th reconnect (1-based) of the live stream: 1 s doubling, at most 30 s, with up to 20 % jitter. */
export function reconnectDelayMs(attempt: number, random = Math.random()): number {
  const base = Math.min(30_000, 1000 * 2 ** Math.max(0, attempt - 1));
  return Math.round(base * (1 + 0.2 * random));
}
