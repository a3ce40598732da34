import type { ResidentLoginResult, ResidentProfile } from '@xinqiao/shared';
import { STORAGE_KEYS, readStorage, removeStorage, writeStorage } from './storage';

/** Treat a token as expired this long before the server does, to avoid racing it. */
const EXPIRY_MARGIN_MS = 30_000;

export function getToken(): string | null {
  const token = readStorage<string>(STORAGE_KEYS.token);
  if (!token) return null;
  const expiresAt = readStorage<number>(STORAGE_KEYS.tokenExpiresAt);
  if (expiresAt && Date.now() > expiresAt - EXPIRY_MARGIN_MS) {
    clearToken();
    return null;
  }
  return token;
}

export function saveSession(result: ResidentLoginResult): void {
  writeStorage(STORAGE_KEYS.token, result.accessToken);
  if (result.expiresIn > 0) writeStorage(STORAGE_KEYS.tokenExpiresAt, Date.now() + result.expiresIn * 1000);
  else removeStorage(STORAGE_KEYS.tokenExpiresAt);
  saveResident(result.resident);
}

export function clearToken(): void {
  removeStorage(STORAGE_KEYS.token);
  removeStorage(STORAGE_KEYS.tokenExpiresAt);
}

export function getCachedResident(): ResidentProfile | null {
  return readStorage<ResidentProfile>(STORAGE_KEYS.resident);
}

export function saveResident(resident: ResidentProfile): void {
  writeStorage(STORAGE_KEYS.resident, resident);
}

/** Forget the session and the cached profile (local only). */
export function clearSession(): void {
  clearToken();
  removeStorage(STORAGE_KEYS.resident);
}
