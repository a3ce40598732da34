import Taro from '@tarojs/taro';

/** Every key this app writes, so "delete my data" can clear them all. */
export const STORAGE_KEYS = {
  token: 'xq.auth.token',
  tokenExpiresAt: 'xq.auth.expiresAt',
  resident: 'xq.auth.resident',
  devOpenid: 'xq.auth.devOpenid',
  privacy: 'xq.privacy.consent',
  /** Who answers the quizzes without an account (region, group, age band, gender), asked once. */
  quizDemographics: 'xq.quizzes.demographics',
} as const;

/** Families of keys, one per item (e.g. a scale in progress per scale code). */
export const STORAGE_PREFIXES = {
  scaleDraft: 'xq.scales.draft.',
  quizDraft: 'xq.quizzes.draft.',
} as const;

export function readStorage<T>(key: string): T | null {
  try {
    const value = Taro.getStorageSync(key) as T | '' | undefined;
    return value === '' || value === undefined || value === null ? null : (value as T);
  } catch {
    return null;
  }
}

export function writeStorage(key: string, value: unknown): void {
  try {
    Taro.setStorageSync(key, value);
  } catch {
    // Storage full or unavailable: the app still works for this session.
  }
}

export function removeStorage(key: string): void {
  try {
    Taro.removeStorageSync(key);
  } catch {
    // ignore
  }
}

/** Remove every key starting with `prefix` (e.g. all scale drafts when the account is forgotten). */
export function removeStorageByPrefix(prefix: string): void {
  let keys: string[];
  try {
    keys = Taro.getStorageInfoSync().keys;
  } catch {
    return;
  }
  keys.filter((k) => k.startsWith(prefix)).forEach(removeStorage);
}
