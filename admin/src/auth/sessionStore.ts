/**
 * The signed-in staff session. The refresh token lives in an HttpOnly cookie the page cannot read;
 * the short-lived access token is kept in memory only; localStorage holds just the profile, which
 * says "signed in here" across reloads and tabs (a reload gets a new access token from the cookie).
 * Framework-free: the API client reads and rotates the token here, React subscribes through
 * `useSyncExternalStore` (see SessionContext).
 */
import type { StaffDto, StaffLoginResult } from '@xinqiao/shared';

export interface Session {
  /** Null after a reload or in a new tab, until the client refreshes it from the cookie. */
  accessToken: string | null;
  staff: StaffDto;
}

const STORAGE_KEY = 'xq.admin.session';

type Listener = () => void;

function storage(): Storage | null {
  return typeof localStorage === 'undefined' ? null : localStorage;
}

function readPersisted(): StaffDto | null {
  try {
    const raw = storage()?.getItem(STORAGE_KEY);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as { staff?: StaffDto };
    return parsed.staff ?? null;
  } catch {
    return null;
  }
}

const initial = readPersisted();
let current: Session | null = initial ? { accessToken: null, staff: initial } : null;
const listeners = new Set<Listener>();

function set(next: Session | null): void {
  current = next;
  const store = storage();
  if (store) {
    if (next) store.setItem(STORAGE_KEY, JSON.stringify({ staff: next.staff }));
    else store.removeItem(STORAGE_KEY);
  }
  listeners.forEach((l) => l());
}

export const sessionStore = {
  get(): Session | null {
    return current;
  },
  /** Store the answer of login, refresh or password change. */
  saveLogin(result: StaffLoginResult): void {
    set({ accessToken: result.accessToken, staff: { ...result.staff, mustChangePassword: result.mustChangePassword } });
  },
  updateStaff(patch: Partial<StaffDto>): void {
    if (current) set({ ...current, staff: { ...current.staff, ...patch } });
  },
  clear(): void {
    if (current) set(null);
  },
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  /** Pick up logins and logouts made in another tab; a token is never shared, each tab refreshes its own. */
  syncAcrossTabs(): () => void {
    if (typeof window === 'undefined') return () => undefined;
    const onStorage = (e: StorageEvent) => {
      if (e.key !== STORAGE_KEY) return;
      const staff = readPersisted();
      current = staff ? { accessToken: current?.staff.id === staff.id ? current.accessToken : null, staff } : null;
      listeners.forEach((l) => l());
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  },
};
