/**
 * The signed-in staff session (token pair + profile), persisted in localStorage so a reload keeps
 * the session. Framework-free: the API client reads and rotates tokens here, React subscribes to it
 * through `useSyncExternalStore` (see SessionContext).
 */
import type { StaffDto, StaffLoginResult } from '@xinqiao/shared';

export interface Session {
  accessToken: string;
  refreshToken: string;
  staff: StaffDto;
}

const STORAGE_KEY = 'xq.admin.session';

type Listener = () => void;

function storage(): Storage | null {
  return typeof localStorage === 'undefined' ? null : localStorage;
}

function readPersisted(): Session | null {
  try {
    const raw = storage()?.getItem(STORAGE_KEY);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<Session>;
    if (!parsed.accessToken || !parsed.refreshToken || !parsed.staff) return null;
    return parsed as Session;
  } catch {
    return null;
  }
}

let current: Session | null = readPersisted();
const listeners = new Set<Listener>();

function set(next: Session | null): void {
  current = next;
  const store = storage();
  if (store) {
    if (next) store.setItem(STORAGE_KEY, JSON.stringify(next));
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
    set({
      accessToken: result.accessToken,
      refreshToken: result.refreshToken,
      staff: { ...result.staff, mustChangePassword: result.mustChangePassword },
    });
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
  /** Pick up logins and logouts made in another tab. */
  syncAcrossTabs(): () => void {
    if (typeof window === 'undefined') return () => undefined;
    const onStorage = (e: StorageEvent) => {
      if (e.key !== STORAGE_KEY) return;
      current = readPersisted();
      listeners.forEach((l) => l());
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  },
};
