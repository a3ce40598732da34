import { createContext, useCallback, useContext, useEffect, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import type { StaffDto, StaffLoginResult } from '@xinqiao/shared';
import { authApi } from '../api/auth';
import { sessionStore } from './sessionStore';

export interface SessionValue {
  staff: StaffDto | null;
  login(username: string, password: string): Promise<StaffLoginResult>;
  changePassword(oldPassword: string, newPassword: string): Promise<void>;
  logout(): Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const session = useSyncExternalStore(sessionStore.subscribe, sessionStore.get);
  // Only ask for the profile once the account may use the API (not during the forced password change).
  const staffId = session && !session.staff.mustChangePassword ? session.staff.id : undefined;

  useEffect(() => sessionStore.syncAcrossTabs(), []);

  // Refresh the cached profile once per signed-in account (role or region may have changed).
  useEffect(() => {
    if (staffId === undefined) return;
    authApi
      .me()
      .then((staff) => sessionStore.updateStaff(staff))
      // 401 and PASSWORD_CHANGE_REQUIRED are handled by the client; otherwise keep the cached profile.
      .catch(() => undefined);
  }, [staffId]);

  const login = useCallback(async (username: string, password: string) => {
    const result = await authApi.login(username, password);
    sessionStore.saveLogin(result);
    return result;
  }, []);

  const changePassword = useCallback(async (oldPassword: string, newPassword: string) => {
    sessionStore.saveLogin(await authApi.changePassword(oldPassword, newPassword));
  }, []);

  const logout = useCallback(async () => {
    try {
      await authApi.logout();
    } catch {
      // Signing out locally must work even when the server cannot be reached.
    } finally {
      sessionStore.clear();
    }
  }, []);

  const value = useMemo<SessionValue>(() => ({ staff: session?.staff ?? null, login, changePassword, logout }), [session, login, changePassword, logout]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside <SessionProvider>');
  return value;
}

/** The signed-in staff member; only for components rendered behind <RequireAuth>. */
export function useStaff(): StaffDto {
  const { staff } = useSession();
  if (!staff) throw new Error('useStaff used outside an authenticated route');
  return staff;
}
