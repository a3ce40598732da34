/**
 * Messages the server sends on its own (WeChat subscribe messages now; the admin's live notice, a
 * 企业微信 group robot and SMS later): every message is one delivery record with what became of it.
 */

/**
 * How a message travels: a WeChat subscribe message (residents, and staff who bound their WeChat),
 * the admin console's live notice, a region's 企业微信 group robot, and SMS to a staff member's mobile.
 */
export const NOTIFICATION_CHANNELS = ['wechat_subscribe', 'admin_live', 'wecom_robot', 'sms'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];
export const NOTIFICATION_CHANNEL_LABELS: Record<NotificationChannel, string> = {
  wechat_subscribe: '微信订阅消息',
  admin_live: '管理后台实时提醒',
  wecom_robot: '企业微信群机器人',
  sms: '短信',
};

export const NOTIFICATION_STATUSES = ['queued', 'sent', 'skipped', 'failed'] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];
export const NOTIFICATION_STATUS_LABELS: Record<NotificationStatus, string> = {
  queued: '待发送',
  sent: '已发送',
  skipped: '未发送',
  failed: '发送失败',
};

/** Why a delivery was skipped or failed. */
export const NOTIFICATION_REASONS = [
  'no_template',
  'no_subscription',
  'wechat_not_configured',
  'obsolete',
  'refused',
  'rejected',
  'unavailable',
  'error',
  'not_connected',
  'not_bound',
  'no_mobile',
  'no_webhook',
  'sms_not_configured',
] as const;
export type NotificationReason = (typeof NOTIFICATION_REASONS)[number];
export const NOTIFICATION_REASON_LABELS: Record<NotificationReason, string> = {
  no_template: '未配置消息模板',
  no_subscription: '居民未订阅该消息',
  wechat_not_configured: '未配置微信小程序',
  obsolete: '情况已变化，无需发送',
  refused: '微信拒绝：居民未授权或授权已用完',
  rejected: '微信拒绝：请求参数有误',
  unavailable: '微信服务暂时不可用',
  error: '发送时出错',
  not_connected: '未在线',
  not_bound: '未绑定微信',
  no_mobile: '未设置手机号',
  no_webhook: '未配置群机器人',
  sms_not_configured: '未配置短信服务',
};

/** Unused grants kept per template and resident; WeChat keeps counting, but nothing needs more. */
export const MAX_UNUSED_GRANTS_PER_TEMPLATE = 20;

/** WeChat's `thing` values hold at most 20 characters. */
export const WECHAT_THING_MAX = 20;

/** Shortens text to WeChat's `thing` limit, marking the cut. */
export function wechatThing(text: string, max = WECHAT_THING_MAX): string {
  const chars = [...text.trim()];
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
}

/** Puts the values under the template's keys, positionally; a template with fewer keys gets fewer values. */
export function templateData(values: readonly string[], keys: readonly string[]): Record<string, string> {
  return Object.fromEntries(keys.slice(0, values.length).map((key, i) => [key, values[i]]));
}

/** POST /api/v1/me/subscriptions: the template ids wx.requestSubscribeMessage answered `accept` for. */
export interface SubscriptionInput {
  templateIds: string[];
}

/**
 * GET and POST /api/v1/me/subscriptions: sends still allowed per configured template. `slot` names
 * the template's use (events: `signup`, `reminder`, `offer`, `change`; bookings their own).
 */
export interface SubscriptionStatus {
  templates: { slot: string; templateId: string; available: number }[];
}
