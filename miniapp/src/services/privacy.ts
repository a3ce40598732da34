import Taro from '@tarojs/taro';
import { STORAGE_KEYS, readStorage, removeStorage, writeStorage } from './storage';

/** Bump when the 用户隐私保护指引 changes materially: residents are asked again. */
export const PRIVACY_POLICY_VERSION = '2026-11-23.4';
export const PRIVACY_AGREE_BUTTON_ID = 'xq-privacy-agree';
export const PRIVACY_PAGE_URL = '/packageMe/pages/privacy/index';

export interface PrivacyConsent {
  version: string;
  agreedAt: string;
}

export interface PrivacyState {
  /** The first-use / on-demand notice is showing. */
  visible: boolean;
  /** WeChat is waiting for the answer to onNeedPrivacyAuthorization. */
  wechatPending: boolean;
}

type NeedPrivacyResolve = (option: { event: 'exposureAuthorization' | 'agree' | 'disagree'; buttonId?: string }) => void;

let state: PrivacyState = { visible: false, wechatPending: false };
let declinedThisSession = false;
let waiting: Array<(agreed: boolean) => void> = [];
let wechatResolve: NeedPrivacyResolve | null = null;
const listeners = new Set<(s: PrivacyState) => void>();

function setState(next: Partial<PrivacyState>): void {
  state = { ...state, ...next };
  listeners.forEach((l) => l(state));
}

export function getPrivacyState(): PrivacyState {
  return state;
}

export function subscribePrivacy(listener: (s: PrivacyState) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function getPrivacyConsent(): PrivacyConsent | null {
  const consent = readStorage<PrivacyConsent>(STORAGE_KEYS.privacy);
  return consent && consent.version === PRIVACY_POLICY_VERSION ? consent : null;
}

export function hasPrivacyConsent(): boolean {
  return getPrivacyConsent() !== null;
}

/** First use: show the notice once per session until the resident answers it. */
export function showFirstUseNoticeIfNeeded(): void {
  if (!hasPrivacyConsent() && !declinedThisSession && !state.visible) setState({ visible: true });
}

/** Resolves true once the resident has agreed (asking now if needed), false if they decline. */
export function requestPrivacyConsent(): Promise<boolean> {
  if (hasPrivacyConsent()) return Promise.resolve(true);
  return new Promise((resolve) => {
    waiting.push(resolve);
    setState({ visible: true });
  });
}

function settle(agreed: boolean): void {
  const pending = waiting;
  waiting = [];
  pending.forEach((resolve) => resolve(agreed));
}

export function agreePrivacy(): void {
  writeStorage(STORAGE_KEYS.privacy, { version: PRIVACY_POLICY_VERSION, agreedAt: new Date().toISOString() } satisfies PrivacyConsent);
  declinedThisSession = false;
  if (wechatResolve) wechatResolve({ event: 'agree', buttonId: PRIVACY_AGREE_BUTTON_ID });
  wechatResolve = null;
  setState({ visible: false, wechatPending: false });
  settle(true);
}

export function declinePrivacy(): void {
  declinedThisSession = true;
  if (wechatResolve) wechatResolve({ event: 'disagree' });
  wechatResolve = null;
  setState({ visible: false, wechatPending: false });
  settle(false);
}

/** PIPL: consent can be withdrawn at any time. */
export function revokePrivacyConsent(): void {
  removeStorage(STORAGE_KEYS.privacy);
}

/**
 * WeChat calls this before any privacy-related API or component (clipboard, nickname input...)
 * runs while the resident has not agreed to the 用户隐私保护指引 configured in the WeChat console.
 */
export function initWechatPrivacy(): void {
  if (process.env.TARO_ENV !== 'weapp') return;
  const on = (Taro as unknown as { onNeedPrivacyAuthorization?: (l: (resolve: NeedPrivacyResolve) => void) => void }).onNeedPrivacyAuthorization;
  if (typeof on !== 'function') return; // base library < 2.32.3: no privacy flow
  on((resolve) => {
    // A previous request still open: WeChat only honours the latest resolve.
    if (wechatResolve) wechatResolve({ event: 'disagree' });
    wechatResolve = resolve;
    resolve({ event: 'exposureAuthorization' });
    setState({ visible: true, wechatPending: true });
  });
}

/** Test hook: forget module state. */
export function resetPrivacyStateForTests(): void {
  state = { visible: false, wechatPending: false };
  declinedThisSession = false;
  waiting = [];
  wechatResolve = null;
  listeners.clear();
}
