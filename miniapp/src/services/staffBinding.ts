import { STAFF_BIND_PREFIX, type StaffBindingResult, type SubscriptionStatus } from '@xinqiao/shared';
import Taro from '@tarojs/taro';
import { acceptedTemplateIds } from '../features/events/subscribe';
import { call } from './request';

/** The code as scanned or pasted: the `xqbind:` text, wherever it sits in what was read. */
export function extractBindingCode(raw: string): string | null {
  const at = raw.indexOf(STAFF_BIND_PREFIX);
  if (at < 0) return null;
  const code = raw.slice(at).trim().split(/\s/)[0];
  return code.length > STAFF_BIND_PREFIX.length ? code : null;
}

export function bindStaff(code: string): Promise<StaffBindingResult> {
  return call('POST', '/me/staff-binding', { body: { code }, auth: 'required' });
}

/** Sends still allowed of the staff alert template for this WeChat user. */
export async function staffAlertsAvailable(templateId: string): Promise<number> {
  const status: SubscriptionStatus = await call('GET', '/me/subscriptions', { auth: 'required', toast: false });
  return status.templates.find((t) => t.templateId === templateId)?.available ?? 0;
}

/**
 * Asks WeChat for one more staff alert (a one-time accept allows one message) straight from a tap,
 * and tells the server when it was accepted. Returns whether it was.
 */
export async function acceptStaffAlert(templateId: string): Promise<boolean> {
  if (process.env.TARO_ENV !== 'weapp') return false;
  try {
    const answer = await Taro.requestSubscribeMessage({ tmplIds: [templateId] } as Taro.requestSubscribeMessage.Option);
    if (!acceptedTemplateIds(answer as unknown as Record<string, unknown>, [templateId]).length) return false;
  } catch {
    return false;
  }
  await call('POST', '/me/subscriptions', { body: { templateIds: [templateId] }, auth: 'required', toast: false });
  return true;
}
